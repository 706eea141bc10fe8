import BuurtIndex
import BuurtNumerics

/// One row (unit in a period) ranked under the published weights and under changed weights.
public struct RankShift: Sendable, Equatable {
    /// Row of the aggregated panel.
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    /// Index score under the published weights and under the changed weights (NaN = missing).
    public var publishedScore: Double
    public var score: Double
    /// Rank within the period, 1 = highest index, ties share the best rank (NaN = unranked).
    public var publishedRank: Double
    public var rank: Double

    public init(row: Int, unit: String, name: String, period: Int?, publishedScore: Double, score: Double,
                publishedRank: Double, rank: Double) {
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.publishedScore = publishedScore
        self.score = score
        self.publishedRank = publishedRank
        self.rank = rank
    }

    /// publishedRank − rank: positive when the unit climbs (moves towards rank 1) under the
    /// changed weights, negative when it falls; NaN when either rank is missing.
    public var shift: Double { publishedRank - rank }

    public static func == (a: RankShift, b: RankShift) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.row == b.row && a.unit == b.unit && a.name == b.name && a.period == b.period
            && same(a.publishedScore, b.publishedScore) && same(a.score, b.score)
            && same(a.publishedRank, b.publishedRank) && same(a.rank, b.rank)
    }
}

/// "What if the weights were different": the index recomputed with some weights changed, and
/// how every unit's rank within its period moves against the published ranking.
///
/// Weights only enter the aggregate stage, so the pipeline resumes after normalisation: the
/// changed run re-aggregates the published run's normalised panel and has the same rows.
/// Ranks follow `buurtscore run` (``PeriodPartition/ranks(_:)``): highest score = 1, equal
/// scores (exact floating-point equality) share the best rank.
public enum WhatIf {
    /// The pipeline result with `weights` (code → new weight, relative to its siblings) replacing
    /// the model's weights.
    /// - Parameter nominal: the published run; it must have kept its normalised panel
    ///   (`Pipeline.run(…, keepIntermediate: true)`).
    /// - Throws: `.data` when a code is not an indicator or aggregate of the model or a weight is
    ///   negative or not finite; `.internalFailure` when `nominal` has no normalised panel; an
    ///   aggregation error of the changed run.
    /// - Complexity: one aggregation.
    public static func reweighted(
        nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, weights: [String: Double]
    ) throws(BuurtError) -> PipelineResult {
        let changed: IndexModel
        do {
            changed = try model.withWeights(weights)
        } catch {
            throw BuurtError(.data, error.problems.map(\.message).joined(separator: "; "))
        }
        guard let normalised = nominal.panel(after: .normalised) else {
            throw BuurtError(.internalFailure, "recomputing with other weights needs the published run's normalised panel (run the pipeline with keepIntermediate)")
        }
        return try Pipeline.run(normalised, model: changed, spec: spec, resumingAfter: .normalised, keepIntermediate: false)
    }

    /// Every row's published and changed index score and rank, in row order.
    /// - Parameters:
    ///   - published: the aggregated panel under the published weights.
    ///   - changed: the aggregated panel under the changed weights, with the same rows.
    ///   - index: the column ranked (the model's root).
    /// - Throws: `.internalFailure` when a panel lacks the column or the panels' rows differ.
    /// - Complexity: O(n log n).
    public static func rankShifts(published: Panel, changed: Panel, index: String) throws(BuurtError) -> [RankShift] {
        guard let before = published.column(index), let after = changed.column(index) else {
            throw BuurtError(.internalFailure, "the aggregated panels have no column for the index '\(index)'")
        }
        guard published.unitCodes == changed.unitCodes, published.periods == changed.periods else {
            throw BuurtError(.internalFailure, "the published and the changed run have different rows")
        }
        let periods = PeriodPartition(published)
        let rankBefore = periods.ranks(before), rankAfter = periods.ranks(after)
        return published.unitCodes.indices.map { r in
            RankShift(row: r, unit: published.unitCodes[r], name: published.unitNames[r], period: published.periods[r],
                      publishedScore: before[r], score: after[r], publishedRank: rankBefore[r], rank: rankAfter[r])
        }
    }

    /// ``reweighted(nominal:model:spec:weights:)`` followed by ``rankShifts(published:changed:index:)``.
    public static func rankShifts(
        nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, weights: [String: Double]
    ) throws(BuurtError) -> [RankShift] {
        let changed = try reweighted(nominal: nominal, model: model, spec: spec, weights: weights)
        return try rankShifts(published: nominal.aggregated, changed: changed.aggregated, index: model.root)
    }

    /// The rows in the order a reader scans for movers: largest |shift| first; equal shifts by
    /// new rank, then unit code and row; rows ranked in only one of the two rankings after every ranked
    /// row, rows ranked in neither last.
    public static func largestFirst(_ shifts: [RankShift]) -> [RankShift] {
        func key(_ s: RankShift) -> (Int, Double, Double, String, Int) {
            let group = !s.shift.isNaN ? 0 : (s.rank.isNaN && s.publishedRank.isNaN ? 2 : 1)
            let rank = s.rank.isNaN ? s.publishedRank : s.rank
            return (group, s.shift.isNaN ? 0 : -abs(s.shift), rank.isNaN ? .infinity : rank, s.unit, s.row)
        }
        return shifts.sorted { key($0) < key($1) }
    }
}
