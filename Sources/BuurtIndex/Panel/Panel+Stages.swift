/// Helpers the stages share for locating indicator columns, grouping rows and naming rows in messages.
extension Panel {
    /// Column index of every indicator of `model`, in the model's indicator order.
    /// - Throws: ``BuurtError`` (`.data`) naming the first indicator that has no column.
    func indicatorColumns(of model: IndexModel, stage: String) throws(BuurtError) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(model.indicators.count)
        for code in model.indicators {
            guard let j = columnIndex(code) else {
                throw BuurtError(.data, "\(stage): indicator '\(code)' of the model has no column in the data")
            }
            result.append(j)
        }
        return result
    }

    /// "unit 'AUT' (Austria) in period 2018" — for messages about one row.
    func describeRow(_ i: Int) -> String {
        var s = "unit '\(unitCodes[i])'"
        if unitNames[i] != unitCodes[i] { s += " (\(unitNames[i]))" }
        if let p = periods[i] { s += " in period \(p)" }
        return s
    }
}

/// The rows of one period of a panel.
public struct PeriodRows: Sendable, Equatable {
    /// The period (`nil` for rows without one).
    public var period: Int?
    /// Row indices in row order.
    public var rows: [Int]

    /// "2018", or "" for rows without a period — for messages.
    var label: String { period.map(String.init) ?? "" }

    /// Rows grouped by period: ascending periods, rows without a period last, row order kept
    /// within each group.
    /// - Complexity: O(rows + periods log periods).
    public static func grouping(_ periods: [Int?]) -> [PeriodRows] {
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

extension Panel {
    /// Rows grouped by period: ascending periods, rows without a period last, row order kept
    /// within each group. Used by every stage that works within periods.
    /// - Complexity: O(rows).
    public var periodGroups: [PeriodRows] { PeriodRows.grouping(periods) }
}
