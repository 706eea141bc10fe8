import BuurtIndex
import BuurtNumerics

/// The compiled path of the uncertainty engine: every aggregation except Copeland, with weight
/// noise and aggregate, normalise, treat and impute alternatives uncertain (not sampling).
/// (The type keeps its historical name: it began as the arithmetic-only path.)
///
/// **Means.** Arithmetic, geometric, harmonic and generalised(p) means are quasi-arithmetic:
/// m = f⁻¹(Σ w f(x) / Σ w) over the available children with f = x, ln x, 1/x, x^p. The
/// Mazziotta–Pareto index is M_z − S_z²/M_z of the children standardised per period,
/// z = 100 + 10·(x − M)/S, with M_z and S_z² from Σw z′ and Σw z′² (z′ = z − 100, two sums).
///
/// **Plans.** For each combination of (impute, treat, normalise) alternatives that occurs among
/// the draws (all of them when there are at most ``GeneralEvaluator/cacheLimit``), the stages up
/// to normalisation run once; for each aggregate alternative, the aggregation stage runs once
/// with the nominal weights, which fixes every aggregate's availability (coverage rule, a child
/// with positive weight: multipliers lie in (0, 2) and keep every weight's sign) and the scores
/// of the aggregates that do not depend on the weights. Their children's f(x) are stored per
/// alternative, missing ↦ 0 (an ``Alternative``, the *plan* of that combination).
///
/// **Blocks.** An aggregate is *variable* when a child's weight is perturbed or a child is
/// variable. For a variable aggregate a with children C, positions P and a block of B draws
/// with weights W (|C| × B), bottom-up:
///
///     num = F_C · W              (one matrix product when all children are fixed; otherwise
///                                 a sum of scaled columns, a variable child's f taken elementwise
///                                 from its scores under each draw)
///     den = 1ᵀW − Σ_{c missing at p} W_c     (only the rows with missing children differ)
///     s_a = f⁻¹(num ⊘ den) where a is available, missing otherwise
///
/// which equals ``BuurtNumerics/Aggregate`` up to rounding (well within 1e-9). Draws of a block
/// are grouped by plan. A Mazziotta–Pareto aggregate of a variable child standardises that child
/// over whole periods, so such plans score every period that a requested range touches.
///
/// **Domains and failures.** A value the stage refuses (≤ 0 under a geometric or harmonic mean,
/// say) in a fixed child fails every draw of the plan with the stage's own message. When a
/// variable child's scores can leave the parent's domain under some weights (bounds of each
/// aggregate over its children prove when they cannot), or the combination's rows differ from
/// the nominal run, the plan is *staged*: each of its draws runs the aggregation stage itself,
/// so it fails exactly where the stage would. Copeland aggregation, at any level or as an
/// alternative, and sampling stay on ``GeneralEvaluator``.
///
/// **Run-time normalisation.** ``score(normalised:aggregateIndex:draws:positions:codes:into:sums:workspace:)``
/// scores draws against normalised indicator values supplied by the caller (``NormalisedColumns``)
/// instead of a precomputed combination, with the same numbers as the aggregation stage on that
/// panel under each draw's weights.
/// - Complexity: per block, O(|P| · B · Σ_variable |C|) plus O(B · missing children); a plan
///   costs one pipeline run from the first uncertain stage and O(rows · tree size) memory.
struct CompiledScorer: Sendable {
    struct Child: Sendable {
        var slot: Int
        var weight: Double
        /// Index into the draw's weight multipliers, when this child's weight is perturbed.
        var multiplier: Int?
        /// Workspace buffer of a variable child aggregate.
        var buffer: Int?
    }

    struct Node: Sendable {
        var slot: Int
        var children: [Child]
        /// Every child is fixed: the numerator is one matrix product.
        var viaProduct: Bool
        var buffer: Int
    }

    /// The mean of a variable node under one plan.
    enum Mean: Sendable, Equatable {
        case arithmetic, geometric, harmonic
        case power(Double)
        case mazziottaPareto
    }

    /// One plan: a combination of alternatives, compiled (see the type's description).
    struct Alternative: Sendable {
        var failure: String?
        /// Each draw runs the aggregation stage on `normalised` (see the type's description).
        var staged = false
        /// The combination's normalised panel and aggregation settings (staged draws, and draws
        /// whose Mazziotta–Pareto standardisation meets a child without variation).
        var normalised: Panel?
        var aggregation = AggregateParameters()
        /// Per variable node.
        var means: [Mean] = []
        /// Per slot, layout order, missing ↦ 0 (fixed slots only).
        var values: [[Double]] = []
        /// Per slot, layout order: 1 available, 0 missing.
        var available: [[Double]] = []
        /// Per variable node: f of its fixed children side by side (positions × fixed children),
        /// 0 where the child or the node is missing.
        var productMatrix: [[Double]] = []
        /// Per Mazziotta–Pareto node scored by a product: the squares of `productMatrix`.
        var squareMatrix: [[Double]] = []
        /// Per variable node and child: the fixed child's column in `productMatrix`.
        var fixedColumn: [[Int?]] = []
        /// Per variable node: position << 32 | child index of every missing child, ascending.
        var missing: [[UInt64]] = []
        /// A Mazziotta–Pareto node standardises a variable child: score whole periods.
        var periodWide = false
        /// Staged plans: the row of the combination's panel at each position, −1 when absent.
        var rowAtPosition: [Int] = []
    }

