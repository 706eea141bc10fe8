import BuurtIndex
import BuurtNumerics

/// The change bands of ``UncertaintySummary``: per unit scored in both periods and group, the
/// 5 % and 95 % quantiles (R type 7) of change_r = s_to,r − s_from,r over the replications that
/// scored the unit in both periods (a failed replication counts for none). Every sample comes
/// from the summary's own replications r = 0 ..< R:
/// - the index from the index samples of the index pass (those of the period seen first held
///   until the other period's pass when the two are different passes);
/// - a stored sample code from the stored samples;
/// - on the compiled path without stored samples, a varying group from its scores recomputed
///   for chunks of units in the two periods under all replications (matrix products only);
/// - a group that does not depend on the weights from its scores per alternative (atoms with
///   multiplicities, as ``FixedThemes`` takes them).
/// Samples are taken at the stored precision (`Score`) and the bands reported as the score
/// bands are, so every split gives the same bands at the same precision.
final class ChangeBands<Score: StoredScore>: @unchecked Sendable {
    let plan: SummaryPlan
    let changes: ChangePlan
    /// band[(p · groups + k) · 2 + (0: 5 %, 1: 95 %)], NaN until known.
    let bands: SharedBuffer<Double>
    /// The index samples of the period seen first: pair p's R scores at p · R.
    private var held: SharedBuffer<Score>?
    private var heldIsFrom = false

    init(plan: SummaryPlan, changes: ChangePlan) {
        self.plan = plan
        self.changes = changes
        bands = SharedBuffer(count: Swift.max(1, changes.pairs.count * changes.sources.count * 2), repeating: .nan)
    }

    /// Takes the bands that the samples of `store` (one index pass) allow: the index once both
    /// periods have been seen, the stored sample codes when the store holds both periods.
    /// - Complexity: O(pairs · groups · R) for the bands completed.
    func collect<Rank: StoredRank>(store: ReplicationStore<Rank, Score>, threads: Int) {
        let rows = store.positions, lower = rows.lowerBound
        let inFrom = rows.contains(changes.fromPositions.lowerBound), inTo = rows.contains(changes.toPositions.lowerBound)
        let n = changes.pairs.count, r = plan.replications, g = changes.sources.count
        guard inFrom || inTo, n > 0 else { return }
        let both = inFrom && inTo
        let index = changes.sources.firstIndex { if case .index = $0 { return true } else { return false } }
        let holding = !both && held == nil
        if holding && index != nil {
            held = SharedBuffer(count: n * r, repeating: .nan)
            heldIsFrom = inFrom
        }
        let held = self.held, heldIsFrom = self.heldIsFrom
        let samples: [(group: Int, slot: Int)] = both && store.dimensions > 0 ? changes.sources.enumerated().compactMap { k, s in
            if case .sample(let slot, _) = s { return (k, slot) }
            return nil
        } : []
        forEachPair(threads: threads) { w, p in
            let pair = self.changes.pairs[p]
            if let index {
                let slot = p * g + index
                if both {
                    store.gather(pair.from - lower, ranks: nil, scores: w.from.pointer)
                    store.gather(pair.to - lower, ranks: nil, scores: w.to.pointer)
                    self.band(from: w.from.pointer, to: w.to.pointer, worker: w, slot: slot)
                } else if let held {
                    let run = held.pointer + p * r
                    if holding {
                        store.gather((inFrom ? pair.from : pair.to) - lower, ranks: nil, scores: run)
                    } else {
                        store.gather((inFrom ? pair.from : pair.to) - lower, ranks: nil, scores: w.to.pointer)
                        self.band(from: heldIsFrom ? run : w.to.pointer, to: heldIsFrom ? w.to.pointer : run, worker: w, slot: slot)
                    }
                }
            }
            for (k, slot) in samples {
                self.band(from: store.themeRun(pair.from - lower, slot).baseAddress!,
                          to: store.themeRun(pair.to - lower, slot).baseAddress!, worker: w, slot: p * g + k)
            }
        }
        if !holding { self.held = nil }
    }

