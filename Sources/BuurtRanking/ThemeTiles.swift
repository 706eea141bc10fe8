import BuurtIndex
import BuurtNumerics

/// The theme pass of ``UncertaintySummary`` on the compiled path when the dimensions' samples do
/// not fit the memory budget: instead of storing every row's R dimension scores, it scores a few
/// rows at a time under all replications and summarises them at once.
///
/// Applies when every problem dimension aggregates fixed children (indicators) whose weights
/// vary and no plan is staged, under any mean of ``CompiledScorer``, scored exactly as it scores
/// them: for a tile of t rows and one dimension, the numerators (F_C·W)ᵀ = Wᵀ·F_Cᵀ are one
/// matrix product per plan that writes each row's replications contiguously ("runs"), then
/// q = num ⊘ den and s = f⁻¹(q) (x, exp, 1/x or the p-th root); a Mazziotta–Pareto dimension
/// takes a second product of the squares and s = M_z − S_z²/M_z. Replications are taken in *run
/// order* — grouped by plan (combination of alternatives), ascending within a group, failed
/// plans left out (their gaps are missing) — which changes no statistic: quantiles, p_worst and
/// counts do not depend on the order of the replications, and the references are permuted
/// alike. Each score is rounded to the stored precision (`Score`) and turned into the gap
/// reference − score, as the stored-sample pass computes it, so results are identical.
///
/// - Complexity: O(rows · dims · R · children) time; memory t · dims · R doubles per worker
///   (twice that with a Mazziotta–Pareto dimension; at least one row, otherwise at most about
///   4 MiB), independent of the number of rows.
struct ThemeTiles<Score: StoredScore> {
    let plan: SummaryPlan
    let scorer: CompiledScorer
    /// The variable node of each problem dimension.
    let nodes: [CompiledScorer.Node]
    /// Replication of each run position.
    let order: [Int]
    /// Run positions of each scored alternative.
    let segments: [(alternative: Int, runs: Range<Int>)]
    /// Per dimension: the children's weights of each run position (children × runs, column-major).
    let weights: [[Double]]
    /// Per dimension: the sum of the children's weights of each run position.
    let totals: [[Double]]
    /// Per dimension: 1 / totals, the factor of a row without missing children (as
    /// ``CompiledScorer`` scales such a column).
    let reciprocals: [[Double]]
    /// Whether some dimension is a Mazziotta–Pareto mean under some plan (two products).
    let twoSums: Bool
    /// 1 for every run position: every run a gap pass transforms is available.
    let ones: [Double]

    /// The tile pass for `plan`, or `nil` when it does not apply (general path, a staged plan,
    /// or a dimension that is fixed or aggregates variable aggregates).
    init?(plan: SummaryPlan, draws: [ReplicationDraw]) {
        guard case .compiled(let scorer) = plan.engine.evaluator, plan.fixedThemes == nil else { return nil }
        var nodes: [CompiledScorer.Node] = []
        for code in plan.themeCodes {
            guard let buffer = scorer.bufferOfSlot[scorer.outputSlots[code]], scorer.isScoredByProduct(node: buffer) else { return nil }
            nodes.append(scorer.nodes[buffer])
        }
        self.plan = plan
        self.scorer = scorer
        self.nodes = nodes
        var order: [Int] = [], segments: [(alternative: Int, runs: Range<Int>)] = []
        for (k, alternative) in scorer.alternatives.enumerated() where alternative.failure == nil {
            let start = order.count
            for (r, d) in draws.enumerated() where scorer.planIndex(of: d) == k { order.append(r) }
            if order.count > start { segments.append((k, start..<order.count)) }
        }
        self.order = order
        self.segments = segments
        twoSums = segments.contains { s in nodes.contains { scorer.alternatives[s.alternative].means[$0.buffer] == .mazziottaPareto } }
        ones = [Double](repeating: 1, count: order.count)
        var weights: [[Double]] = [], totals: [[Double]] = []
        for node in nodes {
            let cc = node.children.count
            var w = [Double](repeating: 0, count: cc * order.count)
            var total = [Double](repeating: 0, count: order.count)
            for (q, r) in order.enumerated() {
                let multipliers = draws[r].weightMultipliers
                var sum = 0.0
                for (c, child) in node.children.enumerated() {
                    let weight = child.weight * (child.multiplier.map { multipliers?[$0] ?? 1 } ?? 1)
                    w[c + q * cc] = weight
                    sum += weight
                }
                total[q] = sum
            }
            weights.append(w)
            totals.append(total)
        }
        self.weights = weights
        self.totals = totals
        reciprocals = totals.map { $0.map { 1 / $0 } }
    }

