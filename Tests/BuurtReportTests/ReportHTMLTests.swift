@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// The HTML file: self-contained, well-formed, every chart valid SVG, and the same bytes for
/// the same input.
@Suite struct ReportHTMLTests {
    /// Every `<svg>…</svg>` element of a document.
    static func charts(_ html: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// Values of `name="…"` attributes.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    static func inputs() throws -> [(String, ReportInput)] {
        [("demo with bands", try ReportFixture.demo(withBands: true)), ("demo", try ReportFixture.demo(language: .en)),
         ("small", try ReportContentTests.small())]
    }

    @Test func noExternalReferenceOfAnyKind() throws {
        for (name, input) in try Self.inputs() {
            let html = Report.html(input)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(name)")
            #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img") && !html.contains("<iframe"), "\(name)")
            #expect(!html.contains("url(") && !html.contains("@import"), "\(name)")
            #expect(Self.attributeValues("src", in: html).isEmpty, "\(name)")
            #expect(Self.attributeValues("xlink:href", in: html).isEmpty, "\(name)")
            let hrefs = Self.attributeValues("href", in: html)
            #expect(!hrefs.isEmpty && hrefs.allSatisfy { $0.hasPrefix("#") && !$0.hasPrefix("//") }, "\(name)")
        }
    }

    @Test func everyLinkPointsAtAnAnchorAndAnchorsAreUnique() throws {
        for (name, input) in try Self.inputs() {
            let html = Report.html(input)
            let ids = Self.attributeValues("id", in: html)
            #expect(Set(ids).count == ids.count, "\(name): duplicate ids")
            for href in Set(Self.attributeValues("href", in: html)) {
                #expect(ids.contains(String(href.dropFirst())), "\(name): \(href) has no target")
            }
        }
        #expect(ReportAnchor.make("buurt", "BU 01/ë") == "buurt-BU_2001_2f_c3_ab")
    }

    @Test func theWholeDocumentAndEveryChartAreWellFormed() throws {
        for (name, input) in try Self.inputs() {
            let html = Report.html(input)
            let document = XMLCheck.parse(html)
            #expect(document.error == nil, "\(name): \(document.error ?? "")")
            // Model, data, priorities, profiles, changes, checks, sensitivity.
            #expect(document.counts["section"] == 7)
            let charts = Self.charts(html)
            #expect(charts.count == document.counts["svg"] && charts.count == document.counts["figure"])
            for chart in charts {
                let check = XMLCheck.parse(chart)
                #expect(check.error == nil, "\(name): \(check.error ?? "") in \(chart.prefix(120))")
                // Coordinates carry at most two decimals.
                for attributes in check.attributes {
                    for key in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height"] {
                        if let v = attributes[key] { #expect(!(v.split(separator: ".").last.map { $0.count > 2 && v.contains(".") } ?? false)) }
                    }
                }
            }
        }
    }

    @Test func printingStartsEverySectionAndProfileOnANewPage() {
        #expect(ReportHTML.css.contains("@media print"))
        #expect(ReportHTML.css.contains("section { break-before: page; page-break-before: always; }"))
        #expect(ReportHTML.css.contains(".profile { break-before: page; page-break-before: always; border-top: none; }"))
    }

    @Test func sameInputSameBytesAcrossIndependentRuns() throws {
        // Two complete, independent computations (load, pipeline, analysis, bands) of the demo.
        let first = Report.files(try ReportFixture.demo(withBands: true))
        let second = Report.files(try ReportFixture.demo(withBands: true))
        #expect(first.html == second.html)
        #expect(first.markdown == second.markdown)
        // And the English report is a different text of the same numbers.
        let english = Report.files(try ReportFixture.demo(language: .en, withBands: true))
        #expect(english.html != first.html)
        #expect(Self.charts(english.html).count == Self.charts(first.html).count)
    }

    @Test func nestedListsCloseInOrder() {
        let html = ReportHTML.nestedList([(0, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e")])
        #expect(html == """
            <ul class="tree">
            <li>a
            <ul>
            <li>b
            <ul>
            <li>c</li>
            </ul></li>
            <li>d</li>
            </ul></li>
            <li>e</li>
            </ul>

            """)
    }
}
