import Foundation
import Testing

/// Broken map files (model key `map:`): the run stops with a located message and writes nothing;
/// a sound map gives the report its maps.
@Suite struct BadInputMapTests {
    typealias V = ValidProject

    /// The valid project's model (Dutch report) with `map: buurten.geojson` on line 3.
    static let withMap = V.model("data: data.csv\n", "data: data.csv\nmap: buurten.geojson\n")

    /// A FeatureCollection of unit squares, one per code, side by side from RD New (190000, 320000).
    static func geoJSON(_ codes: [String], ring: ((Int) -> String?)? = nil) -> String {
        let features = codes.enumerated().map { k, code in
            let x = 190_000 + 500 * k
            let square = ring?(k) ?? "[[\(x),320000],[\(x + 500),320000],[\(x + 500),320500],[\(x),320500],[\(x),320000]]"
            return "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"\(code)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[\(square)]}}"
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",\n") + "]}"
    }

    static let units = ["B1", "B2", "B3", "B4", "B5", "B6"]

    /// The third buurt's ring lacks its closing position.
    static let openRing = geoJSON(units) { k in k == 2 ? "[[0,300000],[1,300000],[1,300001],[0,300001]]" : nil }

    static let catalogue: [BadInput] = [
        BadInput(name: "map file missing", files: ["model.yml": withMap],
                 exitCode: 66, location: "buurten.geojson",
                 fragments: ["cannot read the map file: map file not found (named by 'map:' at model.yml:3:6"]),
        BadInput(name: "map ring not closed",
                 files: ["model.yml": withMap, "buurten.geojson": .text(openRing)],
                 exitCode: 65, location: "buurten.geojson",
                 fragments: ["map file: ring 1 of feature 3 of 6 (buurtcode 'B3') is not closed"]),
        BadInput(name: "map is not JSON", files: ["model.yml": withMap, "buurten.geojson": .text("B1,B2\n")],
                 exitCode: 65, location: "buurten.geojson", fragments: ["map file: not valid JSON", "expected a GeoJSON FeatureCollection"]),
        BadInput(name: "map property absent",
                 files: ["model.yml": V.model("data: data.csv\n", "data: data.csv\nmap: {file: buurten.geojson, property: code}\n"),
                         "buurten.geojson": .text(geoJSON(units))],
                 exitCode: 65, location: "buurten.geojson",
                 fragments: ["map file: feature 1 of 6 has no property 'code' with the unit code (text or a number); expected one of: buurtcode"]),
    ]

    @Test(arguments: catalogue)
    func failsWithALocatedMessageAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }

    @Test func aSoundMapGivesTheReportItsMapsWithWarningAndNote() throws {
        let cli = try CLIHarness()
        for (name, contents) in V.files.merging(["model.yml": Self.withMap], uniquingKeysWith: { _, new in new }) {
            if case .text(let text) = contents { _ = try cli.write(name, text) }
        }
        // B6 has no shape; ZZ is not in the data.
        _ = try cli.write("buurten.geojson", Self.geoJSON(["B1", "B2", "B3", "B4", "B5", "ZZ"]))
        let outcome = try cli.run(["run", "model.yml", "--out", "out"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try cli.read("out/report.html"), markdown = try cli.read("out/report.md")
        // The index and its two dimensions, two periods each: 5 units per panel.
        #expect(html.components(separatedBy: "<figure class=\"map\">").count - 1 == 3)
        #expect(html.components(separatedBy: "data-unit=\"B1\"").count - 1 == 6)
        #expect(!html.contains("data-unit=\"B6\"") && !html.contains("data-unit=\"ZZ\""))
        #expect(html.contains("1 vorm in het kaartbestand buurten.geojson hoort bij geen buurt in de data en is niet getekend: ZZ."))
        #expect(html.contains("Niet op de kaart (geen vorm in het kaartbestand): Haven."))
        #expect(markdown.contains("*kaarten: zie report.html*\n\n- Index per buurt, 2020, 2019\n- Safety per buurt, 2020, 2019\n- Living per buurt, 2020, 2019\n"))
    }
}
