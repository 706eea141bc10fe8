@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// Report sizes for the demo (19 buurten) and for 14,000 synthetic buurten. Sizes are printed
/// (they belong in the issue's closing note); only a generous upper bound is asserted. With
/// `BUURT_REPORT_DUMP=<folder>` set, the reports are also written there for viewing.
@Suite(.serialized) struct ReportSizeTests {
    static func dump(_ name: String, _ text: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["BUURT_REPORT_DUMP"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test func demoReportSize() throws {
        for (suffix, bands) in [("", false), ("-bands", true)] {
            let input = try ReportFixture.demo(withBands: bands)
            let files = Report.files(input)
            print("report size, demo (19 buurten\(bands ? ", with bands" : "")): html \(files.html.utf8.count) bytes, md \(files.markdown.utf8.count) bytes")
            try Self.dump("demo\(suffix).html", files.html)
            try Self.dump("demo\(suffix).md", files.markdown)
            let english = Report.files(try ReportFixture.demo(language: .en, withBands: bands))
            try Self.dump("demo\(suffix)-en.html", english.html)
            try Self.dump("demo\(suffix)-en.md", english.markdown)
            // 19 profiles with three charts each, the heat map and the tables: well under 1 MB.
            #expect(files.html.utf8.count < 1_000_000)
        }
    }

    @Test func largeReportStaysLegibleAndBelowFifteenMegabytes() throws {
        let started = ContinuousClock.now
        let input = try ReportFixture.synthetic(units: 14_000, bands: (replications: 20, samples: 0), withMap: true)
        let computed = ContinuousClock.now
        let files = Report.files(input)
        print("14000 buurten: inputs \(computed - started), report \(ContinuousClock.now - computed)")
        print("report size, 14000 synthetic buurten: html \(files.html.utf8.count) bytes, md \(files.markdown.utf8.count) bytes")
        try Self.dump("synthetic-14000.html", files.html)
        try Self.dump("synthetic-14000.md", files.markdown)
        #expect(files.html.utf8.count < 15_000_000)
        // 14,000 areas × 4 years × 7 components pass the budget: only the index map of 2020.
        #expect(files.html.components(separatedBy: "<figure class=\"map\">").count - 1 == 1)
        #expect(files.html.components(separatedBy: " data-unit=\"").count - 1 == input.map?.shapes.count)
        #expect(files.html.contains("Met 14000 buurten op de kaart staat alleen de index van het laatste jaar erop"))
        // Only the 50 buurten most in need get a caterpillar row and a profile.
        #expect(files.html.components(separatedBy: "<div class=\"profile\">").count - 1 == 50)
        // Rows screened out leave fewer than 14,000 buurten in the latest period.
        let ranked = input.result.aggregated.rows(in: 2020).count
        #expect(ranked > 13_500 && ranked <= 14_000)
        #expect(files.html.contains("Profielen alleen voor de 50 van de \(ranked) buurten die de meeste aandacht nodig hebben."))
    }
}
