import BuurtIndex
import BuurtNumerics

/// The general path of the uncertainty engine: every replication runs the pipeline from its
/// first uncertain stage, with the drawn settings.
///
/// Without sampling, the normalised panel depends only on the (impute, treat, normalise)
/// alternatives drawn, so each combination is computed once at construction (when there are at
/// most ``cacheLimit`` of them) and a replication only aggregates with its weights and method.
/// With sampling each replication perturbs the raw data and runs every stage: on whole
/// columns (``SampledReplication``) where that path applies, else by ``BuurtNumerics/Pipeline``.
struct GeneralEvaluator: Sendable {
    /// Combinations computed ahead at most (beyond that, each replication computes its own).
    static let cacheLimit = 64

    let model: IndexModel
    let spec: PipelineSpec
    let uncertainty: UncertaintySpec
    let plan: DrawPlan
    let layout: RowLayout
    let scoreCodes: [String]
    /// The raw data (sampling) or the last certain stage's output, and that stage.
    let start: Panel
    let resumeAfter: StageName
    let sampling: SamplingPerturbation?
    /// The column-wise path for draws with sampling (`nil` where it does not apply), and the
    /// compiled scorer that aggregates its normalised columns (`nil` under Copeland aggregation,
    /// which leaves sampled draws to the pipeline).
    let sampled: SampledReplication?
    let scorer: CompiledScorer?
    /// Normalised panels by combination key (no sampling).
    let cache: [Int: Result<Panel, BuurtError>]
    /// Nominal rows by (unit, period), for replications whose rows differ from the nominal run.
    let nominalRow: [RowKey: Int]
    let nominalUnits: [String]
    let nominalPeriods: [Int?]

    struct RowKey: Hashable, Sendable {
        var unit: String
        var period: Int?
    }

    init(
        raw: Panel, nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, uncertainty: UncertaintySpec,
        plan: DrawPlan, layout: RowLayout, scoreCodes: [String]
    ) throws(BuurtError) {
        self.model = model
        self.spec = spec
        self.uncertainty = uncertainty
        self.plan = plan
        self.layout = layout
        self.scoreCodes = scoreCodes
        let rows = nominal.aggregated
        nominalUnits = rows.unitCodes
        nominalPeriods = rows.periods
        var index: [RowKey: Int] = [:]
        for i in 0..<rows.rowCount { index[RowKey(unit: rows.unitCodes[i], period: rows.periods[i])] = i }
        nominalRow = index

        if plan.sampling {
            resumeAfter = .raw
            start = raw
            sampling = SamplingPerturbation(panel: raw, model: model, seed: plan.seed)
            if CompiledScorer.scoresAggregation(model: model, spec: spec, uncertainty: uncertainty) {
                sampled = SampledReplication(raw: raw, nominal: nominal, model: model, spec: spec, uncertainty: uncertainty,
                                             plan: plan, layout: layout)
                scorer = try CompiledScorer(nominal: nominal, model: model, spec: spec, uncertainty: uncertainty, plan: plan,
                                          layout: layout, scoreCodes: scoreCodes, compilingAhead: false)
            } else {
                sampled = nil
                scorer = nil
            }
            cache = [:]
            return
        }
        sampling = nil
        sampled = nil
        scorer = nil
        let resume = Self.resumeStage(plan)
        resumeAfter = resume
        let begin = nominal.stages.last { $0.name <= resume }!.panel
        var cache: [Int: Result<Panel, BuurtError>] = [:]
        let combinations = Swift.max(plan.imputeCount, 1) * Swift.max(plan.treatCount, 1) * Swift.max(plan.normaliseCount, 1)
        if resume == .normalised {
            cache[0] = .success(begin)
        } else if combinations <= Self.cacheLimit {
            for i in Self.choices(plan.imputeCount) {
                for t in Self.choices(plan.treatCount) {
                    for n in Self.choices(plan.normaliseCount) {
                        let d = ReplicationDraw(normaliseIndex: n, treatIndex: t, imputeIndex: i)
                        cache[Self.key(d, plan)] = Result { () throws(BuurtError) in try Self.normalised(begin, after: resume, d, model: model, spec: spec, uncertainty: uncertainty) }
                    }
                }
            }
        }
        self.cache = cache
        start = begin
    }

    /// The last stage whose output no alternative changes (without sampling).
    static func resumeStage(_ plan: DrawPlan) -> StageName {
        plan.imputeCount > 0 ? .denominated : plan.treatCount > 0 ? .screened : plan.normaliseCount > 0 ? .treated : .normalised
    }

    private static func choices(_ count: Int) -> [Int?] {
        count == 0 ? [nil] : (0..<count).map { Optional($0) }
    }

    /// The cache key of a draw's (impute, treat, normalise) combination.
    static func key(_ d: ReplicationDraw, _ plan: DrawPlan) -> Int {
        let i = d.imputeIndex ?? 0, t = d.treatIndex ?? 0, n = d.normaliseIndex ?? 0
        return (i * Swift.max(plan.treatCount, 1) + t) * Swift.max(plan.normaliseCount, 1) + n
    }

