import BuurtIndex
import BuurtNumerics
import Foundation

/// Compiling one plan of ``CompiledScorer``: a combination's normalised panel and aggregate
/// alternative become the fixed slots' scores, each variable node's f(fixed children) and the
/// missing children of each position.
extension CompiledScorer {
    /// The plan of a normalised panel under aggregate alternative `aggregateIndex`.
    /// - Complexity: one aggregation stage run, O(rows · tree size).
    static func compile(
        _ normalised: Result<Panel, BuurtError>, aggregateIndex: Int?, nodes: [Node], bufferOfSlot: [Int?], context c: Context
    ) -> Alternative {
        var a = Alternative()
        let panel: Panel
        do { panel = try normalised.get() } catch { a.failure = error.description; return a }
        a.normalised = panel
        a.aggregation = GeneralEvaluator.spec(c.spec, ReplicationDraw(aggregateIndex: aggregateIndex), c.uncertainty).aggregate
        a.means = nodes.map { node in Self.mean(a.aggregation.rule(forHeight: c.model.height[c.codes[node.slot]]!).method) }
        // Whether a variable child meets a mean with a restricted domain.
        let restrictedVariableChild = nodes.indices.contains { n in
            !Self.inDomain(-1, of: a.means[n]) && nodes[n].children.contains { $0.buffer != nil }
        }
        let sameRows = panel.unitCodes == c.rows.unitCodes && panel.periods == c.rows.periods
        let aggregated: Panel
        do {
            aggregated = try Aggregate.apply(panel, model: c.model, parameters: a.aggregation).panel
        } catch {
            // Without a variable child in a restricted domain, every refusal is the same for all weights.
            guard restrictedVariableChild || !sameRows else { a.failure = error.description; return a }
            return staged(a, panel: panel, context: c)
        }
        guard sameRows else { return staged(a, panel: panel, context: c) }

        for (s, code) in c.codes.enumerated() {
            let column = aggregated.column(code)!
            let ordered = c.layout.rowAt.map { column[$0] }
            a.available.append(ordered.map { $0.isNaN ? 0 : 1 })
            a.values.append(bufferOfSlot[s] == nil ? ordered.map { $0.isNaN ? 0 : $0 } : [])
        }
        if restrictedVariableChild && !domainIsSafe(a, nodes: nodes, bufferOfSlot: bufferOfSlot, aggregated: aggregated, context: c) {
            return staged(a, panel: panel, context: c)
        }
        let n = c.layout.count
        fillProducts(&a, nodes: nodes, context: c)
        for (k, node) in nodes.enumerated() {
            if a.means[k] == .mazziottaPareto && !node.viaProduct { a.periodWide = true }
            var missing: [UInt64] = []
            for p in 0..<n {
                for (i, child) in node.children.enumerated() where a.available[child.slot][p] == 0 {
                    missing.append(UInt64(p) << 32 | UInt64(i))
                }
            }
            a.missing.append(missing)
        }
        return a
    }

    /// Each variable node's f of its fixed children (``Alternative/productMatrix``, its squares
    /// for Mazziotta–Pareto, and ``Alternative/fixedColumn``) from the plan's values and availability.
    /// - Complexity: O(rows · tree size).
    static func fillProducts(_ a: inout Alternative, nodes: [Node], context c: Context) {
        let n = c.layout.count
        a.productMatrix = []
        a.squareMatrix = []
        a.fixedColumn = []
        for (k, node) in nodes.enumerated() {
            let mean = a.means[k]
            var matrix: [Double] = [], columns: [Int?] = []
            for child in node.children {
                guard child.buffer == nil else { columns.append(nil); continue }
                columns.append(matrix.count / Swift.max(n, 1))
                matrix += transformed(a.values[child.slot], childAvailable: a.available[child.slot],
                                      nodeAvailable: a.available[node.slot], mean: mean, layout: c.layout)
            }
            a.productMatrix.append(matrix)
            a.squareMatrix.append(mean == .mazziottaPareto && node.viaProduct ? matrix.map { $0 * $0 } : [])
            a.fixedColumn.append(columns)
        }
    }

