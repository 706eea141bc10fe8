import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

/// The differences between two model versions and two crosswalks that a run's record names.
@Suite struct ModelDifferencesTests {
    static let modelYAML = """
        data: data.csv
        unit: code
        name: naam
        period: jaar
        groups:
          - {code: index}
          - {code: safety, parent: index, weight: 1}
          - {code: cohesion, parent: index, weight: 1}
        indicators:
          - {code: a, parent: safety, direction: 1}
          - {code: b, parent: safety, direction: -1, weight: 2}
          - {code: c, parent: cohesion, direction: 1}
        columns:
          - {code: wijk, type: group}
        normalise: {method: minmax, range: [0, 100]}

        """

    static func model(_ text: String) throws -> ModelFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-differences-\(UUID().uuidString).yml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ModelFile.load(path: path)
    }

    @Test func commentsAndLayoutAreNoDifference() throws {
        let relaid = "# the same model, laid out otherwise\n" + Self.modelYAML.replacingOccurrences(of: "{code: a, parent: safety, direction: 1}", with: "{direction: 1, parent: safety, code: a}")
        #expect(StateDifferences.model(before: try Self.model(Self.modelYAML), after: try Self.model(relaid)).isEmpty)
    }

    @Test func weightsNodesAndSettingsAreNamed() throws {
        let before = try Self.model(Self.modelYAML)
        // b's weight 2 → 3 in its line, safety's 1 → 0.5 through `weights:`, c removed, d added,
        // the normalisation's range changed.
        let revised = Self.modelYAML
            .replacingOccurrences(of: "direction: -1, weight: 2}", with: "direction: -1, weight: 3}")
            .replacingOccurrences(of: "  - {code: c, parent: cohesion, direction: 1}\n", with: "  - {code: d, parent: cohesion, direction: 1}\n")
            .replacingOccurrences(of: "range: [0, 100]", with: "range: [0, 10]")
            + "weights: {safety: 0.5}\n"
        let differences = StateDifferences.model(before: before, after: try Self.model(revised))
        #expect(differences == [
            .weight(code: "safety", before: 1, after: 0.5), .weight(code: "b", before: 2, after: 3),
            .nodeAdded(code: "d"), .nodeRemoved(code: "c"), .setting(key: "normalise"),
        ])
        // A node that changes direction only is a change of the indicators.
        let flipped = Self.modelYAML.replacingOccurrences(of: "{code: a, parent: safety, direction: 1}", with: "{code: a, parent: safety, direction: -1}")
        #expect(StateDifferences.model(before: before, after: try Self.model(flipped)) == [.setting(key: "indicators")])
    }

    @Test func crosswalkPairsAddedThenRemoved() {
        func entry(_ from: String, _ to: String, _ periods: ClosedRange<Int> = 2017...2020) -> CrosswalkEntry {
            CrosswalkEntry(fromCode: from, toCode: to, periodFrom: periods.lowerBound, periodTo: periods.upperBound, share: 1, location: SourceLocation(file: "cw.csv"))
        }
        let before = Crosswalk(entries: [entry("A", "B"), entry("X", "Y", 2017...2017), entry("X", "Y", 2018...2018)])
        let after = Crosswalk(entries: [entry("X", "Y", 2017...2019), entry("A", "C"), entry("D", "E")])
        #expect(StateDifferences.crosswalk(before: before, after: after) == [
            .mappingAdded(from: "A", to: "C"), .mappingAdded(from: "D", to: "E"), .mappingRemoved(from: "A", to: "B"),
        ])
        #expect(StateDifferences.crosswalk(before: nil, after: before) == [.mappingAdded(from: "A", to: "B"), .mappingAdded(from: "X", to: "Y")])
    }
}
