import BuurtIndex
import Foundation

/// Column widths of a worksheet, in characters of the default font, from the longest text each
/// column shows: its header, its texts (longest line), and its numbers as their format shows them.
enum XLSXColumnWidths {
    /// No column is narrower than this…
    static let minimum = 6.0
    /// …or wider than this (long names wrap nowhere; the cell still holds all of its text).
    static let maximum = 60.0

    /// width = min(``maximum``, max(``minimum``, longest shown text + 2)) per column.
    /// - Complexity: O(cells).
    static func widths(of sheet: XLSXSheet) -> [Double] {
        let count = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var longest = (0..<count).map { c in c < sheet.header.count ? shownLength(text: sheet.header[c]) : 0 }
        for row in sheet.rows {
            for (c, cell) in row.enumerated() {
                let format = c < sheet.numberFormats.count ? sheet.numberFormats[c] : .general
                longest[c] = max(longest[c], shownLength(cell, format: format))
            }
        }
        return longest.map { min(maximum, max(minimum, Double($0) + 2)) }
    }

    /// `<cols>` with one `<col>` per column (nothing for a sheet without columns).
    static func element(_ widths: [Double]) -> String {
        guard !widths.isEmpty else { return "" }
        var out = "<cols>"
        for (c, width) in widths.enumerated() {
            out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(formatNumber(width))\" customWidth=\"1\"/>"
        }
        return out + "</cols>"
    }

    /// Characters a cell shows: a number rounded as its format shows it (general: its shortest
    /// form), a text's longest line, nothing for an empty cell.
    static func shownLength(_ cell: XLSXCell, format: XLSXNumberFormat) -> Int {
        switch cell {
        case .number(let x) where x.isFinite:
            switch format {
            case .general: return formatNumber(x).count
            case .twoDecimals: return wholeDigits(x) + 3
            case .whole: return wholeDigits(x)
            }
        case .text(let s): return shownLength(text: s)
        default: return 0
        }
    }

    static func shownLength(text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    /// Digits (and the minus sign) of x rounded to a whole number; at most 309 for a Double.
    static func wholeDigits(_ x: Double) -> Int {
        let magnitude = abs(x.rounded())
        let digits = magnitude < 10 ? 1 : Int(log10(magnitude).rounded(.down)) + 1
        return digits + (x.rounded() < 0 ? 1 : 0)
    }
}