    /// The spec with a draw's alternatives substituted. A stage the model skips but the
    /// uncertainty varies runs with its defaults (impute per period, COINr's treat thresholds).
    static func spec(_ spec: PipelineSpec, _ d: ReplicationDraw, _ u: UncertaintySpec) -> PipelineSpec {
        var s = spec
        if let i = d.imputeIndex {
            s.impute = ImputeParameters(method: u.impute[i], scope: spec.impute?.scope ?? .period, maxGap: spec.impute?.maxGap)
        }
        if let t = d.treatIndex {
            var treat = spec.treat ?? TreatParameters(reference: spec.normalise.scope.referencePeriod)
            treat.maxPoints = u.treatMaxPoints[t]
            s.treat = treat
        }
        if let n = d.normaliseIndex { s.normalise = u.normalise[n] }
        if let a = d.aggregateIndex {
            let method = u.aggregate[a]
            s.aggregate.rule.method = method
            for h in s.aggregate.levelRules.keys { s.aggregate.levelRules[h]!.method = method }
        }
        return s
    }

    /// The model with a draw's weight multipliers applied.
    static func model(_ model: IndexModel, _ d: ReplicationDraw, plan: DrawPlan) throws(BuurtError) -> IndexModel {
        guard let m = d.weightMultipliers, !m.isEmpty else { return model }
        var weights: [String: Double] = [:]
        for (code, factor) in zip(plan.weightNodes, m) { weights[code] = model.node(code)!.weight * factor }
        do {
            return try model.withWeights(weights)
        } catch {
            throw error.problems.first ?? BuurtError(.internalFailure, "drawn weights rejected")
        }
    }

    /// The normalised panel of a draw's (impute, treat, normalise) combination (its aggregation
    /// settings play no part).
    static func normalised(
        _ start: Panel, after stage: StageName, _ d: ReplicationDraw, model: IndexModel, spec: PipelineSpec,
        uncertainty: UncertaintySpec
    ) throws(BuurtError) -> Panel {
        try Pipeline.normalised(start, model: model, spec: Self.spec(spec, d, uncertainty), resumingAfter: stage)
    }

    /// A replication's aggregated panel, by the pipeline.
    func aggregated(_ d: ReplicationDraw) throws(BuurtError) -> Panel {
        let drawnModel = try Self.model(model, d, plan: plan)
        let drawnSpec = Self.spec(spec, d, uncertainty)
        if let sampling, let stream = d.samplingStream {
            let input = sampling.perturbed(start, replication: stream)
            return try Pipeline.run(input, model: drawnModel, spec: drawnSpec, keepIntermediate: false).aggregated
        }
        let base: Panel
        if let cached = cache[Self.key(d, plan)] {
            base = try cached.get()
        } else {
            base = try Self.normalised(start, after: resumeAfter, d, model: model, spec: spec, uncertainty: uncertainty)
        }
        return try Aggregate.apply(base, model: drawnModel, parameters: drawnSpec.aggregate).panel
    }

    /// Scores a block of draws one by one into `output`; a failing draw leaves NaN. Draws with
    /// sampling take the column-wise path (``SampledReplication``) where it applies, their
    /// normalised columns scored by the compiled scorer's run-time entry.
    func score(
        _ draws: ArraySlice<ReplicationDraw>, positions: Range<Int>, codes: [Int], into output: ScoreOutput,
        workspace: inout EvaluationWorkspace
    ) -> [ReplicationFailure] {
        var failures: [ReplicationFailure] = []
        for (k, d) in draws.enumerated() {
            do {
                if let sampled, let scorer, let columns = try sampled.columns(for: d, workspace: &workspace.sampled) {
                    let j = draws.startIndex + k
                    let failed = scorer.score(normalised: columns, aggregateIndex: d.aggregateIndex, draws: draws[j...j], positions: positions,
                                              codes: codes, into: output.fromDraw(k), workspace: &workspace.compiled)
                    failures += failed.map { ReplicationFailure(draw: k, message: $0.message) }
                    continue
                }
                let panel = try aggregated(d)
                write(panel, positions: positions, codes: codes, into: output, draw: k)
            } catch {
                failures.append(ReplicationFailure(draw: k, message: error.description))
                for c in codes.indices {
                    output.column(code: c, draw: k).update(repeating: .nan, count: output.rowCount)
                }
            }
        }
        return failures
    }

    /// Copies the score codes of a replication's panel to the layout positions, its rows found
    /// by (unit, period).
    private func write(
        _ panel: Panel, positions: Range<Int>, codes: [Int], into output: ScoreOutput, draw k: Int
    ) {
        let sameRows = panel.rowCount == nominalUnits.count && panel.unitCodes == nominalUnits && panel.periods == nominalPeriods
        var source = [Int](repeating: -1, count: nominalUnits.count)
        if sameRows {
            for i in 0..<source.count { source[i] = i }
        } else {
            for i in 0..<panel.rowCount {
                if let r = nominalRow[RowKey(unit: panel.unitCodes[i], period: panel.periods[i])] { source[r] = i }
            }
        }
        let n = panel.rowCount
        for (c, code) in codes.map({ scoreCodes[$0] }).enumerated() {
            let column = output.column(code: c, draw: k)
            guard let j = panel.columnIndex(code) else {
                column.update(repeating: .nan, count: output.rowCount)
                continue
            }
            panel.values.storage.withUnsafeBufferPointer { v in
                for p in positions {
                    let s = source[layout.rowAt[p]]
                    column[p - positions.lowerBound] = s >= 0 ? v[j * n + s] : .nan
                }
            }
        }
    }
}