    /// Gap statistics of every row, keyed by nominal row, dimensions in order.
    /// - Parameter references: reference[(period · dims + d) · R + r], from the index passes.
    func statistics(references: SharedBuffer<Double>, threads: Int, progress: ProgressReporter) -> [Int: [ThemeStatistics]] {
        let dims = nodes.count, n = order.count, r = plan.replications
        let layout = plan.engine.layout
        let rows = layout.count
        guard dims > 0, rows > 0 else { return [:] }
        // References in run order.
        let periods = layout.periods.count
        var permuted = [Double](repeating: .nan, count: Swift.max(1, periods * dims * n))
        for p in 0..<periods {
            for d in 0..<dims {
                let from = (p * dims + d) * r, to = (p * dims + d) * n
                for q in 0..<n { permuted[to + q] = references.pointer[from + order[q]] }
            }
        }
        var periodOf = [Int](repeating: 0, count: rows)
        for (k, p) in layout.periods.enumerated() { for i in p.positions { periodOf[i] = k } }

        // Rows per tile: as many as keep their runs within about 4 MiB (measured best: fewer
        // rows make the matrix products less efficient, more leave the cache).
        let sums = twoSums ? 2 : 1
        let tile = Swift.max(1, Swift.min(64, (4 << 20) / Swift.max(1, sums * dims * n * 8)))
        let tiles = (rows + tile - 1) / tile
        let units = plan.themeChunks.count * r
        let results = SharedBuffer<ThemeStatistics>(count: rows * dims, repeating: ThemeStatistics())
        _ = ParallelWork.run(items: tiles, threads: threads, makeState: {
            (runs: SharedBuffer<Double>(count: tile * dims * Swift.max(n, 1), repeating: 0),
             squares: SharedBuffer<Double>(count: twoSums ? tile * dims * Swift.max(n, 1) : 1, repeating: 0), selector: QuantileSelector(),
             worst: [Int](repeating: 0, count: dims), largest: [Double]())
        }, body: { w, k in
            let first = k * tile, t = Swift.min(rows, first + tile) - first
            score(positions: first..<(first + t), into: w.runs.pointer, squares: twoSums ? w.squares.pointer : nil)
            permuted.withUnsafeBufferPointer { references in
                for i in 0..<t {
                    let p = first + i
                    let reference = plan.referencePeriod[periodOf[p]]
                    let ranges = gaps(position: p, runs: w.runs.pointer + i * dims * n,
                                      squares: w.squares.pointer + (twoSums ? i * dims * n : 0),
                                      references: references.baseAddress! + reference * dims * n)
                    summarise(runs: w.runs.pointer + i * dims * n, count: n, ranges: ranges, selector: &w.selector,
                              worst: &w.worst, largest: &w.largest, into: results.pointer + p * dims)
                }
            }
            let done = (k + 1) * units / tiles - k * units / tiles
            if done > 0 { progress.finished(done) }
        })
        var out: [Int: [ThemeStatistics]] = [:]
        for p in 0..<rows {
            out[layout.rowAt[p]] = (0..<dims).map { results.pointer[p * dims + $0] }
        }
        return out
    }

