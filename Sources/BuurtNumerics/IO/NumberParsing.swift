/// The meaning of one data cell read as a number.
public enum CellValue: Sendable, Equatable {
    /// Empty, `NA`, `.` or `-` (surrounding spaces ignored).
    case missing
    /// A finite number.
    case number(Double)
    /// Text that is neither a missing token nor a plain decimal number.
    case invalid
}

extension CSVReader {
    /// Tokens that mean "no value", compared after trimming spaces and tabs.
    public static let missingTokens: Set<String> = ["", "NA", ".", "-"]

    /// Reads one cell as a number.
    ///
    /// Accepted: an optional sign, digits with at most one decimal separator (`.`, or `,` when
    /// `decimalComma` is true) and an optional exponent (`1e-5`, `2.5E3`), surrounded by optional
    /// spaces or tabs. Rejected (``CellValue/invalid``): thousands separators (`1,000.5`), the other
    /// decimal separator, trailing text (`12abc`), `Inf`, `NaN`, hexadecimal, and numbers too large
    /// for a `Double`. The conversion is correctly rounded, so text written by ``formatNumber(_:)``
    /// reads back as the same `Double`.
    /// - Complexity: O(length of the cell), no allocation unless the separator is a comma.
    public static func parseNumber<S: StringProtocol>(_ cell: S, decimalComma: Bool) -> CellValue {
        let whole = Substring(cell).utf8
        var lo = whole.startIndex, hi = whole.endIndex
        while lo < hi, CSVByte.isBlank(whole[lo]) { whole.formIndex(after: &lo) }
        while lo < hi, CSVByte.isBlank(whole[whole.index(before: hi)]) { whole.formIndex(before: &hi) }
        let text = Substring(whole[lo..<hi])
        switch NumberSyntax.scan(text.utf8, decimalSeparator: decimalComma ? CSVByte.comma : CSVByte.period) {
        case .missing:
            return .missing
        case .invalid:
            return .invalid
        case .number(separatorOffset: let separatorOffset):
            let value: Double?
            if let offset = separatorOffset, decimalComma {
                var bytes = Array(text.utf8)
                bytes[offset] = CSVByte.period
                value = Double(String(decoding: bytes, as: UTF8.self))
            } else {
                value = Double(text)
            }
            guard let value, value.isFinite else { return .invalid }
            return .number(value)
        }
    }
}

/// The grammar check behind ``CSVReader/parseNumber(_:decimalComma:)``, on UTF-8 bytes.
enum NumberSyntax {
    enum Result: Equatable {
        case missing
        case invalid
        /// A well-formed number; the byte offset of its decimal separator, if any.
        case number(separatorOffset: Int?)
    }

    /// Classifies already trimmed text: `[+-]? digits [sep digits]? ([eE] [+-]? digits)?`,
    /// with at least one mantissa digit (`.5` and `5.` are accepted).
    static func scan<C: Collection>(_ bytes: C, decimalSeparator: UInt8) -> Result where C.Element == UInt8 {
        var it = bytes.makeIterator()
        var offset = 0
        var next = it.next()
        func advance() { next = it.next(); offset += 1 }

        guard next != nil else { return .missing }
        if bytes.count == 2, next == UInt8(ascii: "N") {
            return bytes.elementsEqual("NA".utf8) ? .missing : .invalid
        }
        if bytes.count == 1, next == CSVByte.period || next == CSVByte.minus { return .missing }

        if next == CSVByte.plus || next == CSVByte.minus { advance() }
        var mantissaDigits = 0
        while let c = next, CSVByte.isDigit(c) { mantissaDigits += 1; advance() }
        var separatorOffset: Int?
        if next == decimalSeparator {
            separatorOffset = offset
            advance()
            while let c = next, CSVByte.isDigit(c) { mantissaDigits += 1; advance() }
        }
        guard mantissaDigits > 0 else { return .invalid }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            advance()
            if next == CSVByte.plus || next == CSVByte.minus { advance() }
            var exponentDigits = 0
            while let c = next, CSVByte.isDigit(c) { exponentDigits += 1; advance() }
            guard exponentDigits > 0 else { return .invalid }
        }
        return next == nil ? .number(separatorOffset: separatorOffset) : .invalid
    }
}

/// ASCII bytes the CSV and number readers look for.
enum CSVByte {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let period = UInt8(ascii: ".")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
    static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
}
