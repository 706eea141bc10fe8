import BuurtNumerics
import Foundation
import PropertyBased
import Testing
import BuurtIndex

/// The byte-level number reader (`parseNumber(utf8:decimalComma:)`, used on the stored cells
/// of a table) against hand-checked cells, the String-level reader, and an independent
/// reference built from the grammar and the standard library's conversion.
@Suite("Numbers read from cell bytes")
struct NumberBytesTests {
    static func bytes(_ cell: String, decimalComma: Bool) -> CellValue {
        Array(cell.utf8).withUnsafeBufferPointer { CSVReader.parseNumber(utf8: $0, decimalComma: decimalComma) }
    }

    /// (cell, value with a decimal point, value with a decimal comma).
    static let catalogue: [(String, CellValue, CellValue)] = [
        (" 3,5 ", .invalid, .number(3.5)),  // blanks trimmed; `,` is only a decimal comma
        ("\t7.25\t", .number(7.25), .invalid),
        ("-0", .number(-0.0), .number(-0.0)),
        ("1e-5", .number(1e-5), .number(1e-5)),
        ("2.5E3", .number(2500), .invalid),
        ("2,5E3", .invalid, .number(2500)),
        ("1e+3", .number(1000), .number(1000)),
        ("1e999", .invalid, .invalid),  // overflows a Double
        ("1e-999", .invalid, .invalid),  // would underflow to zero: out of range like 1e999
        ("0e-999", .number(0), .number(0)),  // zero itself, whatever its exponent
        ("4.9e-324", .number(Double.leastNonzeroMagnitude), .invalid),  // the smallest subnormal still counts
        ("NaN", .invalid, .invalid),
        ("inf", .invalid, .invalid),
        ("Inf", .invalid, .invalid),
        ("\u{2212}2", .invalid, .invalid),  // U+2212 MINUS SIGN is not a sign
        ("1.234,5", .invalid, .invalid),
        ("1,000.5", .invalid, .invalid),
        ("", .missing, .missing),
        ("NA", .missing, .missing),
        (" NA ", .missing, .missing),
        ("na", .invalid, .invalid),
        (".", .missing, .missing),
        ("-", .missing, .missing),
        ("  ", .missing, .missing),
        ("+4", .number(4), .number(4)),
        (".5", .number(0.5), .invalid),
        ("5.", .number(5), .invalid),
        ("0x10", .invalid, .invalid),
        ("12abc", .invalid, .invalid),
        ("1e", .invalid, .invalid),
        ("e5", .invalid, .invalid),
        ("--1", .invalid, .invalid),
        ("1 2", .invalid, .invalid),
        ("\"4\"", .invalid, .invalid),
        ("1\n2", .invalid, .invalid),
        ("3;5", .invalid, .invalid),
        // 30 digits, past the exact fast path: the nearest Double is 123456789012345677877719597056.
        ("123456789012345678901234567890", .number(1.2345678901234568e29), .number(1.2345678901234568e29)),
    ]

    @Test(arguments: catalogue.indices)
    func catalogueCell(_ k: Int) {
        let (cell, point, comma) = Self.catalogue[k]
        #expect(Self.bytes(cell, decimalComma: false) == point, "\(cell.debugDescription) with a decimal point")
        #expect(Self.bytes(cell, decimalComma: true) == comma, "\(cell.debugDescription) with a decimal comma")
        #expect(CSVReader.parseNumber(cell, decimalComma: false) == point)
        #expect(CSVReader.parseNumber(cell, decimalComma: true) == comma)
        #expect(CSVReader.parseNumber(Substring(cell), decimalComma: true) == comma)
    }

    @Test func negativeZeroKeepsItsSign() {
        guard case .number(let x) = Self.bytes("-0", decimalComma: false) else { Issue.record("-0 is not a number"); return }
        #expect(x == 0 && x.sign == .minus)
    }

