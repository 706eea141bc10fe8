import BuurtIndex
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
        /// Scores of one tile: code c under draw j at `output[(c · blockSize + j) · tileRows]`.
        let output: SharedBuffer<Double>
        /// Index scores of the whole group: draw j at `root[j · rows]`.
        let root: SharedBuffer<Double>
        let ranks: SharedBuffer<Rank>
        /// Running sums and counts of each evaluated dimension per period and draw.
        var sums: [Double]
        var counts: [Int]
        var lowest: [Int]
        var ranker: CompetitionRanker
        var workspace = EvaluationWorkspace()
        var failures: [ReplicationFailure] = []

        init(codes: Int, blockSize: Int, rows: Int, tileRows: Int, periods: Int) {
            output = SharedBuffer(count: codes * blockSize * tileRows, repeating: .nan)
            root = SharedBuffer(count: blockSize * rows, repeating: .nan)
            ranks = SharedBuffer(count: blockSize * rows, repeating: 0)
            sums = [Double](repeating: 0, count: Swift.max(1, periods * (codes - 1) * blockSize))
            counts = [Int](repeating: 0, count: Swift.max(1, periods * (codes - 1) * blockSize))
            lowest = [Int](repeating: 0, count: rows)
            ranker = CompetitionRanker(capacity: rows)
        }
    }

    /// A run of positions evaluated at once, within one period (or the whole group when the
    /// themes are stored with the index samples, which needs every code of every row).
    struct Tile {
        /// Offset in the group and number of rows.
        var offset: Int
        var count: Int
    }

    /// Evaluates, ranks and stores every replication.
    ///
    /// On the compiled path a block of draws is scored in tiles of a few hundred rows, so the
    /// scorer's buffers and the dimension scores stay in cache; only the index scores of the
    /// whole group are kept (ranking needs every row of a period). Each period's dimension means
    /// (the gap references) are summed in position order per draw, several draws interleaved.
    /// - Returns: the failed replications and, per row of the group, how often it was among
    ///   the k lowest scores of its period.
    func run(threads: Int, progress: ProgressReporter) -> (failures: [ReplicationFailure], lowest: [Int]) {
        let engine = plan.engine
        let group = store.positions, t = group.count
        let size = store.blockSize
        let r = plan.replications
        let blocks = (r + size - 1) / size
        let periods = engine.layout.periods.enumerated().filter { group.contains($0.element.positions.lowerBound) }
            .map { (index: $0.offset, offset: $0.element.positions.lowerBound - group.lowerBound, count: $0.element.positions.count) }
        let dims = plan.dimensions, top = plan.priorities.top
        let codes = plan.indexCodes.count
        // The dimensions whose period means are the gap references: the first evaluated codes
        // after the root (the sample codes may add change groups after them).
        let evaluated = plan.fixedThemes == nil ? dims : 0
        let paired = evaluated > 0
        let storesThemes = store.dimensions > 0
        let tiles: [Tile]
        let tiledScorer: CompiledScorer?
        if case .compiled(let scorer) = engine.evaluator, !storesThemes {
            tiledScorer = scorer
            // A plan that standardises per period (Mazziotta–Pareto over varying children)
            // scores the whole period whatever rows are asked for: one tile per period.
            let tileRows = scorer.scoresWholePeriods ? Swift.max(1, periods.map(\.count).max() ?? 1) : 256
            tiles = periods.flatMap { p in
                stride(from: 0, to: p.count, by: tileRows).map { Tile(offset: p.offset + $0, count: Swift.min(tileRows, p.count - $0)) }
            }
        } else {
            tiledScorer = nil
            tiles = [Tile(offset: 0, count: t)]
        }
        let tileRows = tiles.map(\.count).max() ?? 0
        // The period slot of each position of the group.
        var slotOf = [Int](repeating: 0, count: t)
        for (k, p) in periods.enumerated() { for i in p.offset..<(p.offset + p.count) { slotOf[i] = k } }

        let workers = ParallelWork.run(items: blocks, threads: threads, makeState: {
            Worker(codes: codes, blockSize: size, rows: t, tileRows: tileRows, periods: periods.count)
        }, body: { w, b in
            let range = (b * size)..<Swift.min(r, (b + 1) * size)
            let count = range.count
            for k in 0..<w.sums.count { w.sums[k] = 0; w.counts[k] = 0 }
            for (k, tile) in tiles.enumerated() {
                let output = ScoreOutput(base: w.output.pointer, codeStride: size * tile.count, rowCount: tile.count)
                let positions = (group.lowerBound + tile.offset)..<(group.lowerBound + tile.offset + tile.count)
                let failed: [ReplicationFailure]
                if let scorer = tiledScorer {
                    // The scorer sums the dimensions itself; only the index scores are written.
                    let slot = slotOf[tile.offset]
                    failed = w.sums.withUnsafeMutableBufferPointer { sums in
                        w.counts.withUnsafeMutableBufferPointer { counts in
                            let reduce = ScoreSums(codes: Array(plan.indexCodes.dropFirst()),
                                                   sums: sums.baseAddress! + slot * evaluated * size,
                                                   counts: counts.baseAddress! + slot * evaluated * size, stride: size)
                            return scorer.score(draws[range], positions: positions, codes: [plan.indexCodes[0]], into: output,
                                                sums: reduce, workspace: &w.workspace.compiled)
                        }
                    }
                } else {
                    failed = engine.evaluateBlock(draws[range], positions: positions, codes: plan.indexCodes, into: output, workspace: &w.workspace)
                }
                if k == 0 {
                    w.failures += failed.map { ReplicationFailure(draw: range.lowerBound + $0.draw, message: $0.message) }
                }
                for j in 0..<count {
                    (w.root.pointer + j * t + tile.offset).update(from: output.column(code: 0, draw: j), count: tile.count)
                }
                if storesThemes {
                    store.store(themesOf: range.lowerBound, count: count, output: output, themeSlots: Array(1..<codes))
                }
                if tiledScorer == nil {
                    accumulate(tile, output: output, count: count, evaluated: evaluated, blockSize: size, slotOf: slotOf, worker: w)
                }
            }
            for j in 0..<count {
                let replication = range.lowerBound + j
                for (k, p) in periods.enumerated() {
                    let root = UnsafeBufferPointer(start: w.root.pointer + j * t + p.offset, count: p.count)
                    let ranks = UnsafeMutableBufferPointer(start: w.ranks.pointer + j * t + p.offset, count: p.count)
                    _ = w.ranker.rank(root, into: ranks, lowest: top) { i in w.lowest[p.offset + i] += 1 }
                    guard paired else { continue }
                    for d in 0..<evaluated {
                        let slot = (k * evaluated + d) * size + j
                        let n = w.counts[slot]
                        references.pointer[(p.index * dims + d) * r + replication] = n > 0 ? w.sums[slot] / Double(n) : .nan
                    }
                }
            }
            store.store(
                firstDraw: range.lowerBound, count: count,
                blockRanks: UnsafeBufferPointer(start: w.ranks.pointer, count: count * t),
                root: UnsafePointer(w.root.pointer))
            progress.finished(count)
        })
        var lowest = [Int](repeating: 0, count: t)
        for w in workers { for i in 0..<t { lowest[i] += w.lowest[i] } }
        return (workers.flatMap { $0.failures }, lowest)
    }

    /// Adds a tile's dimension scores to the worker's per-period sums: each (period, dimension,
    /// draw) sum runs over the positions in ascending order; draws are interleaved (independent
    /// chains, same order per chain).
    private func accumulate(_ tile: Tile, output: ScoreOutput, count: Int, evaluated: Int, blockSize: Int, slotOf: [Int], worker w: Worker) {
        guard evaluated > 0, tile.count > 0 else { return }
        var start = 0
        while start < tile.count {
            let slot = slotOf[tile.offset + start]
            var end = start + 1
            while end < tile.count && slotOf[tile.offset + end] == slot { end += 1 }
            w.sums.withUnsafeMutableBufferPointer { sums in
                w.counts.withUnsafeMutableBufferPointer { counts in
                    for d in 0..<evaluated {
                        let base = (slot * evaluated + d) * blockSize
                        let column = output.column(code: 1 + d, draw: 0)
                        let stride = output.rowCount
                        // Four draws at a time (two SIMD pairs), each running sum continued in
                        // its lane in position order. Adding +0 for a missing score instead of
                        // skipping it changes no bit: a sum that starts at +0 is never −0.
                        var j = 0
                        while j < count {
                            let lanes = Swift.min(4, count - j)
                            let j1 = j + Swift.min(1, lanes - 1), j2 = j + Swift.min(2, lanes - 1), j3 = j + Swift.min(3, lanes - 1)
                            let c0 = column + j * stride, c1 = column + j1 * stride
                            let c2 = column + j2 * stride, c3 = column + j3 * stride
                            var s01 = SIMD2(sums[base + j], sums[base + j1]), s23 = SIMD2(sums[base + j2], sums[base + j3])
                            var n01 = SIMD2<Double>(), n23 = SIMD2<Double>()
                            for i in start..<end {
                                let x01 = SIMD2(c0[i], c1[i]), x23 = SIMD2(c2[i], c3[i])
                                let m01 = x01 .== x01, m23 = x23 .== x23
                                s01 += SIMD2<Double>().replacing(with: x01, where: m01)
                                s23 += SIMD2<Double>().replacing(with: x23, where: m23)
                                n01 += SIMD2<Double>().replacing(with: 1, where: m01)
                                n23 += SIMD2<Double>().replacing(with: 1, where: m23)
                            }
                            sums[base + j] = s01[0]
                            counts[base + j] += Int(n01[0])
                            if lanes > 1 { sums[base + j1] = s01[1]; counts[base + j1] += Int(n01[1]) }
                            if lanes > 2 { sums[base + j2] = s23[0]; counts[base + j2] += Int(n23[0]) }
                            if lanes > 3 { sums[base + j3] = s23[1]; counts[base + j3] += Int(n23[1]) }
                            j += lanes
                        }
                    }
                }
            }
            start = end
        }
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
        let r = store.replications
        _ = ParallelWork.run(items: items, threads: threads, makeState: {
            (selector: QuantileSelector(), ranks: SharedBuffer<Rank>(count: r, repeating: 0), scores: SharedBuffer<Score>(count: r, repeating: 0))
        }, body: { w, k in
            for i in (k * chunk)..<Swift.min(group.count, (k + 1) * chunk) {
                store.gather(i, ranks: w.ranks.pointer, scores: w.scores.pointer)
                let ranks = UnsafeBufferPointer(start: w.ranks.pointer, count: r)
                let (q, mean) = w.selector.rankSummary(ranks, UncertaintySummary.levels)
                var valid = 0
                for rank in ranks { valid &+= rank != 0 ? 1 : 0 }
                let scores = w.selector.quantiles(UnsafeBufferPointer(start: w.scores.pointer, count: r), UncertaintySummary.levels)
                    .map(Score.reported)
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
