import BuurtNumerics

/// Turns a data table into a ``Panel`` for an ``IndexModel``, checking the data against the model.
public enum PanelLoader {
    /// At most this many non-numeric cells are listed per column; the rest are counted.
    public static let invalidCellsListedPerColumn = 20

    /// Builds a Panel.
    ///
    /// Numeric columns: every indicator of the model plus every Denominator/Other node and every
    /// indicator's `denominator` column. Categorical: Group nodes. Columns of the file not named by
    /// the model are kept as categorical columns (text) so nothing the user gave is lost. Both keep
    /// file order; rows keep file order too.
    ///
    /// The unit code column is `columns.unit`, else the first of ``DataColumns/defaultUnit`` present;
    /// likewise the name (defaults to the code) and period columns, which are optional. Unit codes,
    /// names, periods and categorical cells are trimmed of surrounding spaces; a categorical cell
    /// that is empty, `NA`, `.` or `-` is missing (`nil`). Numbers follow
    /// ``CSVReader/parseNumber(_:decimalComma:)`` with the table's decimal separator.
    ///
    /// - Throws: ``BuurtErrors`` listing every problem, each at `file:line:column`: a unit (or a named
    ///   name/period) column not found, an empty unit code, a period that is not a whole number,
    ///   the same unit and period twice, a model column missing from the data, a column named like
    ///   an aggregate of the model, a non-number in a numeric column (at most
    ///   ``invalidCellsListedPerColumn`` listed per column), no data rows, an indicator whose
    ///   values are all missing, in the whole file or in one period, and figures no
    ///   denominator or sampling model can stand for (``implausibleFigures(_:model:numeric:values:)``).
    /// - Complexity: O(rows × columns).
    public static func load(_ table: CSVTable, model: IndexModel, columns: DataColumns) throws(BuurtErrors) -> Panel {
        var problems: [BuurtError] = []
        let layout = PanelColumnLayout(table: table, model: model, columns: columns, problems: &problems)
        guard let unitColumn = layout.unit else { throw BuurtErrors(problems) }
        if table.rowCount == 0 {
            problems.append(BuurtError(.data, "no data rows: the file has only a header", at: table.headerLocation()))
            throw BuurtErrors(problems)
        }
        // A second header line (two files joined) would otherwise show up as a bad period and
        // a non-number in every column: name it once instead.
        let repeatedHeaders = (0..<table.rowCount).filter { r in
            CSVReader.trimmed(table.cell(row: r, column: 0)) == table.header[0] && table.rows[r].map(CSVReader.trimmed) == table.header
        }
        if !repeatedHeaders.isEmpty {
            throw BuurtErrors(problems + repeatedHeaders.map { r in
                BuurtError(.data, "line \(table.lineNumbers[r]) repeats the header line (were two files joined?); remove it",
                           at: table.location(row: r, column: 0))
            })
        }

        let identifying = [unitColumn] + [layout.name, layout.period].compactMap { $0 }
        var cells = PanelCellReader(table, numeric: layout.numeric, text: identifying + layout.categorical)
        let units = readUnits(table, cells.text, unit: unitColumn, name: layout.name, period: layout.period, problems: &problems)
        var valid = Array(repeating: true, count: layout.numeric.count)
        reportInvalidNumbers(table, layout.numeric, invalidRows: cells.invalidRows, valid: &valid, problems: &problems)
        let categories = layout.categorical.map { j in
            (name: table.header[j], values: cells.text[j]!.map { cell -> String? in
                CSVReader.missingTokens.contains(cell) ? nil : cell
            })
        }
        cells.text = [:]  // the codes live on in `units`; the other Strings are no longer needed
        let indicatorSet = Set(model.indicators)
        let checked = layout.numeric.indices.filter { valid[$0] && indicatorSet.contains(table.header[layout.numeric[$0]]) }
        problems += emptyIndicatorProblems(
            table, columns: checked.map { (k: $0, j: layout.numeric[$0]) }, values: cells.values,
            periods: layout.period == nil ? nil : units.periods)
        if valid.allSatisfy({ $0 }) {
            problems += implausibleFigures(table, model: model, numeric: layout.numeric, values: cells.values)
        }
        guard problems.isEmpty else { throw BuurtErrors(problems) }

        return Panel(
            unitCodes: units.codes, unitNames: units.names, periods: layout.period == nil ? nil : units.periods,
            columnCodes: layout.numeric.map { table.header[$0] },
            values: Matrix(rows: table.rowCount, columns: layout.numeric.count, columnMajor: cells.values),
            categories: categories)
    }

