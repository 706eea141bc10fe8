import BuurtNumerics

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
    package static let missingTokens: Set<String> = ["", "NA", ".", "-"]

    /// Reads one cell as a number.
    ///
    /// Accepted: an optional sign, digits with at most one decimal separator (`.`, or `,` when
    /// `decimalComma` is true) and an optional exponent (`1e-5`, `2.5E3`), surrounded by optional
    /// spaces or tabs; `.5` and `5.` are accepted. Rejected (``CellValue/invalid``): thousands
    /// separators (`1,000.5`), the other decimal separator, trailing text (`12abc`), `Inf`, `NaN`,
    /// hexadecimal, and numbers too large for a `Double`. The conversion is correctly rounded, so
    /// text written by ``formatNumber(_:)`` reads back as the same `Double`.
    /// - Complexity: O(length of the cell); no allocation for numbers of at most 15 significant
    ///   digits with a decimal exponent within ±22 (the exact fast path), one for longer ones.
    public static func parseNumber<S: StringProtocol>(_ cell: S, decimalComma: Bool) -> CellValue {
        if let value = cell.utf8.withContiguousStorageIfAvailable({ parseNumber(utf8: $0, decimalComma: decimalComma) }) {
            return value
        }
        return Array(cell.utf8).withUnsafeBufferPointer { parseNumber(utf8: $0, decimalComma: decimalComma) }
    }

    /// Whether `text`, which a `Double` conversion read as `value`, is a non-zero figure that
    /// the conversion rounded to zero (`1e-400`, `-1e-400`): a digit 1-9 before the exponent.
    /// The cell reader refuses such text itself; settings read with `Double(_:)` ask this.
    package static func roundsToZero<S: StringProtocol>(_ text: S, value: Double) -> Bool {
        value == 0 && text.prefix { $0 != "e" && $0 != "E" }.contains { ("1"..."9").contains($0) }
    }

    /// Reads one cell, given as UTF-8 bytes, as a number: the same rules as
    /// ``parseNumber(_:decimalComma:)`` (which calls this), without building a String.
    /// - Complexity: O(length of the cell).
    package static func parseNumber(utf8 cell: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> CellValue {
        NumberSyntax.parse(cell, decimalSeparator: decimalComma ? CSVByte.comma : CSVByte.period)
    }
}

/// The number grammar behind ``CSVReader/parseNumber(_:decimalComma:)``, on UTF-8 bytes.
enum NumberSyntax {
    /// Exactly representable powers of ten, 10^0 … 10^22.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `[+-]? digits [sep digits]? ([eE] [+-]? digits)?` with at least one mantissa digit,
    /// after trimming spaces and tabs; the missing tokens give ``CellValue/missing``.
    ///
    /// Value: when the significant digits form an integer m ≤ 2^53 and the decimal exponent e
    /// is within ±22, m·10^e is one correctly rounded multiplication or division of two exact
    /// doubles (Clinger's fast path). Otherwise the text goes to the standard library's correctly
    /// rounded conversion.
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, decimalSeparator: UInt8) -> CellValue {
        let trimmed = CSVByte.trimmedRange(cell)
        let lo = trimmed.lowerBound, hi = trimmed.upperBound
        switch hi - lo {
        case 0: return .missing
        case 1 where cell[lo] == CSVByte.period || cell[lo] == CSVByte.minus: return .missing
        case 2 where cell[lo] == UInt8(ascii: "N") && cell[lo + 1] == UInt8(ascii: "A"): return .missing
        default: break
        }

        var i = lo
        let negative = cell[i] == CSVByte.minus
        if negative || cell[i] == CSVByte.plus { i += 1 }
        var mantissa: UInt64 = 0, significant = 0, digits = 0, exponent = 0
        var separatorIndex: Int?
        func digit(_ d: UInt8, inFraction: Bool) {
            digits += 1
            if inFraction { exponent -= 1 }
            if mantissa == 0 && d == 0 { return }  // a leading zero is not significant
            significant += 1
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
        }
        while i < hi && CSVByte.isDigit(cell[i]) { digit(cell[i] &- 48, inFraction: false); i += 1 }
        if i < hi && cell[i] == decimalSeparator {
            separatorIndex = i
            i += 1
            while i < hi && CSVByte.isDigit(cell[i]) { digit(cell[i] &- 48, inFraction: true); i += 1 }
        }
        guard digits > 0 else { return .invalid }
        if i < hi && (cell[i] == UInt8(ascii: "e") || cell[i] == UInt8(ascii: "E")) {
            i += 1
            let negativeExponent = i < hi && cell[i] == CSVByte.minus
            if i < hi && (negativeExponent || cell[i] == CSVByte.plus) { i += 1 }
            var value = 0, exponentDigits = 0
            while i < hi && CSVByte.isDigit(cell[i]) {
                value = min(value * 10 + Int(cell[i] &- 48), 1_000_000)
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return .invalid }
            exponent += negativeExponent ? -value : value
        }
        guard i == hi else { return .invalid }

        if mantissa == 0 { return .number(negative ? -0.0 : 0) }
        if significant <= 19 && mantissa <= 1 << 53 && (-22...22).contains(exponent) {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return .number(negative ? -value : value)
        }
        let text = String(unsafeUninitializedCapacity: hi - lo) { buffer in
            for k in lo..<hi { buffer[k - lo] = k == separatorIndex ? CSVByte.period : cell[k] }
            return hi - lo
        }
        // Beyond the range of doubles either way: 1e400 would be ∞, 1e-400 (not zero, since
        // the mantissa is not) would become 0. Neither is what the figure says.
        guard let value = Double(text), value.isFinite, value != 0 else { return .invalid }
        return .number(value)
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

    /// The positions of `cell` without surrounding spaces and tabs.
    static func trimmedRange(_ cell: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = 0, hi = cell.count
        while lo < hi && isBlank(cell[lo]) { lo += 1 }
        while lo < hi && isBlank(cell[hi - 1]) { hi -= 1 }
        return lo..<hi
    }
}