    /// Per-worker buffers, grown on demand and reused.
    struct Workspace {
        var buffers: [[Double]] = []
        var squares: [[Double]] = []
        var column: [Double] = []
        var weights: [Double] = []
        var denominator: [Double] = []
        var members: [Int] = []
        /// The last run-time plan that can be reused (see the run-time entry).
        var runTimePlan: RunTimePlan?
    }

    let positions: Int
    /// Variable aggregates, bottom-up.
    let nodes: [Node]
    /// Whether each slot (indicators, then aggregates bottom-up) is variable, and its buffer.
    let bufferOfSlot: [Int?]
    /// The slot of each score code.
    let outputSlots: [Int]
    /// The plans computed ahead, and the plan of each combination key.
    let alternatives: [Alternative]
    let planOfKey: [Int: Int]
    /// Whether some plan scores whole periods at once (``Alternative/periodWide``): asking it
    /// for fewer rows then costs as much as the period.
    var scoresWholePeriods: Bool { alternatives.contains { $0.periodWide } }
    let context: Context

    /// What plans are compiled from.
    struct Context: Sendable {
        var model: IndexModel
        var spec: PipelineSpec
        var uncertainty: UncertaintySpec
        var plan: DrawPlan
        var layout: RowLayout
        var codes: [String]
        /// The last certain stage's output, and that stage.
        var start: Panel
        var resumeAfter: StageName
        /// The nominal aggregated panel's rows.
        var rows: Panel
    }

    /// Whether the compiled path computes exactly what the general path would: no sampling and
    /// no Copeland aggregation at any level or among the alternatives.
    static func applies(model: IndexModel, spec: PipelineSpec, uncertainty u: UncertaintySpec) -> Bool {
        !u.sampling && scoresAggregation(model: model, spec: spec, uncertainty: u)
    }

    /// Whether the compiled scores equal the aggregation stage's: no Copeland aggregation at any
    /// level or among the alternatives (the condition of the run-time entry,
    /// ``score(normalised:aggregateIndex:draws:positions:codes:into:sums:workspace:)``).
    static func scoresAggregation(model: IndexModel, spec: PipelineSpec, uncertainty u: UncertaintySpec) -> Bool {
        guard !u.aggregate.contains(.copeland) else { return false }
        return model.aggregatesBottomUp.allSatisfy { code in
            u.aggregate.isEmpty ? spec.aggregate.rule(forHeight: model.height[code]!).method != .copeland : true
        }
    }

    /// Compiles the plans of the combinations the draws use; with `compilingAhead` false none
    /// (every draw is then scored against normalised values of its own).
    init(
        nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, uncertainty u: UncertaintySpec,
        plan: DrawPlan, layout: RowLayout, scoreCodes: [String], compilingAhead: Bool = true
    ) throws(BuurtError) {
        positions = layout.count
        let codes = model.indicators + model.aggregatesBottomUp
        var slotOf: [String: Int] = [:]
        for (s, c) in codes.enumerated() { slotOf[c] = s }
        var multiplierOf: [String: Int] = [:]
        if plan.noise > 0 { for (k, c) in plan.weightNodes.enumerated() { multiplierOf[c] = k } }

        var bufferOfSlot = [Int?](repeating: nil, count: codes.count)
        var nodes: [Node] = []
        for code in model.aggregatesBottomUp {
            let children = model.children(of: code).map { c in
                Child(slot: slotOf[c]!, weight: model.node(c)!.weight, multiplier: multiplierOf[c], buffer: bufferOfSlot[slotOf[c]!])
            }
            guard children.contains(where: { $0.multiplier != nil || $0.buffer != nil }) else { continue }
            let slot = slotOf[code]!
            bufferOfSlot[slot] = nodes.count
            nodes.append(Node(slot: slot, children: children, viaProduct: children.allSatisfy { $0.buffer == nil }, buffer: nodes.count))
        }
        self.nodes = nodes
        self.bufferOfSlot = bufferOfSlot
        outputSlots = scoreCodes.map { slotOf[$0]! }

        let resume = GeneralEvaluator.resumeStage(plan)
        let context = Context(
            model: model, spec: spec, uncertainty: u, plan: plan, layout: layout, codes: codes,
            start: nominal.stages.last { $0.name <= resume }!.panel, resumeAfter: resume, rows: nominal.aggregated)

        // The combinations to compile: all, or those the Monte Carlo draws use (none when every
        // draw brings its own normalised values).
        var keys = Set<Int>()
        if compilingAhead && Self.combinationCount(plan) <= GeneralEvaluator.cacheLimit {
            keys = Set(0..<Self.combinationCount(plan))
        } else if compilingAhead {
            for r in 0..<plan.replications { keys.insert(Self.key(plan.draw(replication: r), plan)) }
        }
        var alternatives: [Alternative] = [], planOfKey: [Int: Int] = [:]
        var normalisedOf: [Int: Result<Panel, BuurtError>] = [:]
        let aggregateChoices = Swift.max(plan.aggregateCount, 1)
        for key in keys.sorted() {
            let draw = Self.draw(key: key, plan)
            let combination = key / aggregateChoices
            if normalisedOf[combination] == nil {
                normalisedOf[combination] = Result { () throws(BuurtError) in try Self.normalised(draw, context: context) }
            }
            planOfKey[key] = alternatives.count
            alternatives.append(Self.compile(normalisedOf[combination]!, aggregateIndex: draw.aggregateIndex,
                                             nodes: nodes, bufferOfSlot: bufferOfSlot, context: context))
        }
        self.context = context
        self.alternatives = alternatives
        self.planOfKey = planOfKey
    }

