import BuurtIndex
import BuurtNumerics
import Foundation

/// A generated data set: the three files of a dataset folder.
public struct SyntheticDataset: Sendable, Equatable {
    /// `data.csv`: one row per unit and year, sorted by unit code then year.
    public var dataCSV: String
    /// `model.yml`: the model file for the data (see ``ModelFile``).
    public var modelYAML: String
    /// `README.md`: the data set card, stating that the data is synthetic and how it was made.
    public var card: String
    /// `crosswalk.csv` when a unit is re-coded (``SyntheticDesign/recode``), else `nil`.
    public var crosswalkCSV: String? = nil
    /// `buurten.geojson`: the buurten's shapes, named by the model's `map:` (`nil` for more than
    /// ``SyntheticMap/maximumUnits`` buurten).
    public var mapGeoJSON: String? = nil
}

/// SYNTHETIC neighbourhood liveability-and-safety data for demonstrations and tests.
///
/// Each unit (buurt) has a latent liveability L = 0.6·W + 0.8·Z (W a district effect shared by
/// the units of a wijk, Z its own, both standard normal), a deviation per dimension
/// (normal, sd 0.5), and its own yearly trend (normal, mean 0.04, sd 0.04). In year t (0 = first
/// year) a dimension's score is s = L + d + trend·t + ε (ε normal, sd 0.25). Then
/// - survey shares: Binomial(survey_n, p)/survey_n·100 with logit p = logit(base share) +
///   direction·sensitivity·s + η (η normal, sd 0.15), rounded to 0.1;
/// - registered counts: Poisson(population/1000 · rate · exp(−sensitivity·s + h)) with a fixed
///   per-unit log-rate offset h (normal, sd 0.35), times 2.5–5 in a "hotspot" unit (6 % of units),
///   so the counts are skewed and give the outlier treatment work;
/// - population: lognormal around 2200 (log-sd 0.75) clipped to 300–8000, growing by a
///   per-unit rate (normal, mean 0.5 %, sd 1 %) a year; survey_n ≈ 3.5 % of it (log-sd 0.3),
///   clipped to 20–400;
/// - missing cells: each indicator cell with probability 1 %, and the whole survey of a unit
///   in a year with probability 0.5 % (15 of the 21 indicators; about 1.4 % of cells in all);
///   none below ``comparableUnits`` units, whose draws are still made, so the streams are the same.
///
/// With `indicators` other than 21 the data has fewer catalogue indicators or extra ones as
/// described in ``SyntheticIndicatorSet`` (extras follow the same model, ``SyntheticExtraDraws``).
///
/// Unit *u* draws only from ``RandomStream``(seed, u) (its name from stream 2³² + u, district *w*
/// from 2³³ + w, its extra indicators from their own streams), so the output depends on (units,
/// years, seed, indicators) alone, extending the years leaves the earlier years' rows unchanged,
/// and a column has the same values for every number of indicators that has it.
///
/// - Complexity: O(units × years × indicators); 14 000 units × 4 years take well under 2 s
///   in a release build.
public enum SyntheticData {
    /// The number of indicators of the catalogue, the default of `indicators`.
    public static let catalogueIndicators = SyntheticIndicatorSet.catalogueCount
    /// The numbers of indicators ``generate(units:years:seed:indicators:design:only:)`` accepts.
    public static let indicatorRange = SyntheticIndicatorSet.allowed
    /// The numbers of buurten `synth` writes. Above a million the file would pass the size the
    /// readers accept.
    public static let unitRange = 1...1_000_000
    /// The fewest buurten whose data has gaps and whose model normalises by min-max within the
    /// first year and fills gaps with the wijk mean. With fewer, a year's gaps or equal values
    /// could leave an indicator that cannot be normalised: the data has no gaps and the model
    /// scores against fixed goalposts (``SyntheticSummary/fixedGoalposts``).
    public static let comparableUnits = 5
    /// The most indicator cells (buurten × years × indicators) `synth` writes: about 1.4 GB
    /// of CSV, within the 2 GiB that the readers accept.
    public static let maximumCells = 200_000_000
    /// Data sets of at most this many buurten get a map (`buurten.geojson`).
    public static let mapUnits = SyntheticMap.maximumUnits

