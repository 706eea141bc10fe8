import BuurtIndex
import BuurtNumerics

/// Monte Carlo uncertainty of an index: re-runs the pipeline under drawn weights, alternative
/// stage settings and the data's own sampling error (model key `uncertainty:`).
///
/// **Draws.** Replication r (0-based) uses `RandomStream(seed, r)` alone, in a fixed order:
/// a multiplier U(1 − noise, 1 + noise) for every node at the listed heights (in model order),
/// then ⌊u·K⌋ for each non-empty list of alternatives (normalise, aggregate, treat max_points,
/// impute). Its sampling draws come from one small generator per cell, keyed by (seed, r, unit,
/// period, indicator) (``SamplingPerturbation``), so a cell's draw stays the same when rows,
/// periods or indicators are added elsewhere. So results never depend on thread count or
/// scheduling, and any subset of replications can be recomputed exactly.
///
/// **Execution.** Stages before the first uncertain one run once (the nominal run). Without
/// sampling or Copeland aggregation, the *compiled path* (``CompiledScorer``) runs the stages
/// up to normalisation once per combination of alternatives the draws use, and scores a block of replications per level in transformed
/// space, f⁻¹((F_C·W_C) ⊘ den) with f = x, ln x, 1/x or x^p (Mazziotta–Pareto from two such
/// sums): one matrix product per level instead of a pipeline run per replication. Otherwise the
/// *general path* resumes ``BuurtNumerics/Pipeline`` after the last certain stage, with every
/// combination of alternatives up to normalisation computed once and cached. With sampling a
/// replication recomputes every stage from its perturbed raw data, column by column in reused
/// buffers (``SampledReplication``, the pipeline's own stage kernels), and the compiled scorer
/// aggregates the result (the pipeline under Copeland aggregation). Replications run in
/// parallel; BLAS is pinned to one thread.
///
/// **Rows.** Scores are reported for the nominal run's aggregated rows. A row missing from a
/// replication (for example screened out there) is NaN in it. A replication whose pipeline
/// fails (a geometric mean meeting a value ≤ 0 under a drawn normalisation, say) is NaN for
/// every row and listed in ``ScoreBlock/failures``; it is not an error of the run.
public struct UncertaintyEngine: Sendable {
    public let model: IndexModel
    public let spec: PipelineSpec
    public let uncertainty: UncertaintySpec
    /// Aggregates (or indicators: their normalised values) whose scores
    /// ``evaluate(_:threads:progress:)`` returns, in this order.
    public let scoreCodes: [String]
    /// The run with the model's own settings (all stages kept).
    public let nominal: PipelineResult
    let plan: DrawPlan
    let layout: RowLayout
    let evaluator: Evaluator

    enum Evaluator: Sendable {
        case compiled(CompiledScorer)
        case general(GeneralEvaluator)
    }

    /// Validates the uncertainty settings and runs the nominal pipeline.
    ///
    /// - Parameters:
    ///   - panel: the raw data (as loaded, before any stage).
    ///   - scoreCodes: aggregates whose scores are needed (the root and the problem dimensions).
    ///   - path: `.general` forces a pipeline run per replication even where the compiled
    ///     path applies (to cross-check the two).
    /// - Throws: ``BuurtNumerics/BuurtError`` (`.data`) for invalid settings (noise outside
    ///   [0, 1), a height the model does not have, fewer than one replication, a negative
    ///   max_points, sampling without any indicator that declares a sampling model or with a
    ///   missing size column, an unknown score code), or the nominal pipeline's error.
    public init(
        panel: Panel, model: IndexModel, spec: PipelineSpec, uncertainty: UncertaintySpec, scoreCodes: [String],
        path: EvaluationPath = .automatic
    ) throws(BuurtError) {
        try Self.validate(uncertainty, model: model, panel: panel, scoreCodes: scoreCodes)
        self.model = model
        self.spec = spec
        self.uncertainty = uncertainty
        self.scoreCodes = scoreCodes
        nominal = try Pipeline.run(panel, model: model, spec: spec, keepIntermediate: true)
        plan = DrawPlan(model: model, uncertainty: uncertainty)
        layout = RowLayout(nominal.aggregated)
        if path == .automatic && CompiledScorer.applies(model: model, spec: spec, uncertainty: uncertainty) {
            evaluator = .compiled(try CompiledScorer(
                nominal: nominal, model: model, spec: spec, uncertainty: uncertainty, plan: plan,
                layout: layout, scoreCodes: scoreCodes))
        } else {
            evaluator = .general(try GeneralEvaluator(
                raw: panel, nominal: nominal, model: model, spec: spec, uncertainty: uncertainty, plan: plan,
                layout: layout, scoreCodes: scoreCodes))
        }
    }

