import Foundation

/// Shortest round-trip decimal text for numbers written to output files.
///
/// Swift's `description` already prints the shortest digit string that reads back as the
/// same `Double`; this drops its trailing `.0` on whole numbers (`5`, not `5.0`) and writes
/// a missing value (NaN) as an empty cell. Infinite values are written `Inf` / `-Inf`.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
    if x == 0 { return "0" }  // also turns -0 into 0
    var s = x.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}

/// Writes RFC 4180 CSV text: `,` separated, `"`-quoted only where needed, `\n` line ends.
/// Every cell, header included, goes through ``SpreadsheetText/neutralised(_:)`` first, so a
/// name such as `=HYPERLINK(…)` is written `'=HYPERLINK(…)` and never opens as a formula.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) {
        appendRow(header)
    }

    /// Appends one row of already formatted cells.
    public mutating func appendRow(_ cells: [String]) {
        // A lone empty cell would make an empty line, which readers skip: quote it.
        text += cells == [""] ? "\"\"" : cells.map(Self.quoted).joined(separator: ",")
        text += "\n"
    }

    /// The cell made formula-safe (``SpreadsheetText/neutralised(_:)``), then quoted when it
    /// holds a comma, quote, or line break.
    public static func quoted(_ text: String) -> String {
        let cell = SpreadsheetText.neutralised(text)
        // Bytes, not Characters: "\r\n" is one Character that equals neither "\r" nor "\n".
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