    /// Generates the data, its model file and its card.
    /// - Parameters:
    ///   - units: number of neighbourhoods (fewer than 1 gives a header-only file).
    ///   - years: the years, one row per unit each.
    ///   - seed: the random seed.
    ///   - indicators: the number of indicators (``indicatorRange``; outside it, the nearest end):
    ///     21 is the catalogue, fewer take some of it, more add extra ones to the six dimensions.
    ///   - design: a method break and a re-coded unit (``SyntheticDesign``); by default none.
    ///   - only: write only the rows of these years to `dataCSV` (the figures of one new year
    ///     of a series: they equal that year's rows of the full series); `nil` writes all.
    public static func generate(
        units: Int, years: ClosedRange<Int>, seed: UInt64, indicators: Int = catalogueIndicators,
        design: SyntheticDesign = SyntheticDesign(), only: ClosedRange<Int>? = nil
    ) -> SyntheticDataset {
        let set = SyntheticIndicatorSet(count: indicators)
        let allCatalogue = set.cataloguePositions.count == SyntheticCatalogue.indicators.count
        var csv = CSVWriter(header: SyntheticCatalogue.leadingColumns + set.columns.map(\.code))
        let units = max(0, units)
        let gaps = units >= comparableUnits
        let districts = max(1, (units + 4) / 5)
        var districtEffect: [Double] = []
        for w in 0..<districts {
            var g = RandomStream(seed: seed, stream: districtStream + UInt64(w))
            districtEffect.append(g.standardNormal())
        }
        var names = SyntheticNames(seed: seed)
        var missingCells = 0
        var district = -1
        var buurtInDistrict = 0
        var rows: [(code: String, year: Int, cells: [String])] = []
        var recoded: (from: String, to: String)?
        var mapUnits: [SyntheticMap.Unit] = []
        for u in 0..<units {
            let w = u * districts / units
            if w != district {
                district = w
                buurtInDistrict = 0
            }
            buurtInDistrict += 1
            let codes = Self.codes(district: w, buurt: buurtInDistrict)
            var newCode: String?
            if design.recode != nil && u == SyntheticDesign.recodedUnit(units: units) {
                newCode = Self.codes(district: w, buurt: buurtInDistrict + SyntheticDesign.recodeOffset).unit
                recoded = (codes.unit, newCode!)
            }
            let name = names.name(for: u)
            mapUnits.append(SyntheticMap.Unit(code: newCode ?? codes.unit, name: name, district: w, place: buurtInDistrict - 1))
            var g = RandomStream(seed: seed, stream: UInt64(u))
            let unit = LatentUnit(districtEffect: districtEffect[w], &g)
            var extras = SyntheticExtraDraws(set, seed: seed, unit: u)
            for year in years {
                let row = unit.row(t: year - years.lowerBound, gaps: gaps, &g) { design.shift($0, year: year) }
                let values = (allCatalogue ? row.values : set.cataloguePositions.map { row.values[$0] })
                    + extras.values(row, hotspot: unit.hotspot, gaps: gaps)
                missingCells += values.filter(\.isNaN).count
                if let only, !only.contains(year) { continue }
                let code = newCode.flatMap { year >= design.recode! ? $0 : nil } ?? codes.unit
                rows.append((code, year, [code, name, codes.district, String(year), formatNumber(row.population), formatNumber(row.surveySize)]
                    + values.map(formatNumber)))
            }
        }
        // Generated in code order; a re-coded unit's later rows move to their new code's place.
        if recoded != nil { rows.sort { ($0.code, $0.year) < ($1.code, $1.year) } }
        for row in rows { csv.appendRow(row.cells) }
        let map = SyntheticMap.geoJSON(mapUnits, districts: districts, seed: seed)
        let summary = SyntheticSummary(units: units, districts: districts, years: years, seed: seed, indicators: set,
                                       rows: units * years.count, missingCells: missingCells, design: design, recoded: recoded,
                                       hasMap: map != nil)
        return SyntheticDataset(dataCSV: csv.text, modelYAML: SyntheticText.modelYAML(summary), card: SyntheticText.card(summary),
                                crosswalkCSV: design.crosswalkCSV(years: years, recoded: recoded), mapGeoJSON: map)
    }

    static let districtStream: UInt64 = 2 << 32

    /// `BU` + 4-digit pseudo-municipality + 2-digit wijk + 2-digit buurt, CBS style. Municipality
    /// 0000 (which does not exist) holds wijken 01–99; further wijken continue in 0001, 0002, ….
    static func codes(district w: Int, buurt: Int) -> (unit: String, district: String) {
        let area = zeroPadded(w / 99, 4) + zeroPadded(w % 99 + 1, 2)
        return ("BU" + area + zeroPadded(buurt, 2), "WK" + area)
    }

