/// Text cells that a spreadsheet program cannot take for a formula ("CSV injection", OWASP).
///
/// Unit, indicator and group names come from data files. Excel, LibreOffice and Google Sheets
/// start a formula (or a DDE call) when a cell begins with `=`, `+`, `-` or `@`, and some also
/// after a leading tab or carriage return. Such a text cell gets a single quote `'` in front,
/// as OWASP recommends: the spreadsheet then shows the text, and a program reading the file
/// sees one extra leading `'`. A cell that is a plain decimal number (`-1.5`, `+3`, `-2e-05`)
/// or `formatNumber`'s `Inf`/`-Inf` is left as it is: it is a constant, never a formula, and
/// numbers must stay numbers.
public enum SpreadsheetText {
    /// First bytes that make a cell a formula: `=`, `+`, `-`, `@`, tab, carriage return.
    public static let formulaTriggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// `text` with `'` in front when it starts with a formula trigger and is not a number.
    /// Idempotent: an escaped cell starts with `'` and is left alone.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, formulaTriggers.contains(first), !isNumberLiteral(text) else { return text }
        return "'" + text
    }

    /// Whether `text` is a decimal number literal, `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`,
    /// or `Inf`/`-Inf` (how ``formatNumber(_:)`` writes infinities).
    public static func isNumberLiteral(_ text: String) -> Bool {
        if text == "Inf" || text == "-Inf" { return true }
        // Native strings are read in place (no copy per cell); others are copied once.
        if let answer = text.utf8.withContiguousStorageIfAvailable(isNumberLiteral) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(isNumberLiteral)
    }

    private static func isNumberLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
        var mantissa = digits()
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }
}
