import Foundation

/// Shortest round-trip decimal text for numbers written to output files.
///
/// Swift's `description` already prints the shortest digit string that reads back as the
/// same `Double`; this drops its trailing `.0` on whole numbers (`5`, not `5.0`) and writes
/// a missing value (NaN) as an empty cell. Infinite values are written `Inf` / `-Inf`.
/// Whole numbers below 10¹⁵ in magnitude (ranks, counts) take a shorter path with the same
/// text: `description` writes them as their digits followed by `.0`.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
    if x == 0 { return "0" }  // also turns -0 into 0
    if x.magnitude < 1e15, x == x.rounded(.towardZero) { return String(Int64(x)) }
    var s = x.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}

/// Writes RFC 4180 CSV text: `,` separated, `"`-quoted only where needed, `\n` line ends.
/// Every text cell, header included, goes through ``SpreadsheetText/neutralised(_:)`` first, so
/// a name such as `=HYPERLINK(…)` is written `'=HYPERLINK(…)` and never opens as a formula.
///
/// Rows are written whole (``appendRow(_:)``) or cell by cell (``appendText(_:)``,
/// ``appendNumber(_:)``, then ``endRow()``), which builds no array per row.
/// - Complexity: O(bytes written).
public struct CSVWriter: Sendable {
    public private(set) var text = ""
    /// Cells written to the row being built.
    private var cellsInRow = 0
    /// Whether the row being built so far is one empty unquoted cell.
    private var rowIsLoneEmptyCell = false

    public init(header: [String]) {
        appendRow(header)
    }

    /// Reserves room for `bytes` more bytes of text (a large table then grows without copies).
    public mutating func reserveCapacity(_ bytes: Int) {
        text.reserveCapacity(text.utf8.count + bytes)
    }

    /// Appends one row of already formatted text cells.
    public mutating func appendRow(_ cells: [String]) {
        for cell in cells { appendText(cell) }
        endRow()
    }

    /// Appends a text cell to the row being built (formula-safe, quoted where needed).
    public mutating func appendText(_ cell: String) {
        separate()
        let safe = SpreadsheetText.neutralised(cell)
        rowIsLoneEmptyCell = cellsInRow == 1 && safe.isEmpty
        // Bytes, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        if safe.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            // Quotes doubled per scalar: a quote with a combining mark is one Character that
            // does not equal "\"", yet readers see its quote byte.
            text += "\""
            for scalar in safe.unicodeScalars {
                text.unicodeScalars.append(scalar)
                if scalar == "\"" { text.unicodeScalars.append(scalar) }
            }
            text += "\""
        } else {
            text += safe
        }
    }

    /// Appends a number to the row being built, as ``formatNumber(_:)`` writes it (a number
    /// never needs quoting or neutralising: see ``SpreadsheetText/isNumberLiteral(_:)``).
    public mutating func appendNumber(_ x: Double) {
        separate()
        let cell = formatNumber(x)
        rowIsLoneEmptyCell = cellsInRow == 1 && cell.isEmpty
        text += cell
    }

    /// Ends the row being built.
    public mutating func endRow() {
        // A lone empty cell would make an empty line, which readers skip: quote it.
        if rowIsLoneEmptyCell { text += "\"\"" }
        text += "\n"
        cellsInRow = 0
        rowIsLoneEmptyCell = false
    }

    /// The cell made formula-safe (``SpreadsheetText/neutralised(_:)``), then quoted when it
    /// holds a comma, quote, or line break.
    public static func quoted(_ text: String) -> String {
        var one = CSVWriter(cellsOf: ())
        one.appendText(text)
        return one.text
    }

    private init(cellsOf: Void) {}

    private mutating func separate() {
        if cellsInRow > 0 { text += "," }
        cellsInRow += 1
    }
}
