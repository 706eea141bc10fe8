import BuurtNumerics

/// The Monte Carlo run of a model's `uncertainty:` and its summaries: per-row rank and score
/// bands (`uncertainty.csv`), list 1 (`priorities.csv`) and list 2 (`themes.csv`).
///
/// **Passes.** Ranks need every row of a period in the same replication, quantiles need every
/// replication of the same row. The *index pass* therefore evaluates blocks of replications for
/// whole periods, ranks each replication's index scores within each period (radix ranks,
/// ``CompetitionRanker``), accumulates the "k most in need" counts and each problem
/// dimension's period mean, and stores per row its R ranks (UInt16 while periods have at most
/// 65,535 rows) and R scores (`Double`, or `Float` when they would exceed the memory budget).
/// Per-row quantiles then come from selection (``QuantileSelector``), not sorting. The *theme
/// pass* needs each row's R dimension scores and derives gaps against the replication's
/// reference: they are stored in the index pass when everything fits the budget; otherwise, on
/// the linear path, a few rows at a time are scored under all replications at once and
/// summarised straight away (``ThemeTiles``), and on the general path chunks of rows are
/// re-evaluated and stored.
///
/// On the linear path each period is its own index pass (its scores are computed for that
/// period's rows only, a few hundred rows at a time); on the general path one pass covers as
/// many periods as fit the budget, because a pipeline run always computes every row. Results
/// are the same for any thread count and any of these splits at the same sample precision.
///
/// - Complexity: time O(R · rows · (tree + 1)) plus the evaluation; memory about
///   rows_pass · R · (2 + 8) bytes for the index pass and the budget for stored themes (a few
///   MiB per worker for themes scored in row tiles).
public enum UncertaintySummary {
    /// The quantile levels reported: 5 %, 50 %, 95 %.
    public static let levels = [0.05, 0.5, 0.95]

    /// The score codes ``compute(engine:priorities:threads:memoryBudget:progress:)`` needs: the
    /// root, then the problem dimensions (children of `priorities.themesOf`, default the root);
    /// the root alone with `priorities: none` (no problem list).
    /// - Throws: `BuurtError(.data)` when `themesOf` is not an aggregate of the model.
    public static func scoreCodes(model: IndexModel, priorities: PrioritySpec) throws(BuurtError) -> [String] {
        guard priorities.enabled else { return [model.root] }
        let parent = priorities.themesOf ?? model.root
        guard model.node(parent)?.kind == .aggregate else {
            throw BuurtError(.data, "priorities: themes_of '\(parent)' is not an aggregate of the model")
        }
        return [model.root] + model.children(of: parent).filter { $0 != model.root }
    }

    /// Runs every replication of `engine` and summarises them.
    ///
    /// - Parameters:
    ///   - priorities: top k for p_top, the problem dimensions, the gap reference, categories.
    ///   - threads: worker threads; results are identical for any count.
    ///   - memoryBudget: bytes for the per-row replication samples (default 768 MiB; the peak
    ///     adds the engine's matrices and one block of scores per worker).
    ///   - progress: (finished, total) replication evaluations, one call at a time.
    /// - Throws: `BuurtError(.data)` when the engine lacks the root or a dimension among its
    ///   score codes, when the reference period has no rows, or when `top` < 1.
    public static func compute(
        engine: UncertaintyEngine, priorities: PrioritySpec = PrioritySpec(), threads: Int = 1,
        memoryBudget: Int = 768 << 20, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuurtError) -> UncertaintyResult {
        let plan = try SummaryPlan(engine: engine, priorities: priorities, memoryBudget: memoryBudget)
        let maxPeriod = engine.layout.periods.map(\.positions.count).max() ?? 0
        let double = plan.fitsAsDouble
        switch (maxPeriod <= Int(UInt16.max), double) {
        case (true, true): return run(UInt16.self, Double.self, plan, threads: threads, progress: progress)
        case (true, false): return run(UInt16.self, Float.self, plan, threads: threads, progress: progress)
        case (false, true): return run(UInt32.self, Double.self, plan, threads: threads, progress: progress)
        case (false, false): return run(UInt32.self, Float.self, plan, threads: threads, progress: progress)
        }
    }