    /// The uncertain inputs present, in the fixed order weights, normalise, aggregate, treat,
    /// impute, sampling (the inputs of a sensitivity analysis).
    public var inputNames: [String] { plan.inputNames }

    /// Nodes whose weights are perturbed, aligned with ``ReplicationDraw/weightMultipliers``.
    public var weightNodes: [String] { plan.weightNodes }

    /// Whether replications are scored by the compiled (matrix product) path, ``CompiledScorer``.
    public var usesCompiledPath: Bool {
        if case .compiled = evaluator { return true }
        return false
    }

    /// The nominal aggregated panel, whose rows the scores refer to.
    public var rows: Panel { nominal.aggregated }

    /// Replication r's draw, from `RandomStream(seed, r)` only.
    /// - Complexity: O(perturbed nodes).
    public func draw(replication r: Int) -> ReplicationDraw {
        plan.draw(replication: r)
    }

    /// A sensitivity design point: `u` holds one uniform in [0, 1) per entry of ``inputNames``.
    /// Alternatives take index ⌊u·K⌋; the weights input takes replication ⌊u·R⌋'s noisy weight
    /// set and the sampling input replication ⌊u·R⌋'s sampling stream (R = replications), so a
    /// design point always lands on a draw the Monte Carlo run could have made.
    public func draw(sample u: [Double]) -> ReplicationDraw {
        plan.draw(sample: u)
    }

    /// Scores of every score code for every nominal row under each draw.
    ///
    /// - Parameters:
    ///   - threads: worker threads (results are identical for any count).
    ///   - progress: called with (finished draws, all draws) as blocks complete, one call at a time.
    /// - Throws: `BuurtError(.usage)` when a draw does not fit this engine (wrong multiplier count,
    ///   an index out of range, or an input this engine does not have).
    /// - Complexity: O(draws × rows × tree size) on the compiled path; a pipeline run from the first
    ///   uncertain stage per draw on the general path.
    public func evaluate(
        _ draws: [ReplicationDraw], threads: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuurtError) -> ScoreBlock {
        for (k, d) in draws.enumerated() { try check(d, position: k) }
        let n = layout.count
        let buffer = SharedBuffer<Double>(count: scoreCodes.count * draws.count * n, repeating: .nan)
        let output = ScoreOutput(base: buffer.pointer, codeStride: draws.count * n, rowCount: n)
        let failures = evaluate(draws, positions: 0..<n, into: output, threads: threads,
                                progress: ProgressReporter(total: draws.count, callback: progress))
        var block = ScoreBlock(codes: scoreCodes, rowCount: n, drawCount: draws.count)
        block.values.withUnsafeMutableBufferPointer { values in
            for c in 0..<scoreCodes.count {
                for d in 0..<draws.count {
                    let from = output.column(code: c, draw: d)
                    let to = (c * draws.count + d) * n
                    for p in 0..<n { values[to + layout.rowAt[p]] = from[p] }
                }
            }
        }
        block.failures = failures
        return block
    }

    /// Draws per work item: large enough to amortise a matrix product, small enough to balance
    /// and to keep a block's scores in cache.
    var blockSize: Int { usesCompiledPath ? 64 : 8 }

