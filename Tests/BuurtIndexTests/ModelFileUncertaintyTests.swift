import BuurtNumerics
import Testing
import BuurtIndex

/// The forms `uncertainty:` and `priorities:` accept besides the full example in
/// ``ModelFileTests``, their defaults, and the checks left for a tree from a metadata file.
@Suite struct ModelFileUncertaintyTests {
    static func parse(_ yaml: String) throws -> ModelFile {
        try ModelFile.parse(yaml, file: "model.yml", baseDirectory: "")
    }

    static let base = ModelFileUncertaintyErrorTests.base

    @Test func leftOutSettingsTakeTheirDefaults() throws {
        let m = try Self.parse(Self.base + "uncertainty: {weights: {noise: 0, levels: [2]}}\npriorities: {}\n")
        #expect(m.uncertainty == UncertaintySpec(weights: WeightNoise(noise: 0, levels: [2]), replications: 1000, seed: 1))
        #expect(m.priorities == PrioritySpec(top: 5, themesOf: nil, reference: .periodMean, categories: []))
        // Without the keys there is no analysis and no priority settings; sampling models stay on the indicators.
        let plain = try Self.parse(Self.base)
        #expect(plain.uncertainty == nil && plain.priorities == nil)
        #expect(plain.nodes.first { $0.code == "burglary" }?.sampling == .poisson(exposureColumn: "population", per: 1000))
        #expect(plain.nodes.first { $0.code == "theft" }?.sampling == nil)
    }

    @Test func alternativesUseTheStageSyntax() throws {
        let m = try Self.parse(Self.base + """
            uncertainty:
              normalise: [rank, {reference: 2019, range: [1, 10]}, {method: zscore, mean: 5, scope: all}]
              aggregate: [{method: generalised, p: 2}, geometric, harmonic]
              impute: [{method: none}, interpolate]
              treat: {max_points: [0, 3]}
              sampling: yes
              sensitivity: on
              replications: 1000000
              seed: 18446744073709551615
              out_of_domain: skip

            """)
        let u = try #require(m.uncertainty)
        #expect(u.outOfDomain == .skip)
        #expect(u.normalise == [
            NormaliseParameters(method: .rank, scope: .period),
            NormaliseParameters(method: .minmax(lower: 1, upper: 10), scope: .reference(2019)),
            NormaliseParameters(method: .zscore(mean: 5, sd: 1), scope: .all),
        ])
        #expect(u.aggregate == [.generalised(p: 2), .geometric, .harmonic])
        #expect(u.impute == [ImputeMethod.none, .interpolate])
        #expect(u.treatMaxPoints == [0, 3])
        #expect(u.sampling && u.sensitivity)
        #expect(u.replications == 1_000_000 && u.seed == UInt64.max)
        #expect(u.weights == nil)
    }

    /// An alternative without `scope:` (or `reference:`) takes the model's normalise scope;
    /// its own scope overrides it.
    @Test func alternativesInheritTheModelsScope() throws {
        let alternatives = "uncertainty: {normalise: [{range: [1, 100]}, {method: zscore, scope: period}, {method: rank, reference: 2020}, {method: rank, scope: all}]}\n"
        let reference = try Self.parse(Self.base + "normalise: {scope: reference, reference: 2018}\n" + alternatives)
        #expect(reference.uncertainty?.normalise.map(\.scope) == [.reference(2018), .period, .reference(2020), .all])
        let period = try Self.parse(Self.base + alternatives)
        #expect(period.uncertainty?.normalise.map(\.scope) == [.period, .period, .reference(2020), .all])
        let all = try Self.parse(Self.base + "normalise: {scope: all}\n" + alternatives)
        #expect(all.uncertainty?.normalise.first?.scope == .all)
    }

    @Test func priorityReferenceYearAndThemes() throws {
        let m = try Self.parse(Self.base + "priorities: {top: 1, themes_of: crime, reference: 2019, categories: [{label: laag, below: -5.5}, {label: hoog, below: 1e2}]}\n")
        #expect(m.priorities == PrioritySpec(top: 1, themesOf: "crime", reference: .period(2019), categories: [
            PriorityCategory(label: "laag", below: -5.5), PriorityCategory(label: "hoog", below: 100),
        ]))
    }

    /// Weight levels and themes_of name parts of the tree; with `metadata:` they are checked by
    /// `validate(against:)` once the tree is loaded, still at their place in the file.
    @Test func treeChecksWaitForTheMetadata() throws {
        let yaml = """
            data: d.csv
            metadata: meta.csv
            uncertainty: {weights: {noise: 0.1, levels: [1, 3]}}
            priorities: {themes_of: burglary}
            """
        let m = try Self.parse(yaml)
        let tree = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate), ModelNode(code: "crime", kind: .aggregate, parent: "index"),
            ModelNode(code: "burglary", kind: .indicator, parent: "crime"), ModelNode(code: "theft", kind: .indicator, parent: "crime"),
        ])
        let problems: [BuurtError]
        do {
            try m.validate(against: tree)
            problems = []
        } catch {
            problems = error.problems
        }
        #expect(problems.map(\.message) == [
            "level 3 of uncertainty weights is the index itself, which has no siblings to be weighed against; levels are 1 to 2 (1 = indicators, 2 = their groups)",
            "themes_of of priorities is 'burglary', an indicator; it must be a group whose children are the problems",
        ])
        // Line 3 "uncertainty: {weights: {noise: 0.1, levels: [1, 3]}}": the 3 is at column 49.
        #expect(problems.map(\.location) == [
            BuurtIndex.SourceLocation(file: "model.yml", line: 3, column: 49),
            BuurtIndex.SourceLocation(file: "model.yml", line: 4, column: 25),
        ])
        // A model the settings fit passes; so does any model for a file with an inline tree.
        let fitting = try Self.parse(yaml.replacingOccurrences(of: "[1, 3]", with: "[1, 2]").replacingOccurrences(of: "burglary", with: "crime"))
        try fitting.validate(against: tree)
        try Self.parse(Self.base + "uncertainty: {weights: {noise: 0.1, levels: [1, 2]}}\n").validate(against: tree)
    }
}
