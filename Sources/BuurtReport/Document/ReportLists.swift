import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The two priority lists from the nominal run alone, without uncertainty bands: what the
/// report shows when the model has no uncertainty analysis.
package enum ReportLists {
    /// List 1 for every period: rows with an index score ordered by score ascending (priority 1 =
    /// lowest score), ties in row order; `rank` is the within-period rank (1 = highest score);
    /// the category is the first of `spec.categories` whose `below` exceeds the score.
    /// - Complexity: O(n log n).
    package static func priorities(_ aggregated: Panel, model: IndexModel, spec: PrioritySpec = PrioritySpec()) -> [ReportPriority] {
        priorityRows(aggregated, model: model, spec: spec).map { ReportPriority($0) }
    }

    /// ``priorities(_:model:spec:)`` as list rows with their panel row; bands and p_top are NaN.
    /// - Complexity: O(n log n).
    package static func priorityRows(_ aggregated: Panel, model: IndexModel, spec: PrioritySpec = PrioritySpec()) -> [PriorityRow] {
        guard let scores = aggregated.column(model.root) else { return [] }
        let ranks = PeriodPartition(aggregated).ranks(scores)
        var list: [PriorityRow] = []
        for group in aggregated.periodGroups {
            let ordered = group.rows.filter { scores[$0].isFinite }.sorted { (scores[$0], $0) < (scores[$1], $1) }
            for (k, r) in ordered.enumerated() {
                list.append(PriorityRow(
                    priority: k + 1, row: r, unit: aggregated.unitCodes[r], name: aggregated.unitNames[r], period: aggregated.periods[r],
                    score: scores[r], rank: ranks[r], rankP05: .nan, rankP95: .nan, pTop: .nan,
                    category: spec.categories.first { scores[r] < $0.below }?.label))
            }
        }
        return list
    }

    /// List 2 for every row: per dimension (children of `spec.themesOf`, else of the index) the
    /// gap reference − score, with reference the dimension's mean over the rows of the same period
    /// (``PriorityReference/periodMean``) or of the reference period; problems ordered by gap,
    /// largest first (missing gaps last, ties in model order).
    /// With `units`, only the rows of those units are listed (the references still use every row).
    /// - Complexity: O(rows × dimensions × log dimensions).
    package static func themes(
        _ aggregated: Panel, model: IndexModel, spec: PrioritySpec = PrioritySpec(), units: Set<String>? = nil
    ) -> [ReportTheme] {
        let dimensions = model.children(of: spec.themesOf ?? model.root)
        let columns = dimensions.map { aggregated.column($0) ?? [Double](repeating: .nan, count: aggregated.rowCount) }
        let groups = aggregated.periodGroups
        let referenceOf = CityReference.means(columns, groups: groups, reference: spec.reference)  // [group][dimension]
        var list: [ReportTheme] = []
        for (g, group) in groups.enumerated() {
            for r in group.rows where units?.contains(aggregated.unitCodes[r]) ?? true {
                let gaps = columns.indices.map { referenceOf[g][$0] - columns[$0][r] }
                let order = columns.indices.sorted { a, b in
                    let x = gaps[a], y = gaps[b]
                    if x.isNaN != y.isNaN { return !x.isNaN }
                    if x != y && !x.isNaN { return x > y }
                    return a < b
                }
                for (k, d) in order.enumerated() {
                    list.append(ReportTheme(
                        row: r, unit: aggregated.unitCodes[r], name: aggregated.unitNames[r], period: aggregated.periods[r],
                        priority: k + 1, group: dimensions[d], score: columns[d][r], reference: referenceOf[g][d], gap: gaps[d]))
                }
            }
        }
        return list
    }
}

extension ReportPriority {
    /// A row of list 1 with the 5–95 % band of its index score (NaN when unknown).
    package init(_ p: PriorityRow, scoreP05: Double = .nan, scoreP95: Double = .nan) {
        self.init(priority: p.priority, unit: p.unit, name: p.name, period: p.period, score: p.score, rank: p.rank,
                  rankP05: p.rankP05, rankP95: p.rankP95, pTop: p.pTop, category: p.category,
                  scoreP05: scoreP05, scoreP95: scoreP95)
    }
}
