import BuurtIndex
import BuurtNumerics

/// The bands of the rows of `changes.csv` that the summary's change bands (``ChangeBands``) do
/// not cover: slopes and CAGRs (from the project's engine) and break-free changes (from an
/// engine of the reweighted model, ``BreakFree``). Replication r's measure is the row's
/// measure (``ChangeMeasures``) over the unit's scores in replication r, scored under draw r
/// (`RandomStream(seed, r)`), the same draws as every other band; the band is its 5 % and 95 %
/// quantile (R type 7) over the replications that give one (a failed replication gives none).
///
/// The engine scores the replications once more, in blocks of draws that keep a block's scores
/// within 64 MiB; every result is the same for any thread count.
enum ChangeSeriesBands {
    /// One row's inputs: the engine's score code and the unit's (year, row) in the engine's rows.
    private struct Recipe {
        var row: Int
        var measure: ChangeMeasure
        var code: Int
        var years: [Double]
        var rows: [Int]
    }

    /// Sets the bands of `analysis.rows[selected]` from `engine`'s scores under `draws`.
    /// - Throws: the engine's `BuurtError` for a draw that does not fit it.
    /// - Complexity: one evaluation of every row per draw, plus O(selected · R · (points + log R)).
    static func apply(_ analysis: inout ChangeAnalysis, rows selected: [Int], engine: UncertaintyEngine,
                      draws: [ReplicationDraw], periods: ResolvedChanges, threads: Int) throws(BuurtError) {
        let lookup = ChangeMeasures.RowLookup(engine.rows)
        let recipes: [Recipe] = selected.compactMap { k in
            let row = analysis.rows[k]
            guard let code = engine.scoreCodes.firstIndex(of: row.group) else { return nil }
            let pair = PeriodPair(from: row.from, to: row.to)
            let years = row.measure == .slope ? periods.periods(in: pair) : [row.from, row.to]
            let points = years.compactMap { y in lookup.row(row.unit, y).map { (Double(y), $0) } }
            return Recipe(row: k, measure: row.measure, code: code, years: points.map(\.0), rows: points.map(\.1))
        }
        let r = draws.count
        guard !recipes.isEmpty, r > 0 else { return }
        let perDraw = Swift.max(1, engine.scoreCodes.count * engine.rows.rowCount * 8)
        let size = Swift.max(1, Swift.min(r, (64 << 20) / perDraw))
        let samples = SharedBuffer<Double>(count: recipes.count * r, repeating: .nan)
        for start in stride(from: 0, to: r, by: size) {
            let range = start..<Swift.min(r, start + size)
            let block = try engine.evaluate(Array(draws[range]), threads: threads)
            // Each recipe writes its own slots: the same bits for any thread count.
            let chunk = 64
            _ = ParallelWork.run(items: (recipes.count + chunk - 1) / chunk, threads: threads, makeState: { [Double]() }, body: { scores, k in
                for m in (k * chunk)..<Swift.min(recipes.count, (k + 1) * chunk) {
                    let recipe = recipes[m]
                    for d in 0..<range.count {
                        scores.removeAll(keepingCapacity: true)
                        for row in recipe.rows { scores.append(block[code: recipe.code, draw: d, row: row]) }
                        samples.pointer[m * r + range.lowerBound + d] = ChangeMeasures.value(recipe.measure, years: recipe.years, scores: scores)
                    }
                }
            })
        }
        var selector = QuantileSelector()
        for (m, recipe) in recipes.enumerated() {
            let q = selector.quantiles(UnsafeBufferPointer(start: samples.pointer + m * r, count: r), [0.05, 0.95])
            guard !q[0].isNaN else { continue }
            analysis.rows[recipe.row].changeP05 = q[0]
            analysis.rows[recipe.row].changeP95 = q[1]
            analysis.rows[recipe.row].significant = q[0] > 0 ? .better : q[1] < 0 ? .worse : nil
        }
    }
}
