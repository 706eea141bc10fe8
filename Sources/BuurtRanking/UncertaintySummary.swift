import BuurtIndex
import BuurtNumerics

/// The Monte Carlo run of a model's `uncertainty:` and its summaries: per-row rank and score
/// bands (`uncertainty.csv`), list 1 (`priorities.csv`), list 2 (`themes.csv`) and the bands of
/// the changes between two periods (`changes.csv`), all from the same replications.
///
/// **One evaluation per replication.** Ranks need every row of a period in the same
/// replication, quantiles need every replication of the same row. The *index pass* therefore
/// evaluates blocks of replications for whole periods, ranks each replication's index scores
/// within each period (radix ranks, ``CompetitionRanker``), accumulates the "k most in need"
/// counts and each problem dimension's period mean (the gap reference), and stores per row its
/// R ranks (UInt16 while periods have at most 65,535 rows) and R scores (`Double`, or `Float`
/// when they would exceed the memory budget). Per-row quantiles then come from selection
/// (``QuantileSelector``), not sorting. When the samples fit the budget (see ``SummaryPlan``),
/// the same pass stores each row's R scores of the dimensions and the change groups: gap
/// bands, p_worst and change bands are derived from them (change_r = s_to,r − s_from,r with the
/// same draw r in both periods), and each replication is evaluated once. Beyond the budget, on
/// the compiled path each period is its own index pass and the dimension scores of tiles of rows
/// and the change groups' scores of chunks of units are recomputed for all replications by
/// matrix products (``ThemeTiles``, ``ChangeBands``); on the general path runs of periods and
/// chunks of rows and units re-run the replications. Never a second engine.
///
/// Results are the same for any thread count and any of these splits at the same sample
/// precision.
///
/// - Complexity: time O(R · rows · (tree + 1)) plus one evaluation per replication (beyond
///   the budget on the general path, one per pass and chunk); memory at most the budget for
///   the samples (a period's index samples on the compiled path when they alone exceed it), plus
///   the engine's matrices and a few MiB per worker.
public enum UncertaintySummary {
    /// The quantile levels reported: 5 %, 50 %, 95 %.
    public static let levels = [0.05, 0.5, 0.95]

    /// Bytes of replication samples held by default: Float samples of 56,000 rows × 6
    /// dimensions × 1,000 replications (1.68 GB) fit, leaving most of a 24 GiB machine free.
    public static let defaultMemoryBudget = 2 << 30

    /// The score codes ``compute(engine:priorities:threads:memoryBudget:progress:)`` needs: the
    /// root, then the problem dimensions (children of `priorities.themesOf`, default the root);
    /// the root alone with `priorities: none` (no problem list). With `changes`, the change
    /// groups not yet among them follow.
    /// - Throws: `BuurtError(.data)` when `themesOf` is not an aggregate of the model.
    public static func scoreCodes(model: IndexModel, priorities: PrioritySpec, changes: Bool = false) throws(BuurtError) -> [String] {
        var codes = [model.root]
        if priorities.enabled {
            let parent = priorities.themesOf ?? model.root
            guard model.node(parent)?.kind == .aggregate else {
                throw BuurtError(.data, "priorities: themes_of '\(parent)' is not an aggregate of the model")
            }
            codes += model.children(of: parent).filter { $0 != model.root }
        }
        if changes { codes += ChangeAnalysis.groups(of: model).filter { !codes.contains($0) } }
        return codes
    }

    /// Runs every replication of `engine` and summarises them (no change bands).
    public static func compute(
        engine: UncertaintyEngine, priorities: PrioritySpec = PrioritySpec(), threads: Int = 1,
        memoryBudget: Int = defaultMemoryBudget, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuurtError) -> UncertaintyResult {
        try compute(engine: engine, priorities: priorities, changes: nil, threads: threads,
                    memoryBudget: memoryBudget, progress: progress).result
    }

