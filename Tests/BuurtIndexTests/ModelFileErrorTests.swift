import BuurtNumerics
import Testing
import BuurtIndex

/// Every problem is reported with file:line:column; the expected position is found by
/// searching the YAML text for the offending token, independently of the parser.
@Suite struct ModelFileErrorTests {
    static func problems(_ yaml: String) -> [BuurtError] {
        do {
            _ = try ModelFile.parse(yaml, file: "model.yml", baseDirectory: "")
            return []
        } catch {
            return error.problems
        }
    }

    /// Line and column (from 1) of the first occurrence of `token` after the first occurrence of `after`.
    static func position(of token: String, after: String = "", in yaml: String) -> (line: Int, column: Int) {
        let start = after.isEmpty ? yaml.startIndex : yaml.range(of: after)!.upperBound
        let hit = yaml.range(of: token, range: start..<yaml.endIndex)!.lowerBound
        let before = yaml[..<hit]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { yaml.index(after: $0) } ?? yaml.startIndex
        return (line, yaml[lineStart..<hit].unicodeScalars.count + 1)
    }

    /// Expects exactly one problem containing `fragment`, located at `token`.
    static func expectProblem(_ yaml: String, _ fragment: String, at token: String, after: String = "",
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = problems(yaml).filter { $0.message.contains(fragment) }
        #expect(found.count == 1, "expected one problem containing \"\(fragment)\", got \(problems(yaml))", sourceLocation: sourceLocation)
        guard let p = found.first else { return }
        let (line, column) = position(of: token, after: after, in: yaml)
        #expect(p.location == BuurtIndex.SourceLocation(file: "model.yml", line: line, column: column), "\(p)", sourceLocation: sourceLocation)
        #expect(p.kind == .data, sourceLocation: sourceLocation)
    }

    static let base = """
        data: d.csv
        groups:
          - {code: index}
          - {code: crime, parent: index}
        indicators:
          - {code: burglary, parent: crime, direction: -1, denominator: population}
          - {code: theft, parent: crime}
        columns:
          - {code: population, type: denominator}
          - {code: wijk, type: group}

        """

    @Test func theBaseModelIsValid() {
        #expect(Self.problems(Self.base).isEmpty)
    }

