@testable import BuurtReport
import Testing
import BuurtIndex

/// The choropleth: class bounds and colours, the hatched unit without a score, the outlines.
@Suite struct ChartMapTests {
    @Test func classesAreEqualIntervalsOverAllScoresLowestStrongest() {
        let classes = ChartMapClasses(scores: [30, .nan, 10, 60, 45, 20])
        #expect(classes.bounds == [10, 20, 30, 40, 50, 60])
        #expect([10, 19.9, 20, 39.99, 40, 59.9, 60].map { classes.index(of: $0) } == [0, 0, 1, 2, 3, 4, 4])
        #expect(classes.index(of: .nan) == nil && classes.colour(of: .nan) == nil)
        // mix((254, 240, 217), (165, 15, 21), (4 − k)/4), rounded half away from zero:
        // k = 1: (187.25, 71.25, 70); k = 2: (209.5, 127.5, 119); k = 3: (231.75, 183.75, 168).
        #expect((0..<5).map(ChartMapClasses.colour) == ["#a50f15", "#bb4746", "#d28077", "#e8b8a8", "#fef0d9"])
        #expect(classes.colour(of: 25) == "#bb4746")
        // One value: [v, v + 1]; nothing: [0, 1].
        #expect(ChartMapClasses(scores: [7, 7]).bounds == [7, 7.2, 7.4, 7.6, 7.8, 8])
        #expect(ChartMapClasses(scores: [.nan]).bounds.first == 0 && ChartMapClasses(scores: []).bounds.last == 1)
    }

    /// Three 1000 m squares side by side: A (score 10), B (60), C (no score); A outlined.
    static func chart(outlined: Set<String> = ["A"]) -> ChartMap {
        func square(_ unit: String, _ x: Double) -> GeoJSONMap.Shape {
            GeoJSONMap.Shape(unit: unit, rings: [[(x, 0), (x + 1000, 0), (x + 1000, 1000), (x, 1000), (x, 0)].map { GeoJSONMap.Point(x: $0.0, y: $0.1) }])
        }
        return ChartMap(
            shapes: [square("A", 0), square("B", 1000), square("C", 2000)], names: ["A": "Aa", "B": "Bee & co", "C": "Cc"],
            panels: [ChartMap.Panel(label: "2020", period: 2020, scores: ["A": 10, "B": 60, "C": .nan])],
            classes: ChartMapClasses(scores: [10, 60]), outlined: outlined, title: "Index",
            legend: ChartMap.Legend(moreInNeed: "meer aandacht nodig", lessInNeed: "minder aandacht nodig", noScore: "geen score",
                                    outlined: outlined.isEmpty ? "" : "prioriteitsbuurt"),
            idPrefix: "map-index", language: .nl)
    }

    /// The attributes of the `<path>` elements.
    static func paths(_ svg: String) -> [[String: String]] {
        let check = XMLCheck.parse(svg)
        #expect(check.error == nil, "\(check.error ?? "")")
        return check.attributes.filter { $0["d"] != nil }
    }

    @Test func eachUnitIsFilledWithItsClassColourAndTitled() {
        let svg = Self.chart().svg
        let areas = Self.paths(svg).filter { $0["data-unit"] != nil }
        #expect(areas.map { $0["data-unit"] } == ["A", "B", "C"])
        #expect(areas.map { $0["fill"] } == ["#a50f15", "#fef0d9", "url(#map-index-hatch)"])
        // One panel 600 wide: scale min(600/3000, 380/1000) = 0.2; y = 18 (the period label) + (1000 − y)·0.2.
        #expect(areas[0]["d"] == "M0,218L200,218L200,18L0,18Z")
        #expect(areas[2]["d"] == "M400,218L600,218L600,18L400,18Z")
        #expect(svg.contains("<title>Aa: 10,0</title>") && svg.contains("<title>Bee &amp; co: 60,0</title>") && svg.contains("<title>Cc: geen score</title>"))
        #expect(svg.contains("<g data-period=\"2020\">"))
    }

    @Test func theMissingUnitIsHatchedAndTheLegendNamesBothEnds() {
        let svg = Self.chart().svg
        #expect(svg.contains("<pattern id=\"map-index-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""))
        #expect(svg.components(separatedBy: "fill=\"url(#map-index-hatch)\"").count - 1 == 2)   // C and the legend swatch
        for k in 0..<5 { #expect(svg.contains("fill=\"\(ChartMapClasses.colour(k))\" stroke=\"#fff\"/>")) }
        #expect(svg.contains(">10,0–20,0</text>") && svg.contains(">50,0–60,0</text>"))
        #expect(svg.contains(">← meer aandacht nodig</text>") && svg.contains(">minder aandacht nodig →</text>") && svg.contains(">geen score</text>"))
    }

    @Test func priorityUnitsAreOutlinedAfterEveryArea() {
        let svg = Self.chart().svg
        let paths = Self.paths(svg)
        let outline = paths.filter { $0["data-priority"] != nil }
        #expect(outline.map { $0["data-priority"] } == ["A"])
        #expect(outline[0]["fill"] == "none" && outline[0]["stroke"] == "#222" && outline[0]["stroke-width"] == "2.5")
        #expect(outline[0]["d"] == paths[0]["d"])
        #expect(paths.last?["data-priority"] == "A")
        #expect(svg.contains(">prioriteitsbuurt</text>"))
        let none = Self.chart(outlined: []).svg
        #expect(Self.paths(none).allSatisfy { $0["data-priority"] == nil } && !none.contains("prioriteitsbuurt"))
    }

    @Test func twoPeriodsArePlacedSideBySide() {
        var chart = Self.chart()
        chart.panels.append(ChartMap.Panel(label: "2019", period: 2019, scores: ["A": 35]))
        let areas = Self.paths(chart.svg).filter { $0["data-unit"] != nil }
        // Panels (600 − 16)/2 = 292 wide: scale 292/3000; the second starts at x = 308.
        #expect(areas.count == 6)
        #expect(areas[3]["d"] == "M308,115.3L405.3,115.3L405.3,18L308,18Z")
        #expect(areas[3]["fill"] == "#d28077" && areas[4]["fill"] == "url(#map-index-hatch)")
    }
}
