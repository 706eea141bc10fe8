import BuurtIndex
import BuurtNumerics
import Foundation

/// The indicators of a synthetic data set with `count` indicators (`buurtscore synth
/// --indicators N`), in two orders: the columns of `data.csv` and the model's tree.
///
/// - N = 21: the catalogue (``SyntheticCatalogue/indicators``), as always.
/// - 6 ≤ N < 21: catalogue indicators taken round-robin over the six dimensions (the first of
///   each dimension, then the second, …), written in catalogue order.
/// - N > 21: the catalogue, then N − 21 extra indicators dealt round-robin to the six
///   dimensions. The j-th extra of a dimension (code `extra_<dimension>_<j>`) is a survey share
///   when j is odd and a registered count per 1000 inhabitants when j is even, with the
///   direction of its dimension's catalogue indicators.
///
/// Every catalogue value is drawn whatever N is (only the chosen ones are written), and each
/// extra indicator of a unit draws from its own stream (``SyntheticExtraDraws``), so a column
/// holds the same values for every N that has it.
struct SyntheticIndicatorSet {
    /// The catalogue's size, the default N.
    static let catalogueCount = SyntheticCatalogue.indicators.count
    /// N accepted by ``SyntheticData/generate(units:years:seed:indicators:design:only:)``.
    static let allowed = 6...120

    /// Positions (in ``SyntheticCatalogue/indicators``) of the catalogue indicators written, ascending.
    let cataloguePositions: [Int]
    /// The extra indicators, in the order they were dealt (k = 1, 2, …).
    let extras: [SyntheticCatalogue.Indicator]
    /// Position in ``SyntheticCatalogue/dimensions`` of each extra's dimension.
    let extraDimension: [Int]

    /// - Parameter count: N, clamped to ``allowed``.
    init(count: Int) {
        let n = min(Self.allowed.upperBound, max(Self.allowed.lowerBound, count))
        let catalogue = SyntheticCatalogue.indicators
        if n >= catalogue.count {
            cataloguePositions = Array(catalogue.indices)
        } else {
            // Round r takes the r-th indicator of every dimension that has one.
            var chosen: [Int] = []
            var round = 0
            while chosen.count < n {
                for d in SyntheticCatalogue.dimensions.indices where chosen.count < n {
                    let members = catalogue.indices.filter { SyntheticCatalogue.dimensionIndex[$0] == d }
                    if round < members.count { chosen.append(members[round]) }
                }
                round += 1
            }
            cataloguePositions = chosen.sorted()
        }
        let dimensions = SyntheticCatalogue.dimensions
        var extras: [SyntheticCatalogue.Indicator] = []
        var extraDimension: [Int] = []
        for k in 1..<max(1, n - catalogue.count + 1) {
            let d = (k - 1) % dimensions.count
            extras.append(Self.extra(dimension: d, number: (k - 1) / dimensions.count + 1))
            extraDimension.append(d)
        }
        self.extras = extras
        self.extraDimension = extraDimension
    }

    /// N.
    var count: Int { cataloguePositions.count + extras.count }

    /// The columns of `data.csv`, in order: the chosen catalogue indicators, then the extras.
    var columns: [SyntheticCatalogue.Indicator] {
        cataloguePositions.map { SyntheticCatalogue.indicators[$0] } + extras
    }

    /// The model's order: per dimension its catalogue indicators, then its extras.
    var byDimension: [SyntheticCatalogue.Indicator] {
        SyntheticCatalogue.dimensions.flatMap { d in columns.filter { $0.dimension == d.code } }
    }

    /// The j-th extra indicator of dimension `d`: a survey share for odd j, a count for even j.
    /// Its base share (or rate) and sensitivity vary with j and d within the catalogue's ranges.
    static func extra(dimension d: Int, number j: Int) -> SyntheticCatalogue.Indicator {
        let dimension = SyntheticCatalogue.dimensions[d]
        let direction = SyntheticCatalogue.indicators.first { $0.dimension == dimension.code }!.direction
        let topic = dimension.name.lowercased()
        let variant = (j / 2 + d) % 4
        let sensitivity = 0.40 + 0.05 * Double((j + d) % 4)
        if j % 2 == 1 {
            let base = direction > 0 ? [0.45, 0.55, 0.62, 0.70][variant] : [0.08, 0.14, 0.22, 0.30][variant]
            return SyntheticCatalogue.Indicator(
                code: "extra_\(dimension.code)_\(j)", name: "Aanvullende enquêtevraag \(j) (\(topic)) (%)",
                dimension: dimension.code, direction: direction, source: .survey(baseShare: base), sensitivity: sensitivity)
        }
        return SyntheticCatalogue.Indicator(
            code: "extra_\(dimension.code)_\(j)", name: "Aanvullende registratie \(j) (\(topic)) per 1000 inwoners",
            dimension: dimension.code, direction: direction, source: .count(ratePer1000: [4, 9, 20, 40][variant]), sensitivity: sensitivity)
    }
}

/// One unit's draws of the extra indicators: extra k of unit u draws only from
/// ``RandomStream``(seed, 2⁴⁰ + 128·u + k − 1), disjoint from the catalogue's streams (below
/// 2³⁴), first a fixed log-rate offset (normal, sd 0.35), then year by year.
///
/// Their numbers follow the catalogue's model with the unit's dimension score s of the year:
/// a survey share is Binomial(survey_n, p)/survey_n·100 with logit p = logit(base share) +
/// direction·sensitivity·s + η (η normal, sd 0.15), rounded to 0.1, and empty with the rest of
/// the survey; a count is Poisson(population/1000 · rate · exp(direction·sensitivity·s + h)),
/// times the unit's hotspot factor when less is better. Each cell is empty with probability 1 %
/// when the data has gaps.
struct SyntheticExtraDraws {
    static let stream: UInt64 = 1 << 40
    let extras: [SyntheticCatalogue.Indicator]
    let dimension: [Int]
    private var streams: [RandomStream]
    private let offsets: [Double]

    init(_ set: SyntheticIndicatorSet, seed: UInt64, unit: Int) {
        extras = set.extras
        dimension = set.extraDimension
        var streams: [RandomStream] = []
        var offsets: [Double] = []
        for k in extras.indices {
            var g = RandomStream(seed: seed, stream: Self.stream + UInt64(unit) << 7 + UInt64(k))
            offsets.append(0.35 * g.standardNormal())
            streams.append(g)
        }
        self.streams = streams
        self.offsets = offsets
    }

    /// The extras' values in the year of `row` (NaN = empty); `gaps`: whether cells may be
    /// missing (the draws are made either way).
    mutating func values(_ row: LatentUnit.Row, hotspot: Double, gaps: Bool) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(extras.count)
        for (k, indicator) in extras.enumerated() {
            let s = row.dimensionScores[dimension[k]]
            let cellMissing = streams[k].uniform() < 0.01 && gaps
            var value: Double
            switch indicator.source {
            case .survey(let base):
                value = indicator.surveyShare(base: base, score: s, respondents: row.respondents, &streams[k])
                if row.surveyMissing { value = .nan }
            case .count(let rate):
                value = indicator.count(rate: rate, score: s, population: row.population, offset: offsets[k], hotspot: hotspot, &streams[k])
            }
            values.append(cellMissing ? .nan : value)
        }
        return values
    }
}
