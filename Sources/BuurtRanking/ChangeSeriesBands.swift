import BuurtIndex
import BuurtNumerics

/// The bands of the rows of `changes.csv` that the summary's change bands (``ChangeBands``) do
/// not cover: slopes and CAGRs (from the project's replications) and break-free changes (from
/// an engine of the reweighted model, ``BreakFree``). Replication r's measure is the row's
/// measure (``ChangeMeasures``) over the unit's scores in replication r, scored under draw r
/// (`RandomStream(seed, r)`), the same draws as every other band; the band is its 5 % and 95 %
/// quantile (R type 7) over the replications that give one (a failed replication gives none).
///
/// When one index pass stores every sample (``SummaryPlan/storesSamples``), the slopes and
/// CAGRs of the index and of the stored groups are taken from those samples
/// (``collect(_:plan:store:threads:)``, no further evaluation); the other rows are scored by
/// the engine once more (``apply(_:rows:engine:draws:periods:threads:)``), in blocks of draws
/// that keep a block's scores within 64 MiB. Every result is the same for any thread count.
enum ChangeSeriesBands {
    /// One row's inputs: the engine's score code and the unit's (year, row) in the engine's rows.
    struct Recipe {
        var row: Int
        var measure: ChangeMeasure
        var code: Int
        var years: [Double]
        var rows: [Int]
    }

    /// The recipes of `analysis.rows[selected]` against `engine`'s rows and score codes.
    static func recipes(_ analysis: ChangeAnalysis, rows selected: [Int], engine: UncertaintyEngine) -> [Recipe] {
        let lookup = ChangeMeasures.RowLookup(engine.rows)
        let periods = Set(engine.rows.periods.compactMap { $0 }).sorted()
        return selected.compactMap { k in
            let row = analysis.rows[k]
            guard let code = engine.scoreCodes.firstIndex(of: row.group) else { return nil }
            let years = row.measure == .slope ? periods.filter { $0 >= row.from && $0 <= row.to } : [row.from, row.to]
            let points = years.compactMap { y in lookup.row(row.unit, y).map { (Double(y), $0) } }
            return Recipe(row: k, measure: row.measure, code: code, years: points.map(\.0), rows: points.map(\.1))
        }
    }

    /// Sets the bands of `analysis.rows[selected]` from `engine`'s scores under `draws`.
    /// - Throws: the engine's `BuurtError` for a draw that does not fit it.
    /// - Complexity: one evaluation of every row per draw, plus O(selected · R · (points + log R)).
    static func apply(_ analysis: inout ChangeAnalysis, rows selected: [Int], engine: UncertaintyEngine,
                      draws: [ReplicationDraw], threads: Int) throws(BuurtError) {
        let recipes = recipes(analysis, rows: selected, engine: engine)
        let r = draws.count
        guard !recipes.isEmpty, r > 0 else { return }
        let perDraw = Swift.max(1, engine.scoreCodes.count * engine.rows.rowCount * 8)
        let size = Swift.max(1, Swift.min(r, (64 << 20) / perDraw))
        let samples = SharedBuffer<Double>(count: recipes.count * r, repeating: .nan)
        for start in stride(from: 0, to: r, by: size) {
            let range = start..<Swift.min(r, start + size)
            let block = try engine.evaluate(Array(draws[range]), threads: threads)
            forEach(recipes, threads: threads, makeState: { [Double]() }) { scores, m, recipe in
                for d in 0..<range.count {
                    scores.removeAll(keepingCapacity: true)
                    for row in recipe.rows { scores.append(block[code: recipe.code, draw: d, row: row]) }
                    samples.pointer[m * r + range.lowerBound + d] = ChangeMeasures.value(recipe.measure, years: recipe.years, scores: scores)
                }
            }
        }
        summarise(samples, recipes, replications: r, into: &analysis) { $0 }
    }

    /// The slopes and CAGRs of `analysis` whose group is the index or a stored sample code, from
    /// `store` when it holds every row (one index pass storing all samples).
    /// - Complexity: O(rows selected · R · (points + log R)).
    static func collect<Rank: StoredRank, Score: StoredScore>(
        _ analysis: inout ChangeAnalysis, plan: SummaryPlan, store: ReplicationStore<Rank, Score>, threads: Int
    ) {
        let layout = plan.engine.layout
        guard plan.storesSamples, store.positions == 0..<layout.count else { return }
        let selected = analysis.rows.indices.filter { analysis.rows[$0].measure != .change && analysis.rows[$0].excluding.isEmpty }
        let recipes = recipes(analysis, rows: selected, engine: plan.engine).filter {
            $0.code == plan.rootCode || (store.dimensions > 0 && plan.sampleCodes.contains($0.code))
        }
        let r = plan.replications
        guard !recipes.isEmpty, r > 0 else { return }
        let samples = SharedBuffer<Double>(count: recipes.count * r, repeating: .nan)
        let points = recipes.map(\.rows.count).max() ?? 0
        forEach(recipes, threads: threads, makeState: { (index: SharedBuffer<Score>(count: Swift.max(1, points * r), repeating: .nan), scores: [Double]()) }) { w, m, recipe in
            // The index from the pass's samples (gathered into the worker's buffer), a stored code from its run.
            let runs: [UnsafePointer<Score>] = recipe.rows.enumerated().map { k, row in
                let position = layout.positionOf[row]
                guard recipe.code != plan.rootCode else {
                    store.gather(position, ranks: nil, scores: w.index.pointer + k * r)
                    return UnsafePointer(w.index.pointer + k * r)
                }
                return store.themeRun(position, plan.sampleCodes.firstIndex(of: recipe.code)!).baseAddress!
            }
            for q in 0..<r {
                w.scores.removeAll(keepingCapacity: true)
                for run in runs { w.scores.append(Double(run[q])) }
                samples.pointer[m * r + q] = ChangeMeasures.value(recipe.measure, years: recipe.years, scores: w.scores)
            }
        }
        summarise(samples, recipes, replications: r, into: &analysis, reported: Score.reported)
    }

    /// Runs `body` for every recipe, 64 at a time in parallel; each writes its own slots.
    private static func forEach<State>(_ recipes: [Recipe], threads: Int, makeState: () -> State,
                                       _ body: (inout State, Int, Recipe) -> Void) {
        let chunk = 64
        _ = ParallelWork.run(items: (recipes.count + chunk - 1) / chunk, threads: threads, makeState: makeState, body: { state, k in
            for m in (k * chunk)..<Swift.min(recipes.count, (k + 1) * chunk) { body(&state, m, recipes[m]) }
        })
    }

    /// The type-7 5 % and 95 % quantiles of each recipe's R samples into its row, at the
    /// precision the samples were `reported` at. A row whose own value is undefined (a CAGR
    /// with a score ≤ 0) gets no band: a band around no estimate would say nothing about it.
    private static func summarise(_ samples: SharedBuffer<Double>, _ recipes: [Recipe], replications r: Int,
                                  into analysis: inout ChangeAnalysis, reported: (Double) -> Double) {
        var selector = QuantileSelector()
        for (m, recipe) in recipes.enumerated() {
            let q = selector.quantiles(UnsafeBufferPointer(start: samples.pointer + m * r, count: r), [0.05, 0.95]).map(reported)
            guard !q[0].isNaN, !analysis.rows[recipe.row].change.isNaN else { continue }
            analysis.rows[recipe.row].changeP05 = q[0]
            analysis.rows[recipe.row].changeP95 = q[1]
            analysis.rows[recipe.row].significant = q[0] > 0 ? .better : q[1] < 0 ? .worse : nil
        }
    }
}