    /// Recomputes the varying groups that were not stored, chunk of units by chunk
    /// (``ChangePlan/recomputeChunks(storesSamples:plan:)``). On the compiled path each chunk
    /// scores its rows of the two periods (a range of positions in each), so all chunks
    /// together cost one evaluation of the two periods; on the general path a pipeline run
    /// per replication and chunk scores every row anyway (one range).
    func recompute(draws: [ReplicationDraw], threads: Int, progress: ProgressReporter) {
        let groups = changes.recomputed(storesSamples: plan.storesSamples)
        let r = plan.replications, g = changes.sources.count, c = groups.count
        let engine = plan.engine, codes = groups.map(\.code)
        let budget = ChangePlan.recomputeBudget(plan)
        let chunks = changes.recomputeChunks(storesSamples: plan.storesSamples, plan: plan)
        defer { progress.finished(plan.recomputeEvaluations(of: changes) * r) }
        for members in chunks {
            let pairs = changes.pairs[members]
            let from = pairs.map(\.from).min()!..<(pairs.map(\.from).max()! + 1)
            let to = pairs.map(\.to).min()!..<(pairs.map(\.to).max()! + 1)
            let ranges = engine.usesCompiledPath
                ? [from, to] : [Swift.min(from.lowerBound, to.lowerBound)..<Swift.max(from.upperBound, to.upperBound)]
            let rows = ranges.map(\.count).reduce(0, +)
            let size = Swift.max(1, Swift.min(engine.blockSize, budget / Swift.max(1, 8 * c * rows)))
            let samples = SharedBuffer<Double>(count: members.count * c * r, repeating: .nan)
            _ = ParallelWork.run(items: (r + size - 1) / size, threads: threads, makeState: {
                (buffers: ranges.map { SharedBuffer<Double>(count: c * size * $0.count, repeating: .nan) }, workspace: EvaluationWorkspace())
            }, body: { w, b in
                let range = (b * size)..<Swift.min(r, (b + 1) * size)
                let outputs = zip(ranges, w.buffers).map { positions, buffer in
                    buffer.pointer.update(repeating: .nan, count: buffer.count)
                    let output = ScoreOutput(base: buffer.pointer, codeStride: size * positions.count, rowCount: positions.count)
                    _ = engine.evaluateBlock(draws[range], positions: positions, codes: codes, into: output, workspace: &w.workspace)
                    return (positions: positions, output: output)
                }
                let (early, late) = (outputs[0], outputs[outputs.count - 1])
                for (m, pair) in pairs.enumerated() {
                    for k in 0..<c {
                        let run = samples.pointer + (m * c + k) * r + range.lowerBound
                        let a = early.output.column(code: k, draw: 0) + (pair.from - early.positions.lowerBound)
                        let z = late.output.column(code: k, draw: 0) + (pair.to - late.positions.lowerBound)
                        let strideA = early.positions.count, strideZ = late.positions.count
                        for j in 0..<range.count {
                            run[j] = Double(Score(z[j * strideZ])) - Double(Score(a[j * strideA]))
                        }
                    }
                }
            })
            let chunkOffset = members.lowerBound
            forEachPair(in: 0..<members.count, threads: threads) { w, m in
                for (k, group) in groups.enumerated() {
                    self.summarise(samples.pointer + (m * c + k) * r, worker: w, slot: (chunkOffset + m) * g + group.group)
                }
            }
        }
    }

    /// The groups that do not depend on the weights, from their scores per alternative.
    func fixed(draws: [ReplicationDraw], failures: Set<Int>) {
        let g = changes.sources.count
        for (k, source) in changes.sources.enumerated() {
            guard case .fixed(let scores) = source else { continue }
            var counts = [Int](repeating: 0, count: scores.count)
            for (r, d) in draws.enumerated() where !failures.contains(r) { counts[plan.engine.alternative(of: d)] += 1 }
            for (p, pair) in changes.pairs.enumerated() {
                var atoms: [(value: Double, count: Int)] = []
                for (a, s) in scores.enumerated() where counts[a] > 0 {
                    guard let s else { continue }
                    let change = s[pair.to] - s[pair.from]
                    if !change.isNaN { atoms.append((change, counts[a])) }
                }
                let q = FixedThemes.quantiles(atoms, [0.05, 0.95])
                bands.pointer[(p * g + k) * 2] = q[0]
                bands.pointer[(p * g + k) * 2 + 1] = q[1]
            }
        }
    }

    /// Writes the bands into `analysis` (the plan's pairs × groups from its row offset).
    func apply(to analysis: inout ChangeAnalysis) {
        for i in 0..<(changes.pairs.count * changes.sources.count) {
            let lo = bands.pointer[i * 2], hi = bands.pointer[i * 2 + 1]
            guard !lo.isNaN else { continue }
            let k = changes.rowOffset + i
            analysis.rows[k].changeP05 = lo
            analysis.rows[k].changeP95 = hi
            analysis.rows[k].significant = lo > 0 ? .better : hi < 0 ? .worse : nil
        }
    }

    /// Scratch of one worker.
    final class Worker {
        let from: SharedBuffer<Score>
        let to: SharedBuffer<Score>
        let changes: SharedBuffer<Double>
        var selector = QuantileSelector()

        init(replications r: Int) {
            from = SharedBuffer(count: r, repeating: .nan)
            to = SharedBuffer(count: r, repeating: .nan)
            changes = SharedBuffer(count: r, repeating: .nan)
        }
    }

    /// Runs `body` for every pair index in `pairs` (default all), 64 at a time in parallel.
    private func forEachPair(in pairs: Range<Int>? = nil, threads: Int, _ body: @escaping @Sendable (Worker, Int) -> Void) {
        let all = pairs ?? 0..<changes.pairs.count
        let chunk = 64, r = plan.replications
        _ = ParallelWork.run(items: (all.count + chunk - 1) / chunk, threads: threads, makeState: { Worker(replications: r) },
                             body: { w, k in
            for p in (all.lowerBound + k * chunk)..<Swift.min(all.upperBound, all.lowerBound + (k + 1) * chunk) { body(w, p) }
        })
    }

    /// The band of change_r = to_r − from_r into `slot`.
    private func band(from: UnsafePointer<Score>, to: UnsafePointer<Score>, worker w: Worker, slot: Int) {
        let run = w.changes.pointer
        for q in 0..<plan.replications { run[q] = Double(to[q]) - Double(from[q]) }
        summarise(run, worker: w, slot: slot)
    }

    /// Type-7 quantiles of R changes by selection (NaN, a replication without the unit, skipped).
    private func summarise(_ run: UnsafePointer<Double>, worker w: Worker, slot: Int) {
        let q = w.selector.quantiles(UnsafeBufferPointer(start: run, count: plan.replications), [0.05, 0.95])
        bands.pointer[slot * 2] = Score.reported(q[0])
        bands.pointer[slot * 2 + 1] = Score.reported(q[1])
    }
}
