import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

@Suite struct ModelFileTests {
    static let full = """
        title: Leefbaarheid en veiligheid
        data: data.csv
        unit: buurt_code          # column names
        name: buurt_naam
        period: jaar
        groups:
          - {code: index, name: Veiligheidsindex}
          - {code: cohesion, name: Sociale cohesie, parent: index, weight: 1}
          - {code: crime, name: Criminaliteit, parent: index}
        indicators:
          - {code: know_each_other, name: Mensen kennen elkaar, parent: cohesion, uncertainty: {binomial: survey_n}}
          - {code: burglary, name: Woninginbraak per 1000 inwoners, parent: crime, direction: -1, weight: 1, denominator: population, scale: 1000, target: 2, goalposts: [0, 20], unit: "per 1000", uncertainty: {poisson: population, per: 1000}}
          - code: theft
            parent: crime
            direction: -1
            weight: 0.5
            uncertainty: {poisson: population, per: 100}
        columns:
          - {code: population, type: denominator}
          - {code: survey_n, type: other}
          - {code: wijk, name: Wijk, type: group}
        denominate: {scale: 1}
        impute: {method: mean, by: wijk}
        screen: {min_coverage: 0.9}
        treat: {method: winsorise, max_points: 4, max_skew: 2.5, max_kurtosis: 3.5}
        normalise: {method: minmax, range: [0, 100], scope: reference, reference: 2017}
        aggregate: {method: arithmetic, min_coverage: 0.75, levels: {3: {method: geometric}}}
        weights: {crime: 2}
        language: nl
        uncertainty:
          weights: {noise: 0.25, levels: [1, 2]}
          normalise: [{method: minmax, range: [1, 100], scope: period}, {method: zscore, mean: 10, sd: 2}]   # same syntax as the normalise stage; without scope, the model's
          aggregate: [arithmetic, geometric]          # also {method: generalised, p: 2}
          out_of_domain: skip                         # z-scores can be ≤ 0: leave out (and count) such geometric replications
          treat: {max_points: [1, 2, 3, 4, 5]}
          impute: [mean, median]
          sampling: true
          replications: 1000
          seed: 2017
          sensitivity: false
        priorities:
          top: 5
          themes_of: index            # optional: aggregate whose children are the problems
          reference: mean             # mean (city mean of the period) | <year>
          categories: [{label: zeer onveilig, below: 40}, {label: onveilig, below: 55}, {label: gemiddeld, below: 70}, {label: veilig, below: .inf}]

        """

