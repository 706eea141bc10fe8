@testable import BuurtReport
import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// Names from data files reach the workbook, the Markdown and HTML reports, the charts and the
/// weight explorer's JSON: none of them may become a formula, markup or script.
@Suite struct OutputInjectionTests {
    static let formula = "=HYPERLINK(\"http://x\")"
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=\"document.title='pwned'\">"

    @Test func workbookTextCellsAreQuotedNumbersStayNumbers() throws {
        let sheet = XLSXSheet(name: "scores", header: ["unit", "@code"], rows: [
            [.text(Self.formula), .number(-1.5)],
            [.text("-5"), .text("+x")],
        ])
        var strings = XLSXSharedStrings()
        let xml = XLSXParts.worksheet(sheet, strings: &strings)
        // Shared strings in order of first use: header `unit`, `'@code`, then the quoted formula,
        // `-5` (a number literal: no formula, left alone) and `'+x`.
        #expect(strings.strings == ["unit", "'@code", "'" + Self.formula, "-5", "'+x"])
        // -1.5 is a number cell (no t="s"), its value written as such.
        #expect(xml.contains("<c r=\"B2\"><v>-1.5</v></c>"))
        #expect(!xml.contains("<f>"))
        #expect(strings.xml.contains("<t>'=HYPERLINK(&quot;http://x&quot;)</t>"))
    }

    @Test func workbookFromCSVKeepsTheQuoteOnce() throws {
        var csv = CSVWriter(header: ["unit", "name", "score"])
        csv.appendRow(["A", Self.formula, formatNumber(-2.25)])
        let sheet = try ResultsWorkbook.sheet(name: "scores", csv: Data(csv.text.utf8), file: "scores.csv")
        #expect(sheet.rows == [[.text("A"), .text("'" + Self.formula), .number(-2.25)]])
        var strings = XLSXSharedStrings()
        _ = XLSXParts.worksheet(sheet, strings: &strings)
        #expect(strings.strings.contains("'" + Self.formula) && !strings.strings.contains("''" + Self.formula))
    }

    @Test func htmlEscapesEveryTextAndAttribute() {
        let table = ReportTable(header: ["buurt", Self.image], rows: [[Self.script, "1"]], numeric: [1])
        let document = ReportDocument(
            title: Self.script, language: .en,
            lead: [.paragraph(Self.image), .warning(Self.script)],
            sections: [ReportSection(anchor: ReportAnchor.make("buurt", Self.image), title: Self.image, blocks: [
                .heading(level: 3, text: Self.script, anchor: ReportAnchor.make("buurt", Self.script)),
                .list([(depth: 0, text: Self.image)]),
                .links([(anchor: ReportAnchor.make("buurt", Self.image), text: Self.script)]),
                .table(table),
            ])])
        let html = ReportHTML.render(document, numbersLabel: Self.image)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=&quot;document.title='pwned'&quot;&gt;"))
        // Anchors hold only [A-Za-z0-9_-]: `<` is `_3c`, `"` is `_22`.
        #expect(ReportAnchor.make("buurt", Self.image).allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        #expect(html.contains("id=\"buurt-_3cscript_3ealert_281_29_3c_2fscript_3e\""))
    }

    @Test func markdownEscapesMarkupCharacters() {
        #expect(ReportMarkdown.inline(Self.script) == "\\<script>alert(1)\\</script>")
        #expect(ReportMarkdown.inline("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
        #expect(ReportMarkdown.inline("&lt;b&gt;") == "\\&lt;b\\&gt;")
        #expect(ReportMarkdown.cell("a|b") == "a\\|b")
    }

    @Test func svgTextTitlesAndLabelAreEscaped() {
        var svg = SVG(width: 10, height: 10, label: Self.image)
        svg.text(Self.script, x: 1, y: 1)
        svg.rect(x: 0, y: 0, width: 1, height: 1, fill: "#000", title: Self.script)
        let out = svg.rendered
        #expect(!out.contains("<script") && !out.contains("<img"))
        #expect(out.contains("aria-label=\"&lt;img src=x onerror=&quot;document.title='pwned'&quot;&gt;\""))
        #expect(out.contains("<text x=\"1\" y=\"1\" font-size=\"11\">&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
    }

    @Test func explorerJSONCannotCloseTheScriptElement() {
        let json = WeightExplorerJSON.string("</script><script>alert(1)</script>\u{2028}&")
        #expect(json == "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u2028\\u0026\"")
        #expect(!json.contains("<") && !json.contains(">"))
        // JSON.parse gives back the original text.
        let decoded = try? JSONDecoder().decode(String.self, from: Data(json.utf8))
        #expect(decoded == "</script><script>alert(1)</script>\u{2028}&")
    }
}
