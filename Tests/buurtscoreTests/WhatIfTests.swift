import BuurtNumerics
import BuurtRanking
import Foundation
import Testing
import BuurtIndex

/// `WhatIf` (library) and `buurtscore whatif` (terminal).
@Suite struct WhatIfTests {
    /// index ← {a ← x, b ← y}, one period; the panel is taken as already normalised, so a = x and
    /// b = y. Scores: U1 (10, 90), U2 (60, 50), U3 (missing, 70).
    static func handFixture() throws -> (PipelineResult, IndexModel, PipelineSpec) {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "a", kind: .aggregate, parent: "index"),
            ModelNode(code: "b", kind: .aggregate, parent: "index"),
            ModelNode(code: "x", kind: .indicator, parent: "a"),
            ModelNode(code: "y", kind: .indicator, parent: "b"),
        ])
        let panel = Panel(unitCodes: ["U1", "U2", "U3"], periods: [2020, 2020, 2020], columnCodes: ["x", "y"],
                          values: Matrix(rowMajor: [[10, 90], [60, 50], [.nan, 70]]))
        let spec = PipelineSpec()
        let nominal = try Pipeline.run(panel, model: model, spec: spec, resumingAfter: .normalised)
        return (nominal, model, spec)
    }

    static func demo() throws -> (IndexProject, PipelineResult) {
        let project = try IndexProject.load(modelPath: CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path)
        return (project, try project.run(keepIntermediate: true))
    }

    static func same(_ x: Double, _ y: Double) -> Bool { x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN) }

    @Test func handComputedShiftsWhenOneDimensionIsDropped() throws {
        let (nominal, model, spec) = try Self.handFixture()
        // Published (1, 1): U1 (10+90)/2 = 50, U2 (60+50)/2 = 55, U3 70 (b only) → U3 1, U2 2, U1 3.
        // a = 0: U1 90, U2 50, U3 70 → U1 1, U3 2, U2 3. Shifts (published − new): +2, −1, −1.
        let shifts = try WhatIf.rankShifts(nominal: nominal, model: model, spec: spec, weights: ["a": 0])
        #expect(shifts.map(\.publishedScore) == [50, 55, 70])
        #expect(shifts.map(\.score) == [90, 50, 70])
        #expect(shifts.map(\.publishedRank) == [3, 2, 1])
        #expect(shifts.map(\.rank) == [1, 3, 2])
        #expect(shifts.map(\.shift) == [2, -1, -1])
        // Largest first; equal shifts by new rank.
        #expect(WhatIf.largestFirst(shifts).map(\.unit) == ["U1", "U3", "U2"])

        // a = 3: U1 (30+90)/4 = 30, U2 (180+50)/4 = 57.5, U3 70 → no rank moves.
        let heavier = try WhatIf.rankShifts(nominal: nominal, model: model, spec: spec, weights: ["a": 3])
        #expect(heavier.map(\.score) == [30, 57.5, 70] && heavier.map(\.shift) == [0, 0, 0])

        // b = 0: U3 has only b, so Σw = 0 over its available dimensions: no index, no rank.
        let noB = try WhatIf.rankShifts(nominal: nominal, model: model, spec: spec, weights: ["b": 0])
        #expect(noB[2].score.isNaN && noB[2].rank.isNaN && noB[2].shift.isNaN)
        #expect(noB.map(\.rank).prefix(2) == [2, 1])  // U1 10, U2 60
        // U1 3 → 2 and U2 2 → 1 both climb one place: the better new rank first; unranked U3 last.
        #expect(WhatIf.largestFirst(noB).map(\.unit) == ["U2", "U1", "U3"])
    }

    @Test func publishedWeightsChangeNothingAndDoubledWeightsGiveTheSameBits() throws {
        let (project, nominal) = try Self.demo()
        let model = project.model
        let dimensions = model.children(of: model.root)
        let same = try WhatIf.rankShifts(nominal: nominal, model: model, spec: project.file.spec,
                                         weights: Dictionary(uniqueKeysWithValues: dimensions.map { ($0, model.node($0)!.weight) }))
        #expect(same.allSatisfy { Self.same($0.score, $0.publishedScore) && Self.same($0.rank, $0.publishedRank) })
        #expect(same.map(\.publishedScore).elementsEqual(nominal.aggregated.column(model.root)!, by: Self.same))
        // Doubling every weight doubles Σw·s and Σw exactly (a power of two), so the ratio is the
        // same double: identical scores, not merely close ones.
        let doubled = try WhatIf.rankShifts(nominal: nominal, model: model, spec: project.file.spec,
                                            weights: Dictionary(uniqueKeysWithValues: dimensions.map { ($0, 2 * model.node($0)!.weight) }))
        #expect(doubled.allSatisfy { Self.same($0.score, $0.publishedScore) && Self.same($0.rank, $0.publishedRank) })
        #expect(doubled.contains { !$0.rank.isNaN })
    }

    @Test func zeroWeightEqualsTheRemovalAnalysis() throws {
        let (project, nominal) = try Self.demo()
        let removal = try RemovalAnalysis.run(nominal: nominal, model: project.model, spec: project.file.spec)
        for row in removal {
            let shifts = try WhatIf.rankShifts(nominal: nominal, model: project.model, spec: project.file.spec, weights: [row.dimension: 0])
            #expect(shifts.map(\.shift).elementsEqual(row.rankShifts, by: Self.same), "\(row.dimension)")
        }
        #expect(removal.contains { $0.maxAbsoluteRankShift > 0 })
    }

    @Test func unknownCodesNegativeWeightsAndMissingStagesAreErrors() throws {
        let (nominal, model, spec) = try Self.handFixture()
        let unknown = #expect(throws: BuurtError.self) { try WhatIf.reweighted(nominal: nominal, model: model, spec: spec, weights: ["c": 1]) }
        #expect(unknown?.kind == .data && unknown?.message.contains("'c'") == true)
        let negative = #expect(throws: BuurtError.self) { try WhatIf.reweighted(nominal: nominal, model: model, spec: spec, weights: ["a": -1]) }
        #expect(negative?.kind == .data && negative?.message.contains("≥ 0") == true)
        var bare = nominal
        bare.stages.removeFirst()
        let missing = #expect(throws: BuurtError.self) { try WhatIf.reweighted(nominal: bare, model: model, spec: spec, weights: ["a": 1]) }
        #expect(missing?.kind == .internalFailure)
    }

    // MARK: - buurtscore whatif

    static let demoModel = CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path

    @Test func commandPrintsLargestShiftsFirstAsTheLibraryComputes() throws {
        let (project, nominal) = try Self.demo()
        let cli = try CLIHarness()
        let outcome = try cli.run(["whatif", Self.demoModel, "--weight", "crime=2", "--weight", "cohesion=0,5", "--top", "0", "--lang", "en"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Leefbaarheid en veiligheid 2020: ranks with changed weights — Sociale cohesie (cohesion) 1 → 0.5; Criminaliteit (crime) 1 → 2")
        let expected = try WhatIf.rankShifts(nominal: nominal, model: project.model, spec: project.file.spec,
                                             weights: ["crime": 2, "cohesion": 0.5]).filter { $0.period == 2020 }
        let moved = expected.filter { $0.shift != 0 && !$0.shift.isNaN }.count
        #expect(lines[1] == "\(moved) of \(expected.count) units change rank; a positive shift climbs towards rank 1.")
        #expect(moved > 0)
        let body = lines.dropFirst(3)
        #expect(body.count == expected.count)
        // Each line: unit, old → new, signed shift; in the library's largest-first order.
        var printedShifts: [Double] = []
        for (line, row) in zip(body, WhatIf.largestFirst(expected)) {
            let fields = line.split(separator: " ").map(String.init)
            let arrow = try #require(fields.firstIndex(of: "→"))
            #expect(fields[0] == row.unit)
            #expect(fields[arrow - 1] == formatNumber(row.publishedRank) && fields[arrow + 1] == formatNumber(row.rank))
            #expect(fields[arrow + 2] == (row.shift > 0 ? "+" : "") + formatNumber(row.shift))
            printedShifts.append(abs(try #require(Double(fields[arrow + 2]))))
        }
        #expect(printedShifts == printedShifts.sorted(by: >), "largest shifts first")
    }

    @Test func topAndPeriodChooseTheRows() throws {
        let cli = try CLIHarness()
        let outcome = try cli.run(["whatif", Self.demoModel, "--weight", "crime=0", "--top", "3", "--period", "2018"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Leefbaarheid en veiligheid 2018: "))
        #expect(lines.count == 3 + 3 + 1)
        // The demo model's `language: nl`: the table is Dutch.
        let total = try #require(Int(lines[1].split(separator: " ")[3]))
        #expect(lines[1].hasSuffix(" buurten veranderen van rang; een positieve verschuiving is een stap naar rang 1."))
        #expect(lines[2].hasPrefix("buurt ") && lines[2].hasSuffix("  rang       verschuiving  score"))
        #expect(lines.last == "(nog \(total - 3); --top 0 toont alles)")
    }

    /// Three buurten, one period: index ← {a "Veiligheid" ← x, b (no name) ← y}, min-max to 0–100.
    /// x = (10, 2, 2) → a = (100, 0, 0); y = (5, 9, 5) → b = (0, 100, 0); published scores
    /// A1 50, B1 50, C1 0: A1 and B1 share rank 1, C1 is 3.
    static func writeSmallModel(_ cli: CLIHarness) throws {
        let model = """
            title: Small
            data: data.csv
            unit: buurt
            name: naam
            period: jaar
            groups:
              - {code: index, name: Testindex}
              - {code: a, name: Veiligheid, parent: index, weight: 1}
              - {code: b, parent: index, weight: 1}
            indicators:
              - {code: x, name: X, parent: a, direction: 1}
              - {code: y, name: Y, parent: b, direction: 1}
            normalise: {method: minmax, range: [0, 100]}
            aggregate: {method: arithmetic}

            """
        try cli.write("model.yml", model)
        try cli.write("model-en.yml", model + "language: en\n")
        try cli.write("data.csv", "buurt,naam,jaar,x,y\nA1,Aa,2020,10,5\nB1,Bee,2020,2,9\nC1,Cee,2020,2,5\n")
    }

    @Test func smallModelInEnglishAndDutchHandChecked() throws {
        let cli = try CLIHarness()
        try Self.writeSmallModel(cli)
        // a = 2: A1 (2·100 + 0)/3 = 66.67 keeps rank 1, B1 100/3 = 33.33 falls to 2, C1 0 stays 3:
        // one buurt changes rank. The model says `language: en`.
        let english = try cli.run(["whatif", "model-en.yml", "--weight", "a=2"])
        #expect(english.status == 0, "stderr: \(english.stderr)")
        #expect(english.stdout == """
            Testindex 2020: ranks with changed weights — Veiligheid (a) 1 → 2
            1 of 3 units changes rank; a positive shift climbs towards rank 1.
            unit  name  rank       shift  score
            B1    Bee     1 → 2       -1  50.00 → 33.33
            A1    Aa      1 → 1        0  50.00 → 66.67
            C1    Cee     3 → 3        0  0.00 → 0.00

            """)
        // --lang nl overrides the model. a = 0.5, b = 0: A1 100, B1 and C1 0 (rank 2 both):
        // B1 falls one place, C1 climbs one; equal shifts by new rank, then code.
        let dutch = try cli.run(["whatif", "model-en.yml", "--weight", "a=0,5", "--weight", "b=0", "--top", "1", "--lang", "nl"])
        #expect(dutch.status == 0, "stderr: \(dutch.stderr)")
        #expect(dutch.stdout == """
            Testindex 2020: rangen met andere gewichten — Veiligheid (a) 1 → 0,5; b 1 → 0
            2 van de 3 buurten veranderen van rang; een positieve verschuiving is een stap naar rang 1.
            buurt  naam  rang       verschuiving  score
            B1     Bee     1 → 2              -1  50,00 → 0,00
            (nog 2; --top 0 toont alles)

            """)
        // A model without `language:` is Dutch; one buurt: singular.
        let plain = try cli.run(["whatif", "model.yml", "--weight", "a=2", "--top", "0"])
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        let lines = plain.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[1] == "1 van de 3 buurten verandert van rang; een positieve verschuiving is een stap naar rang 1.")
        #expect(lines[4] == "A1     Aa      1 → 1               0  50,00 → 66,67")
    }

    @Test(arguments: [
        (["--weight", "crme=2"], "'crme' is not a dimension, aggregate or indicator of the model; did you mean 'crime'?"),
        (["--weight", "crime=x"], "the weight 'x' is not a number"),
        (["--weight", "crime=-1"], "a weight must be 0 or more, got -1"),
        (["--weight", "crime=inf"], "the weight 'inf' is not a number"),
        (["--weight", "crime"], "expected CODE=VALUE"),
        (["--weight", "=2"], "the code before '=' is empty"),
        (["--weight", "crime=1", "--weight", "crime=2"], "the weight of 'crime' is given twice"),
        ([], "give at least one --weight CODE=VALUE"),
        (["--weight", "crime=2", "--period", "2016"], "--period 2016 is not in the data; its periods are 2017, 2018, 2019, 2020"),
        (["--weight", "crime=2", "--top", "-1"], "--top must be 0 or more"),
        (["--weight", "crime=2", "--lang", "de"], "The value 'de' is invalid for '--lang <lang>'"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let cli = try CLIHarness()
        let outcome = try cli.run(["whatif", Self.demoModel] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
