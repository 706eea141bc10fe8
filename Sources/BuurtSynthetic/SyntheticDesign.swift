import BuurtIndex
import BuurtNumerics

/// Study-design features of a synthetic panel over time (`buurtscore synth --method-break YEAR
/// --recode YEAR`): what real multi-year data has and a comparison over time must handle.
///
/// - `methodBreak`: from this year on the survey asks about feelings of unsafety with a new
///   wording, which raises the logit of each observed unsafety share (strictly between 0 and
///   100 %) by ``breakShift`` (about +8 percentage points at a 30 % share), rounded to 0.1 again;
///   the random draws are the same, so only those cells differ. The model declares the break (`breaks:`).
/// - `recode`: from this year on the second buurt (the first when there is one) gets a new code,
///   its buurt number + 50 (`BU00000102` → `BU00000152`): the same area under a new code, as after
///   a municipal re-coding. A crosswalk file maps its earlier rows onto the new code (share 1).
///   Rows stay sorted by code, then year.
public struct SyntheticDesign: Sendable, Equatable {
    public var methodBreak: Int?
    public var recode: Int?

    public init(methodBreak: Int? = nil, recode: Int? = nil) {
        self.methodBreak = methodBreak
        self.recode = recode
    }

    /// Logit shift of the unsafety survey shares from the break on.
    static let breakShift = 0.35
    /// The dimension whose survey questions change at the break.
    static let breakDimension = "unsafety"
    /// Added to the buurt number of the re-coded unit.
    static let recodeOffset = 50

    /// The unit (0-based) that is re-coded.
    static func recodedUnit(units: Int) -> Int { units >= 2 ? 1 : 0 }

    /// The indicators affected by the break.
    static var breakIndicators: [String] {
        SyntheticCatalogue.indicators.filter { $0.isSurvey && $0.dimension == breakDimension }.map(\.code)
    }

    /// The logit shift of indicator `code` in `year`.
    func shift(_ code: String, year: Int) -> Double {
        guard let methodBreak, year >= methodBreak, Self.breakIndicators.contains(code) else { return 0 }
        return Self.breakShift
    }

    /// `--method-break Y --recode Y` as given to `buurtscore synth` (empty without them).
    var options: String {
        (methodBreak.map { " --method-break \($0)" } ?? "") + (recode.map { " --recode \($0)" } ?? "")
    }

    /// The break's indicators among the data's `indicators` (codes).
    static func breakIndicators(among indicators: [String]) -> [String] {
        breakIndicators.filter(indicators.contains)
    }

    /// The model lines for the design (empty without it); `indicators`: the data's indicator codes.
    func modelYAML(years: ClosedRange<Int>, recoded: (from: String, to: String)?, indicators: [String]) -> [String] {
        var lines: [String] = []
        if let methodBreak {
            lines += [
                "# Method break: from \(methodBreak) the survey asks about feelings of unsafety with a new wording;",
                "# changes of these indicators (and of the groups holding them) across \(methodBreak) are flagged.",
                "breaks:",
                "  - {period: \(methodBreak), indicators: [\(Self.breakIndicators(among: indicators).joined(separator: ", "))], note: \"nieuwe vraagstelling onveiligheidsgevoelens in de enquête\"}",
            ]
        }
        if let recoded, let recode, recode > years.lowerBound {
            lines += [
                "# \(recoded.from) is re-coded \(recoded.to) from \(recode) on; the crosswalk maps its earlier rows onto the new code.",
                "crosswalk: crosswalk.csv",
            ]
        }
        if methodBreak != nil || recode != nil {
            lines += ["# Changes per buurt and dimension in windows that follow the data: the first year against the",
                      "# latest (a yearly update moves `latest` on), every year against the one before, and the trend",
                      "# over all years (OLS slope in points per year, and the compound annual growth rate).",
                      "changes: {windows: [{from: first, to: latest}], year_on_year: true, trend: true}"]
        }
        return lines
    }

    /// `crosswalk.csv` for the re-coded unit, or `nil`.
    func crosswalkCSV(years: ClosedRange<Int>, recoded: (from: String, to: String)?) -> String? {
        guard let recoded, let recode, recode > years.lowerBound else { return nil }
        var csv = CSVWriter(header: Crosswalk.columns)
        csv.appendRow([recoded.from, recoded.to, String(years.lowerBound), String(min(recode, years.upperBound + 1) - 1), "1"])
        return csv.text
    }

    /// The card's section on the design (empty without it); `indicators`: the data's indicator codes.
    func card(years: ClosedRange<Int>, recoded: (from: String, to: String)?, indicators: [String]) -> String {
        guard methodBreak != nil || recode != nil else { return "" }
        var text = "\n## Over the years\n\n"
        if let methodBreak {
            text += """
                **Method break in \(methodBreak).** From \(methodBreak) on the survey asks about feelings of unsafety with a
                new wording, which raises every share of \(Self.breakIndicators(among: indicators).map { "`\($0)`" }.joined(separator: ", "))
                (their logit by \(formatNumber(Self.breakShift)), about 8 percentage points at a share of 30 %). The model
                declares it under `breaks:`, so a change of the dimension *Onveiligheidsgevoelens* or of
                the index across \(methodBreak) is flagged in `changes.csv` (column `break`) and in the report.

                """
        }
        if let recoded, let recode, recode > years.lowerBound {
            text += """
                **Re-coded buurt.** From \(recode) on, buurt `\(recoded.from)` is published as `\(recoded.to)` (same area,
                new code). `crosswalk.csv` (`from_code,to_code,period_from,period_to,share`) maps its rows of
                \(years.lowerBound)–\(recode - 1) onto `\(recoded.to)` with share 1, so the buurt is followed over time.

                """
        }
        text += """
            `changes.csv` compares the first year with the latest (\(years.lowerBound) with \(years.upperBound)) and every year with the one
            before, per buurt, for the index and each dimension, with the trend over all years (slope per year and
            compound annual growth), each with a 5–95 % band from the same replications as the other bands.

            Licence: the data is synthetic and may be used freely (CC0 1.0).

            """
        return text
    }
}
