import BuurtNumerics

/// Scores the aggregates of an ``IndexModel`` from their children (COINr `Aggregate`).
public enum Aggregate {
    /// Appends one column per aggregate code to the panel, in the order of
    /// `model.aggregatesBottomUp` (an existing column with that code is overwritten in place).
    /// Each aggregate is computed from its children's columns (indicators or lower aggregates)
    /// with the children's model weights and the rule for its height
    /// (`parameters.rule(forHeight:)`).
    ///
    /// Coverage: a row's aggregate is missing when all its children are missing, or when
    /// (available children)/(children) < `minCoverage` (COINr `dat_thresh`); without
    /// `minCoverage` one available child suffices. Copeland and Mazziotta–Pareto compare
    /// units within the same period.
    ///
    /// - Throws: `BuurtError(.data)` when a child has no column, a rule is invalid
    ///   (minCoverage outside [0, 1], generalised mean with p = 0), or a value is outside the
    ///   method's domain (named by unit, period and child).
    /// - Complexity: O(rows · tree nodes) for the means; Copeland is quadratic in the units
    ///   of a period.
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: AggregateParameters
    ) throws(BuurtError) -> StageOutput<AggregateRecord> {
        let n = panel.rowCount
        let order = model.aggregatesBottomUp
        var storage = panel.values.storage
        storage.reserveCapacity(n * (panel.columnCodes.count + order.count))
        var codes = panel.columnCodes
        var columnOf: [String: Int] = [:]
        for (j, code) in codes.enumerated() where columnOf[code] == nil { columnOf[code] = j }
        let groups = panel.periodGroups
        let unitLabel: (Int) -> String = { i in
            "unit \(panel.unitCodes[i])" + (panel.periods[i].map { ", \($0)" } ?? "")
        }

        var entries: [AggregateRecord.Entry] = []
        for code in order {
            let kids = model.children(of: code)
            var offsets: [Int] = []
            for kid in kids {
                guard let j = columnOf[kid] else {
                    throw BuurtError(.data, "aggregate \(code) needs the column \(kid), which the data does not have")
                }
                offsets.append(j * n)
            }
            let height = model.height[code]!
            let rule = parameters.rule(forHeight: height)
            try validate(rule, aggregate: code)

            var available = [Int](repeating: 0, count: n)
            for offset in offsets {
                for i in 0..<n where !storage[offset + i].isNaN { available[i] += 1 }
            }
            var eligible = [Bool](repeating: false, count: n)
            var belowCoverage = 0
            for i in 0..<n where available[i] > 0 {
                if let threshold = rule.minCoverage, Double(available[i]) / Double(kids.count) < threshold {
                    belowCoverage += 1
                } else {
                    eligible[i] = true
                }
            }
            let weights = kids.map { model.node($0)!.weight }
            let names = kids.map { (model.node($0)!.kind == .indicator ? "indicator " : "aggregate ") + $0 }
            // The kernels read a shared view of `storage`; it ends before `storage` grows.
            let values = try score(rule.method, AggregateChildren(
                rows: n, storage: storage, offsets: offsets, weights: weights, names: names,
                eligible: eligible, unitLabel: unitLabel), groups: groups)

            if let j = columnOf[code] {
                storage.replaceSubrange((j * n)..<((j + 1) * n), with: values)
            } else {
                columnOf[code] = codes.count
                codes.append(code)
                storage.append(contentsOf: values)
            }
            entries.append(AggregateRecord.Entry(
                aggregate: code, height: height, rule: rule, children: kids, weights: weights,
                belowCoverage: belowCoverage, missing: values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }))
        }

        var out = panel
        out.columnCodes = codes
        out.values = Matrix(rows: n, columns: codes.count, columnMajor: storage)
        return StageOutput(panel: out, record: AggregateRecord(entries: entries))
    }

    private static func score(_ method: AggregateMethod, _ children: AggregateChildren, groups: [PeriodRows]) throws(BuurtError) -> [Double] {
        switch method {
        case .arithmetic: return try means(.arithmetic, children)
        case .geometric: return try means(.geometric, children)
        case .harmonic: return try means(.harmonic, children)
        case .generalised(let p): return try means(.generalised(p: p), children)
        case .copeland: return copeland(children, groups: groups)
        case .mazziottaPareto: return try mazziottaPareto(children, groups: groups)
        }
    }

    private static func validate(_ rule: AggregateRule, aggregate code: String) throws(BuurtError) {
        if let c = rule.minCoverage, !(c >= 0 && c <= 1) {
            throw BuurtError(.data, "aggregate \(code): min_coverage must be between 0 and 1, got \(formatNumber(c))")
        }
        if case .generalised(let p) = rule.method, !(p.isFinite && p != 0) {
            throw BuurtError(.data, "aggregate \(code): the generalised mean needs a finite p ≠ 0, got \(formatNumber(p))"
                + " (p → 0 is the geometric mean: use method geometric)")
        }
    }
}