    /// Every catalogue cell written quoted into a `;` file (so delimiters, line breaks and
    /// doubled quotes occur inside quotes) reads back as the same cell and the same number,
    /// whether read from the stored bytes or from the String.
    @Test func quotedCellsReadTheSameFromTheTable() throws {
        let cells = Self.catalogue.map(\.0)
        let text = "id;x\n" + cells.enumerated().map { k, cell in
            "u\(k);\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: "\n") + "\n"
        let table = try CSVReader.parse(Array(text.utf8), file: "t.csv", options: CSVOptions(decimalComma: true))
        #expect(table.rowCount == cells.count)
        for (r, (cell, _, comma)) in Self.catalogue.enumerated() {
            #expect(table.cell(row: r, column: 1) == cell)
            #expect(table.withCellBytes(row: r, column: 1) { Array($0) } == Array(cell.utf8))
            let fromBytes = table.withCellBytes(row: r, column: 1) { CSVReader.parseNumber(utf8: $0, decimalComma: true) }
            #expect(fromBytes == comma, "\(cell.debugDescription)")
        }
    }

    /// The grammar written out independently: trimmed of spaces and tabs, a missing token, or
    /// `[+-]? (digits [sep digits?] | sep digits) ([eE] [+-]? digits)?` converted by the
    /// standard library (non-finite results refused).
    static func reference(_ bytes: [UInt8], decimalComma: Bool) -> CellValue {
        let blank: Set<UInt8> = [0x20, 0x09]
        let trimmed = Array(bytes.drop(while: blank.contains).reversed().drop(while: blank.contains).reversed())
        let separator = UInt8(ascii: decimalComma ? "," : ".")
        if trimmed.isEmpty || trimmed == Array("NA".utf8) || trimmed == [UInt8(ascii: ".")] || trimmed == [UInt8(ascii: "-")] {
            return .missing
        }
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        var i = 0
        if i < trimmed.count && (trimmed[i] == UInt8(ascii: "+") || trimmed[i] == UInt8(ascii: "-")) { i += 1 }
        let wholeStart = i
        while i < trimmed.count && isDigit(trimmed[i]) { i += 1 }
        var mantissaDigits = i - wholeStart
        if i < trimmed.count && trimmed[i] == separator {
            i += 1
            let fractionStart = i
            while i < trimmed.count && isDigit(trimmed[i]) { i += 1 }
            mantissaDigits += i - fractionStart
        }
        let mantissaIsZero = trimmed[wholeStart..<i].allSatisfy { !isDigit($0) || $0 == UInt8(ascii: "0") }
        guard mantissaDigits > 0 else { return .invalid }
        if i < trimmed.count && (trimmed[i] == UInt8(ascii: "e") || trimmed[i] == UInt8(ascii: "E")) {
            i += 1
            if i < trimmed.count && (trimmed[i] == UInt8(ascii: "+") || trimmed[i] == UInt8(ascii: "-")) { i += 1 }
            let exponentStart = i
            while i < trimmed.count && isDigit(trimmed[i]) { i += 1 }
            guard i > exponentStart else { return .invalid }
        }
        guard i == trimmed.count else { return .invalid }
        let text = String(decoding: trimmed.map { $0 == separator ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        // Out of range either way is not a number: ∞, or a non-zero figure that would become 0.
        guard let value = Double(text), value.isFinite, value != 0 || mantissaIsZero else { return .invalid }
        return .number(value)
    }

    @Test func randomBytesMatchTheReferenceAndTheStringReader() async {
        let alphabet: [UInt8] = Array("0123456789+-.,eE \tNAnaif;x\"".utf8) + [0xE2, 0x88, 0x92, 0xC3, 0xA9, 0x00, 0xFF]
        let byte = Gen<UInt8?>.element(of: alphabet).map { $0! }
        await propertyCheck(count: 3000, input: byte.array(of: 0...12), Gen.bool) { bytes, decimalComma in
            let fromBytes = bytes.withUnsafeBufferPointer { CSVReader.parseNumber(utf8: $0, decimalComma: decimalComma) }
            #expect(fromBytes == Self.reference(bytes, decimalComma: decimalComma), "\(bytes)")
            // A String holds valid UTF-8 only: compare where the bytes are that.
            if let text = String(validating: bytes, as: UTF8.self) {
                #expect(CSVReader.parseNumber(text, decimalComma: decimalComma) == fromBytes, "\(text.debugDescription)")
            }
        }
    }

    /// Numbers as they occur in data files (digits around at most one separator, exponents).
    @Test func randomNumbersMatchTheReference() async {
        let digits = Gen.number.string(of: 0...20)
        let exponent = Gen.int(in: -330...330).optional
        await propertyCheck(count: 2000, input: digits, digits, exponent, Gen.bool) { whole, fraction, exponent, decimalComma in
            let text = whole + (fraction.isEmpty ? "" : (decimalComma ? "," : ".") + fraction) + (exponent.map { "e\($0)" } ?? "")
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { CSVReader.parseNumber(utf8: $0, decimalComma: decimalComma) }
            #expect(fromBytes == Self.reference(bytes, decimalComma: decimalComma), "\(text)")
        }
    }
}
