/// Decides whether a `;`-delimited file writes numbers with a decimal comma.
enum DecimalSeparatorDetection {
    enum Evidence { case comma, point }

    /// Looks at every data cell: `[+-]?digits,digits` is evidence for a decimal comma,
    /// `[+-]?digits.digits([eE][+-]?digits)?` for a decimal point (surrounding spaces ignored).
    /// Integers, text and missing values say nothing; without evidence the answer is `true`.
    /// - Throws: when both kinds occur, naming the first cell of each kind.
    /// - Complexity: O(total cell length), stops at the first cell of the second kind.
    static func usesDecimalComma(_ table: CSVTable) throws(BuurtError) -> Bool {
        var firstComma: (row: Int, column: Int)?
        var firstPoint: (row: Int, column: Int)?
        for (r, row) in table.rows.enumerated() {
            for (c, cell) in row.enumerated() {
                switch evidence(cell) {
                case .comma?: if firstComma == nil { firstComma = (r, c) }
                case .point?: if firstPoint == nil { firstPoint = (r, c) }
                case nil: continue
                }
                if let comma = firstComma, let point = firstPoint {
                    throw mixed(table, comma: comma, point: point)
                }
            }
        }
        return firstPoint == nil
    }

    private static func mixed(_ table: CSVTable, comma: (row: Int, column: Int), point: (row: Int, column: Int)) -> BuurtError {
        let commaAt = table.location(row: comma.row, column: comma.column)
        let pointAt = table.location(row: point.row, column: point.column)
        func place(_ l: SourceLocation) -> String { "line \(l.line ?? 0), column \(l.column ?? 0)" }
        let commaCell = table.rows[comma.row][comma.column], pointCell = table.rows[point.row][point.column]
        let message = "the file mixes decimal separators: '\(commaCell)' (\(place(commaAt))) has a decimal comma "
            + "but '\(pointCell)' (\(place(pointAt))) has a decimal point; use one separator throughout or set it explicitly"
        let later = (comma.row, comma.column) < (point.row, point.column) ? pointAt : commaAt
        return BuurtError(.data, message, at: later)
    }

    /// The evidence one cell gives, if any.
    static func evidence(_ cell: String) -> Evidence? {
        var bytes = Substring(cell).utf8[...]
        while let b = bytes.first, CSVByte.isBlank(b) { bytes = bytes.dropFirst() }
        while let b = bytes.last, CSVByte.isBlank(b) { bytes = bytes.dropLast() }
        if let b = bytes.first, b == CSVByte.plus || b == CSVByte.minus { bytes = bytes.dropFirst() }

        let intDigits = bytes.prefix(while: CSVByte.isDigit).count
        guard intDigits > 0 else { return nil }
        bytes = bytes.dropFirst(intDigits)
        guard let separator = bytes.first, separator == CSVByte.comma || separator == CSVByte.period else { return nil }
        bytes = bytes.dropFirst()
        let fractionDigits = bytes.prefix(while: CSVByte.isDigit).count
        guard fractionDigits > 0 else { return nil }
        bytes = bytes.dropFirst(fractionDigits)
        if separator == CSVByte.comma { return bytes.isEmpty ? .comma : nil }
        if bytes.isEmpty { return .point }
        guard let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return nil }
        bytes = bytes.dropFirst()
        if let b = bytes.first, b == CSVByte.plus || b == CSVByte.minus { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(CSVByte.isDigit) ? .point : nil
    }
}
