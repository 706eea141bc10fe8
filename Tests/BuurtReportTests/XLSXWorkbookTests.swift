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

    @Test func everyCSVTableInWritingOrderThenTheModelHeadedInTheRunLanguage() throws {
        let model = try IndexProject.load(modelPath: demoModel).model
        var output = OutputDirectory()
        try output.add("ranks.csv", text: "unit,name,period,index\n1234,\"Noord, oost\",2017,1\n")
        try output.add("analysis/pca.csv", text: "group,x\ng,1\n")
        try output.add("report.md", text: "# not a table\n")
        try output.add("uncertainty.csv", text: "unit,score_p05\nA,0.25\n")
        // A table the workbook has never heard of still gets its sheet, and its known columns their labels.
        try output.add("strengths.csv", text: "unit,name,period,kind,position,indicator,dimension,score,reference,difference\nA,Aa,2020,strength,1,x,crime,80,60,20\n")
        var tables: [(path: String, csv: Data)] = []
        for file in output.files { tables.append((file.path, try file.contents)) }
        let workbook = try ResultsWorkbook.workbook(tables: tables, model: model, language: .nl)
        #expect(workbook.sheets.map(\.name) == ["ranks", "analysis-pca", "uncertainty", "strengths", "model"])
        // The unit code column stays text even when it looks like a number; period and rank are numbers.
        #expect(workbook.sheets[0].header == ["Buurtcode", "Naam", "Jaar", "Leefbaarheid en veiligheid"])
        #expect(workbook.sheets[0].rows == [[.text("1234"), .text("Noord, oost"), .number(2017), .number(1)]])
        #expect(workbook.sheets[0].numberFormats == [.twoDecimals, .twoDecimals, .whole, .whole])
        // A column without a label keeps its code.
        #expect(workbook.sheets[1].header == ["Groep", "x"])
        #expect(workbook.sheets[2].rows == [[.text("A"), .number(0.25)]])
        #expect(workbook.sheets[3].header == ["Buurtcode", "Naam", "Jaar", "Soort", "Positie", "Indicator", "Dimensie", "Score",
                                              "Referentie", "Verschil"])
        #expect(workbook.sheets[3].rows[0][5] == .text("x") && workbook.sheets[3].rows[0][4] == .number(1))
        #expect(workbook.sheets[4].header == ["Code", "Naam", "Bovenliggende groep", "Soort", "Richting", "Gewicht"])
        let english = try ResultsWorkbook.workbook(tables: tables, model: model, language: .en)
        #expect(english.sheets[0].header == ["Buurt code", "Name", "Year", "Leefbaarheid en veiligheid"])
        #expect(english.sheets[2].header == ["Buurt code", "Score, 5th percentile"])
        #expect(english.sheets[4].header == ["Code", "Name", "Parent group", "Kind", "Direction", "Weight"])

        try output.addWorkbook(model: model, language: .nl)
        #expect(output.files.last?.path == "results.xlsx")
    }

    @Test func sheetNamesAreShortUniqueAndValid() {
        let long = "stages/" + String(repeating: "abcdefghij", count: 4) + ".csv"
        let names = ResultsWorkbook.sheetNames(for: [long, long, "a:b*c?.csv", "Model.csv", "model"])
        #expect(names == ["stages-abcdefghijabcdefghijabcd", "stages-abcdefghijabcdefghijab~2", "a_b_c_", "Model", "model~2"])
        #expect(names.allSatisfy { $0.count <= 31 })
    }

    @Test func numbersShowTwoDecimalsOrWholeAndColumnsGetWidths() throws {
        let sheet = XLSXSheet(
            name: "t", header: ["unit", "rank", "score"],
            rows: [[.text("Oud-West"), .number(12), .number(0.123456789)], [.text("A"), .number(3), .number(-1234.5)]],
            numberFormats: [.general, .whole, .twoDecimals])
        let parts = try XLSXWorkbook(sheets: [sheet]).parts()
        let xml = String(decoding: try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }).contents, as: UTF8.self)
        let styles = String(decoding: try #require(parts.first { $0.path == "xl/styles.xml" }).contents, as: UTF8.self)
        // Style 2 = built-in format 2 (0.00), style 3 = built-in format 1 (0).
        #expect(styles.contains("<cellXfs count=\"4\">"))
        #expect(styles.contains("<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"))
        #expect(styles.contains("<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"))
        // Full precision in <v>, the format only in s.
        #expect(xml.contains("<c r=\"B2\" s=\"3\"><v>12</v></c><c r=\"C2\" s=\"2\"><v>0.123456789</v></c>"))
        #expect(xml.contains("<c r=\"C3\" s=\"2\"><v>-1234.5</v></c>"))
        // Widths: "Oud-West" 8 + 2; "rank" 4 + 2; "-1234.50" 8 + 2.
        #expect(xml.contains("<cols><col min=\"1\" max=\"1\" width=\"10\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"6\" customWidth=\"1\"/>"
            + "<col min=\"3\" max=\"3\" width=\"10\" customWidth=\"1\"/></cols><sheetData>"))
        // Capped at 60 characters.
        let wide = XLSXSheet(name: "w", header: [String(repeating: "x", count: 200)], rows: [])
        #expect(XLSXColumnWidths.widths(of: wide) == [60])
    }

    /// The demo run with every table and the workbook: a sheet per CSV, every column labelled,
    /// and every number cell's stored value the CSV cell's text byte for byte.
    @Test func demoWorkbookHoldsEveryTableWithLabelsAndTheCSVValues() throws {
        let results = try BuurtWorkflow.run(RunSettings(model: demoModel, stages: true, workbook: true, threads: 2))
        var output = OutputDirectory()
        try results.add(to: &output, outputDirectory: "out")
        let csvFiles = output.files.filter { $0.path.hasSuffix(".csv") }
        #expect(csvFiles.map(\.path).contains("sensitivity.csv") && csvFiles.map(\.path).contains("stages/raw.csv"))
        var tables: [String: CSVTable] = [:]
        for file in csvFiles {
            let table = try CSVReader.parse([UInt8](try file.contents), file: file.path, options: CSVOptions(delimiter: ",", decimalComma: false))
            tables[file.path] = table
            for column in table.header {
                #expect(ResultColumnLabels.label(column, model: results.model, language: .nl) != nil, "\(file.path): column \(column) has no label")
            }
        }
        let workbook = try #require(output.files.first { $0.path == "results.xlsx" })
        let entries = try XLSXWorkbookTests.entries(try workbook.contents)
        let names = ResultsWorkbook.sheetNames(for: csvFiles.map(\.path) + ["model"])
        let book = try #require(entries.first { $0.path == "xl/workbook.xml" }).text
        for (k, name) in names.enumerated() {
            #expect(book.contains("<sheet name=\"\(name)\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"))
        }
        let strings = XLSXReading.sharedStrings(try #require(entries.first { $0.path == "xl/sharedStrings.xml" }).text)
        for (k, file) in csvFiles.enumerated() {
            let table = try #require(tables[file.path])
            let cells = XLSXReading.cells(try #require(entries.first { $0.path == "xl/worksheets/sheet\(k + 1).xml" }).text)
            // Header: the labels in Dutch, bold.
            for (c, column) in table.header.enumerated() {
                let label = try #require(ResultColumnLabels.label(column, model: results.model, language: .nl))
                #expect(cells[XLSXReading.Ref(row: 0, column: c)].map { strings[Int($0.value)!] } == label, "\(file.path) header \(column)")
            }
            for (r, row) in table.rows.enumerated() {
                for (c, text) in row.enumerated() {
                    let cell = cells[XLSXReading.Ref(row: r + 1, column: c)]
                    if text.isEmpty {
                        #expect(cell == nil, "\(file.path) row \(r + 1) \(table.header[c]): expected no cell")
                    } else if cell?.shared == false {
                        #expect(cell?.value == text, "\(file.path) row \(r + 1) \(table.header[c])")
                        #expect(cell?.style == "2" || cell?.style == "3")
                    } else {
                        #expect(cell.map { strings[Int($0.value)!] } == SpreadsheetText.neutralised(text), "\(file.path) row \(r + 1) \(table.header[c])")
                    }
                }
            }
        }
        // Whole numbers without decimals: rank and period of scores.csv; scores with two.
        let scores = XLSXReading.cells(try #require(entries.first { $0.path == "xl/worksheets/sheet1.xml" }).text)
        let header = try #require(tables["scores.csv"]).header
        #expect(scores[XLSXReading.Ref(row: 1, column: header.firstIndex(of: "rank")!)]?.style == "3")
        #expect(scores[XLSXReading.Ref(row: 1, column: header.firstIndex(of: "period")!)]?.style == "3")
        #expect(scores[XLSXReading.Ref(row: 1, column: header.firstIndex(of: "index")!)]?.style == "2")
    }

    @Test func modelSheetListsTheTree() throws {
        let model = try IndexProject.load(modelPath: demoModel).model
        let sheet = ResultsWorkbook.modelSheet(model)
        #expect(sheet.header == ["Code", "Naam", "Bovenliggende groep", "Soort", "Richting", "Gewicht"])
        #expect(ResultsWorkbook.modelColumns == ["code", "name", "parent", "kind", "direction", "weight"])
        #expect(sheet.rows.count == model.nodes.count)
        #expect(sheet.rows[0] == [.text("index"), .text("Leefbaarheid en veiligheid"), .empty, .text("aggregate"), .number(1), .number(1)])
        let reports = try #require(sheet.rows.first { $0[0] == .text("nuisance_reports") })
        #expect(reports == [.text("nuisance_reports"), .text("Overlastmeldingen bij de politie per 1000 inwoners"),
                            .text("nuisance"), .text("indicator"), .number(-1), .number(1)])
        let population = try #require(sheet.rows.first { $0[0] == .text("population") })
        #expect(population[3] == .text("denominator") && population[4] == .empty && population[5] == .empty)
    }
}

/// A small reader of the worksheets we write (one `<c>` per cell, `<v>` inside).
enum XLSXReading {
    struct Ref: Hashable { var row, column: Int }
    struct Cell: Equatable { var value: String; var shared: Bool; var style: String? }

    /// Cells by (row, column), both from 0; values as stored (shared-string index for texts).
    static func cells(_ xml: String) -> [Ref: Cell] {
        var out: [Ref: Cell] = [:]
        let pattern = /<c r="([A-Z]+)([0-9]+)"( s="([0-9]+)")?( t="s")?><v>([^<]*)<\/v><\/c>/
        for match in xml.matches(of: pattern) {
            let letters = match.output.1.unicodeScalars.map { Int($0.value) - 64 }
            let column = letters.reduce(0) { $0 * 26 + $1 } - 1
            let ref = Ref(row: Int(match.output.2)! - 1, column: column)
            out[ref] = Cell(value: String(match.output.6), shared: match.output.5 != nil, style: match.output.4.map(String.init))
        }
        return out
    }

    /// The shared strings in order, unescaped.
    static func sharedStrings(_ xml: String) -> [String] {
        xml.matches(of: /<si><t[^>]*>([^<]*)<\/t><\/si>/).map { m in
            String(m.output.1).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
