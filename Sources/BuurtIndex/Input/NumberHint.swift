/// Advice for a data cell that is not a number but looks like one written another way.
enum NumberHint {
    /// `; write it …` when `cell` mixes `.` and `,` (`1.234,5`), or becomes a number without
    /// digit grouping in groups of three (`1,234`, `1 234`, `1'234`, `1_000`), with an ASCII
    /// minus instead of `−` (U+2212), or without a trailing `%`; otherwise empty.
    static func hint(for cell: String, decimalComma: Bool) -> String {
        let grouping: Set<Character> = [decimalComma ? "." : ",", " ", "'", "_", "\u{00A0}", "\u{202F}"]
        let trimmed = cell.trimmingBlanks
        func isNumber(_ s: String) -> Bool {
            if case .number = CSVReader.parseNumber(s, decimalComma: decimalComma) { return true }
            return false
        }
        if let magnitude = outOfRange(trimmed, decimalComma: decimalComma) {
            return "; it is \(magnitude) for a double (magnitudes from about 4.9e-324 to 1.8e308): express it in other units"
        }
        if trimmed.contains("."), trimmed.contains(",") {
            return "; write it without a thousands separator, e.g. \(decimalComma ? "1000,5" : "1000.5")"
        }
        // Digit grouping: separators between digits, each followed by exactly three digits.
        let chars = Array(trimmed)
        let separators = chars.indices.filter { grouping.contains(chars[$0]) }
        let groupedBetweenDigits = !separators.isEmpty && separators.allSatisfy { i in
            i > 0 && chars[i - 1].isASCIIDigit && chars[(i + 1)...].prefix(while: \.isASCIIDigit).count == 3
        }
        if groupedBetweenDigits, isNumber(String(trimmed.filter { !grouping.contains($0) })) {
            return "; write it without a thousands separator, e.g. 1234"
        }
        if trimmed.contains("\u{2212}"), isNumber(trimmed.replacingOccurrences(of: "\u{2212}", with: "-")) {
            return "; write the minus sign as the ASCII hyphen-minus -"
        }
        if trimmed.hasSuffix("%"), isNumber(String(trimmed.dropLast())) {
            return "; write it without the % sign (the indicator's name or unit can say it is a percentage)"
        }
        return ""
    }
}

extension NumberHint {
    /// `too large` or `too small` when `cell` is a plain decimal whose exponent puts it
    /// outside the range of doubles (`1e999`, `-1e400`, `1e-400`); `nil` otherwise.
    static func outOfRange(_ cell: String, decimalComma: Bool) -> String? {
        guard let e = cell.lastIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(cell[cell.index(after: e)...]) else { return nil }
        let mantissa = cell[..<e].replacingOccurrences(of: decimalComma ? "," : ".", with: ".")
        guard let m = Double(mantissa), m != 0, m.isFinite else { return nil }
        return exponent > 0 ? "too large" : "too small"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