    static func zeroPadded(_ x: Int, _ width: Int) -> String {
        let s = String(x)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// What the model file and card say about a generated data set.
struct SyntheticSummary {
    let units: Int
    let districts: Int
    let years: ClosedRange<Int>
    let seed: UInt64
    let indicators: SyntheticIndicatorSet
    let rows: Int
    let missingCells: Int
    var design = SyntheticDesign()
    var recoded: (from: String, to: String)?
    /// Whether `buurten.geojson` is written (and named by the model's `map:`).
    var hasMap = false

    /// Fewer than ``SyntheticData/comparableUnits`` units: no gaps, and fixed goalposts instead
    /// of the first year's minimum and maximum.
    var fixedGoalposts: Bool { units < SyntheticData.comparableUnits }
}

/// One unit's fixed latent traits; draws its rows year by year from the unit's own stream.
struct LatentUnit {
    let liveability: Double
    let dimensionDeviation: [Double]
    let trend: Double
    let population0: Double
    let growth: Double
    let hotspot: Double
    let countOffset: [Double]

    init(districtEffect: Double, _ g: inout RandomStream) {
        liveability = 0.6 * districtEffect + 0.8 * g.standardNormal()
        dimensionDeviation = SyntheticCatalogue.dimensions.map { _ in 0.5 * g.standardNormal() }
        trend = g.normal(mean: 0.04, sd: 0.04)
        population0 = min(8000, max(300, Foundation.exp(g.normal(mean: Foundation.log(2200), sd: 0.75))))
        growth = g.normal(mean: 0.005, sd: 0.01)
        let isHotspot = g.uniform() < 0.06
        let multiplier = 2.5 + 2.5 * g.uniform()
        hotspot = isHotspot ? multiplier : 1
        countOffset = SyntheticCatalogue.indicators.map { _ in 0.35 * g.standardNormal() }
    }

    struct Row {
        var population: Double
        var surveySize: Double
        /// The catalogue's indicators, in catalogue order.
        var values: [Double]
        /// The year's score of each dimension, the number of respondents, and whether the
        /// whole survey is missing (for ``SyntheticExtraDraws``).
        var dimensionScores: [Double]
        var respondents: Int
        var surveyMissing: Bool
    }

    /// - Parameters:
    ///   - gaps: whether cells and surveys may be missing (the draws are made either way).
    ///   - shift: the logit shift of a survey indicator (by code) in this row's year.
    func row(t: Int, gaps: Bool, _ g: inout RandomStream, shift: (String) -> Double) -> Row {
        let population = min(8000, max(300, (population0 * Foundation.exp(growth * Double(t))).rounded()))
        let n = Int(min(400, max(20, (0.035 * population * Foundation.exp(0.3 * g.standardNormal())).rounded())))
        let surveyMissing = g.uniform() < 0.005 && gaps
        let score = dimensionDeviation.map { liveability + $0 + trend * Double(t) + 0.25 * g.standardNormal() }
        var values: [Double] = []
        values.reserveCapacity(SyntheticCatalogue.indicators.count)
        for (i, indicator) in SyntheticCatalogue.indicators.enumerated() {
            let s = score[SyntheticCatalogue.dimensionIndex[i]]
            let cellMissing = g.uniform() < 0.01 && gaps
            var value: Double
            switch indicator.source {
            case .survey(let base):
                value = indicator.surveyShare(base: base, score: s, respondents: n, &g)
                // A method break moves the answered share on the logit scale after the draw, so
                // the unit's random stream (and every other cell) stays as without the break.
                let extra = shift(indicator.code)
                if extra != 0 && value > 0 && value < 100 {
                    let moved = Foundation.log(value / (100 - value)) + extra
                    value = (1000 / (1 + Foundation.exp(-moved))).rounded() / 10
                }
                if surveyMissing { value = .nan }
            case .count(let rate):
                value = indicator.count(rate: rate, score: s, population: population, offset: countOffset[i], hotspot: hotspot, &g)
            }
            values.append(cellMissing ? .nan : value)
        }
        return Row(population: population, surveySize: surveyMissing ? .nan : Double(n), values: values,
                   dimensionScores: score, respondents: n, surveyMissing: surveyMissing)
    }
}
