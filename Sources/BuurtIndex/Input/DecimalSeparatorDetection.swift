/// Decides whether a `;`-delimited file writes numbers with a decimal comma, from the data
/// cells as they are scanned.
///
/// `[+-]?digits,digits` is evidence for a decimal comma, `[+-]?digits.digits([eE][+-]?digits)?`
/// for a decimal point (surrounding spaces and tabs ignored). Integers, text and missing values
/// say nothing; without evidence the answer is "decimal comma", the convention of `;` files.
struct DecimalSeparatorDetection {
    enum Evidence { case comma, point }

    private(set) var firstComma: (text: String, location: SourceLocation)?
    private(set) var firstPoint: (text: String, location: SourceLocation)?

    /// Whether both kinds have been seen (further cells need not be looked at).
    var isDecided: Bool { firstComma != nil && firstPoint != nil }

    /// Records the evidence of one cell; `location` is only evaluated for the first cell of each kind.
    mutating func observe(_ cell: UnsafeBufferPointer<UInt8>, at location: () -> SourceLocation) {
        switch Self.evidence(cell) {
        case .comma?: if firstComma == nil { firstComma = (String(decoding: cell, as: UTF8.self), location()) }
        case .point?: if firstPoint == nil { firstPoint = (String(decoding: cell, as: UTF8.self), location()) }
        case nil: break
        }
    }

    /// The decision: decimal comma unless only decimal points were seen.
    /// - Throws: when both kinds occur, naming the first cell of each, located at the later one.
    func usesDecimalComma() throws(BuurtError) -> Bool {
        guard let comma = firstComma, let point = firstPoint else { return firstPoint == nil }
        func place(_ l: SourceLocation) -> String { "line \(l.line ?? 0), column \(l.column ?? 0)" }
        let message = "the file mixes decimal separators: '\(comma.text)' (\(place(comma.location))) has a decimal comma "
            + "but '\(point.text)' (\(place(point.location))) has a decimal point; use one separator throughout, or set the decimal separator to comma or point instead of detecting it"
        let commaFirst = (comma.location.line ?? 0, comma.location.column ?? 0) < (point.location.line ?? 0, point.location.column ?? 0)
        throw BuurtError(.data, message, at: commaFirst ? point.location : comma.location)
    }

    /// The evidence one cell gives, if any.
    /// - Complexity: O(cell length).
    static func evidence(_ cell: UnsafeBufferPointer<UInt8>) -> Evidence? {
        var lo = 0, hi = cell.count
        while lo < hi && CSVByte.isBlank(cell[lo]) { lo += 1 }
        while lo < hi && CSVByte.isBlank(cell[hi - 1]) { hi -= 1 }
        if lo < hi && (cell[lo] == CSVByte.plus || cell[lo] == CSVByte.minus) { lo += 1 }
        func digits(from i: Int) -> Int {
            var j = i
            while j < hi && CSVByte.isDigit(cell[j]) { j += 1 }
            return j
        }
        let integerEnd = digits(from: lo)
        guard integerEnd > lo, integerEnd < hi else { return nil }
        let separator = cell[integerEnd]
        guard separator == CSVByte.comma || separator == CSVByte.period else { return nil }
        let fractionEnd = digits(from: integerEnd + 1)
        guard fractionEnd > integerEnd + 1 else { return nil }
        if separator == CSVByte.comma { return fractionEnd == hi ? .comma : nil }
        if fractionEnd == hi { return .point }
        guard cell[fractionEnd] == UInt8(ascii: "e") || cell[fractionEnd] == UInt8(ascii: "E") else { return nil }
        var exponentStart = fractionEnd + 1
        if exponentStart < hi && (cell[exponentStart] == CSVByte.plus || cell[exponentStart] == CSVByte.minus) { exponentStart += 1 }
        let exponentEnd = digits(from: exponentStart)
        return exponentEnd > exponentStart && exponentEnd == hi ? .point : nil
    }
}
