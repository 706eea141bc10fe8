import BuurtIndex
import BuurtNumerics

/// The value every uncertain input takes in one Monte Carlo replication (or one point of a
/// sensitivity design). `nil` = that input is not uncertain (the model's own setting is used).
public struct ReplicationDraw: Sendable, Equatable {
    /// One multiplier per perturbed node, aligned with ``UncertaintyEngine/weightNodes``; the
    /// node's weight becomes weight × multiplier (weights then renormalise within each parent,
    /// as every aggregation divides by the sum of its children's weights).
    public var weightMultipliers: [Double]?
    /// Index into ``BuurtNumerics/UncertaintySpec/normalise``.
    public var normaliseIndex: Int?
    /// Index into ``BuurtNumerics/UncertaintySpec/aggregate``.
    public var aggregateIndex: Int?
    /// Index into ``BuurtNumerics/UncertaintySpec/treatMaxPoints``.
    public var treatIndex: Int?
    /// Index into ``BuurtNumerics/UncertaintySpec/impute``.
    public var imputeIndex: Int?
    /// The replication whose sampling draws perturb the raw data: each cell's draw is keyed by
    /// (seed, this number, unit, period, indicator), see ``SamplingPerturbation``.
    public var samplingStream: UInt64?

    public init(
        weightMultipliers: [Double]? = nil, normaliseIndex: Int? = nil, aggregateIndex: Int? = nil,
        treatIndex: Int? = nil, imputeIndex: Int? = nil, samplingStream: UInt64? = nil
    ) {
        self.weightMultipliers = weightMultipliers
        self.normaliseIndex = normaliseIndex
        self.aggregateIndex = aggregateIndex
        self.treatIndex = treatIndex
        self.imputeIndex = imputeIndex
        self.samplingStream = samplingStream
    }
}

/// Which inputs are uncertain and how a replication's values are drawn from its stream.
struct DrawPlan: Sendable, Equatable {
    var seed: UInt64
    var replications: Int
    /// Perturbed node codes in `model.nodes` order: every indicator or aggregate whose height is
    /// listed (the root's multiplier, when its height is listed, has no effect: it has no siblings).
    var weightNodes: [String]
    var noise: Double
    var hasWeights: Bool
    var normaliseCount: Int
    var aggregateCount: Int
    var treatCount: Int
    var imputeCount: Int
    var sampling: Bool

    init(model: IndexModel, uncertainty u: UncertaintySpec) {
        seed = u.seed
        replications = u.replications
        hasWeights = u.weights != nil
        noise = u.weights?.noise ?? 0
        let levels = Set(u.weights?.levels ?? [])
        weightNodes = model.nodes.filter { n in
            (n.kind == .indicator || n.kind == .aggregate) && levels.contains(model.height[n.code] ?? 0)
        }.map(\.code)
        normaliseCount = u.normalise.count
        aggregateCount = u.aggregate.count
        treatCount = u.treatMaxPoints.count
        imputeCount = u.impute.count
        sampling = u.sampling
    }

    /// Input names in the fixed order weights, normalise, aggregate, treat, impute, sampling.
    var inputNames: [String] {
        var names: [String] = []
        if hasWeights { names.append("weights") }
        if normaliseCount > 0 { names.append("normalise") }
        if aggregateCount > 0 { names.append("aggregate") }
        if treatCount > 0 { names.append("treat") }
        if imputeCount > 0 { names.append("impute") }
        if sampling { names.append("sampling") }
        return names
    }

    /// Replication r from `RandomStream(seed, r)`: multipliers U(1 − noise, 1 + noise) per
    /// perturbed node, then ⌊u·K⌋ for each non-empty alternative list in the order normalise,
    /// aggregate, treat, impute. The sampling draws are not taken from this stream: each cell
    /// has its own generator keyed by (seed, r, unit, period, indicator) (``SamplingPerturbation``),
    /// so they do not depend on how many weights or alternatives come first, nor on the rows
    /// and indicators around the cell.
    func draw(replication r: Int) -> ReplicationDraw {
        var g = RandomStream(seed: seed, stream: UInt64(r))
        var d = ReplicationDraw()
        if hasWeights { d.weightMultipliers = multipliers(&g) }
        if normaliseCount > 0 { d.normaliseIndex = Self.pick(g.uniform(), normaliseCount) }
        if aggregateCount > 0 { d.aggregateIndex = Self.pick(g.uniform(), aggregateCount) }
        if treatCount > 0 { d.treatIndex = Self.pick(g.uniform(), treatCount) }
        if imputeCount > 0 { d.imputeIndex = Self.pick(g.uniform(), imputeCount) }
        if sampling { d.samplingStream = UInt64(r) }
        return d
    }

    /// A design point: one uniform per input in ``inputNames`` order. Weights and sampling pick
    /// replication ⌊u·R⌋'s weight multipliers and sampling stream; alternatives pick ⌊u·K⌋.
    func draw(sample u: [Double]) -> ReplicationDraw {
        precondition(u.count == inputNames.count, "one uniform per uncertain input is needed")
        var d = ReplicationDraw()
        var k = 0
        func next() -> Double { defer { k += 1 }; return u[k] }
        if hasWeights {
            var g = RandomStream(seed: seed, stream: UInt64(Self.pick(next(), replications)))
            d.weightMultipliers = multipliers(&g)
        }
        if normaliseCount > 0 { d.normaliseIndex = Self.pick(next(), normaliseCount) }
        if aggregateCount > 0 { d.aggregateIndex = Self.pick(next(), aggregateCount) }
        if treatCount > 0 { d.treatIndex = Self.pick(next(), treatCount) }
        if imputeCount > 0 { d.imputeIndex = Self.pick(next(), imputeCount) }
        if sampling { d.samplingStream = UInt64(Self.pick(next(), replications)) }
        return d
    }

    private func multipliers(_ g: inout RandomStream) -> [Double] {
        weightNodes.map { _ in 1 - noise + 2 * noise * g.uniform() }
    }

    /// ⌊u·K⌋ clamped to 0…K−1.
    static func pick(_ u: Double, _ k: Int) -> Int {
        Swift.min(Swift.max(Int((u * Double(k)).rounded(.down)), 0), k - 1)
    }
}
