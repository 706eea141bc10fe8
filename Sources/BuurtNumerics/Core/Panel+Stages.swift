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

    /// Rows of each period, periods ascending, rows in row order. Rows without a period form
    /// one more group at the end (a panel without a period column is one group).
    /// - Complexity: O(rows · log periods).
    func rowsByPeriod() -> [(period: Int?, rows: [Int])] {
        let list = Set(periods.compactMap { $0 }).sorted()
        var position: [Int: Int] = [:]
        for (k, p) in list.enumerated() { position[p] = k }
        var groups = list.map { (period: Optional($0), rows: [Int]()) }
        var undated: [Int] = []
        for (i, p) in periods.enumerated() {
            if let p, let k = position[p] { groups[k].rows.append(i) } else { undated.append(i) }
        }
        if !undated.isEmpty { groups.append((period: nil, rows: undated)) }
        return groups
    }
}
