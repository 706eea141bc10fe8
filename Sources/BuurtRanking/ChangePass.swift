import BuurtNumerics

/// Bands for the changes between two periods from the Monte Carlo replications.
///
/// Replication r is evaluated once for the whole panel with the engine's draw r
/// (`RandomStream(seed, r)`), so the score of a unit in `from` and in `to` come from the same
/// weights, alternatives and sampling stream, and change_r = s_to,r − s_from,r. The band is the
/// 5 % and 95 % quantile (R type 7) of change_r over the replications that scored the unit in
/// both periods; a failed replication counts for none.
///
/// **Scale.** A change is read on the model's own scale. When the model normalises with
/// `scope: reference`, every normalisation alternative of `uncertainty:` is applied with that same
/// scope here (its method and parameters unchanged): an alternative that rescales each period on
/// its own would remove the city-wide trend from every change. The draws are unaffected (they
/// only pick the alternative's position). A replication whose values leave the domain of its
/// aggregation (a geometric mean meeting a value ≤ 0) fails and is counted in
/// ``ChangeAnalysis/failedReplications``.
///
/// This pass evaluates the replications block by block through
/// ``UncertaintyEngine/evaluate(_:threads:progress:)``, independently of the rank summary.
/// - Complexity: one evaluation of R replications for the rows of the two periods (in chunks of
///   units whose changes, groups × R doubles each, fit 512 MiB); on the general path a pipeline
///   run per replication and chunk.
public enum ChangePass {
    /// Scores held per block of replications, at most (bytes).
    static let blockBudget = 64 << 20
    /// Change samples held at once, at most (bytes).
    static let sampleBudget = 512 << 20

    /// The changes of `project` (nominal from `aggregated`, the nominal run's final panel), with
    /// bands when the model has `uncertainty:`. `nil` with `changes: none`, and when the data has
    /// fewer than two periods and the model names none.
    /// - Throws: `BuurtError(.data)` for `changes:` periods not in the data; the engine's errors.
    public static func run(aggregated: Panel, project: IndexProject, threads: Int = 1) throws(BuurtError) -> ChangeAnalysis? {
        let file = project.file
        if file.changes?.enabled == false { return nil }
        guard let (from, to) = try ChangeAnalysis.periods(file.changes, among: aggregated.periodList.compactMap { $0 },
                                                          at: file.keyLocation("changes")) else { return nil }
        var analysis = ChangeAnalysis.nominal(aggregated, model: project.model, from: from, to: to, breaks: file.breaks)
        guard let uncertainty = file.uncertainty else { return analysis }
        var spec = uncertainty
        if case .reference = file.spec.normalise.scope {
            spec.normalise = spec.normalise.map { var p = $0; p.scope = file.spec.normalise.scope; return p }
        }
        let engine = try UncertaintyEngine(panel: project.panel, model: project.model, spec: file.spec, uncertainty: spec,
                                           scoreCodes: analysis.groups)
        try addBands(to: &analysis, engine: engine, threads: threads)
        return analysis
    }

    /// Fills the bands of `analysis` from every replication of `engine` (whose score codes are
    /// `analysis.groups` and whose rows are the nominal aggregated rows).
    public static func addBands(to analysis: inout ChangeAnalysis, engine: UncertaintyEngine, threads: Int = 1) throws(BuurtError) {
        try addBands(to: &analysis, engine: engine, threads: threads, sampleBudget: sampleBudget)
    }