    /// Combinations of (impute, treat, normalise, aggregate) alternatives.
    static func combinationCount(_ plan: DrawPlan) -> Int {
        [plan.imputeCount, plan.treatCount, plan.normaliseCount, plan.aggregateCount].reduce(1) { $0 * Swift.max($1, 1) }
    }

    /// A draw's combination key: the general path's (impute, treat, normalise) key, then the
    /// aggregate alternative.
    static func key(_ d: ReplicationDraw, _ plan: DrawPlan) -> Int {
        GeneralEvaluator.key(d, plan) * Swift.max(plan.aggregateCount, 1) + (d.aggregateIndex ?? 0)
    }

    /// The alternatives of a combination key (no weights).
    static func draw(key: Int, _ plan: DrawPlan) -> ReplicationDraw {
        func index(_ value: Int, _ count: Int) -> Int? { count == 0 ? nil : value % count }
        var rest = key
        let a = index(rest, plan.aggregateCount); rest /= Swift.max(plan.aggregateCount, 1)
        let n = index(rest, plan.normaliseCount); rest /= Swift.max(plan.normaliseCount, 1)
        let t = index(rest, plan.treatCount); rest /= Swift.max(plan.treatCount, 1)
        let i = index(rest, plan.imputeCount)
        return ReplicationDraw(normaliseIndex: n, aggregateIndex: a, treatIndex: t, imputeIndex: i)
    }

    /// The normalised panel of a draw's (impute, treat, normalise) combination.
    static func normalised(_ d: ReplicationDraw, context c: Context) throws(BuurtError) -> Panel {
        if c.resumeAfter == .normalised { return c.start }
        return try GeneralEvaluator.normalised(c.start, after: c.resumeAfter, d, model: c.model, spec: c.spec, uncertainty: c.uncertainty)
    }

    /// The index into ``alternatives`` of a Monte Carlo draw's plan (every combination those
    /// draws use is compiled ahead; a design point of another combination is compiled when scored).
    func planIndex(of d: ReplicationDraw) -> Int? {
        planOfKey[Self.key(d, context.plan)]
    }

    /// Whether node `buffer` aggregates fixed children only and no plan is staged: under every
    /// plan its numerators are then F_C·W (and the squares' product for Mazziotta–Pareto), as
    /// ``ThemeTiles`` takes them.
    func isScoredByProduct(node buffer: Int) -> Bool {
        nodes[buffer].viaProduct && !alternatives.contains(where: \.staged)
    }

    /// Scores positions `range` for a block of draws (see the type's description).
    func score(
        _ draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>, codes: [Int], into output: ScoreOutput,
        sums: ScoreSums? = nil, workspace w: inout Workspace
    ) -> [ReplicationFailure] {
        var failures: [ReplicationFailure] = []
        let first = draws.startIndex
        var groups: [Int: [Int]] = [:]
        for j in draws.indices { groups[Self.key(draws[j], context.plan), default: []].append(j - first) }
        for key in groups.keys.sorted() {
            let alternative = planOfKey[key].map { alternatives[$0] } ?? Self.compile(
                Result { () throws(BuurtError) in try Self.normalised(Self.draw(key: key, context.plan), context: context) },
                aggregateIndex: Self.draw(key: key, context.plan).aggregateIndex,
                nodes: nodes, bufferOfSlot: bufferOfSlot, context: context)
            w.members = groups[key]!
            failures += score(alternative, draws, positions: range, codes: codes, into: output, sums: sums, workspace: &w)
        }
        return failures.sorted { $0.draw < $1.draw }
    }

    /// The scores of output `code` per plan when it does not depend on the weights (`nil` for a
    /// failed plan); `nil` when it does, or when a plan is staged.
    func fixedScores(output code: Int) -> [[Double]?]? {
        let slot = outputSlots[code]
        guard bufferOfSlot[slot] == nil, !alternatives.contains(where: \.staged) else { return nil }
        return alternatives.map { alt in
            alt.failure == nil ? zip(alt.values[slot], alt.available[slot]).map { $1 != 0 ? $0 : .nan } : nil
        }
    }
}