    private static func run<Rank: StoredRank, Score: StoredScore>(
        _: Rank.Type, _: Score.Type, _ plan: SummaryPlan, threads: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) -> UncertaintyResult {
        let engine = plan.engine
        let r = plan.replications
        // Replications run in parallel; BLAS threads would only compete with them.
        BLASRuntime.pinSingleThread()
        let draws = (0..<r).map { engine.draw(replication: $0) }
        let reporter = ProgressReporter(total: plan.evaluations * r, callback: progress)
        let references = SharedBuffer<Double>(count: engine.layout.periods.count * plan.dimensions * r, repeating: .nan)
        var units: [UnitUncertainty] = []
        var themeStats: [Int: [ThemeStatistics]] = [:]
        var failures: [Int: ReplicationFailure] = [:]

        let stored = plan.fixedThemes == nil ? plan.dimensions : 0
        var previous: ReplicationStore<Rank, Score>?
        for group in plan.indexGroups {
            let store = ReplicationStore<Rank, Score>(
                positions: group, replications: r, index: true, dimensions: plan.themesInIndexPass ? stored : 0,
                blockSize: plan.blockSize(rows: group.count), reusing: previous)
            previous = store
            let pass = IndexPass(plan: plan, draws: draws, store: store, references: references)
            let result = pass.run(threads: threads, progress: reporter)
            for f in result.failures { failures[f.draw] = f }
            units += pass.statistics(lowest: result.lowest, threads: threads)
            if plan.themesInIndexPass && stored > 0 {
                themeStats.merge(ThemePass.statistics(plan: plan, store: store, references: references, threads: threads)) { a, _ in a }
            }
        }
        if let fixed = plan.fixedThemes {
            themeStats = FixedThemes.statistics(plan: plan, scores: fixed, draws: draws, failures: Set(failures.keys))
        } else if !plan.themesInIndexPass && plan.dimensions > 0, let tiles = ThemeTiles<Score>(plan: plan, draws: draws) {
            previous = nil
            themeStats = tiles.statistics(references: references, threads: threads, progress: reporter)
        } else if !plan.themesInIndexPass && plan.dimensions > 0 {
            previous = nil
            var previousChunk: ReplicationStore<Rank, Score>?
            for chunk in plan.themeChunks {
                let store = ReplicationStore<Rank, Score>(positions: chunk, replications: r, index: false, dimensions: plan.dimensions, reusing: previousChunk)
                previousChunk = store
                ThemePass.fill(plan: plan, draws: draws, store: store, threads: threads, progress: reporter)
                themeStats.merge(ThemePass.statistics(plan: plan, store: store, references: references, threads: threads)) { a, _ in a }
            }
        }
        units.sort { $0.row < $1.row }
        let priorities = plan.priorities.enabled ? PriorityLists.needList(units, categories: plan.priorities.categories) : []
        let themes = PriorityLists.themeList(plan: plan, units: units, needList: priorities, statistics: themeStats)
        return UncertaintyResult(
            units: units, priorities: priorities, themes: themes,
            failures: failures.values.sorted { $0.draw < $1.draw }, replications: r)
    }
}

/// What ``UncertaintySummary`` computes and how it splits the work.
struct SummaryPlan: Sendable {
    let engine: UncertaintyEngine
    let priorities: PrioritySpec
    let replications: Int
    let rootCode: Int
    /// Score-code indices of the problem dimensions.
    let themeCodes: [Int]
    var dimensions: Int { themeCodes.count }
    /// When no dimension depends on the weights (linear path): each dimension's scores per
    /// alternative, so the theme statistics need no per-replication samples.
    let fixedThemes: [[[Double]?]]?
    /// The codes an index pass evaluates: the root, then the dimensions unless fixed.
    var indexCodes: [Int] { [rootCode] + (fixedThemes == nil ? themeCodes : []) }
    /// For each layout period, the layout period whose mean is the reference.
    let referencePeriod: [Int]
    /// Position ranges of the index passes (whole periods).
    let indexGroups: [Range<Int>]
    let themesInIndexPass: Bool
    let themeChunks: [Range<Int>]
    let fitsAsDouble: Bool