    /// Runs every replication of `engine` once and summarises them, with the bands of `changes`.
    ///
    /// - Parameters:
    ///   - priorities: top k for p_top, the problem dimensions, the gap reference, categories.
    ///   - changes: the nominal changes (``ChangeAnalysis/nominal(_:model:from:to:breaks:)`` of
    ///     the engine's rows) whose bands are wanted; the engine must score their groups.
    ///   - threads: worker threads; results are identical for any count.
    ///   - memoryBudget: bytes for the per-row replication samples (default
    ///     ``defaultMemoryBudget``; the peak adds the engine's matrices and one block of scores
    ///     per worker; see ``SummaryPlan`` for the general path).
    ///   - progress: (finished, total) replication evaluations, one call at a time.
    /// - Returns: the summary and `changes` with its bands.
    /// - Throws: `BuurtError(.data)` when the engine lacks the root or a dimension among its
    ///   score codes, when the reference period has no rows, or when `top` < 1.
    public static func compute(
        engine: UncertaintyEngine, priorities: PrioritySpec = PrioritySpec(), changes: ChangeAnalysis?,
        threads: Int = 1, memoryBudget: Int = defaultMemoryBudget, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuurtError) -> (result: UncertaintyResult, changes: ChangeAnalysis?) {
        let plan = try SummaryPlan(engine: engine, priorities: priorities, changes: changes, memoryBudget: memoryBudget)
        let maxPeriod = engine.layout.periods.map(\.positions.count).max() ?? 0
        let double = plan.fitsAsDouble
        var banded = changes
        let result: UncertaintyResult
        switch (maxPeriod <= Int(UInt16.max), double) {
        case (true, true): result = run(UInt16.self, Double.self, plan, changes: &banded, threads: threads, progress: progress)
        case (true, false): result = run(UInt16.self, Float.self, plan, changes: &banded, threads: threads, progress: progress)
        case (false, true): result = run(UInt32.self, Double.self, plan, changes: &banded, threads: threads, progress: progress)
        case (false, false): result = run(UInt32.self, Float.self, plan, changes: &banded, threads: threads, progress: progress)
        }
        return (result, banded)
    }

    private static func run<Rank: StoredRank, Score: StoredScore>(
        _: Rank.Type, _: Score.Type, _ plan: SummaryPlan, changes: inout ChangeAnalysis?, threads: Int,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> UncertaintyResult {
        let engine = plan.engine
        let r = plan.replications
        // Replications run in parallel; BLAS threads would only compete with them.
        BLASRuntime.pinSingleThread()
        let draws = (0..<r).map { engine.draw(replication: $0) }
        let reporter = ProgressReporter(total: plan.evaluations * r, callback: progress)
        let references = SharedBuffer<Double>(count: engine.layout.periods.count * plan.dimensions * r, repeating: .nan)
        let bands = plan.changes.map { ChangeBands<Score>(plan: plan, changes: $0) }
        var units: [UnitUncertainty] = []
        var themeStats: [Int: [ThemeStatistics]] = [:]
        var failures: [Int: ReplicationFailure] = [:]

        var previous: ReplicationStore<Rank, Score>?
        for group in plan.indexGroups {
            let store = ReplicationStore<Rank, Score>(
                positions: group, replications: r, index: true, dimensions: plan.storesSamples ? plan.sampleCodes.count : 0,
                blockSize: plan.blockSize(rows: group.count), reusing: previous, threads: threads)
            previous = store
            let pass = IndexPass(plan: plan, draws: draws, store: store, references: references)
            let result = pass.run(threads: threads, progress: reporter)
            for f in result.failures { failures[f.draw] = f }
            units += pass.statistics(lowest: result.lowest, threads: threads)
            if plan.storesSamples && plan.fixedThemes == nil && plan.dimensions > 0 {
                themeStats.merge(ThemePass.statistics(plan: plan, store: store, references: references, threads: threads)) { a, _ in a }
            }
            for band in bands { band.collect(store: store, threads: threads) }
            if var analysis = changes {
                ChangeSeriesBands.collect(&analysis, plan: plan, store: store, threads: threads)
                changes = analysis
            }
        }
        previous = nil
        if let fixed = plan.fixedThemes {
            themeStats = FixedThemes.statistics(plan: plan, scores: fixed, draws: draws, failures: Set(failures.keys))
        } else if !plan.themesInIndexPass, let tiles = ThemeTiles<Score>(plan: plan, draws: draws) {
            themeStats = tiles.statistics(references: references, threads: threads, progress: reporter)
        } else if !plan.themesInIndexPass {
            // On the compiled path each chunk scores its own rows (all chunks together: one
            // evaluation of every row); on the general path each chunk re-runs the replications.
            var previousChunk: ReplicationStore<Rank, Score>?
            for chunk in plan.themeChunks {
                let store = ReplicationStore<Rank, Score>(positions: chunk, replications: r, index: false, dimensions: plan.dimensions, reusing: previousChunk)
                previousChunk = store
                ThemePass.fill(plan: plan, draws: draws, store: store, threads: threads, progress: reporter)
                themeStats.merge(ThemePass.statistics(plan: plan, store: store, references: references, threads: threads)) { a, _ in a }
            }
        }
        if var analysis = changes {
            for band in bands {
                band.recompute(draws: draws, threads: threads, progress: reporter)
                band.fixed(draws: draws, failures: Set(failures.keys))
                band.apply(to: &analysis)
            }
            analysis.replications = r
            analysis.failedReplications = failures.count
            changes = analysis
        }
        units.sort { $0.row < $1.row }
        let priorities = plan.priorities.enabled ? PriorityLists.needList(units, categories: plan.priorities.categories) : []
        let themes = PriorityLists.themeList(plan: plan, units: units, needList: priorities, statistics: themeStats)
        return UncertaintyResult(
            units: units, priorities: priorities, themes: themes,
            failures: failures.values.sorted { $0.draw < $1.draw }, replications: r)
    }
}