    /// Numerators F_C·W of every dimension for `positions` under every run: row i's run of
    /// dimension d starts at `runs + (i · dims + d) · n`; with `squares`, also those of the
    /// squares of a Mazziotta–Pareto dimension, alike.
    private func score(positions: Range<Int>, into runs: UnsafeMutablePointer<Double>, squares: UnsafeMutablePointer<Double>?) {
        let dims = nodes.count, n = order.count, t = positions.count
        for (d, node) in nodes.enumerated() {
            let cc = node.children.count
            for segment in segments {
                let alternative = scorer.alternatives[segment.alternative]
                var products = [(alternative.productMatrix[node.buffer], runs)]
                if let squares, alternative.means[node.buffer] == .mazziottaPareto {
                    products.append((alternative.squareMatrix[node.buffer], squares))
                }
                for (matrix, target) in products {
                    matrix.withUnsafeBufferPointer { x in
                        weights[d].withUnsafeBufferPointer { w in
                            BLASKernels.multiply(
                                m: segment.runs.count, n: t, k: cc,
                                w.baseAddress! + segment.runs.lowerBound * cc, lda: cc, transposeA: true,
                                x.baseAddress! + positions.lowerBound, ldb: scorer.positions, transposeB: true,
                                into: target + d * n + segment.runs.lowerBound, ldc: dims * n)
                        }
                    }
                }
            }
        }
    }

    /// Turns the numerators of one row into gaps: reference − Score(s) where the dimension is
    /// available, NaN elsewhere, with s = f⁻¹(num / den) (Mazziotta–Pareto: of both sums) under
    /// the run's plan. den is the sum of the weights of the available children, taken as
    /// ``CompiledScorer`` takes it (total, less each missing child in order).
    /// - Returns: per dimension, the number of gaps (non-NaN) and their minimum and maximum.
    private func gaps(
        position p: Int, runs: UnsafeMutablePointer<Double>, squares: UnsafeMutablePointer<Double>, references: UnsafePointer<Double>
    ) -> [GapRange] {
        let n = order.count
        var ranges: [GapRange] = []
        ranges.reserveCapacity(nodes.count)
        for (d, node) in nodes.enumerated() {
            let run = runs + d * n, reference = references + d * n
            var lo2 = SIMD2<Double>(repeating: .infinity), hi2 = SIMD2<Double>(repeating: -.infinity)
            var count2 = SIMD2<Int64>()
            @inline(__always) func note(_ gap: SIMD2<Double>) {
                lo2 = lo2.replacing(with: gap, where: gap .< lo2)
                hi2 = hi2.replacing(with: gap, where: gap .> hi2)
                count2 &+= SIMD2<Int64>().replacing(with: 1, where: gap .== gap)
            }
            for segment in segments {
                let alternative = scorer.alternatives[segment.alternative]
                let range = segment.runs
                guard alternative.available[node.slot][p] != 0 else {
                    for q in range { run[q] = .nan }
                    continue
                }
                let mean = alternative.means[node.buffer]
                divide(run, d: d, position: p, runs: range, alternative: alternative)
                let start = run + range.lowerBound
                if mean == .mazziottaPareto {
                    let square = squares + d * n
                    divide(square, d: d, position: p, runs: range, alternative: alternative)
                    CompiledScorer.mazziottaPareto(start, squares: square + range.lowerBound, available: ones, count: range.count)
                } else if mean != .arithmetic {
                    CompiledScorer.invert(start, mean, available: ones, count: range.count)
                }
                var q = range.lowerBound
                while q + 1 < range.upperBound {
                    let gap = SIMD2(reference[q], reference[q + 1]) - Self.stored(SIMD2(run[q], run[q + 1]))
                    run[q] = gap[0]
                    run[q + 1] = gap[1]
                    note(gap)
                    q += 2
                }
                if q < range.upperBound {
                    run[q] = reference[q] - Double(Score(run[q]))
                    note(SIMD2(run[q], .nan))
                }
            }
            ranges.append(GapRange(count: Int(count2[0] &+ count2[1]), lo: Swift.min(lo2[0], lo2[1]), hi: Swift.max(hi2[0], hi2[1])))
        }
        return ranges
    }

