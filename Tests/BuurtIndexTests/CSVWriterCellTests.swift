import BuurtNumerics
import PropertyBased
import Testing
import BuurtIndex

/// The cell-by-cell writer writes what the row writer writes, and the whole-number path of
/// `formatNumber` writes what `description` writes.
@Suite struct CSVWriterCellTests {
    /// The text `formatNumber` wrote before its whole-number path: `description` without `.0`.
    static func described(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        if x == 0 { return "0" }
        var s = x.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    /// Around 2⁵³ = 9_007_199_254_740_992, the last whole number `description` writes as digits:
    /// 2⁵³ + 1 is no Double, so the first whole number above is 2⁵³ + 2, written with an exponent.
    @Test(arguments: [1.0, -1, 17, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 1e16, 9_007_199_254_740_992,
                      9_007_199_254_740_994, -9_007_199_254_740_994,
                      0.5, -2.5, 123_456.000_001, 1e-300, 4_503_599_627_370_497])
    func wholeNumbersAreWrittenAsDescriptionWrites(_ x: Double) {
        #expect(formatNumber(x) == Self.described(x))
    }

    @Test func randomWholeNumbersAreWrittenAsDescriptionWrites() async {
        let whole = Gen.int(in: -2_000_000_000_000_000...2_000_000_000_000_000).map(Double.init)
        let scaled = Gen.int(in: -1_000_000...1_000_000).map { Double($0) * 1e9 }
        await propertyCheck(count: 2000, input: whole, scaled) { x, y in
            #expect(formatNumber(x) == Self.described(x), "\(x)")
            #expect(formatNumber(y) == Self.described(y), "\(y)")
        }
    }

    static let text = Gen<String?>.element(of: ["", "a", "-", "=1+1", "x,y", "q\"q", "l\nm", "\r\n", " 5", "@b", "-3", "Kerkdonk"]).map { $0! }
    static let number = Gen<Double?>.element(of: [.nan, .infinity, -.infinity, 0, -0.0, -1.5, 3, 1e15, 0.1 + 0.2]).map { $0! }

    @Test func cellByCellEqualsWholeRows() async {
        await propertyCheck(count: 500, input: Self.text.array(of: 0...4), Self.number.array(of: 0...4)) { texts, numbers in
            guard !(texts.isEmpty && numbers.isEmpty) else { return }
            var rows = CSVWriter(header: ["h"]), cells = CSVWriter(header: ["h"])
            rows.appendRow(texts + numbers.map(formatNumber))
            for t in texts { cells.appendText(t) }
            for x in numbers { cells.appendNumber(x) }
            cells.endRow()
            #expect(cells.text == rows.text, "\(texts) \(numbers)")
        }
    }

    /// One empty cell alone, whether text or a missing number, is written `""` (an empty line
    /// would be skipped by readers); two empty cells are `,`.
    @Test func aLoneEmptyCellIsQuotedWhicheverWayItIsWritten() {
        var w = CSVWriter(header: ["a"])
        w.appendNumber(.nan)
        w.endRow()
        w.appendText("")
        w.endRow()
        w.appendText("")
        w.appendNumber(.nan)
        w.endRow()
        #expect(w.text == "a\n\"\"\n\"\"\n,\n")
        #expect(CSVWriter.quoted("=x,y") == "\"'=x,y\"")
    }
}

/// Quotes that carry a combining mark: one Character that is not `"`, but a quote byte to readers.
@Suite struct CSVWriterQuoteTests {
    @Test(arguments: ["a\"\u{301}b", "\"\u{301}", "x,\"\u{308}\"", "\"\u{301}\u{302}\"\n"])
    func aQuoteWithACombiningMarkIsDoubledAndReadsBack(_ cell: String) throws {
        let written = CSVWriter.quoted(cell)
        // Every quote scalar inside the quoted field is doubled.
        let inner = written.unicodeScalars.dropFirst().dropLast()
        let quotes = cell.unicodeScalars.filter { $0 == "\"" }.count
        #expect(inner.filter { $0 == "\"" }.count == 2 * quotes)
        let table = try CSVReader.parse(Array(("c\n" + written + "\n").utf8), file: "t.csv",
                                        options: CSVOptions(delimiter: ",", decimalComma: false))
        #expect(table.rows.map { $0 } == [[cell]])
    }
}
