import BuurtNumerics

/// The data on the current geography, and what the mapping could not place.
package struct CrosswalkOutcome: Sendable, Equatable {
    package var panel: Panel
    /// Plain-language warnings (units that disappear without a mapping), one per unit.
    package var warnings: [String]
}

extension Crosswalk {
    /// Maps the rows of earlier periods onto the current units, before any stage runs.
    ///
    /// A row (u, t) with crosswalk lines for u in t is replaced by its share in each target
    /// (to_code, t); the contributions to one target row are combined per column kind:
    /// - counts: indicators with a `denominator`, denominator columns and other numeric columns
    ///   are split by share and summed, Σ share·x (missing when any contribution is missing);
    ///   an indicator with a denominator is then re-derived from these mapped counts by the
    ///   denominate stage;
    /// - indicators without a denominator (survey shares, rates): the weighted mean
    ///   Σ wᵢxᵢ / Σ wᵢ over the available contributions, with wᵢ = shareᵢ·populationᵢ when the
    ///   model declares a denominator column (the first one) and every contribution has it,
    ///   else wᵢ = shareᵢ;
    /// - categorical columns: the value of the contribution with the largest share (the first
    ///   of equal ones); the name: the target's own name in the data, else that contribution's.
    /// A row of the target itself in the same period (not listed in the crosswalk) contributes
    /// with share 1. Rows without crosswalk lines are kept as they are; the output keeps the
    /// input's row order, a mapped row taking the place of its first contribution.
    ///
    /// A unit with rows before the last period but none in it, that the crosswalk does not map,
    /// is kept and reported in ``CrosswalkOutcome/warnings`` (never dropped silently).
    /// - Complexity: O(rows × columns + crosswalk lines × periods).
    package func apply(to panel: Panel, model: IndexModel) -> CrosswalkOutcome {
        struct Key: Hashable { var unit: String; var period: Int? }
        struct Part { var row: Int; var share: Double }
        var order: [Key] = []
        var parts: [Key: [Part]] = [:]
        var index: [String: [CrosswalkEntry]] = [:]
        for e in entries { index[e.fromCode, default: []].append(e) }
        for i in 0..<panel.rowCount {
            let code = panel.unitCodes[i], t = panel.periods[i]
            let lines = t.map { t in (index[code] ?? []).filter { $0.periodFrom <= t && t <= $0.periodTo } } ?? []
            let targets = lines.isEmpty ? [(code, 1.0)] : lines.map { ($0.toCode, $0.share) }
            for (to, share) in targets {
                let key = Key(unit: to, period: t)
                if parts[key] == nil { order.append(key) }
                parts[key, default: []].append(Part(row: i, share: share))
            }
        }
        var names: [String: String] = [:]
        for i in 0..<panel.rowCount where index[panel.unitCodes[i]] == nil { names[panel.unitCodes[i]] = panel.unitNames[i] }
        let population = model.nodes.first { $0.kind == .denominator }.flatMap { panel.columnIndex($0.code) }
        let n = panel.rowCount, m = order.count
        let input = panel.values.storage
        var values = [Double](repeating: .nan, count: m * panel.columnCodes.count)
        var largest: [Int] = []
        for (r, key) in order.enumerated() {
            let contributions = parts[key]!
            largest.append(contributions.max { $0.share < $1.share }.map(\.row) ?? contributions[0].row)
            let weightByPopulation = population.map { p in contributions.allSatisfy { !input[p * n + $0.row].isNaN } } ?? false
            for (j, code) in panel.columnCodes.enumerated() {
                let node = model.node(code)
                let isMean = node?.kind == .indicator && node?.denominator == nil
                var total = 0.0, weight = 0.0
                var complete = true
                for part in contributions {
                    let x = input[j * n + part.row]
                    if x.isNaN { complete = false; continue }
                    if isMean {
                        let w = part.share * (weightByPopulation ? input[population! * n + part.row] : 1)
                        total += w * x
                        weight += w
                    } else {
                        total += part.share * x
                    }
                }
                values[j * m + r] = isMean ? (weight > 0 ? total / weight : .nan) : (complete ? total : .nan)
            }
        }
        var mapped = Panel(
            unitCodes: order.map(\.unit), unitNames: order.enumerated().map { names[$0.element.unit] ?? panel.unitNames[largest[$0.offset]] },
            periods: order.map(\.period), columnCodes: panel.columnCodes,
            values: Matrix(rows: m, columns: panel.columnCodes.count, columnMajor: values),
            categories: panel.categories.map { c in (name: c.name, values: largest.map { c.values[$0] }) })
        if entries.isEmpty { mapped = panel }
        return CrosswalkOutcome(panel: mapped, warnings: Self.disappearing(mapped))
    }

    /// Warnings for units that have rows before the last period but none in it.
    package static func disappearing(_ panel: Panel) -> [String] {
        guard let last = panel.periods.compactMap({ $0 }).max() else { return [] }
        var latest: [String: (period: Int, name: String)] = [:]
        var order: [String] = []
        for i in 0..<panel.rowCount {
            guard let t = panel.periods[i] else { continue }
            let code = panel.unitCodes[i]
            if latest[code] == nil { order.append(code) }
            if (latest[code]?.period ?? Int.min) < t { latest[code] = (t, panel.unitNames[i]) }
        }
        return order.compactMap { code in
            let l = latest[code]!
            guard l.period < last else { return nil }
            return "unit \(code) (\(l.name)) has data up to \(l.period) but none in \(last), and no crosswalk maps it onto a current unit; "
                + "its rows are kept, but it cannot be compared over time (add it to a crosswalk if it was re-coded, split or merged)"
        }
    }
}
