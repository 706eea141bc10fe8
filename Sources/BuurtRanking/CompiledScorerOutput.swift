import BuurtIndex
import BuurtNumerics

/// Normalised indicator values supplied at run time (for example data perturbed per draw): per
/// model indicator, in `model.indicators` order, the values of every position in ``RowLayout``
/// order (`rowCount` of them), NaN = missing.
struct NormalisedColumns: Sendable {
    var rowCount: Int
    var columns: [[Double]]
}

/// The outputs of ``CompiledScorer``: copying scores, draws the aggregation stage scores itself,
/// and scoring against run-time normalised values.
extension CompiledScorer {
    /// Scores a block of draws against normalised values supplied at run time instead of a
    /// precomputed combination; the draws' normalise, treat and impute indices are ignored and
    /// `aggregateIndex` picks the aggregate alternative. The scores equal the aggregation stage's
    /// on that normalised panel under each draw's weights (up to rounding); a value outside an
    /// aggregation's domain fails every draw with the stage's message.
    /// - Complexity: one aggregation stage run with the nominal weights (the plan), then as
    ///   ``score(_:positions:codes:into:sums:workspace:)``.
    func score(
        normalised: NormalisedColumns, aggregateIndex: Int?, draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>,
        codes: [Int], into output: ScoreOutput, sums: ScoreSums? = nil, workspace w: inout Workspace
    ) -> [ReplicationFailure] {
        let plan: Alternative
        if var reused = w.runTimePlan, reused.aggregateIndex == aggregateIndex, Self.sameMissingCells(reused.missing, normalised) {
            // The workspace lets go of the plan first, so that its buffers are refilled in place.
            w.runTimePlan = nil
            Self.refill(&reused.plan, normalised: normalised, nodes: nodes, context: context)
            plan = reused.plan
            w.runTimePlan = reused
        } else {
            plan = Self.compile(.success(panel(normalised)), aggregateIndex: aggregateIndex, nodes: nodes, bufferOfSlot: bufferOfSlot,
                                context: context)
            w.runTimePlan = Self.reusable(plan, nodes: nodes, context: context)
                ? RunTimePlan(aggregateIndex: aggregateIndex, missing: Self.missingCells(normalised), plan: plan) : nil
        }
        w.members = Array(0..<draws.count)
        return score(plan, draws, positions: range, codes: codes, into: output, sums: sums, workspace: &w).sorted { $0.draw < $1.draw }
    }

    /// A run-time plan kept for the next call with the same missing cells.
    struct RunTimePlan {
        var aggregateIndex: Int?
        /// Per indicator and position: whether the value is missing.
        var missing: [Bool]
        var plan: Alternative
    }

    static func missingCells(_ normalised: NormalisedColumns) -> [Bool] {
        normalised.columns.flatMap { $0.map(\.isNaN) }
    }

    /// Whether `normalised` is missing exactly the cells `missing` lists (``missingCells(_:)``).
    /// - Complexity: O(cells), no allocation.
    static func sameMissingCells(_ missing: [Bool], _ normalised: NormalisedColumns) -> Bool {
        guard missing.count == normalised.columns.reduce(0, { $0 + $1.count }) else { return false }
        var i = 0
        return missing.withUnsafeBufferPointer { missing in
            for column in normalised.columns {
                for x in column {
                    if x.isNaN != missing[i] { return false }
                    i += 1
                }
            }
            return true
        }
    }

    /// The run-time values as a panel of the nominal rows (indicators in model order, rows
    /// absent from the layout missing), for compiling a plan.
    /// - Complexity: O(rows · indicators).
    func panel(_ normalised: NormalisedColumns) -> Panel {
        let rows = context.rows, rowAt = context.layout.rowAt, indicators = context.model.indicators
        let n = rows.rowCount
        var storage = [Double](repeating: .nan, count: n * indicators.count)
        for (k, column) in normalised.columns.enumerated() where k < indicators.count {
            for (p, x) in column.enumerated() where p < rowAt.count { storage[k * n + rowAt[p]] = x }
        }
        return Panel(unitCodes: rows.unitCodes, unitNames: rows.unitNames, periods: rows.periods, columnCodes: indicators,
                     values: Matrix(rows: n, columns: indicators.count, columnMajor: storage))
    }