    @Test func unknownKeysSuggestTheNearestKnownKey() {
        Self.expectProblem(Self.base + "normalize: {method: minmax}\n", "unknown key 'normalize' in the model file; did you mean 'normalise'?", at: "normalize")
        let typo = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: crime, wieght: 2}")
        Self.expectProblem(typo, "unknown key 'wieght' in an indicator entry; did you mean 'weight'?", at: "wieght")
        Self.expectProblem(Self.base + "treat: {method: winsorise, maxpoints: 3}\n", "did you mean 'max_points'?", at: "maxpoints")
        // Far from every key: list them.
        Self.expectProblem(Self.base + "screen: {zzz: 1}\n", "unknown key 'zzz' in 'screen'; expected one of: min_coverage", at: "zzz")
    }

    @Test func wrongTypesNameTheFieldAndTheValue() {
        let yaml = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: crime, weight: high}")
        Self.expectProblem(yaml, "weight of indicator 'theft' must be a number, got 'high'", at: "high")
        Self.expectProblem(Self.base + "screen: {min_coverage: 1.5}\n", "min_coverage of screen must be a share between 0 and 1, got 1.5", at: "1.5")
        Self.expectProblem(Self.base + "treat: {max_points: 2.5}\n", "max_points of treat must be a whole number, got '2.5'", at: "2.5")
        Self.expectProblem(Self.base + "title: [a, b]\n", "title must be text, got a list", at: "[a, b]")
        Self.expectProblem(Self.base + "weights: {crime: lots}\n", "weight of 'crime' must be a number, got 'lots'", at: "lots")
        Self.expectProblem(Self.base + "groups2: 1\n", "did you mean 'groups'?", at: "groups2")
        Self.expectProblem(Self.base + "impute: {method: mean, by: [wijk]}\n", "'by' of impute must be text, got a list", at: "[wijk]")
    }

    @Test func unknownMethodsListTheValidOnes() {
        Self.expectProblem(Self.base + "impute: {method: avg}\n", "unknown impute method 'avg'; expected one of: none, mean, median, interpolate", at: "avg")
        Self.expectProblem(Self.base + "aggregate: {method: geometrik}\n", "unknown aggregate method 'geometrik'; did you mean 'geometric'?", at: "geometrik")
        Self.expectProblem(Self.base + "normalise: softmax\n", "unknown normalise method 'softmax'; expected one of: minmax, zscore, rank, borda, prank, fracmax, dist2max, dist2ref, dist2targ, goalposts", at: "softmax")
        Self.expectProblem(Self.base + "treat: {method: winsorize}\n", "did you mean 'winsorise'?", at: "winsorize")
        Self.expectProblem(Self.base + "language: de\n", "unknown language 'de'; expected one of: nl, en", at: "de\n")
        let column = Self.base.replacingOccurrences(of: "type: group", with: "type: grouping")
        Self.expectProblem(column, "unknown column type of 'wijk' 'grouping'; did you mean 'group'?", at: "grouping")
    }

    @Test func rangesMustBeTwoOrderedNumbers() {
        Self.expectProblem(Self.base + "normalise: {method: minmax, range: [0]}\n", "range of normalise must be two numbers [lower, upper], got a list of 1 item", at: "[0]")
        Self.expectProblem(Self.base + "normalise: {range: [0, top]}\n", "the upper end of range of normalise must be a number, got 'top'", at: "top")
        Self.expectProblem(Self.base + "normalise: {range: 100}\n", "range of normalise must be two numbers [lower, upper], got '100'", at: "100")
        Self.expectProblem(Self.base + "normalise: {range: [100, 0]}\n", "must have lower < upper, got [100, 0]", at: "[100, 0]")
        let goalposts = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: crime, goalposts: [1, 2, 3]}")
        Self.expectProblem(goalposts, "goalposts of indicator 'theft' must be two numbers [lower, upper], got a list of 3 items", at: "[1, 2, 3]")
    }

    @Test func directionMustBePlusOrMinusOne() {
        let yaml = Self.base.replacingOccurrences(of: "direction: -1", with: "direction: 2")
        Self.expectProblem(yaml, "direction of indicator 'burglary' must be 1 (higher is better) or -1 (lower is better), got 2", at: "2,")
    }

    @Test func treeSourceMustBeMetadataOrInlineNotBothOrNeither() {
        Self.expectProblem("metadata: meta.csv\n" + Self.base, "'groups' cannot be used together with 'metadata'", at: "groups")
        Self.expectProblem("metadata: meta.csv\n" + Self.base, "'columns' cannot be used together with 'metadata'", at: "columns")
        Self.expectProblem("title: x\ndata: d.csv\n", "the model has no tree: give either 'metadata: <iMeta CSV>' or inline 'groups' and 'indicators'", at: "title")
    }

    @Test func dataIsRequired() {
        let yaml = Self.base.replacingOccurrences(of: "data: d.csv\n", with: "title: no data\n")
        Self.expectProblem(yaml, "missing key 'data'", at: "title")
    }

    @Test func treeProblemsPointAtTheEntry() {
        let parent = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: crim}")
        Self.expectProblem(parent, "parent 'crim' of indicator 'theft' is not a defined group; did you mean 'crime'?", at: "crim}")
        let twoRoots = Self.base.replacingOccurrences(of: "{code: crime, parent: index}", with: "{code: crime}")
        Self.expectProblem(twoRoots, "group 'crime' has no parent, but 'index' is already the index", at: "{code: crime}")
        let duplicate = Self.base.replacingOccurrences(of: "{code: theft,", with: "{code: burglary,")
        Self.expectProblem(duplicate, "code 'burglary' is already defined at line 6", at: "burglary", after: "denominator: population}")
        let noParent = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft}")
        Self.expectProblem(noParent, "indicator 'theft' needs a 'parent' group", at: "{code: theft}")
        let empty = Self.base.replacingOccurrences(of: "  - {code: crime, parent: index}\n", with: "  - {code: crime, parent: index}\n  - {code: empty, parent: index}\n")
        Self.expectProblem(empty, "group 'empty' has no indicators or groups under it", at: "{code: empty")
        let underIndicator = Self.base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: burglary}")
        Self.expectProblem(underIndicator, "parent 'burglary' of indicator 'theft' is an indicator, not a group", at: "burglary}")
        let denominator = Self.base.replacingOccurrences(of: "denominator: population}", with: "denominator: populaton}")
        Self.expectProblem(denominator, "denominator 'populaton' of indicator 'burglary' is not declared under 'columns' with type: denominator; did you mean 'population'?", at: "populaton")
        let wrongType = Self.base.replacingOccurrences(of: "denominator: population}", with: "denominator: wijk}")
        Self.expectProblem(wrongType, "denominator 'wijk' of indicator 'burglary' is a group, not a column of type denominator", at: "wijk}")
        Self.expectProblem(Self.base + "weights: {crme: 2}\n", "weight given for 'crme', which is not a group or indicator of the model; did you mean 'crime'?", at: "crme")
        Self.expectProblem(Self.base + "impute: {by: district}\n", "impute by 'district': expected period, all, or a column declared with type: group", at: "district")
    }

    @Test func cyclesAreReportedAtTheGroupsList() {
        let cycle = Self.base.replacingOccurrences(of: "  - {code: crime, parent: index}\n", with: "  - {code: crime, parent: index}\n  - {code: a, parent: b}\n  - {code: b, parent: a}\n  - {code: c, parent: a}\n")
            .replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: c}")
        let found = Self.problems(cycle)
        #expect(found.count == 1)
        // a → b → a; c hangs below the cycle (IndexModel names the node where it closes the loop).
        #expect(found.first?.message.hasPrefix("the tree has a cycle through a") == true)
        #expect(found.first?.location?.line == 3)  // the first item of `groups:`
    }

    @Test func stageParameterRules() {
        Self.expectProblem(Self.base + "aggregate: {levels: {4: {method: geometric}}}\n", "aggregate level 4 does not exist: levels are 2 to 3", at: "4:")
        Self.expectProblem(Self.base + "aggregate: generalised\n", "aggregate method generalised needs 'p'", at: "generalised")
        Self.expectProblem(Self.base + "aggregate: {method: generalised, p: 0}\n", "p of aggregate must not be 0", at: "0}")
        Self.expectProblem(Self.base + "aggregate: {method: harmonic, p: 2}\n", "'p' of aggregate applies only to method generalised", at: "2}")
        Self.expectProblem(Self.base + "normalise: dist2targ\n", "normalise method dist2targ needs 'target' on every indicator; missing for burglary, theft", at: "dist2targ")
        Self.expectProblem(Self.base + "normalise: {method: rank, range: [0, 1]}\n", "'range' of normalise applies only to method minmax, not rank", at: "range")
        Self.expectProblem(Self.base + "normalise: {scope: reference}\n", "normalise scope reference needs 'reference: <year>'", at: "reference}")
        Self.expectProblem(Self.base + "normalise: {scope: all, reference: 2017}\n", "'reference' of normalise applies only to scope: reference, not all", at: "reference:")
        Self.expectProblem(Self.base + "normalise: dist2ref\n", "normalise method dist2ref needs 'unit'", at: "dist2ref")
        Self.expectProblem(Self.base + "normalise: {method: zscore, sd: 0}\n", "sd of normalise must be > 0, got 0", at: "0}")
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        let found = Self.problems("data: d.csv\ngroups: [{code: index}\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax error: ") == true)
        #expect(found.first?.location?.line == 3)
        let duplicate = Self.problems("data: d.csv\ndata: e.csv\n")
        #expect(duplicate.first?.message == "key 'data' appears more than once in the same mapping")
        #expect(Self.problems("").first?.message.contains("empty") == true)
        #expect(Self.problems("- a\n- b\n").first?.message == "the model file must be a mapping of keys (key: value), got a list")
    }

    @Test func everyProblemIsCollectedInFileOrder() {
        let yaml = """
            dat: d.csv
            groups:
              - {code: index}
            indicators:
              - {code: a, parent: index, weight: x, direction: 0}
            impute: {method: avg}
            normalise: {range: [1]}
            language: fr
            """
        let found = Self.problems(yaml)
        #expect(found.map { $0.location?.line } == [1, 1, 5, 5, 6, 7, 8])
        #expect(found[0].message == "unknown key 'dat' in the model file; did you mean 'data'?")
        #expect(found.contains { $0.message.hasPrefix("missing key 'data'") })
    }
}
