/// The rows of one period of a panel.
struct PeriodRows: Sendable {
    /// The period (`nil` for rows without one).
    var period: Int?
    /// Row indices in row order.
    var rows: [Int]

    /// "2018", or "" for rows without a period — for messages.
    var label: String { period.map(String.init) ?? "" }
}

extension Panel {
    /// Rows grouped by period: ascending periods, rows without a period last, row order kept
    /// within each group. Used by the normalise and aggregate stages.
    /// - Complexity: O(rows).
    var periodGroups: [PeriodRows] {
        var index: [Int: Int] = [:]
        var groups: [PeriodRows] = []
        var undated: [Int] = []
        for (i, p) in periods.enumerated() {
            guard let p else { undated.append(i); continue }
            if let g = index[p] {
                groups[g].rows.append(i)
            } else {
                index[p] = groups.count
                groups.append(PeriodRows(period: p, rows: [i]))
            }
        }
        groups.sort { $0.period! < $1.period! }
        if !undated.isEmpty { groups.append(PeriodRows(period: nil, rows: undated)) }
        return groups
    }
}
