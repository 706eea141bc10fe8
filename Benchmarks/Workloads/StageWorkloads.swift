import BuurtNumerics
import BuurtRanking
import Foundation
import BuurtIndex

/// Inputs of the single-stage benchmarks (normalisation, aggregation, PCA, ranks, quantiles),
/// built from ``UncertaintyWorkloads/dutchBuurten(units:years:replications:levels:)`` so every
/// stage sees the same 36 skewed indicators.
public enum StageWorkloads {
    /// Every normalisation method with the parameters a model would give it; dist2targ and
    /// goalposts read each indicator's target and goalposts from ``modelWithTargets(_:)``.
    public static let normalisations: [(name: String, method: NormaliseMethod)] = [
        ("minmax", .minmax(lower: 0, upper: 100)), ("zscore", .zscore(mean: 50, sd: 10)), ("rank", .rank),
        ("borda", .borda), ("prank", .prank), ("fracmax", .fracmax), ("dist2max", .dist2max),
        ("dist2ref", .dist2ref(unit: "BU0")), ("dist2targ", .dist2targ), ("goalposts", .goalposts(scale: 100)),
    ]

    /// Every aggregation method; the means need positive children (min-max [1, 100] data).
    public static let aggregations: [(name: String, method: AggregateMethod)] = [
        ("arithmetic", .arithmetic), ("geometric", .geometric), ("harmonic", .harmonic),
        ("generalised p=2", .generalised(p: 2)), ("mazziotta-pareto", .mazziottaPareto), ("copeland", .copeland),
    ]

    /// The model with a target (the directed 90th percentile of the data) and goalposts (the
    /// directed 1st and 99th percentiles) on every indicator, so dist2targ and goalposts apply.
    public static func modelWithTargets(_ workload: UncertaintyWorkloads.Workload) throws -> IndexModel {
        let nodes = workload.model.nodes.map { node -> ModelNode in
            guard node.kind == .indicator, let column = workload.panel.column(node.code) else { return node }
            let sorted = column.map { $0 * node.direction }.filter { !$0.isNaN }.sorted()
            let at = { (p: Double) in sorted[Int(p * Double(sorted.count - 1))] * node.direction }
            var copy = node
            copy.target = at(0.9)
            let (low, high) = (at(0.01), at(0.99))
            copy.goalposts = node.direction > 0 ? (low, high) : (high, low)
            return copy
        }
        return try IndexModel(nodes: nodes)
    }

    /// The 36 indicators of `workload` normalised by min-max [1, 100] per period: the input of
    /// the aggregation benchmarks (positive, so every mean is defined).
    public static func normalised(_ workload: UncertaintyWorkloads.Workload) throws -> Panel {
        try Normalise.apply(workload.panel, model: workload.model,
                            parameters: NormaliseParameters(method: .minmax(lower: 1, upper: 100))).panel
    }

    /// `count` indicator columns of `rows` values with a correlation structure like real
    /// indicator sets: six latent factors, each column loading 0.7 on one of them plus noise
    /// (`RandomStream(seed: 7, stream: column)`), for the PCA benchmarks.
    public static func factorColumns(rows: Int, count: Int) -> [[Double]] {
        var latent = RandomStream(seed: 7, stream: 1 << 40)
        let factors = (0..<6).map { _ in (0..<rows).map { _ in latent.standardNormal() } }
        return (0..<count).map { j in
            var g = RandomStream(seed: 7, stream: UInt64(j))
            let factor = factors[j % 6]
            return (0..<rows).map { i in 0.7 * factor[i] + 0.71 * g.standardNormal() }
        }
    }

    /// `draws` columns of `units` index scores, as the engine ranks them per replication.
    public static func scoreDraws(units: Int, draws: Int) -> [[Double]] {
        (0..<draws).map { d in
            var g = RandomStream(seed: 11, stream: UInt64(d))
            return (0..<units).map { _ in 50 + 10 * g.standardNormal() }
        }
    }
}
