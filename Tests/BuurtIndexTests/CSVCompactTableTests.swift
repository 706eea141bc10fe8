import BuurtNumerics
import PropertyBased
import Testing
import BuurtIndex

/// The table's compact cell storage gives back exactly the cells, rows and positions of the
/// text it was read from.
@Suite("CSV table cells")
struct CSVCompactTableTests {
    /// A CSV text written here independently of ``CSVWriter``: each cell quoted when it must
    /// be (or when `quoteAll`), with where each cell starts (line, column in Unicode scalars).
    struct Written {
        var text = ""
        var starts: [[(line: Int, column: Int)]] = []
        var rowLines: [Int] = []
        private var line = 1, column = 1

        init(header: [String], rows: [[String]], quote: (Int, Int) -> Bool) {
            append(header.joined(separator: ",") + "\n")
            for (r, row) in rows.enumerated() {
                rowLines.append(line)
                var rowStarts: [(line: Int, column: Int)] = []
                for (c, cell) in row.enumerated() {
                    if c > 0 { append(",") }
                    rowStarts.append((line, column))
                    let needsQuotes = cell.utf8.contains { [0x2C, 0x22, 0x0A, 0x0D].contains($0) } || (row.count == 1 && cell.isEmpty)
                    append(needsQuotes || quote(r, c) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell)
                }
                starts.append(rowStarts)
                append("\n")
            }
        }

        private mutating func append(_ piece: String) {
            text += piece
            for scalar in piece.unicodeScalars {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
    }

    static let cell = Gen<Character?>.element(of: CSVPropertyTests.cellCharacters).map { $0! }.string(of: 0...6)

    @Test func cellsRowsAndPositionsMatchTheText() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...5), Self.cell.array(of: 0...40), Gen.uint64()) { columns, cells, quoting in
            let header = (0..<columns).map { "c\($0)" }
            let rows = stride(from: 0, to: cells.count - columns + 1, by: columns).map { Array(cells[$0..<$0 + columns]) }
            let written = Written(header: header, rows: rows) { r, c in quoting >> UInt64((r * columns + c) % 64) & 1 == 1 }
            let table: CSVTable
            do {
                table = try CSVReader.parse(Array(written.text.utf8), file: "t.csv", options: CSVOptions(delimiter: ","))
            } catch {
                Issue.record("\(written.text.debugDescription) does not read: \(error)")
                return
            }
            #expect(table.header == header)
            #expect(table.rowCount == rows.count)
            #expect(table.rows == rows)
            #expect(Array(table.rows) == rows)
            #expect(table.lineNumbers == written.rowLines)
            for (r, row) in rows.enumerated() {
                #expect(table.rows[r] == row)
                for (c, text) in row.enumerated() {
                    #expect(table.cell(row: r, column: c) == text)
                    #expect(table.withCellBytes(row: r, column: c) { Array($0) } == Array(text.utf8))
                    let start = written.starts[r][c]
                    #expect(table.location(row: r, column: c) == BuurtIndex.SourceLocation(file: "t.csv", line: start.line, column: start.column),
                            "row \(r) column \(c) of \(written.text.debugDescription)")
                }
            }
            // The same cells built in code make the same rows.
            let built = CSVTable(file: "t.csv", header: header, rows: rows)
            #expect(built.rows == table.rows)
            #expect(built.rows == rows)
        }
    }

    @Test func aTableBuiltInCodeHasItsCellsAndLinesButNoColumns() {
        let table = CSVTable(file: "t.csv", header: ["a", "b"], rows: [["1", "x,y"], ["", "é\"\n"]])
        #expect(table.rowCount == 2)
        #expect(table.cell(row: 1, column: 1) == "é\"\n")
        #expect(table.cell(row: 1, column: 0) == "")
        #expect(table.rows[0] == ["1", "x,y"])
        #expect(table.rows.map { $0.count } == [2, 2])
        #expect(table.location(row: 1, column: 1) == BuurtIndex.SourceLocation(file: "t.csv", line: 3))
        #expect(table.location(row: 2, column: 0) == BuurtIndex.SourceLocation(file: "t.csv"))
    }

    /// Cells after a quoted line break and a doubled quote are located on the line and at the
    /// column where they start.
    @Test func cellsAfterQuotedLineBreaksAreLocated() throws {
        let table = try CSVText.parse("a,b\n\"1\",2\n\"x\ny\",\"q\"\"\"\n6,7\n")
        #expect(table.rows == [["1", "2"], ["x\ny", "q\""], ["6", "7"]])
        #expect(table.lineNumbers == [2, 3, 5])
        #expect(table.location(row: 0, column: 1) == CSVText.at(2, 5))  // after `"1",`
        #expect(table.location(row: 1, column: 1) == CSVText.at(4, 4))  // after `y",` on line 4
        #expect(table.location(row: 2, column: 1) == CSVText.at(5, 3))
    }

    /// Rows with too many or too few fields are located in characters, not bytes, also after
    /// a quoted line break.
    @Test func wrongFieldCountsAreLocatedInCharacters() {
        // Line 2 `ä,ö,x`: the third field starts at character 5. Line 3 `日`: the row ends
        // after 1 character, so at column 2. Lines 4–5 `"x⏎y",z,w`: `w` is character 6 of line 5.
        let problems = CSVText.problems("é,b\nä,ö,x\n日\n\"x\ny\",z,w\n")
        #expect(problems.map(\.description) == [
            "t.csv:2:5: 3 fields, expected 2 (header)",
            "t.csv:3:2: 1 field, expected 2 (header)",
            "t.csv:5:6: 3 fields, expected 2 (header)",
        ])
    }

    /// The duplicate check over many rows: every repeat of a (unit, period) key names the
    /// first row of the key, and codes that are the same text in two Unicode spellings
    /// (precomposed é and e + combining acute) are the same unit, as String equality has it.
    @Test func repeatedUnitsNameTheirFirstLine() throws {
        // 3,000 units × 2 periods, then unit 17 of 2021 again (line 2 + 2·17 + 1 = 37 first),
        // then "é" and "e\u{301}" in 2020.
        var text = "unit,year,A,B,Pop,G\n"
        for u in 0..<3_000 { for year in [2020, 2021] { text += "U\(u),\(year),1,2,3,g\n" } }
        text += "U17,2021,1,2,3,g\n\u{E9},2020,1,2,3,g\ne\u{301},2020,1,2,3,g\n"
        let problems = try PanelFixture.problems(text)
        #expect(problems.map(\.description) == [
            "t.csv:6002:1: unit 'U17' appears twice for period 2021: lines 37 and 6002",
            "t.csv:6004:1: unit 'e\u{301}' appears twice for period 2020: lines 6003 and 6004",
        ])
    }
}
