import BuurtIndex
import BuurtNumerics

/// The two priority lists built from the per-row summaries.
enum PriorityLists {
    /// List 1: per period (ascending, rows without a period last), rows with an index score by
    /// nominal score ascending (ties keep row order), priority 1, 2, … restarting per period.
    /// - Complexity: O(rows log rows).
    static func needList(_ units: [UnitUncertainty], categories: [PriorityCategory]) -> [PriorityRow] {
        let scored = units.filter { !$0.score.isNaN }
        let periods = Set(scored.compactMap(\.period)).sorted().map { Optional($0) } + (scored.contains { $0.period == nil } ? [nil] : [])
        var list: [PriorityRow] = []
        for period in periods {
            let rows = scored.filter { $0.period == period }.sorted { ($0.score, $0.row) < ($1.score, $1.row) }
            for (k, u) in rows.enumerated() {
                list.append(PriorityRow(
                    priority: k + 1, row: u.row, unit: u.unit, name: u.name, period: u.period, score: u.score,
                    rank: u.rank, rankP05: u.rankP05, rankP95: u.rankP95, pTop: u.pTop,
                    category: categories.first { u.score < $0.below }?.label))
            }
        }
        return list
    }

    /// List 2: for every row (in list-1 order, then the unscored rows in row order), its problem
    /// dimensions by nominal gap, largest first (missing gaps last, ties in model order).
    static func themeList(
        plan: SummaryPlan, units: [UnitUncertainty], needList: [PriorityRow], statistics: [Int: [ThemeStatistics]]
    ) -> [ThemeRow] {
        guard plan.dimensions > 0 else { return [] }
        let engine = plan.engine
        let panel = engine.rows
        let codes = plan.themeCodes.map { engine.scoreCodes[$0] }
        let columns = codes.map { panel.column($0)! }
        // Nominal references: each dimension's mean over the reference period's rows.
        let periods = engine.layout.periods
        let means: [[Double]] = periods.map { p in
            columns.map { column in
                let values = p.positions.map { column[engine.layout.rowAt[$0]] }.filter { !$0.isNaN }
                return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
        }
        var order = needList.map(\.row)
        let listed = Set(order)
        order += units.map(\.row).filter { !listed.contains($0) }

        var list: [ThemeRow] = []
        for row in order {
            let position = engine.layout.positionOf[row]
            let period = plan.referencePeriod[periods.firstIndex { $0.positions.contains(position) }!]
            let stats = statistics[row] ?? Array(repeating: ThemeStatistics(), count: codes.count)
            let entries = codes.indices.map { d in
                (d: d, score: columns[d][row], reference: means[period][d], gap: means[period][d] - columns[d][row])
            }
            let ranked = entries.sorted { a, b in
                switch (a.gap.isNaN, b.gap.isNaN) {
                case (false, true): return true
                case (true, false): return false
                case (true, true): return a.d < b.d
                case (false, false): return a.gap > b.gap || (a.gap == b.gap && a.d < b.d)
                }
            }
            for (k, e) in ranked.enumerated() {
                let s = stats[e.d]
                list.append(ThemeRow(
                    row: row, unit: panel.unitCodes[row], name: panel.unitNames[row], period: panel.periods[row],
                    priority: k + 1, group: codes[e.d], score: e.score, reference: e.reference, gap: e.gap,
                    gapP05: s.gapP05, gapP95: s.gapP95, pWorst: s.pWorst, significant: s.gapP05 > 0))
            }
        }
        return list
    }
}
