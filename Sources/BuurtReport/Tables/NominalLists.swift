import BuurtIndex
import BuurtRanking

/// The two priority lists of a run without an uncertainty analysis, from the nominal scores
/// alone (``ReportLists``): what `priorities.csv`, `themes.csv` and the report show then. Bands,
/// p_top, p_worst and `significant` are unknown (NaN, written as empty cells).
public struct NominalLists: Sendable, Equatable {
    /// List 1, per period by score ascending.
    public var priorities: [PriorityRow]
    /// List 2: every row's dimensions by gap, largest first; rows in list-1 order, then the
    /// rows without an index score in row order (as the uncertainty analysis lists them).
    public var themes: [ThemeRow]

    /// - Complexity: O(rows × dimensions × log dimensions + rows log rows).
    public init(_ aggregated: Panel, model: IndexModel, spec: PrioritySpec) {
        priorities = ReportLists.priorityRows(aggregated, model: model, spec: spec)
        var position = [Int](repeating: Int.max, count: aggregated.rowCount)
        for (k, p) in priorities.enumerated() { position[p.row] = k }
        let themes = ReportLists.themes(aggregated, model: model, spec: spec)
        // Stable: a row's dimensions keep their gap order.
        self.themes = themes.indices.sorted { a, b in
            (position[themes[a].row], themes[a].row, a) < (position[themes[b].row], themes[b].row, b)
        }.map { themes[$0] }
    }
}