    /// A plan whose draws run the aggregation stage (see ``CompiledScorer``).
    private static func staged(_ plan: Alternative, panel: Panel, context c: Context) -> Alternative {
        var a = plan
        a.staged = true
        var rowOf: [GeneralEvaluator.RowKey: Int] = [:]
        for i in 0..<panel.rowCount { rowOf[GeneralEvaluator.RowKey(unit: panel.unitCodes[i], period: panel.periods[i])] = i }
        a.rowAtPosition = c.layout.rowAt.map { r in
            rowOf[GeneralEvaluator.RowKey(unit: c.rows.unitCodes[r], period: c.rows.periods[r])] ?? -1
        }
        return a
    }

    static func mean(_ method: AggregateMethod) -> Mean {
        switch method {
        case .arithmetic: return .arithmetic
        case .geometric: return .geometric
        case .harmonic: return .harmonic
        case .generalised(let p): return .power(p)
        case .mazziottaPareto, .copeland: return .mazziottaPareto
        }
    }

    /// Whether the aggregation stage accepts child value `x` under `mean` (see
    /// ``BuurtNumerics/Aggregate``): x > 0 for geometric, harmonic and p < 0; x ≥ 0 for a
    /// non-integer p.
    static func inDomain(_ x: Double, of mean: Mean) -> Bool {
        switch mean {
        case .arithmetic, .mazziottaPareto: return true
        case .geometric, .harmonic: return x > 0
        case .power(let p): return p < 0 ? x > 0 : p.rounded() != p ? x >= 0 : true
        }
    }

    /// Whether no weights can take a variable child out of its parent's domain: a mean of
    /// positive weights lies within its available children's range, so a variable aggregate's
    /// lowest possible score at a position is the lowest of its children's (unbounded for
    /// Mazziotta–Pareto).
    /// - Complexity: O(rows · tree size).
    private static func domainIsSafe(
        _ a: Alternative, nodes: [Node], bufferOfSlot: [Int?], aggregated: Panel, context c: Context
    ) -> Bool {
        let n = c.layout.count
        var lowest: [[Double]] = []
        func lowestOf(_ child: Child) -> [Double] {
            child.buffer.map { lowest[$0] } ?? a.values[child.slot]
        }
        for (k, node) in nodes.enumerated() {
            let mean = a.means[k]
            for child in node.children where child.buffer != nil {
                let bound = lowestOf(child)
                for p in 0..<n where a.available[node.slot][p] != 0 && a.available[child.slot][p] != 0 {
                    if !inDomain(bound[p], of: mean) { return false }
                }
            }
            var bound = [Double](repeating: mean == .mazziottaPareto ? -.infinity : .infinity, count: n)
            if mean != .mazziottaPareto {
                for child in node.children {
                    let b = lowestOf(child)
                    for p in 0..<n where a.available[child.slot][p] != 0 { bound[p] = Swift.min(bound[p], b[p]) }
                }
            }
            lowest.append(bound)
        }
        return true
    }

    /// f of a fixed child's values under `mean`, 0 where the child or the node is missing. For
    /// Mazziotta–Pareto, z′ = 10·(x − M)/S per period over the child's available values.
    /// - Complexity: O(rows).
    static func transformed(
        _ values: [Double], childAvailable: [Double], nodeAvailable: [Double], mean: Mean, layout: RowLayout
    ) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        if mean == .mazziottaPareto {
            for period in layout.periods {
                let (m, s) = standardisation(values, available: childAvailable, positions: period.positions)
                for p in period.positions where childAvailable[p] != 0 && nodeAvailable[p] != 0 {
                    out[p] = 10 * (values[p] - m) / s
                }
            }
            return out
        }
        for p in values.indices where childAvailable[p] != 0 && nodeAvailable[p] != 0 {
            out[p] = forward(values[p], mean)
        }
        return out
    }

    /// The mean and population standard deviation of the available values at `positions`
    /// (two passes, as the stage takes them).
    static func standardisation(_ values: UnsafePointer<Double>, available: UnsafePointer<Double>, positions: Range<Int>) -> (mean: Double, sd: Double) {
        var count = 0, sum = 0.0
        for p in positions where available[p] != 0 { count += 1; sum += values[p] }
        let m = sum / Double(count)
        var squares = 0.0
        for p in positions where available[p] != 0 { squares += (values[p] - m) * (values[p] - m) }
        return (m, (squares / Double(count)).squareRoot())
    }
}