    /// Replication evaluations over all passes, in units of R (for progress).
    var evaluations: Int { indexGroups.count + (themesInIndexPass ? 0 : themeChunks.count) }

    init(engine: UncertaintyEngine, priorities: PrioritySpec, memoryBudget: Int) throws(BuurtError) {
        self.engine = engine
        self.priorities = priorities
        replications = engine.uncertainty.replications
        if priorities.top < 1 { throw BuurtError(.data, "priorities: top must be at least 1, got \(priorities.top)") }
        let model = engine.model
        guard let root = engine.scoreCodes.firstIndex(of: model.root) else {
            throw BuurtError(.data, "uncertainty: the engine does not score the index '\(model.root)'")
        }
        rootCode = root
        let wanted = try UncertaintySummary.scoreCodes(model: model, priorities: priorities).dropFirst()
        var themeCodes: [Int] = []
        for code in wanted {
            guard let c = engine.scoreCodes.firstIndex(of: code) else {
                throw BuurtError(.data, "uncertainty: the engine does not score the problem dimension '\(code)'")
            }
            themeCodes.append(c)
        }
        self.themeCodes = themeCodes
        let fixed = themeCodes.map { engine.fixedScores(code: $0) }
        fixedThemes = !fixed.isEmpty && fixed.allSatisfy { $0 != nil } ? fixed.map { $0! } : nil
        let periods = engine.layout.periods
        switch priorities.reference {
        case .periodMean:
            referencePeriod = Array(periods.indices)
        case .period(let year):
            guard let k = periods.firstIndex(where: { $0.period == year }) else {
                let known = periods.compactMap(\.period).map(String.init).joined(separator: ", ")
                throw BuurtError(.data, "priorities: reference period \(year) has no rows (periods: \(known))")
            }
            referencePeriod = periods.map { _ in k }
        }

        let rows = engine.layout.count
        let r = replications
        let dims = fixedThemes == nil ? themeCodes.count : 0
        func bytes(_ rows: Int, index: Bool, dims: Int, score: Int) -> Int {
            rows * r * ((index ? 2 + score : 0) + dims * score)
        }
        // Double samples when everything fits the budget at once; otherwise single precision,
        // index passes per period (linear path) or per run of periods that fit (general path),
        // and the themes in chunks of rows.
        let allDouble = bytes(rows, index: true, dims: dims, score: 8) <= memoryBudget
        fitsAsDouble = allDouble
        if allDouble {
            indexGroups = [0..<rows]
        } else if engine.usesLinearPath {
            indexGroups = periods.map(\.positions)
        } else {
            var groups: [Range<Int>] = []
            for p in periods {
                if let last = groups.last, bytes(last.count + p.positions.count, index: true, dims: 0, score: 4) <= memoryBudget {
                    groups[groups.count - 1] = last.lowerBound..<p.positions.upperBound
                } else {
                    groups.append(p.positions)
                }
            }
            indexGroups = groups
        }
        themesInIndexPass = allDouble || dims == 0
        if themesInIndexPass {
            themeChunks = []
        } else {
            let perRow = r * dims * 4
            let chunk = Swift.max(1, memoryBudget / Swift.max(perRow, 1))
            themeChunks = stride(from: 0, to: rows, by: chunk).map { $0..<Swift.min(rows, $0 + chunk) }
        }
    }

    /// The layout period index of each position.
    func periodIndex(of position: Int) -> Int {
        engine.layout.periods.firstIndex { $0.positions.contains(position) }!
    }

    /// Draws per block for `rows` rows: the engine's block size, capped so a worker's block of
    /// the evaluated codes stays within 64 MiB.
    func blockSize(rows: Int) -> Int {
        let perDraw = Swift.max(1, indexCodes.count * rows * 8)
        return Swift.max(1, Swift.min(engine.blockSize, (64 << 20) / perDraw))
    }
}
