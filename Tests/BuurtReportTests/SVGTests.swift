@testable import BuurtReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import BuurtIndex

/// Parses XML with Foundation's XMLParser and counts its elements by name.
final class XMLCheck: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var error: String?
    var attributes: [[String: String]] = []

    /// `nil` when `text` is well-formed XML, else the parser's message.
    static func parse(_ text: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = parser.parserError.map { "\($0)" } ?? "parse failed" }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        self.attributes.append(attributes)
    }
}

@Suite struct SVGTests {
    @Test func coordinatesHaveAtMostTwoDecimalsAndNoNegativeZero() {
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.5) == "12.5")
        #expect(SVG.number(1.005) == "1")        // 100.49999… → 100
        #expect(SVG.number(3.14159) == "3.14")
        #expect(SVG.number(0.105) == "0.11")     // 0.105·100 rounds to exactly 10.5 in binary → 11
        #expect(SVG.number(0.125) == "0.13")     // 12.5 exactly: half away from zero
        #expect(SVG.number(-0.001) == "0")
        #expect(SVG.number(-7.25) == "-7.25")
        #expect(SVG.number(0.07) == "0.07")
        #expect(SVG.number(.nan) == "0" && SVG.number(.infinity) == "0")
    }

    @Test func textIsEscapedForXML() {
        #expect(Markup.escaped("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(Markup.escaped("'s avonds") == "'s avonds")
        #expect(Markup.escaped("tab\there\u{1}") == "tab\there ")
    }

    @Test func aSmallChartIsExactAndWellFormed() {
        var svg = SVG(width: 100, height: 50.5, label: "A & B")
        svg.rect(x: 1, y: 2, width: 3.333, height: -1, fill: "#fff", title: "x < y")
        svg.line(x1: 0, y1: 0, x2: 10, y2: 10, stroke: "#000", dashed: true)
        svg.circle(cx: 5, cy: 5, r: 2, fill: "red")
        svg.polyline([(0, 0), (1, .nan), (2, 2), (3, 1)], stroke: "blue")
        svg.text("Zuid <Oost>", x: 4, y: 6, anchor: .end, bold: true)
        #expect(svg.rendered == """
            <svg viewBox="0 0 100 50.5" width="100" height="50.5" role="img" aria-label="A &amp; B" font-family="Helvetica, Arial, sans-serif">
            <rect x="1" y="2" width="3.33" height="0" fill="#fff"><title>x &lt; y</title></rect>
            <line x1="0" y1="0" x2="10" y2="10" stroke="#000" stroke-width="1" stroke-dasharray="4 3"/>
            <circle cx="5" cy="5" r="2" fill="red"/>
            <polyline points="0,0 2,2 3,1" fill="none" stroke="blue" stroke-width="1.5"/>
            <text x="4" y="6" font-size="11" text-anchor="end" font-weight="bold">Zuid &lt;Oost&gt;</text>
            </svg>
            """)
        let check = XMLCheck.parse(svg.rendered)
        #expect(check.error == nil)
        #expect(check.counts == ["svg": 1, "rect": 1, "title": 1, "line": 1, "circle": 1, "polyline": 1, "text": 1])
    }

    @Test func aPolylineNeedsTwoFinitePoints() {
        var svg = SVG(width: 10, height: 10, label: "")
        svg.polyline([(0, 0), (.nan, 1)], stroke: "#000")
        #expect(!svg.rendered.contains("polyline"))
    }
}