    /// Scores of positions `positions` (layout order) for every draw, written to `output`
    /// (draw d at `output.fromDraw(d)`), in parallel blocks of ``blockSize`` draws.
    func evaluate(
        _ draws: [ReplicationDraw], positions: Range<Int>, into output: ScoreOutput, threads: Int,
        progress: ProgressReporter
    ) -> [ReplicationFailure] {
        BLASRuntime.pinSingleThread()
        let size = blockSize
        let blocks = (draws.count + size - 1) / size
        let states = ParallelWork.run(items: blocks, threads: threads, makeState: {
            (workspace: EvaluationWorkspace(), failures: [ReplicationFailure]())
        }, body: { state, b in
            let range = (b * size)..<Swift.min(draws.count, (b + 1) * size)
            let failed = evaluateBlock(draws[range], positions: positions, codes: Array(scoreCodes.indices),
                                       into: output.fromDraw(range.lowerBound), workspace: &state.workspace)
            state.failures += failed.map { ReplicationFailure(draw: range.lowerBound + $0.draw, message: $0.message) }
            progress.finished(range.count)
        })
        return states.flatMap(\.failures).sorted { $0.draw < $1.draw }
    }

    /// One block of draws on the calling thread; failures carry positions within the block.
    /// Output code slot s holds score code `codes[s]`.
    func evaluateBlock(
        _ draws: ArraySlice<ReplicationDraw>, positions: Range<Int>, codes: [Int], into output: ScoreOutput,
        workspace: inout EvaluationWorkspace
    ) -> [ReplicationFailure] {
        switch evaluator {
        case .compiled(let scorer):
            return scorer.score(draws, positions: positions, codes: codes, into: output, workspace: &workspace.compiled)
        case .general(let general):
            return general.score(draws, positions: positions, codes: codes, into: output, workspace: &workspace)
        }
    }

    /// The plan (combination of alternatives) a Monte Carlo draw's scores depend on besides its
    /// weights, on the compiled path.
    func alternative(of draw: ReplicationDraw) -> Int {
        guard case .compiled(let scorer) = evaluator else { return 0 }
        return scorer.planIndex(of: draw) ?? 0
    }

    /// On the compiled path, when score code `c` does not depend on the weights: its scores per
    /// plan (layout order, NaN = missing; `nil` for a plan that failed). `nil` when the code
    /// varies with the weights or the path is general.
    func fixedScores(code c: Int) -> [[Double]?]? {
        guard case .compiled(let scorer) = evaluator else { return nil }
        return scorer.fixedScores(output: c)
    }

    private func check(_ d: ReplicationDraw, position k: Int) throws(BuurtError) {
        func fail(_ what: String) -> BuurtError {
            BuurtError(.usage, "draw \(k + 1): \(what)")
        }
        func checkIndex(_ i: Int?, _ count: Int, _ name: String) throws(BuurtError) {
            guard let i else { return }
            if count == 0 { throw fail("\(name) is not an uncertain input of this model") }
            if i < 0 || i >= count { throw fail("\(name) alternative \(i) is outside 0…\(count - 1)") }
        }
        if let m = d.weightMultipliers {
            if !plan.hasWeights { throw fail("weights are not an uncertain input of this model") }
            if m.count != plan.weightNodes.count {
                throw fail("\(m.count) weight multipliers given, the model perturbs \(plan.weightNodes.count) nodes")
            }
        }
        try checkIndex(d.normaliseIndex, plan.normaliseCount, "normalise")
        try checkIndex(d.aggregateIndex, plan.aggregateCount, "aggregate")
        try checkIndex(d.treatIndex, plan.treatCount, "treat")
        try checkIndex(d.imputeIndex, plan.imputeCount, "impute")
        if d.samplingStream != nil && !plan.sampling { throw fail("sampling is not an uncertain input of this model") }
    }
}

/// How replications are evaluated.
public enum EvaluationPath: Sendable, Equatable {
    /// The compiled path where it applies (see ``UncertaintyEngine``), else the general path.
    case automatic
    /// A pipeline run per replication.
    case general
}

/// Per-worker scratch memory, reused across blocks.
struct EvaluationWorkspace {
    var compiled = CompiledScorer.Workspace()
    var sampled = SampledReplication.Workspace()
}