    /// ``addBands(to:engine:threads:)`` holding at most `sampleBudget` bytes of changes at once.
    static func addBands(to analysis: inout ChangeAnalysis, engine: UncertaintyEngine, threads: Int, sampleBudget: Int) throws(BuurtError) {
        let rows = engine.rows
        let pairs = ChangeAnalysis.pairs(rows, from: analysis.from, to: analysis.to)
        let groups = analysis.groups.map { engine.scoreCodes.firstIndex(of: $0) }
        let r = engine.uncertainty.replications
        let g = groups.count
        guard pairs.count * g == analysis.rows.count else {
            throw BuurtError(.software, "changes: the replications score \(pairs.count) units in both periods, the nominal run \(analysis.rows.count / Swift.max(g, 1))")
        }
        // The changes of a chunk of units are held for all replications at once (quantiles need
        // them together); chunks keep that within `sampleBudget`. Each chunk evaluates only its
        // own rows of the two periods (a range of positions in each), so all chunks together
        // cost one evaluation of the two periods, whatever their number.
        let chunk = Swift.max(1, sampleBudget / Swift.max(1, 8 * g * r))
        let layout = engine.layout
        let codeCount = engine.scoreCodes.count
        var failed = Set<Int>()
        for first in stride(from: 0, to: pairs.count, by: chunk) {
            let members = Array(pairs[first..<Swift.min(pairs.count, first + chunk)])
            let fromPositions = members.map { layout.positionOf[$0.0] }, toPositions = members.map { layout.positionOf[$0.1] }
            var ranges = [fromPositions.min()!..<(fromPositions.max()! + 1), toPositions.min()!..<(toPositions.max()! + 1)]
            if !engine.usesLinearPath {
                // A pipeline run scores every row anyway: one range, one run per replication.
                ranges = [Swift.min(ranges[0].lowerBound, ranges[1].lowerBound)..<Swift.max(ranges[0].upperBound, ranges[1].upperBound)]
            }
            let rowsPerDraw = ranges.map(\.count).reduce(0, +)
            let perBlock = Swift.max(1, Swift.min(r, blockBudget / Swift.max(1, 8 * codeCount * rowsPerDraw)))
            let buffers = ranges.map { SharedBuffer<Double>(count: codeCount * perBlock * $0.count, repeating: .nan) }
            var changes = [Double](repeating: .nan, count: members.count * g * r)
            var start = 0
            while start < r {
                let end = Swift.min(r, start + perBlock), count = end - start
                let draws = (start..<end).map(engine.draw(replication:))
                let outputs = zip(ranges, buffers).map { range, buffer in
                    buffer.pointer.update(repeating: .nan, count: buffer.count)
                    let output = ScoreOutput(base: buffer.pointer, codeStride: count * range.count, rowCount: range.count)
                    let failures = engine.evaluate(draws, positions: range, into: output, threads: threads,
                                                   progress: ProgressReporter(total: count, callback: nil))
                    for f in failures { failed.insert(start + f.draw) }
                    return (range: range, output: output)
                }
                let (fromOut, toOut) = (outputs[0], outputs[outputs.count - 1])
                // Each (unit, group) run of replications is written contiguously.
                changes.withUnsafeMutableBufferPointer { all in
                    for p in members.indices {
                        let a = fromPositions[p] &- fromOut.range.lowerBound, b = toPositions[p] &- toOut.range.lowerBound
                        for (k, c) in groups.enumerated() {
                            guard let c else { continue }
                            let run = all.baseAddress! + ((p &* g &+ k) &* r &+ start)
                            let from = fromOut.output.column(code: c, draw: 0) + a, to = toOut.output.column(code: c, draw: 0) + b
                            let fromStride = fromOut.output.rowCount, toStride = toOut.output.rowCount
                            for d in 0..<count { run[d] = to[d &* toStride] - from[d &* fromStride] }
                        }
                    }
                }
                start = end
            }
            var selector = QuantileSelector()
            for p in members.indices {
                for k in 0..<g {
                    // Type-7 quantiles by selection (NaN, a replication without the unit, skipped).
                    let band = changes.withUnsafeBufferPointer { all in
                        selector.quantiles(UnsafeBufferPointer(rebasing: all[((p * g + k) * r)..<((p * g + k + 1) * r)]), [0.05, 0.95])
                    }
                    guard !band[0].isNaN else { continue }
                    var row = analysis.rows[(first + p) * g + k]
                    row.changeP05 = band[0]
                    row.changeP95 = band[1]
                    row.significant = row.changeP05 > 0 ? .better : row.changeP95 < 0 ? .worse : nil
                    analysis.rows[(first + p) * g + k] = row
                }
            }
        }
        analysis.replications = r
        analysis.failedReplications = failed.count
    }
}
