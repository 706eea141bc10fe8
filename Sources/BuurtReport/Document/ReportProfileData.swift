import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The numbers behind the buurt profiles, computed once for all profiled buurten: per code
/// (index and dimensions) the scores per row, the city mean per period, the city's middle 90 %
/// in the latest period, the shared chart scales and the changes of `changes.csv`.
struct ReportProfileData {
    /// The index first, then the dimensions.
    let codes: [String]
    let columns: [String: [Double]]
    /// City mean per code, per period (index into `periods`).
    let cityMean: [String: [Double]]
    /// 5th and 95th percentile over the buurten of the latest period.
    let cityLow: [String: Double]
    let cityHigh: [String: Double]
    /// Row of each profiled unit in each period (index into `periods`), -1 where absent.
    let rowsOf: [String: [Int]]
    /// The rows of `changes.csv` of the profiled units, by ``ReportContext/key(_:_:_:)`` with
    /// no period: the one verdict on a change that every part of the report shows.
    let changeRows: [String: ChangeRow]
    let profileScale: (domain: (Double, Double), ticks: [Double])
    let trendScale: (domain: (Double, Double), ticks: [Double])

    init(_ c: ReportContext) {
        let panel = c.aggregated
        let codes = [c.model.root] + c.dimensions
        self.codes = codes
        var columns: [String: [Double]] = [:]
        for code in codes { columns[code] = panel.column(code) ?? [Double](repeating: .nan, count: panel.rowCount) }
        self.columns = columns
        let groups = panel.periodGroups
        var cityMean: [String: [Double]] = [:], cityLow: [String: Double] = [:], cityHigh: [String: Double] = [:]
        for code in codes {
            let column = columns[code]!
            cityMean[code] = groups.map { g in Descriptive.mean(g.rows.map { column[$0] }.filter(\.isFinite)) }
            let latest = (groups.last?.rows ?? []).map { column[$0] }.filter(\.isFinite)
            cityLow[code] = Descriptive.quantile(latest, 0.05)
            cityHigh[code] = Descriptive.quantile(latest, 0.95)
        }
        self.cityMean = cityMean
        self.cityLow = cityLow
        self.cityHigh = cityHigh

        // Rows of each profiled unit by period (the other units' rows are never looked up).
        let profiledUnits = Set(c.profiled.map(\.unit))
        var periodIndex: [Int: Int] = [:]
        for (k, g) in groups.enumerated() { if let p = g.period { periodIndex[p] = k } }
        var rowsOf: [String: [Int]] = [:]
        for r in 0..<panel.rowCount where profiledUnits.contains(panel.unitCodes[r]) {
            let k = panel.periods[r].flatMap { periodIndex[$0] } ?? (groups.count - 1)
            rowsOf[panel.unitCodes[r], default: [Int](repeating: -1, count: groups.count)][k] = r
        }
        self.rowsOf = rowsOf
        var changeRows: [String: ChangeRow] = [:]
        let headline = c.input.changes?.headline
        for row in c.input.changes?.rows ?? [] where profiledUnits.contains(row.unit) && row.measure == .change
            && row.excluding.isEmpty && PeriodPair(from: row.from, to: row.to) == headline {
            changeRows[ReportContext.key(row.unit, nil, row.group)] = row
        }
        self.changeRows = changeRows

        // Shared scales over what the profiles draw.
        var profileValues: [Double] = [], trendValues: [Double] = []
        for code in codes {
            profileValues += [cityLow[code]!, cityHigh[code]!]
            trendValues += cityMean[code]!
        }
        for p in c.profiled {
            for code in codes {
                for r in rowsOf[p.unit] ?? [] where r >= 0 { trendValues.append(columns[code]![r]) }
            }
            for code in c.dimensions {
                if let th = c.theme(p.unit, p.period, code) {
                    profileValues += [th.score, th.score + th.gap - th.gapP95, th.score + th.gap - th.gapP05]
                }
            }
        }
        profileScale = ChartScale.nice(profileValues, count: 6)
        trendScale = ChartScale.nice(trendValues, count: 4)
    }

    /// The change row of `unit` and `code` (nil when `changes.csv` has none).
    func change(_ unit: String, _ code: String) -> ChangeRow? { changeRows[ReportContext.key(unit, nil, code)] }

    /// The score band of `code` for one row: the index's own score band, or for a dimension the
    /// spread of its gap placed around the score ([score + gap − gap₉₅, score + gap − gap₀₅]).
    func band(_ c: ReportContext, unit: String, period: Int?, code: String) -> (Double, Double) {
        if code == c.model.root {
            guard let p = c.priority(unit, period) else { return (.nan, .nan) }
            return (p.scoreP05, p.scoreP95)
        }
        guard let th = c.theme(unit, period, code) else { return (.nan, .nan) }
        return (th.score + th.gap - th.gapP95, th.score + th.gap - th.gapP05)
    }
}
