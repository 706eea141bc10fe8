import BuurtTestSupport
import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import ZIPFoundation
import BuurtIndex
@testable import BuurtWorkflow

@Suite struct XLSXWorkbookTests {
    static let sheet = XLSXSheet(
        name: "scores", header: ["unit", "name", "x", ""],
        rows: [
            [.text("0101"), .text("A & B <c> \"d\""), .number(0.1)],
            [.text(" padded "), .empty, .number(-1e-300), .number(.nan)],
            [.text("line\nbreak"), .text("0101"), .number(1.2345678901234567e19)],
        ])

    /// Entries of an `.xlsx` in archive order with their bytes, date and compression.
    static func entries(_ data: Data) throws -> [(path: String, text: String, date: Date?, stored: Bool)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry, consumer: { bytes.append($0) })
            return (entry.path, String(decoding: bytes, as: UTF8.self), entry.fileAttributes[.modificationDate] as? Date,
                    entry.compressedSize == entry.uncompressedSize)
        }
    }

    @Test func columnNamesFollowExcel() {
        // 0 → A, 25 → Z, 26 → AA, 51 → AZ, 52 → BA, 701 → ZZ, 702 → AAA, 16383 → XFD (the last column).
        let cases = [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")]
        for (index, name) in cases { #expect(XLSXParts.columnName(index) == name) }
    }

    @Test func packagePartsInFixedOrderStoredAndDated1980() throws {
        let data = try XLSXWorkbook(sheets: [Self.sheet, ResultsWorkbook.modelSheet(try IndexProject.load(modelPath: demoModel).model)]).data()
        let entries = try Self.entries(data)
        #expect(entries.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        ])
        for entry in entries {
            #expect(!entry.stored, "\(entry.path) is not compressed")
            // 1980-01-01T00:00:00Z = 315532800 s after 1970.
            #expect(entry.date == Date(timeIntervalSince1970: 315_532_800), "\(entry.path)")
        }
        #expect(entries[2].text.contains("<sheet name=\"scores\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"model\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(entries[0].text.contains("/xl/worksheets/sheet2.xml"))
        // Same sheets → same bytes.
        #expect(try XLSXWorkbook(sheets: [Self.sheet]).data() == (try XLSXWorkbook(sheets: [Self.sheet]).data()))
    }

    @Test func cellsNumbersTextsEmptiesAndFrozenHeader() throws {
        let parts = try XLSXWorkbook(sheets: [Self.sheet]).parts()
        let xml = String(decoding: try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }).contents, as: UTF8.self)
        let strings = String(decoding: try #require(parts.first { $0.path == "xl/sharedStrings.xml" }).contents, as: UTF8.self)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<dimension ref=\"A1:D4\"/>"))
        // Header: bold (s=1) shared strings 0,1,2 (unit, name, x); the empty header cell D1 is left out.
        #expect(xml.contains("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"1\" t=\"s\"><v>2</v></c></row>"))
        // Row 2: "0101" is string 3, the escaped name string 4, 0.1 a number in shortest form.
        #expect(xml.contains("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\"><v>0.1</v></c></row>"))
        // Row 3: B3 empty and D3 NaN left out.
        #expect(xml.contains("<row r=\"3\"><c r=\"A3\" t=\"s\"><v>5</v></c><c r=\"C3\"><v>-1e-300</v></c></row>"))
        // Row 4: the repeated "0101" reuses string 3; 12345678901234567890 → 1.2345678901234567e+19.
        #expect(xml.contains("<row r=\"4\"><c r=\"A4\" t=\"s\"><v>6</v></c><c r=\"B4\" t=\"s\"><v>3</v></c><c r=\"C4\"><v>1.2345678901234567e+19</v></c></row>"))
        // 8 string cells, 7 distinct; XML specials escaped; surrounding spaces and line breaks preserved.
        #expect(strings.contains("count=\"8\" uniqueCount=\"7\""))
        #expect(strings.contains("<si><t>A &amp; B &lt;c&gt; &quot;d&quot;</t></si>"))
        #expect(strings.contains("<si><t xml:space=\"preserve\"> padded </t></si>"))
        #expect(strings.contains("<si><t xml:space=\"preserve\">line\nbreak</t></si>"))
    }

    @Test func badSheetNamesAndOversizedSheetsAreRefused() {
        for name in ["", String(repeating: "x", count: 32), "a/b", "q?"] {
            #expect(throws: BuurtError.self) { try XLSXWorkbook(sheets: [XLSXSheet(name: name, header: ["a"], rows: [])]).parts() }
        }
        let wide = XLSXSheet(name: "wide", header: Array(repeating: "c", count: XLSXWorkbook.maxColumns + 1), rows: [])
        #expect(throws: BuurtError.self) { try XLSXWorkbook(sheets: [wide]).parts() }
        #expect(Markup.escaped("a\u{01}b\tc", .xml) == "a\u{FFFD}b\tc")
    }
}

