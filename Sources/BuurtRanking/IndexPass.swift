import BuurtNumerics

/// One index pass of ``UncertaintySummary`` over a group of whole periods: evaluates every
/// replication in blocks, ranks each replication's index scores within each period, counts
/// "among the k most in need", takes each dimension's period mean (the gap reference) and
/// stores the per-row samples; then summarises each row.
struct IndexPass<Rank: StoredRank, Score: StoredScore> {
    let plan: SummaryPlan
    let draws: [ReplicationDraw]
    let store: ReplicationStore<Rank, Score>
    /// reference[(period · dims + d) · R + r], shared by all passes (disjoint writes).
    let references: SharedBuffer<Double>

    /// Scratch of one worker, reused across its blocks.
    final class Worker {
        let output: SharedBuffer<Double>
        let ranks: SharedBuffer<Rank>
        var lowest: [Int]
        var ranker: CompetitionRanker
        var workspace = EvaluationWorkspace()
        var failures: [ReplicationFailure] = []

        init(codes: Int, blockSize: Int, rows: Int) {
            output = SharedBuffer(count: codes * blockSize * rows, repeating: .nan)
            ranks = SharedBuffer(count: blockSize * rows, repeating: 0)
            lowest = [Int](repeating: 0, count: rows)
            ranker = CompetitionRanker(capacity: rows)
        }
    }

    /// Evaluates, ranks and stores every replication.
    /// - Returns: the failed replications and, per row of the group, how often it was among
    ///   the k lowest scores of its period.
    func run(threads: Int, progress: ProgressReporter) -> (failures: [ReplicationFailure], lowest: [Int]) {
        let engine = plan.engine
        let group = store.positions, t = group.count
        let size = plan.blockSize(rows: t)
        let r = plan.replications
        let blocks = (r + size - 1) / size
        let periods = engine.layout.periods.enumerated().filter { group.contains($0.element.positions.lowerBound) }
            .map { (index: $0.offset, offset: $0.element.positions.lowerBound - group.lowerBound, count: $0.element.positions.count) }
        let dims = plan.dimensions, top = plan.priorities.top
        let paired = plan.indexCodes.count - 1 == dims

        let workers = ParallelWork.run(items: blocks, threads: threads, makeState: {
            Worker(codes: plan.indexCodes.count, blockSize: size, rows: t)
        }, body: { w, b in
            let range = (b * size)..<Swift.min(r, (b + 1) * size)
            let output = ScoreOutput(base: w.output.pointer, codeStride: size * t, rowCount: t)
            let failed = engine.evaluateBlock(draws[range], positions: group, codes: plan.indexCodes, into: output, workspace: &w.workspace)
            w.failures += failed.map { ReplicationFailure(draw: range.lowerBound + $0.draw, message: $0.message) }
            for j in 0..<range.count {
                let replication = range.lowerBound + j
                for p in periods {
                    let root = UnsafeBufferPointer(start: output.column(code: 0, draw: j) + p.offset, count: p.count)
                    let ranks = UnsafeMutableBufferPointer(start: w.ranks.pointer + j * t + p.offset, count: p.count)
                    _ = w.ranker.rank(root, into: ranks, lowest: top) { i in w.lowest[p.offset + i] += 1 }
                    for d in 0..<(plan.indexCodes.count - 1) {
                        let column = output.column(code: 1 + d, draw: j) + p.offset
                        var sum = 0.0, n = 0
                        for i in 0..<p.count where !column[i].isNaN { sum += column[i]; n += 1 }
                        if paired { references.pointer[(p.index * dims + d) * r + replication] = n > 0 ? sum / Double(n) : .nan }
                    }
                }
            }
            store.store(
                firstDraw: range.lowerBound, count: range.count,
                blockRanks: UnsafeBufferPointer(start: w.ranks.pointer, count: range.count * t),
                output: output, rootSlot: 0, themeSlots: Array(1..<plan.indexCodes.count))
            progress.finished(range.count)
        })
        var lowest = [Int](repeating: 0, count: t)
        for w in workers { for i in 0..<t { lowest[i] += w.lowest[i] } }
        return (workers.flatMap { $0.failures }, lowest)
    }

    /// The numeric part of a row's summary.
    struct Numbers: Sendable {
        var rank = [Double](repeating: .nan, count: 3)
        var rankMean = Double.nan
        var score = [Double](repeating: .nan, count: 3)
        var valid = 0
    }

    /// Per-row summaries of the stored samples (rows in parallel).
    func statistics(lowest: [Int], threads: Int) -> [UnitUncertainty] {
        let engine = plan.engine
        let group = store.positions
        let chunk = 256
        let items = (group.count + chunk - 1) / chunk
        let numbers = SharedBuffer<Numbers>(count: group.count, repeating: Numbers())
        _ = ParallelWork.run(items: items, threads: threads, makeState: { QuantileSelector() }, body: { selector, k in
            for i in (k * chunk)..<Swift.min(group.count, (k + 1) * chunk) {
                let ranks = store.rankRun(i)
                let (q, mean) = selector.rankSummary(ranks, UncertaintySummary.levels)
                var valid = 0
                for rank in ranks where rank != 0 { valid += 1 }
                let scores = selector.quantiles(store.scoreRun(i), UncertaintySummary.levels).map(Score.reported)
                numbers.pointer[i] = Numbers(rank: q, rankMean: mean, score: scores, valid: valid)
            }
        })
        let panel = engine.rows
        let root = engine.model.root
        let nominalScores = panel.column(root) ?? []
        let nominalRanks = panel.ranksWithinPeriods(of: root) ?? []
        return group.map { p in
            let i = p - group.lowerBound
            let row = engine.layout.rowAt[p]
            let s = numbers.pointer[i]
            return UnitUncertainty(
                row: row, unit: panel.unitCodes[row], name: panel.unitNames[row], period: panel.periods[row],
                score: nominalScores[row], rank: nominalRanks[row], rankMean: s.rankMean, rankMedian: s.rank[1],
                rankP05: s.rank[0], rankP95: s.rank[2], scoreP05: s.score[0], scoreP50: s.score[1],
                scoreP95: s.score[2], pTop: s.valid > 0 ? Double(lowest[i]) / Double(s.valid) : .nan,
                replications: s.valid)
        }
    }
}