    @Test func fullExampleParsesIntoTheModelTypes() throws {
        let m = try ModelFile.parse(Self.full, file: "model.yml", baseDirectory: "demo")
        #expect(m.path == "model.yml")
        #expect(m.title == "Leefbaarheid en veiligheid")
        #expect(m.dataPath == "demo/data.csv")
        #expect(m.metadataPath == nil)
        #expect(m.columns == DataColumns(unit: "buurt_code", name: "buurt_naam", period: "jaar"))
        #expect(m.nodes == [
            ModelNode(code: "index", name: "Veiligheidsindex", kind: .aggregate),
            ModelNode(code: "cohesion", name: "Sociale cohesie", kind: .aggregate, parent: "index", weight: 1),
            ModelNode(code: "crime", name: "Criminaliteit", kind: .aggregate, parent: "index"),
            // `per` defaults to 100 for a binomial share.
            ModelNode(code: "know_each_other", name: "Mensen kennen elkaar", kind: .indicator, parent: "cohesion",
                      sampling: .binomial(sizeColumn: "survey_n", per: 100)),
            ModelNode(code: "burglary", name: "Woninginbraak per 1000 inwoners", kind: .indicator, parent: "crime",
                      direction: -1, weight: 1, denominator: "population", scale: 1000, target: 2,
                      goalposts: (0, 20), unit: "per 1000", sampling: .poisson(exposureColumn: "population", per: 1000)),
            ModelNode(code: "theft", kind: .indicator, parent: "crime", direction: -1, weight: 0.5,
                      sampling: .poisson(exposureColumn: "population", per: 100)),
            ModelNode(code: "population", kind: .denominator),
            ModelNode(code: "survey_n", kind: .other),
            ModelNode(code: "wijk", name: "Wijk", kind: .group),
        ])
        #expect(m.weights == ["crime": 2])
        #expect(m.language == "nl")
        let arithmetic = AggregateRule(method: .arithmetic, minCoverage: 0.75)
        #expect(m.spec == PipelineSpec(
            denominate: DenominateParameters(scale: 1),
            impute: ImputeParameters(method: .mean, scope: .group("wijk")),
            screen: ScreenParameters(minCoverage: 0.9),
            treat: TreatParameters(method: .winsorise, maxPoints: 4, maxSkew: 2.5, maxKurtosis: 3.5, reference: 2017),
            normalise: NormaliseParameters(method: .minmax(lower: 0, upper: 100), scope: .reference(2017)),
            aggregate: AggregateParameters(rule: arithmetic, levelRules: [3: AggregateRule(method: .geometric, minCoverage: 0.75)])))
        #expect(m.uncertainty == UncertaintySpec(
            weights: WeightNoise(noise: 0.25, levels: [1, 2]),
            normalise: [NormaliseParameters(method: .minmax(lower: 1, upper: 100), scope: .period),
                        NormaliseParameters(method: .zscore(mean: 10, sd: 2), scope: .reference(2017))],
            aggregate: [.arithmetic, .geometric], treatMaxPoints: [1, 2, 3, 4, 5], impute: [.mean, .median],
            sampling: true, replications: 1000, seed: 2017, sensitivity: false, outOfDomain: .skip))
        #expect(m.priorities == PrioritySpec(top: 5, themesOf: "index", reference: .periodMean, categories: [
            PriorityCategory(label: "zeer onveilig", below: 40), PriorityCategory(label: "onveilig", below: 55),
            PriorityCategory(label: "gemiddeld", below: 70), PriorityCategory(label: "veilig", below: .infinity),
        ]))
        // The tree is a valid IndexModel of height 3 (index → groups → indicators).
        let model = try IndexModel(nodes: m.nodes)
        #expect(model.root == "index")
        #expect(model.height["index"] == 3)
    }

    /// The example in ModelFile's documentation (copied into the README) must stay valid.
    @Test func documentedExampleParses() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BuurtIndex/Model/ModelFile.swift")
        let lines = try String(contentsOf: source, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasSuffix("/// ```yaml") })
        let end = try #require(lines[(start + 1)...].firstIndex { $0.hasSuffix("/// ```") })
        let yaml = lines[(start + 1)..<end].map { $0.replacingOccurrences(of: "^\\s*/// ?", with: "", options: .regularExpression) }.joined(separator: "\n")
        let m = try ModelFile.parse(yaml, file: "example.yml", baseDirectory: "")
        #expect(m.nodes.filter { $0.kind == .indicator }.map(\.code) == ["know_each_other", "burglary"])
        #expect(m.nodes.first { $0.code == "burglary" }?.goalposts.map { [$0.lower, $0.upper] } == [0, 20])
        #expect(m.spec.aggregate.rule(forHeight: 3) == AggregateRule(method: .geometric, minCoverage: 0.75))
        #expect(m.weights == ["crime": 2])
        #expect(m.nodes.compactMap(\.sampling) == [.binomial(sizeColumn: "survey_n", per: 100), .poisson(exposureColumn: "population", per: 1000)])
        #expect(m.uncertainty?.weights == WeightNoise(noise: 0.25, levels: [1, 2]))
        #expect(m.uncertainty?.sampling == true && m.uncertainty?.seed == 2017)
        #expect(m.priorities?.categories.map(\.label) == ["zeer onveilig", "onveilig", "gemiddeld", "veilig"])
    }

    @Test func leftOutStagesAreSkippedAndDefaultsApply() throws {
        let yaml = """
            data: /abs/data.csv
            groups: [{code: index}]
            indicators: [{code: a, parent: index}]
            impute: median
            normalise: {method: zscore}
            aggregate: {method: generalised, p: 2, levels: {2: {min_coverage: 0.5}}}
            """
        let m = try ModelFile.parse(yaml, file: "m.yml", baseDirectory: "somewhere")
        #expect(m.dataPath == "/abs/data.csv")
        #expect(m.columns == DataColumns())
        #expect(m.spec.denominate == nil && m.spec.screen == nil && m.spec.treat == nil)
        #expect(m.spec.impute == ImputeParameters(method: .median, scope: .period))
        #expect(m.spec.normalise == NormaliseParameters(method: .zscore(mean: 0, sd: 1), scope: .period))
        // The level rule keeps the default method (generalised, p = 2) and sets its own coverage.
        #expect(m.spec.aggregate.rule(forHeight: 2) == AggregateRule(method: .generalised(p: 2), minCoverage: 0.5))
        #expect(m.nodes[1].direction == 1 && m.nodes[1].weight == 1 && m.nodes[1].name == "a")
    }

    @Test func metadataReplacesTheInlineTree() throws {
        let m = try ModelFile.parse("data: d.csv\nmetadata: meta/iMeta.csv\nweights: {anything: 3}\n", file: "x/m.yml", baseDirectory: "x")
        #expect(m.metadataPath == "x/meta/iMeta.csv")
        #expect(m.nodes.isEmpty)
        // Without an inline tree, weight codes are checked later against the metadata.
        #expect(m.weights == ["anything": 3])
        #expect(m.spec == PipelineSpec())
    }

    @Test func normaliseMethodsWithTheirParameters() throws {
        func normalise(_ spec: String) throws -> NormaliseParameters {
            let yaml = "data: d.csv\ngroups: [{code: i}]\nindicators: [{code: a, parent: i, target: 5, goalposts: [0, 10]}]\nnormalise: \(spec)\n"
            return try ModelFile.parse(yaml, file: "m.yml", baseDirectory: "").spec.normalise
        }
        #expect(try normalise("{method: zscore, mean: 10, sd: 2, scope: all}") == NormaliseParameters(method: .zscore(mean: 10, sd: 2), scope: .all))
        #expect(try normalise("{method: dist2ref, unit: BU01}").method == .dist2ref(unit: "BU01"))
        #expect(try normalise("dist2targ").method == .dist2targ)
        #expect(try normalise("{method: goalposts, scale: 100}").method == .goalposts(scale: 100))
        #expect(try normalise("{reference: 2019}") == NormaliseParameters(method: .minmax(lower: 0, upper: 100), scope: .reference(2019)))
        #expect(try normalise("prank").method == .prank)
    }

    @Test func missingFileIsNoInput() {
        #expect {
            _ = try ModelFile.load(path: "/nonexistent/model.yml")
        } throws: { error in
            (error as? BuurtErrors)?.problems.first?.kind == .missingInput
        }
    }

    @Test func loadResolvesPathsAgainstTheModelFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("modelfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("model.yml").path
        try "data: sub/data.csv\nmetadata: meta.csv\n".write(toFile: file, atomically: true, encoding: .utf8)
        let m = try ModelFile.load(path: file)
        #expect(m.path == file)
        #expect(m.dataPath == dir.path + "/sub/data.csv")
        #expect(m.metadataPath == dir.path + "/meta.csv")
    }
}
