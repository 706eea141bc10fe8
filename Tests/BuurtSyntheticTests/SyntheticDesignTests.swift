import BuurtNumerics
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// `synth --method-break 2018 --recode 2019` against the plain generator: the design changes
/// exactly the cells it describes and nothing else.
@Suite struct SyntheticDesignTests {
    static let plain = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017)
    static let designed = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017,
                                                 design: SyntheticDesign(methodBreak: 2018, recode: 2019))

    @Test func onlyUnsafetySharesFromTheBreakAndTheRecodedUnitsCodesDiffer() {
        let a = SyntheticDataTests.rows(Self.plain.dataCSV), b = SyntheticDataTests.rows(Self.designed.dataCSV)
        #expect(a[0] == b[0])
        let header = a[0]
        let unsafety = Set(["unsafe_sometimes", "unsafe_evening", "unsafe_home"].compactMap(header.firstIndex(of:)))
        #expect(unsafety.count == 3)
        // The designed rows, keyed by (original code, year): BU00000152 is BU00000102 re-coded.
        var byKey: [String: [String]] = [:]
        for row in b.dropFirst() { byKey[(row[0] == "BU00000152" ? "BU00000102" : row[0]) + "|" + row[3]] = row }
        #expect(byKey.count == 76)
        var shifted = 0, raised = 0
        for row in a.dropFirst() {
            guard let other = byKey[row[0] + "|" + row[3]] else { Issue.record("row \(row[0]) \(row[3]) is missing"); continue }
            let year = Int(row[3])!
            #expect(other[0] == (row[0] == "BU00000102" && year >= 2019 ? "BU00000152" : row[0]))
            for c in 1..<row.count where row[c] != other[c] {
                #expect(unsafety.contains(c) && year >= 2018, "column \(header[c]) of \(row[0]) \(year)")
                shifted += 1
                if let x = Double(row[c]), let y = Double(other[c]), y > x { raised += 1 }
            }
        }
        // The +0.35 logit shift raises most of 3 shares × 19 buurten × 3 years (binomial noise is shared).
        #expect(shifted > 100)
        #expect(Double(raised) > 0.8 * Double(shifted))
    }

    @Test func rowsStaySortedAndTheCrosswalkMapsTheEarlierYears() {
        let keys = SyntheticDataTests.rows(Self.designed.dataCSV).dropFirst().map { $0[0] + "|" + $0[3] }
        #expect(keys == keys.sorted())
        #expect(Self.designed.crosswalkCSV == "from_code,to_code,period_from,period_to,share\nBU00000102,BU00000152,2017,2018,1\n")
        #expect(Self.plain.crosswalkCSV == nil)
        #expect(Self.designed.modelYAML.contains("crosswalk: crosswalk.csv"))
        #expect(Self.designed.modelYAML.contains("breaks:\n  - {period: 2018, indicators: [unsafe_sometimes, unsafe_evening, unsafe_home]"))
    }

    /// The designed demo loads: the crosswalk joins BU00000102's 2017-2018 rows to BU00000152,
    /// so no unit disappears and 19 buurten have four years each.
    @Test func designedDemoLoadsWithTheCrosswalkApplied() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synth-design-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("data.csv", Self.designed.dataCSV), ("model.yml", Self.designed.modelYAML),
                             ("crosswalk.csv", Self.designed.crosswalkCSV!), ("buurten.geojson", Self.designed.mapGeoJSON!)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let project = try IndexProject.load(modelPath: folder.appendingPathComponent("model.yml").path)
        #expect(project.warnings.isEmpty)
        #expect(project.panel.rowCount == 76)
        #expect(project.panel.unitCodes.filter { $0 == "BU00000152" }.count == 4)
        #expect(!project.panel.unitCodes.contains("BU00000102"))
        #expect(project.file.breaks.map(\.period) == [2018])
        #expect(project.file.changes == ChangeSpec(windows: [ChangeWindow(from: .first, to: .latest)], yearOnYear: true, trend: true))
        // The map has one shape per buurt under its latest code, in RD New around Heerlen.
        let map = try #require(project.map)
        #expect(map.coordinateSystem == .rdNew)
        #expect(map.shapes.map(\.unit).sorted() == Array(Set(project.panel.unitCodes)).sorted())
        let xs = map.shapes.flatMap { $0.rings.flatMap { $0.map(\.x) } }, ys = map.shapes.flatMap { $0.rings.flatMap { $0.map(\.y) } }
        #expect(xs.allSatisfy { (191_880...195_120).contains($0) } && ys.allSatisfy { (316_880...319_120).contains($0) })
        #expect(Self.designed.modelYAML.contains("\ndata: data.csv\nmap: buurten.geojson\n"))
    }

    /// The map depends on the seed only through the jitter of the shared grid vertices.
    @Test func theMapIsDeterministicAndNeighboursShareTheirEdges() throws {
        let again = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, design: SyntheticDesign(methodBreak: 2018, recode: 2019))
        #expect(again.mapGeoJSON == Self.designed.mapGeoJSON)
        let other = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2018, design: SyntheticDesign(methodBreak: 2018, recode: 2019))
        #expect(other.mapGeoJSON != Self.designed.mapGeoJSON)
        let map = try GeoJSONMap.parse(Data(Self.designed.mapGeoJSON!.utf8), file: "buurten.geojson", property: "buurtcode")
        // Buurt 1 and 2 of the first wijk: the right edge of the first is the left edge of the second.
        let first = map.shapes[0].rings[0], second = map.shapes[1].rings[0]
        #expect(first[1] == second[0] && first[2] == second[3])
        #expect(SyntheticData.generate(units: SyntheticData.mapUnits + 1, years: 2017...2017, seed: 1).mapGeoJSON == nil)
    }
}
