/// Advice for a data cell that is not a number but looks like one written another way.
enum NumberHint {
    /// `; write it …` when `cell` becomes a number without digit grouping (`1,234`, `1.234,5`,
    /// `1 234`, `1'234`, `1_000`), with an ASCII minus instead of `−` (U+2212), or without a
    /// trailing `%`; otherwise empty.
    static func hint(for cell: String, decimalComma: Bool) -> String {
        let decimal: Character = decimalComma ? "," : "."
        let grouping: Set<Character> = [decimalComma ? "." : ",", " ", "'", "_", "\u{00A0}", "\u{202F}"]
        let trimmed = cell.trimmingBlanks
        func isNumber(_ s: String) -> Bool {
            if case .number = CSVReader.parseNumber(s, decimalComma: decimalComma) { return true }
            return false
        }
        if trimmed.contains("."), trimmed.contains(",") {
            return "; write it without a thousands separator, e.g. \(decimalComma ? "1000,5" : "1000.5")"
        }
        let chars = Array(trimmed)
        let groupedBetweenDigits = chars.indices.contains { i in
            grouping.contains(chars[i]) && i > 0 && i + 1 < chars.count && chars[i - 1].isASCIIDigit && chars[i + 1].isASCIIDigit
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
        if trimmed.contains(decimal == "." ? "," : "."), isNumber(trimmed.replacingOccurrences(of: decimal == "." ? "," : ".", with: String(decimal))) {
            return "; this file uses a decimal \(decimalComma ? "comma" : "point") (give --decimal to choose)"
        }
        return ""
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
