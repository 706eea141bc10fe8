import BuurtIndex
import BuurtNumerics

/// How far the ranking moves when one dimension is left out of the index.
public struct RemovalRow: Sendable, Equatable {
    /// Code of the removed dimension.
    public var dimension: String
    /// Mean over units of |rank without the dimension − nominal rank|, taken within each period
    /// and averaged over the periods (the sensitivity target,
    /// ``meanAbsoluteRankShift(nominalRanks:replicationRanks:periods:)``).
    public var meanAbsoluteRankShift: Double
    /// The largest |rank shift| of any unit in any period.
    public var maxAbsoluteRankShift: Double
    /// Per row of the nominal aggregated panel: nominal rank − rank without the dimension, as
    /// COINr's `RankDiffs` (positive = the unit climbs without it, i.e. the dimension held it
    /// back); NaN where either rank is missing.
    public var rankShifts: [Double]

    public init(dimension: String, meanAbsoluteRankShift: Double, maxAbsoluteRankShift: Double, rankShifts: [Double]) {
        self.dimension = dimension
        self.meanAbsoluteRankShift = meanAbsoluteRankShift
        self.maxAbsoluteRankShift = maxAbsoluteRankShift
        self.rankShifts = rankShifts
    }

    public static func == (x: RemovalRow, y: RemovalRow) -> Bool {
        func same(_ p: Double, _ q: Double) -> Bool { p == q || (p.isNaN && q.isNaN) }
        return x.dimension == y.dimension && same(x.meanAbsoluteRankShift, y.meanAbsoluteRankShift)
            && same(x.maxAbsoluteRankShift, y.maxAbsoluteRankShift)
            && x.rankShifts.count == y.rankShifts.count && zip(x.rankShifts, y.rankShifts).allSatisfy(same)
    }
}

/// Removal ("what if this dimension were dropped") analysis, as COINr's `remove_elements`: for each
/// child of the index, the nominal pipeline is recomputed with that child's weight set to 0 —
/// an arithmetic mean then renormalises over the remaining children — and the index ranks
/// (within each period, rank 1 = highest score) are compared with the nominal ones. Units
/// unranked in either run are skipped in the mean and maximum (COINr's `colMeans` would give NA).
///
/// Weights only enter the aggregate stage, so the stages up to normalisation run once and each
/// removal re-runs the aggregation alone.
public enum RemovalAnalysis {
    /// - Parameters:
    ///   - panel: the raw panel.
    ///   - parent: the aggregate whose children are removed one at a time (default: the index).
    /// - Returns: one row per child of `parent`, in model order.
    /// - Throws: a pipeline ``BuurtError``, or `.data` when `parent` is not an aggregate with at
    ///   least two children.
    /// - Complexity: one full pipeline run plus one aggregation per child.
    public static func run(panel: Panel, model: IndexModel, spec: PipelineSpec, parent: String? = nil) throws(BuurtError) -> [RemovalRow] {
        let nominal = try Pipeline.run(panel, model: model, spec: spec)
        return try run(nominal: nominal, model: model, spec: spec, parent: parent)
    }

    /// The same, starting from a nominal run that kept its normalised panel
    /// (`Pipeline.run(…, keepIntermediate: true)`); shifts are in the rows of its aggregated panel.
    public static func run(nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, parent: String? = nil) throws(BuurtError) -> [RemovalRow] {
        let location = SourceLocation(file: "model")
        let parent = parent ?? model.root
        let dimensions = model.children(of: parent)
        guard model.node(parent)?.kind == .aggregate, dimensions.count >= 2 else {
            throw BuurtError(.data, "removal analysis needs an aggregate with at least two children; '\(parent)' has "
                + "\(dimensions.count) (\(dimensions.joined(separator: ", ")))", at: location)
        }
        guard let normalised = nominal.panel(after: .normalised) else {
            throw BuurtError(.internalFailure, "removal analysis needs the nominal run's normalised panel (run the pipeline with keepIntermediate)")
        }
        let periods = PeriodPartition(nominal.aggregated)
        let nominalRanks = periods.ranks(try indexScores(nominal.aggregated, model))

        var rows: [RemovalRow] = []
        for dimension in dimensions {
            let reduced: IndexModel
            do {
                reduced = try model.withWeights([dimension: 0])
            } catch {
                throw error.problems.first ?? BuurtError(.data, "cannot set the weight of '\(dimension)' to 0", at: location)
            }
            let run = try Pipeline.run(normalised, model: reduced, spec: spec, resumingAfter: .normalised, keepIntermediate: false)
            let ranks = periods.ranks(try indexScores(run.aggregated, model))
            let shifts = zip(nominalRanks, ranks).map { $0 - $1 }
            rows.append(RemovalRow(
                dimension: dimension,
                meanAbsoluteRankShift: meanAbsoluteRankShift(nominalRanks: nominalRanks, replicationRanks: ranks, periods: periods),
                maxAbsoluteRankShift: shifts.reduce(Double.nan) { m, s in s.isNaN ? m : (m.isNaN ? abs(s) : max(m, abs(s))) },
                rankShifts: shifts))
        }
        return rows
    }

    private static func indexScores(_ panel: Panel, _ model: IndexModel) throws(BuurtError) -> [Double] {
        guard let scores = panel.column(model.root) else {
            throw BuurtError(.internalFailure, "the aggregated panel has no column for the index '\(model.root)'")
        }
        return scores
    }
}
