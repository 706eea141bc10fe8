import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The figures of a data file in canonical text, one row per unit and period, as an update
/// state keeps them in `data.csv`.
///
/// Canonical cells: numbers of the model's numeric columns as shortest round-trip decimals
/// (missing = empty cell, so `48,6` and `48.6` are the same figure), every other cell trimmed
/// of surrounding spaces (missing tokens `NA`, `.`, `-` as an empty cell in group and other
/// text columns). The written file is `,`-separated with a decimal point.
package struct FigureTable: Sendable, Equatable {
    /// The file the figures were read from (for messages).
    package var file: String
    package var header: [String]
    package var unitColumn: Int
    package var nameColumn: Int?
    package var periodColumn: Int
    /// Header indices of the columns read as numbers.
    package var numericColumns: Set<Int>
    /// Canonical cells, `header.count` per row.
    package var rows: [[String]]
    /// Line of each row in ``file`` (for messages), 0 for rows made by a merge.
    package var lineNumbers: [Int]

    package func unit(_ row: Int) -> String { rows[row][unitColumn] }
    package func period(_ row: Int) -> Int { Int(rows[row][periodColumn]) ?? 0 }
    package func name(_ row: Int) -> String { nameColumn.map { rows[row][$0] } ?? unit(row) }

    /// The periods present, ascending.
    package var periods: [Int] { Set(rows.indices.map(period)).sorted() }

    /// The file text: header, then every row.
    package var text: String {
        var csv = CSVWriter(header: header)
        for row in rows { csv.appendRow(row) }
        return csv.text
    }

    /// Canonical figures of a data table that ``PanelLoader`` accepted for `model`.
    ///
    /// - Throws: ``BuurtErrors`` with PanelLoader's problems, or when the data has no period
    ///   column (figures are added period by period).
    package static func make(_ table: CSVTable, file modelFile: ModelFile, model: IndexModel) throws(BuurtErrors) -> FigureTable {
        let panel = try PanelLoader.load(table, model: model, columns: modelFile.columns)
        let columns = modelFile.columns
        func find(_ given: String?, _ defaults: [String]) -> Int? {
            if let given { return table.columnIndex(given) }
            return defaults.lazy.compactMap { table.columnIndex($0) }.first
        }
        guard let unit = find(columns.unit, DataColumns.defaultUnit) else {
            throw BuurtErrors([BuurtError(.data, "no unit column", at: table.headerLocation())])
        }
        guard let period = find(columns.period, DataColumns.defaultPeriod), panel.hasPeriods else {
            throw BuurtErrors([BuurtError(
                .data, "the data has no period column: figures are added period by period, so name the period column (`period:` in the model, or a column year/Time)",
                at: table.headerLocation())])
        }
        let name = find(columns.name, DataColumns.defaultName)
        let numericCodes = Set(panel.columnCodes)
        let numericValues = Dictionary(uniqueKeysWithValues: panel.columnCodes.map { ($0, panel.column($0) ?? []) })
        let groupNames = Set(panel.categories.map(\.name))
        var numeric = Set<Int>()
        for (j, code) in table.header.enumerated() where j != unit && j != name && j != period && numericCodes.contains(code) {
            numeric.insert(j)
        }
        let rows = table.rows.indices.map { r -> [String] in
            table.header.indices.map { j -> String in
                if j == period { return String(panel.periods[r] ?? 0) }
                if numeric.contains(j) { return formatNumber(numericValues[table.header[j]]![r]) }
                let cell = table.cell(row: r, column: j).trimmingCharacters(in: .whitespaces)
                if j != unit, j != name, groupNames.contains(table.header[j]), CSVReader.missingTokens.contains(cell) { return "" }
                return cell
            }
        }
        return FigureTable(file: table.file, header: table.header, unitColumn: unit, nameColumn: name, periodColumn: period,
                           numericColumns: numeric, rows: rows, lineNumbers: table.lineNumbers)
    }

    /// Reads and checks a data file of `project`'s model.
    package static func load(path: String, file: ModelFile, model: IndexModel, options: CSVOptions = CSVOptions()) throws(BuurtErrors) -> FigureTable {
        try make(try CSVReader.read(path: path, options: options), file: file, model: model)
    }

    /// Rows ordered by unit (in order of first appearance in `unitOrder`, unknown units after
    /// them by code), then period ascending.
    func sorted(unitOrder: [String]) -> FigureTable {
        var rank: [String: Int] = [:]
        for code in unitOrder where rank[code] == nil { rank[code] = rank.count }
        let order = rows.indices.sorted { a, b in
            let ka = (rank[unit(a)] ?? Int.max, unit(a), period(a)), kb = (rank[unit(b)] ?? Int.max, unit(b), period(b))
            return ka < kb
        }
        var copy = self
        copy.rows = order.map { rows[$0] }
        copy.lineNumbers = order.map { lineNumbers[$0] }
        return copy
    }
}

/// A row's identity: unit code and period.
struct FigureKey: Hashable, Comparable {
    var unit: String
    var period: Int

    static func < (a: FigureKey, b: FigureKey) -> Bool { (a.unit, a.period) < (b.unit, b.period) }
}

extension FigureTable {
    /// Row index by unit and period.
    var rowIndex: [FigureKey: Int] {
        Dictionary(rows.indices.map { (FigureKey(unit: unit($0), period: period($0)), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Where row `r` is in the file (`file:line`).
    func location(row r: Int) -> SourceLocation {
        lineNumbers[r] > 0 ? SourceLocation(file: file, line: lineNumbers[r]) : SourceLocation(file: file)
    }
}
