import BuurtNumerics
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// Data sets of fewer than ``SyntheticData/comparableUnits`` buurten: no gaps, fixed goalposts.
@Suite struct SyntheticSmallSetTests {
    static let rows = SyntheticDataTests.rows

    /// The first four buurten of a 5-buurt set and a 4-buurt set share their streams: the small
    /// set has every value, and each value the larger set has is the same.
    @Test(arguments: [(UInt64(1), 21), (7, 36), (2017, 6)])
    func smallSetsHaveNoGapsAndTheSameDraws(seed: UInt64, indicators: Int) {
        let four = Self.rows(SyntheticData.generate(units: 4, years: 2017...2020, seed: seed, indicators: indicators).dataCSV)
        let five = Self.rows(SyntheticData.generate(units: 5, years: 2017...2020, seed: seed, indicators: indicators).dataCSV)
        #expect(four.count == 17 && four[0] == five[0])
        #expect(four.allSatisfy { $0.allSatisfy { !$0.isEmpty } })
        var compared = 0
        for (small, large) in zip(four.dropFirst(), five.dropFirst()) {
            #expect(small.prefix(4) == large.prefix(4))
            for (a, b) in zip(small, large) where !b.isEmpty {
                #expect(a == b, "\(small[0]) \(small[3])")
                compared += 1
            }
        }
        #expect(compared > 16 * indicators)
    }

    /// The model scores against the generator's ranges and varies neither normalisation nor mean.
    @Test func smallSetModelHasFixedGoalposts() throws {
        let set = SyntheticData.generate(units: 1, years: 2017...2017, seed: 3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synth-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try set.dataCSV.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try set.modelYAML.write(to: folder.appendingPathComponent("model.yml"), atomically: true, encoding: .utf8)
        try set.mapGeoJSON?.write(to: folder.appendingPathComponent("buurten.geojson"), atomically: true, encoding: .utf8)
        let project = try IndexProject.load(modelPath: folder.appendingPathComponent("model.yml").path)
        #expect(project.file.spec.normalise == NormaliseParameters(method: .goalposts(scale: 100)))
        let upper = Dictionary(uniqueKeysWithValues: project.file.nodes.compactMap { n in n.goalposts.map { (n.code, $0.upper) } })
        #expect(upper.count == 21 && project.file.nodes.allSatisfy { $0.goalposts?.lower ?? 0 == 0 })
        #expect(upper["know_each_other"] == 100 && upper["burglary"] == 17.5 && upper["nuisance_reports"] == 225)
        let u = try #require(project.file.uncertainty)
        #expect(u.normalise.isEmpty && u.aggregate.isEmpty && u.sampling)
        let index = try #require(try Pipeline.run(project.panel, model: project.model, spec: project.file.spec).aggregated.column("index"))
        #expect(index.count == 1 && index.allSatisfy { $0 > 0 && $0 < 100 })
        #expect(set.card.contains("no cell is left empty") && !set.card.contains("About 1 %"))
        #expect(set.card.contains("between fixed goalposts") && set.card.contains("are not varied"))
        #expect(set.card.contains("0 of 21 indicator cells (0 %) are empty"))
    }

    /// From ``SyntheticData/comparableUnits`` buurten on, the model is the one compared within a year.
    @Test func fiveBuurtenKeepTheMinMaxModel() {
        let set = SyntheticData.generate(units: 5, years: 2017...2020, seed: 3)
        #expect(set.modelYAML.contains("normalise: {method: minmax, range: [0, 100], scope: reference, reference: 2017}"))
        #expect(!set.modelYAML.contains("goalposts"))
        #expect(set.card.contains("About 1 % of indicator cells are left empty"))
    }
}