    /// Unit codes, names and periods per row, with empty codes, bad periods and duplicates reported.
    /// - Parameter text: the trimmed cells of the unit, name and period columns, by header index.
    private static func readUnits(
        _ table: CSVTable, _ text: [Int: [String]], unit: Int, name: Int?, period: Int?, problems: inout [BuurtError]
    ) -> (codes: [String], names: [String], periods: [Int?]) {
        let codes = text[unit]!
        var names: [String] = [], periods: [Int?] = []
        names.reserveCapacity(table.rowCount)
        periods.reserveCapacity(table.rowCount)
        let periodCells = period.map { text[$0]! }, nameCells = name.map { text[$0]! }
        var seen = UnitPeriodIndex(rows: table.rowCount)
        for (r, code) in codes.enumerated() {
            if code.isEmpty {
                problems.append(BuurtError(.data, "empty unit code in column '\(table.header[unit])'", at: table.location(row: r, column: unit)))
            }
            var p: Int?
            if let period {
                let cell = periodCells![r]
                p = Int(cell)
                if p == nil {
                    let what = cell.isEmpty ? "missing period" : "period '\(MessageText.excerpt(cell))' is not a whole number"
                    problems.append(BuurtError(
                        .data, "\(what) for unit '\(code)' in column '\(table.header[period])' (expected a year such as 2024)",
                        at: table.location(row: r, column: period)))
                }
            }
            let unitName = nameCells?[r] ?? ""
            names.append(unitName.isEmpty ? code : unitName)
            periods.append(p)
            guard !code.isEmpty, period == nil || p != nil else { continue }
            if let first = seen.firstRow(matching: r, codes: codes, periods: periods) {
                let when = p.map { " for period \($0)" } ?? ""
                problems.append(BuurtError(
                    .data, "unit '\(code)' appears twice\(when): lines \(table.lineNumbers[first]) and \(table.lineNumbers[r])",
                    at: table.location(row: r, column: unit)))
            }
        }
        return (codes, names, periods)
    }

    /// Reports the cells of numeric columns that are not numbers, column by column (at most
    /// ``invalidCellsListedPerColumn`` each), and marks those columns not `valid`.
    private static func reportInvalidNumbers(
        _ table: CSVTable, _ numeric: [Int], invalidRows: [[Int]], valid: inout [Bool], problems: inout [BuurtError]
    ) {
        let example = table.decimalComma ? "3,5, -2 or 1e-5 (decimal comma)" : "3.5, -2 or 1e-5 (decimal point)"
        for (k, j) in numeric.enumerated() where !invalidRows[k].isEmpty {
            valid[k] = false
            for r in invalidRows[k].prefix(invalidCellsListedPerColumn) {
                let cell = table.cell(row: r, column: j)
                let grouping = NumberHint.hint(for: cell, decimalComma: table.decimalComma)
                problems.append(BuurtError(
                    .data, "'\(MessageText.excerpt(cell))' in column '\(MessageText.excerpt(table.header[j]))' is not a number; expected a number such as \(example), or empty, NA, . or - for a missing value\(grouping)",
                    at: table.location(row: r, column: j)))
            }
            if invalidRows[k].count > invalidCellsListedPerColumn {
                problems.append(BuurtError(
                    .data, "column '\(table.header[j])' has \(invalidRows[k].count - invalidCellsListedPerColumn) more cells that are not numbers",
                    at: table.headerLocation(column: j)))
            }
        }
    }

    /// Indicators with no value at all, or none in some period.
    /// - Complexity: O(rows × columns) with no hashing in the inner loop.
    private static func emptyIndicatorProblems(
        _ table: CSVTable, columns: [(k: Int, j: Int)], values: [Double], periods: [Int?]?
    ) -> [BuurtError] {
        let n = table.rowCount
        let periodList = Set((periods ?? []).compactMap { $0 }).sorted()
        let slot = Dictionary(uniqueKeysWithValues: periodList.enumerated().map { ($1, $0) })
        let periodSlot = (periods ?? []).map { $0.flatMap { slot[$0] } ?? -1 }
        var problems: [BuurtError] = []
        for (k, j) in columns {
            let code = table.header[j]
            var seen = [Bool](repeating: false, count: periodList.count)
            var any = false
            for r in 0..<n where !values[r + k * n].isNaN {
                any = true
                if periodSlot.isEmpty { break }
                if periodSlot[r] >= 0 { seen[periodSlot[r]] = true }
            }
            guard any else {
                problems.append(BuurtError(
                    .data, "indicator '\(code)' has no values: all \(n) rows are missing", at: table.headerLocation(column: j)))
                continue
            }
            guard periodList.count > 1 else { continue }
            for (p, hasValue) in zip(periodList, seen) where !hasValue {
                problems.append(BuurtError(
                    .data, "indicator '\(code)' has no values in period \(p): every row of that period is missing",
                    at: table.headerLocation(column: j)))
            }
        }
        return problems
    }
}
