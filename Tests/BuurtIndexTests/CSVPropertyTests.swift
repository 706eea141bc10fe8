import BuurtNumerics
import PropertyBased
import Testing
import BuurtIndex

/// What must hold for any input: a table that parses is well-formed, and a failure is a list
/// of located data problems.
private extension Array where Element == UInt8 {
    var containsCRLF: Bool { zip(self, dropFirst()).contains { $0 == 0x0D && $1 == 0x0A } }
}

enum CSVInvariants {
    /// Parses `bytes` and checks the invariants; returns the table when it parsed.
    @discardableResult
    static func check(_ bytes: [UInt8], options: CSVOptions = .init()) -> CSVTable? {
        do {
            let table = try CSVReader.parse(bytes, file: "t.csv", options: options)
            #expect(!table.header.isEmpty)
            #expect(Set(table.header).count == table.header.count)
            #expect(!table.header.contains(""))
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
            #expect(table.lineNumbers.count == table.rows.count)
            #expect(zip(table.lineNumbers, table.lineNumbers.dropFirst()).allSatisfy { $0 < $1 })
            #expect(table.lineNumbers.allSatisfy { $0 >= 2 })
            for r in table.rows.indices {
                for c in table.header.indices {
                    let location = table.location(row: r, column: c)
                    #expect((location.line ?? 0) >= table.lineNumbers[r])
                    #expect((location.column ?? 0) >= 1)
                }
            }
            return table
        } catch {
            #expect(!error.problems.isEmpty)
            for problem in error.problems {
                #expect(problem.location?.file == "t.csv")
                #expect(problem.kind == .data)
                #expect(problem.location?.line.map { $0 >= 1 } ?? true)
                #expect(problem.location?.column.map { $0 >= 1 } ?? true)
            }
            return nil
        }
    }
}

@Suite("CSV properties")
struct CSVPropertyTests {
    /// Characters that stress quoting, line handling and column counting.
    static let cellCharacters: [Character] = [
        "a", "Z", "0", "7", " ", ",", ";", "\"", "\n", "\r", "\t", "é", "日", "👍🏽", "e\u{301}", "ĳ", ".", "-",
    ]
    static let cell = Gen<Character?>.element(of: cellCharacters).map { $0! }.string(of: 0...6)

    @Test func writtenTablesReadBackUnchanged() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...5), Self.cell.array(of: 0...30), Self.cell.array(of: 5)) {
            columns, cells, names in
            // Header names must be unique and not start or end with a blank: frame each one.
            let header = (0..<columns).map { "c" + names[$0] + "\($0)" }
            let rows = stride(from: 0, to: cells.count - columns + 1, by: columns).map { Array(cells[$0..<$0 + columns]) }
            var writer = CSVWriter(header: header)
            var lines: [Int] = []
            for row in rows {
                lines.append(1 + writer.text.utf8.count(where: { $0 == UInt8(ascii: "\n") }))
                writer.appendRow(row)
            }
            // Text starting with a formula trigger (`-`, tab, CR here) reads back with its `'`.
            let expected = rows.map { $0.map(SpreadsheetText.neutralised) }
            let table = CSVInvariants.check(Array(writer.text.utf8), options: CSVOptions(delimiter: ","))
            #expect(table?.header == header)
            #expect(table?.rows == expected)
            #expect(table?.lineNumbers == lines)
        }
    }

    /// "\r\n" is a single Character equal to neither "\n" nor "\r": the writer must still quote it.
    @Test func csvWriterQuotesCellsWithCRLF() throws {
        var writer = CSVWriter(header: ["a", "b"])
        writer.appendRow(["x\r\ny", "z"])
        #expect(writer.text == "a,b\n\"x\r\ny\",z\n")
        let table = try CSVText.parse(writer.text)
        #expect(table.rows == [["x\r\ny", "z"]])
    }

    /// A row of one empty cell would be an empty line, which readers skip: it is written `""`.
    @Test func csvWriterKeepsALoneEmptyCell() throws {
        var writer = CSVWriter(header: ["a"])
        writer.appendRow([""])
        #expect(writer.text == "a\n\"\"\n")
        #expect(try CSVText.parse(writer.text).rows == [[""]])
    }

    @Test func plainHeadersAreDetectedAsCommaSeparated() async {
        let name = Gen.letterOrNumber.string(of: 1...4)
        await propertyCheck(count: 100, input: name.array(of: 1...4), Self.cell.array(of: 0...8)) { names, cells in
            let header = names.enumerated().map { "\($1)\($0)" }
            var writer = CSVWriter(header: header)
            for start in stride(from: 0, to: cells.count - header.count + 1, by: header.count) {
                writer.appendRow(Array(cells[start..<start + header.count]))
            }
            let table = CSVInvariants.check(Array(writer.text.utf8))
            #expect(table?.delimiter == ",")
            #expect(table?.decimalComma == false)
        }
    }

    @Test func randomBytesNeverCrash() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...300)) { bytes in
            _ = CSVInvariants.check(bytes)
        }
    }

    @Test func randomCSVLikeBytesNeverCrash() async {
        let interesting: [UInt8] = Array("a1,;\"\n\r .-NA".utf8) + [0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFF, 0xE2, 0x82]
        let byte = Gen<UInt8?>.element(of: interesting).map { $0! }
        await propertyCheck(count: 1000, input: byte.array(of: 0...200)) { bytes in
            _ = CSVInvariants.check(bytes)
        }
    }

    /// The exact fast path and the fallback agree with the standard library's correctly rounded
    /// conversion on random decimal texts (long mantissas, leading zeros, large exponents), and
    /// refuse what it would round to ±∞ or, from a non-zero figure, to 0.
    @Test func numbersMatchTheStandardLibrary() async {
        let digits = Gen.number.string(of: 0...24)
        let sign = Gen<String?>.element(of: ["", "-", "+"]).map { $0! }
        let exponent = Gen.int(in: -400...400).optional
        await propertyCheck(count: 2000, input: sign, digits, digits, exponent) { sign, whole, fraction, exponent in
            guard !(whole + fraction).isEmpty else { return }
            let text = sign + whole + (fraction.isEmpty ? "" : "." + fraction) + (exponent.map { "e\($0)" } ?? "")
            let expected = Double(text)
            #expect(expected != nil, "\(text)")
            // Out of range is not a number: ∞, or a figure with a non-zero digit that becomes 0.
            let zero = (whole + fraction).allSatisfy { $0 == "0" }
            let cell: CellValue = expected.map { $0.isFinite && ($0 != 0 || zero) ? .number($0) : .invalid } ?? .invalid
            #expect(CSVReader.parseNumber(text, decimalComma: false) == cell, "\(text)")
            let comma = String(text.map { $0 == "." ? "," : $0 })
            #expect(CSVReader.parseNumber(comma, decimalComma: true) == cell, "\(comma)")
        }
    }

    @Test func formattedNumbersReadBackExactly() async {
        let anyFinite = Gen.uint64().map { Double(bitPattern: $0) }.filter(\.isFinite)
        let decimals = Gen.int(in: -10_000_000...10_000_000).map { Double($0) / 1000 }
        await propertyCheck(count: 1000, input: anyFinite, decimals) { x, y in
            for value in [x, y] {
                let text = formatNumber(value)
                #expect(CSVReader.parseNumber(text, decimalComma: false) == .number(value), "\(text)")
                let comma = String(text.map { $0 == "." ? "," : $0 })
                #expect(CSVReader.parseNumber(comma, decimalComma: true) == .number(value), "\(comma)")
            }
        }
    }
}