    /// Whether a compiled plan's availability follows from the missing cells alone: it neither
    /// failed nor is staged, every aggregate is variable, and every mean is arithmetic.
    static func reusable(_ a: Alternative, nodes: [Node], context c: Context) -> Bool {
        a.failure == nil && !a.staged && a.means.allSatisfy { $0 == .arithmetic } && nodes.count == c.model.aggregatesBottomUp.count
    }

    /// Gives `a` the indicator values of `normalised` (same missing cells) and recomputes the
    /// products from them. It keeps no normalised panel: only staged plans and Mazziotta–Pareto
    /// means read one, and a reusable plan (``reusable(_:nodes:context:)``) has neither.
    /// - Complexity: O(rows · tree size); the values are written in place.
    static func refill(_ a: inout Alternative, normalised: NormalisedColumns, nodes: [Node], context c: Context) {
        a.normalised = nil
        for (k, column) in normalised.columns.enumerated() where k < c.model.indicators.count {
            a.values[k].withUnsafeMutableBufferPointer { out in
                for (p, x) in column.enumerated() where p < out.count { out[p] = x.isNaN ? 0 : x }
            }
        }
        fillProducts(&a, nodes: nodes, context: c)
    }

    /// Copies the score codes to the output, NaN where unavailable. Member k (draw `members[k]`
    /// of the output) reads buffer column `columns[k]`.
    func write(
        _ alt: Alternative, draws members: [Int], columns: [Int], positions range: Range<Int>, origin: Int, stride: Int,
        codes: [Int], into output: ScoreOutput, workspace w: Workspace
    ) {
        let t = range.count, a = range.lowerBound
        for (c, code) in codes.enumerated() {
            let slot = outputSlots[code]
            alt.available[slot].withUnsafeBufferPointer { available in
                if let buffer = bufferOfSlot[slot] {
                    w.buffers[buffer].withUnsafeBufferPointer { scores in
                        for (k, m) in members.enumerated() {
                            Self.select(scores.baseAddress! + columns[k] * stride + origin, available: available.baseAddress! + a,
                                        into: output.column(code: c, draw: m), count: t)
                        }
                    }
                } else {
                    alt.values[slot].withUnsafeBufferPointer { scores in
                        for m in members {
                            Self.select(scores.baseAddress! + a, available: available.baseAddress! + a,
                                        into: output.column(code: c, draw: m), count: t)
                        }
                    }
                }
            }
        }
    }

    /// Which variable nodes the given output codes depend on (themselves and their variable
    /// descendants).
    func neededBy(_ codes: [Int]) -> [Bool] {
        var needed = [Bool](repeating: false, count: nodes.count)
        for code in codes { if let b = bufferOfSlot[outputSlots[code]] { needed[b] = true } }
        for node in nodes.reversed() where needed[node.buffer] {
            for child in node.children { if let b = child.buffer { needed[b] = true } }
        }
        return needed
    }

    /// One draw scored by the aggregation stage on the plan's normalised panel with the drawn
    /// weights: its scores at `range` into output draw `j` (and the running sums), or its failure
    /// (NaN scores).
    /// - Complexity: one aggregation stage run.
    func stageScore(
        _ alt: Alternative, _ d: ReplicationDraw, member j: Int, positions range: Range<Int>, codes: [Int],
        into output: ScoreOutput, sums: ScoreSums?
    ) -> ReplicationFailure? {
        let panel: Panel
        do {
            let drawn = try GeneralEvaluator.model(context.model, d, plan: context.plan)
            panel = try Aggregate.apply(alt.normalised!, model: drawn, parameters: alt.aggregation).panel
        } catch {
            for c in codes.indices { output.column(code: c, draw: j).update(repeating: .nan, count: range.count) }
            return ReplicationFailure(draw: j, message: error.description)
        }
        func scores(_ code: Int) -> [Double] {
            let column = panel.column(context.codes[outputSlots[code]])!
            return range.map { p in
                let row = alt.rowAtPosition.isEmpty ? context.layout.rowAt[p] : alt.rowAtPosition[p]
                return row >= 0 ? column[row] : .nan
            }
        }
        for (c, code) in codes.enumerated() {
            let out = output.column(code: c, draw: j)
            for (i, x) in scores(code).enumerated() { out[i] = x }
        }
        if let sums {
            for (c, code) in sums.codes.enumerated() {
                // In position order, as the compiled draws are summed.
                for x in scores(code) where !x.isNaN {
                    sums.sums[c * sums.stride + j] += x
                    sums.counts[c * sums.stride + j] += 1
                }
            }
        }
        return nil
    }
}