@Suite struct ResultsWorkbookTests {
    @Test func csvCellsBecomeNumbersOnlyInTheWriterCanonicalForm() {
        #expect(ResultsWorkbook.cell(csv: "2017") == .number(2017))
        #expect(ResultsWorkbook.cell(csv: "-0.5") == .number(-0.5))
        #expect(ResultsWorkbook.cell(csv: "1e-05") == .number(1e-05))
        #expect(ResultsWorkbook.cell(csv: "0101") == .text("0101"))
        #expect(ResultsWorkbook.cell(csv: "1.50") == .text("1.50"))
        #expect(ResultsWorkbook.cell(csv: "Inf") == .text("Inf"))
        #expect(ResultsWorkbook.cell(csv: "nan") == .text("nan"))
        #expect(ResultsWorkbook.cell(csv: "") == .empty)
    }

    @Test func sheetsForTheTablesPresentInOrderThenTheModel() throws {
        let model = try IndexProject.load(modelPath: demoModel).model
        var output = OutputDirectory()
        try output.add("ranks.csv", text: "unit,name,period,index\n1234,\"Noord, oost\",2017,1\n")
        try output.add("analysis/pca.csv", text: "group,x\ng,1\n")
        try output.add("uncertainty.csv", text: "unit,p05\nA,0.25\n")
        var tables: [String: Data] = [:]
        for file in output.files { tables[file.path] = try file.contents }
        let workbook = try ResultsWorkbook.workbook(tables: tables, model: model)
        // scores, priorities and themes are absent; analysis tables are not sheets.
        #expect(workbook.sheets.map(\.name) == ["ranks", "uncertainty", "model"])
        // The unit code column stays text even when it looks like a number; period and rank are numbers.
        #expect(workbook.sheets[0].header == ["unit", "name", "period", "index"])
        #expect(workbook.sheets[0].rows == [[.text("1234"), .text("Noord, oost"), .number(2017), .number(1)]])
        #expect(workbook.sheets[1].rows == [[.text("A"), .number(0.25)]])

        try output.addWorkbook(model: model)
        #expect(output.files.last?.path == "results.xlsx")
    }

    @Test func modelSheetListsTheTree() throws {
        let model = try IndexProject.load(modelPath: demoModel).model
        let sheet = ResultsWorkbook.modelSheet(model)
        #expect(sheet.header == ["code", "name", "parent", "kind", "direction", "weight"])
        #expect(sheet.rows.count == model.nodes.count)
        #expect(sheet.rows[0] == [.text("index"), .text("Leefbaarheid en veiligheid"), .empty, .text("aggregate"), .number(1), .number(1)])
        let reports = try #require(sheet.rows.first { $0[0] == .text("nuisance_reports") })
        #expect(reports == [.text("nuisance_reports"), .text("Overlastmeldingen bij de politie per 1000 inwoners"),
                            .text("nuisance"), .text("indicator"), .number(-1), .number(1)])
        let population = try #require(sheet.rows.first { $0[0] == .text("population") })
        #expect(population[3] == .text("denominator") && population[4] == .empty && population[5] == .empty)
    }
}
