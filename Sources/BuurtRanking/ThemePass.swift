import BuurtIndex
import BuurtNumerics

/// Gap statistics of one problem dimension of one row.
struct ThemeStatistics: Sendable, Equatable {
    var gapP05 = Double.nan
    var gapP95 = Double.nan
    var pWorst = Double.nan
}

/// The theme pass of ``UncertaintySummary``: per row and problem dimension, the replications'
/// gaps g_r = reference_r − score_r (reference_r the dimension's mean over the reference
/// period's rows in replication r), their 5 % and 95 % quantiles, and how often the dimension
/// has the row's largest gap.
enum ThemePass {
    /// Evaluates every replication for the store's rows and keeps their dimension scores (linear
    /// path: only the store's rows are scored).
    static func fill<Rank: StoredRank, Score: StoredScore>(
        plan: SummaryPlan, draws: [ReplicationDraw], store: ReplicationStore<Rank, Score>, threads: Int,
        progress: ProgressReporter
    ) {
        let engine = plan.engine
        let rows = store.positions, t = rows.count
        let size = plan.blockSize(rows: t)
        let r = plan.replications
        let blocks = (r + size - 1) / size
        _ = ParallelWork.run(items: blocks, threads: threads, makeState: {
            (output: SharedBuffer<Double>(count: plan.dimensions * size * t, repeating: .nan), workspace: EvaluationWorkspace())
        }, body: { w, b in
            let range = (b * size)..<Swift.min(r, (b + 1) * size)
            let output = ScoreOutput(base: w.output.pointer, codeStride: size * t, rowCount: t)
            _ = engine.evaluateBlock(draws[range], positions: rows, codes: plan.themeCodes, into: output, workspace: &w.workspace)
            store.store(themesOf: range.lowerBound, count: range.count, output: output, themeSlots: Array(0..<plan.dimensions))
            progress.finished(range.count)
        })
    }

    /// Gap statistics of every row in the store, keyed by nominal row, dimensions in order (the
    /// store's first dimensions; change groups may follow them).
    /// - Complexity: O(rows · dims · R).
    static func statistics<Rank: StoredRank, Score: StoredScore>(
        plan: SummaryPlan, store: ReplicationStore<Rank, Score>, references: SharedBuffer<Double>, threads: Int
    ) -> [Int: [ThemeStatistics]] {
        let dims = plan.dimensions, r = plan.replications, width = store.dimensions
        guard dims > 0 else { return [:] }
        let rows = store.positions
        let periodOf = plan.engine.layout.periods.enumerated().flatMap { k, p in p.positions.map { _ in k } }
        let results = SharedBuffer<ThemeStatistics>(count: rows.count * dims, repeating: ThemeStatistics())
        let chunk = 64
        _ = ParallelWork.run(items: (rows.count + chunk - 1) / chunk, threads: threads, makeState: {
            (selector: QuantileSelector(), gaps: [Double](repeating: .nan, count: dims * r), worst: [Int](repeating: 0, count: dims))
        }, body: { w, k in
            for i in (k * chunk)..<Swift.min(rows.count, (k + 1) * chunk) {
                let reference = plan.referencePeriod[periodOf[rows.lowerBound + i]]
                for d in 0..<dims { w.worst[d] = 0 }
                var comparable = 0
                for rep in 0..<r {
                    var largest = -Double.infinity
                    for d in 0..<dims {
                        let score = Double(store.themes!.pointer[(i * width + d) * r + rep])
                        let gap = references.pointer[(reference * dims + d) * r + rep] - score
                        w.gaps[d * r + rep] = gap
                        if gap > largest { largest = gap }
                    }
                    guard largest > -Double.infinity else { continue }
                    comparable += 1
                    for d in 0..<dims where w.gaps[d * r + rep] == largest { w.worst[d] += 1 }
                }
                for d in 0..<dims {
                    let q = w.gaps.withUnsafeBufferPointer { g in
                        w.selector.quantiles(UnsafeBufferPointer(rebasing: g[(d * r)..<((d + 1) * r)]), [0.05, 0.95])
                    }
                    results.pointer[i * dims + d] = ThemeStatistics(
                        gapP05: Score.reported(q[0]), gapP95: Score.reported(q[1]),
                        pWorst: comparable > 0 ? Double(w.worst[d]) / Double(comparable) : .nan)
                }
            }
        })
        var out: [Int: [ThemeStatistics]] = [:]
        for i in 0..<rows.count {
            out[plan.engine.layout.rowAt[rows.lowerBound + i]] = (0..<dims).map { results.pointer[i * dims + $0] }
        }
        return out
    }
}