    /// run[q] ← run[q] · (1 / den_q) over `runs` for dimension d at position p (as
    /// ``CompiledScorer`` takes the quotient): den_q the total weight, less the weights of the
    /// children missing at p (in order).
    private func divide(_ run: UnsafeMutablePointer<Double>, d: Int, position p: Int, runs range: Range<Int>,
                        alternative: CompiledScorer.Alternative) {
        let cc = nodes[d].children.count
        let missing = alternative.missing[nodes[d].buffer]
        let from = missing.lowerBound(of: UInt64(p) << 32)
        let to = missing.lowerBound(of: UInt64(p + 1) << 32)
        guard from != to else {
            reciprocals[d].withUnsafeBufferPointer { reciprocal in
                for q in range { run[q] *= reciprocal[q] }
            }
            return
        }
        totals[d].withUnsafeBufferPointer { total in
            weights[d].withUnsafeBufferPointer { w in
                for q in range {
                    var den = total[q]
                    for m in from..<to { den -= w[Int(missing[m] & 0xFFFF_FFFF) + q * cc] }
                    run[q] *= 1 / den
                }
            }
        }
    }

    /// The number of gaps of one row and dimension and their range.
    struct GapRange {
        var count: Int
        var lo: Double
        var hi: Double
    }

    /// Scores rounded to the stored precision, as the stored-sample pass keeps them.
    @inline(__always)
    private static func stored(_ s: SIMD2<Double>) -> SIMD2<Double> {
        if Score.self == Double.self { return s }
        return SIMD2(Double(Score(s[0])), Double(Score(s[1])))
    }

    /// p_worst and the 5 % / 95 % gap quantiles of one row from its gap runs.
    private func summarise(
        runs: UnsafeMutablePointer<Double>, count n: Int, ranges: [GapRange], selector: inout QuantileSelector,
        worst: inout [Int], largest: inout [Double], into out: UnsafeMutablePointer<ThemeStatistics>
    ) {
        let dims = nodes.count
        if largest.count < n { largest = [Double](repeating: 0, count: n) }
        var comparable = 0
        largest.withUnsafeMutableBufferPointer { top in
            // The largest gap of each replication (NaN never wins), then per dimension how often
            // it attains it: branch-free loops over the replications.
            for q in 0..<n { top[q] = -Double.infinity }
            for d in 0..<dims {
                let run = runs + d * n
                for q in 0..<n { top[q] = run[q] > top[q] ? run[q] : top[q] }
            }
            // A replication without any gap (top = −∞) is not comparable; NaN there makes sure
            // no gap equals it.
            for q in 0..<n {
                let found = top[q] > -Double.infinity
                comparable &+= found ? 1 : 0
                top[q] = found ? top[q] : .nan
            }
            for d in 0..<dims {
                let run = runs + d * n
                var hits = SIMD2<Int64>()
                var q = 0
                while q + 1 < n {
                    let equal = SIMD2(run[q], run[q + 1]) .== SIMD2(top[q], top[q + 1])
                    hits &+= SIMD2<Int64>().replacing(with: 1, where: equal)
                    q += 2
                }
                var total = Int(hits[0] &+ hits[1])
                if q < n && run[q] == top[q] { total += 1 }
                worst[d] = total
            }
        }
        for d in 0..<dims {
            let q = selector.quantiles(UnsafeBufferPointer(start: runs + d * n, count: n), [0.05, 0.95],
                                       count: ranges[d].count, lo: ranges[d].lo, hi: ranges[d].hi)
            out[d] = ThemeStatistics(
                gapP05: Score.reported(q[0]), gapP95: Score.reported(q[1]),
                pWorst: comparable > 0 ? Double(worst[d]) / Double(comparable) : .nan)
        }
    }
}
