/// One pass over a data table's cells for ``PanelLoader``: numeric columns parsed straight from
/// the cell bytes, text columns (unit, name, period, categorical) as trimmed Strings.
///
/// Only the text columns get a String per cell; a number becomes text only when it is not a
/// number and goes into an error message.
/// - Complexity: O(bytes of the table), one allocation per text cell longer than 15 bytes.
struct PanelCellReader {
    /// Column-major values of the numeric columns (`rows × numeric.count`); NaN for missing and
    /// for invalid cells.
    var values: [Double]
    /// Per numeric column, the rows whose cell is not a number, in row order.
    var invalidRows: [[Int]]
    /// The text columns' cells, without surrounding spaces and tabs, by header index.
    var text: [Int: [String]]

    /// - Parameters:
    ///   - numeric: header indices of the columns read as numbers.
    ///   - text: header indices of the columns read as text (not numeric ones; repeats are read once).
    init(_ table: CSVTable, numeric: [Int], text textColumns: [Int]) {
        let textColumns = Array(Set(textColumns))
        let n = table.rowCount
        // What to do with column j: ≥ 0 numeric slot, < -1 text slot −2 − slot, -1 skip.
        var role = [Int](repeating: -1, count: table.header.count)
        for (k, j) in numeric.enumerated() { role[j] = k }
        for (t, j) in textColumns.enumerated() { role[j] = -2 - t }
        var values = [Double](repeating: .nan, count: n * numeric.count)
        var invalidRows = [[Int]](repeating: [], count: numeric.count)
        var text = [[String]](repeating: [], count: textColumns.count)
        for t in text.indices { text[t].reserveCapacity(n) }
        let decimalComma = table.decimalComma
        values.withUnsafeMutableBufferPointer { out in
            table.cells.forEachCell { r, j, cell in
                let k = role[j]
                if k >= 0 {
                    switch CSVReader.parseNumber(utf8: cell, decimalComma: decimalComma) {
                    case .number(let v): out[r + k * n] = v
                    case .missing: break
                    case .invalid: invalidRows[k].append(r)
                    }
                } else if k < -1 {
                    text[-2 - k].append(String(decoding: Self.trimmed(cell), as: UTF8.self))
                }
            }
        }
        self.values = values
        self.invalidRows = invalidRows
        self.text = Dictionary(uniqueKeysWithValues: zip(textColumns, text))
    }

    /// `cell` without surrounding spaces and tabs (as ``CSVReader/trimmed(_:)``).
    static func trimmed(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: cell[CSVByte.trimmedRange(cell)])
    }
}
