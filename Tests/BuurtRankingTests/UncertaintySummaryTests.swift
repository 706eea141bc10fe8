import BuurtNumerics
import BuurtRanking
import Numerics
import Testing
import BuurtIndex

@Suite struct UncertaintySummaryTests {
    /// Four buurten, one period, two dimensions of one indicator each, min-max [0, 100]:
    ///   x1 = 0, 50, 100, 100 → d1 = 0, 50, 100, 100
    ///   x2 = 100, 0, 50, 100 → d2 = 100, 0, 50, 100
    ///   index = (d1 + d2)/2 = 50, 25, 75, 100 → ranks (highest = 1): 3, 4, 2, 1.
    /// Weight noise 0 makes every replication the nominal run.
    static func handEngine() throws -> UncertaintyEngine {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "d1", kind: .aggregate, parent: "index"),
            ModelNode(code: "d2", kind: .aggregate, parent: "index"),
            ModelNode(code: "x1", kind: .indicator, parent: "d1"),
            ModelNode(code: "x2", kind: .indicator, parent: "d2"),
        ])
        let panel = Panel(unitCodes: ["A", "B", "C", "D"], unitNames: ["Aa", "Bb", "Cc", "Dd"], periods: [2020, 2020, 2020, 2020],
                          columnCodes: ["x1", "x2"], values: Matrix(rowMajor: [[0, 100], [50, 0], [100, 50], [100, 100]]))
        return try UncertaintyEngine(panel: panel, model: model, spec: PipelineSpec(),
                                     uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0, levels: [1]), replications: 20),
                                     scoreCodes: ["index", "d1", "d2"])
    }

    @Test func needListOrdersByLowestScoreWithCategoriesAndPTop() throws {
        let categories = [PriorityCategory(label: "hoog", below: 40), PriorityCategory(label: "midden", below: 80),
                          PriorityCategory(label: "laag", below: .infinity)]
        let r = try UncertaintySummary.compute(engine: Self.handEngine(), priorities: PrioritySpec(top: 2, categories: categories))
        // Ascending index: B 25, A 50, C 75, D 100.
        #expect(r.priorities.map(\.unit) == ["B", "A", "C", "D"])
        #expect(r.priorities.map(\.priority) == [1, 2, 3, 4])
        #expect(r.priorities.map(\.rank) == [4, 3, 2, 1])
        #expect(r.priorities.map(\.category) == ["hoog", "midden", "midden", "laag"])
        // The two lowest (B, A) are always among the 2 most in need.
        #expect(r.priorities.map(\.pTop) == [1, 1, 0, 0])
        #expect(r.units.map(\.score) == [50, 25, 75, 100])
        #expect(r.units.allSatisfy { $0.rankP05 == $0.rank && $0.rankP95 == $0.rank && $0.scoreP50 == $0.score })
    }

    @Test func themeListOrdersProblemsByGap() throws {
        let r = try UncertaintySummary.compute(engine: Self.handEngine())
        // References: mean d1 = (0 + 50 + 100 + 100)/4 = 62.5, mean d2 = (100 + 0 + 50 + 100)/4 = 62.5.
        // B (listed first, most in need): gap d1 = 62.5 − 50 = 12.5, d2 = 62.5 − 0 = 62.5 → d2 first.
        let b = r.themes.filter { $0.unit == "B" }
        #expect(b.map(\.group) == ["d2", "d1"] && b.map(\.priority) == [1, 2])
        #expect(b.map(\.gap) == [62.5, 12.5] && b.map(\.reference) == [62.5, 62.5])
        #expect(b.map(\.gapP05) == [62.5, 12.5] && b.map(\.gapP95) == [62.5, 12.5])
        #expect(b.map(\.pWorst) == [1, 0] && b.map(\.significant) == [true, true])
        // D: gaps −37.5 and −37.5, tied: model order, both "worst", neither significant.
        let d = r.themes.filter { $0.unit == "D" }
        #expect(d.map(\.group) == ["d1", "d2"] && d.map(\.gap) == [-37.5, -37.5])
        #expect(d.map(\.pWorst) == [1, 1] && d.map(\.significant) == [false, false])
        #expect(r.themes.map(\.unit) == ["B", "B", "A", "A", "C", "C", "D", "D"])
    }

    @Test func referencePeriodMustExist() throws {
        #expect(throws: BuurtError.self) {
            try UncertaintySummary.compute(engine: Self.handEngine(), priorities: PrioritySpec(reference: .period(2017)))
        }
    }

    /// With noisy weights and continuous scores (no ties), every replication has exactly k
    /// units among the k lowest and exactly one worst problem per row.
    @Test func probabilitiesAddUp() throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 30, periods: [2019, 2020], missing: 0, seed: 4)
        let e = try UncertaintyEngine(panel: panel, model: model, spec: PipelineSpec(),
                                      uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0.4, levels: [1, 2]), replications: 200),
                                      scoreCodes: ["index", "d1", "d2", "d3"])
        let r = try UncertaintySummary.compute(engine: e, priorities: PrioritySpec(top: 4), threads: 2)
        for period in [2019, 2020] {
            let total = r.units.filter { $0.period == period }.reduce(0) { $0 + $1.pTop }
            #expect(total.isApproximatelyEqual(to: 4, absoluteTolerance: 1e-9))
        }
        for u in r.units {
            let worst = r.themes.filter { $0.row == u.row }.reduce(0) { $0 + $1.pWorst }
            #expect(worst.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-9))
            #expect(u.rankP05 <= u.rankMedian && u.rankMedian <= u.rankP95)
            #expect(u.scoreP05 <= u.scoreP50 && u.scoreP50 <= u.scoreP95)
        }
        // Reference 2019 for both years: 2019's gaps are unchanged, 2020's are measured against 2019.
        let fixed = try UncertaintySummary.compute(engine: e, priorities: PrioritySpec(top: 4, reference: .period(2019)))
        let mean2019 = r.themes.first { $0.period == 2019 && $0.group == "d1" }!.reference
        #expect(fixed.themes.filter { $0.group == "d1" }.allSatisfy { $0.reference == mean2019 })
    }

    /// A small memory budget switches to single-precision samples, per-period index passes and
    /// theme chunks: ranks, p_top and p_worst are unchanged (ranks come from the double scores),
    /// score and gap bands move by at most single-precision rounding.
    @Test(arguments: [EvaluationPath.automatic, .general])
    func memoryBudgetChangesOnlyPrecision(path: EvaluationPath) throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 25, periods: [2019, 2020, 2021], missing: 0.05, seed: 9)
        let e = try UncertaintyEngine(panel: panel, model: model, spec: TestPanels.spec,
                                      uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0.3, levels: [1, 2]),
                                                                   normalise: [NormaliseParameters(), NormaliseParameters(method: .rank)],
                                                                   replications: 120),
                                      scoreCodes: ["index", "d1", "d2", "d3"], path: path)
        let full = try UncertaintySummary.compute(engine: e, threads: 2)
        // 75 rows × 120 replications × (2 + 4) bytes per index sample ≈ 54 kB; 20 kB forces splits.
        let small = try UncertaintySummary.compute(engine: e, threads: 2, memoryBudget: 20_000)
        // Scores lie in [0, 100]: a single-precision sample is off by at most 100·2⁻²⁴ ≈ 6·10⁻⁶,
        // and so is a gap (reference − score, the reference kept in double precision).
        func close(_ a: Double, _ b: Double) -> Bool {
            (a.isNaN && b.isNaN) || abs(a - b) <= 1e-5
        }
        for (a, b) in zip(full.units, small.units) {
            #expect(a.rank == b.rank && a.rankP05 == b.rankP05 && a.rankMedian == b.rankMedian && a.rankP95 == b.rankP95)
            #expect(a.pTop == b.pTop && a.rankMean == b.rankMean)
            #expect(close(a.scoreP05, b.scoreP05) && close(a.scoreP50, b.scoreP50) && close(a.scoreP95, b.scoreP95))
        }
        #expect(full.themes.count == small.themes.count)
        for (a, b) in zip(full.themes, small.themes) {
            #expect(a.group == b.group && a.priority == b.priority && a.pWorst == b.pWorst)
            #expect(close(a.gapP05, b.gapP05) && close(a.gapP95, b.gapP95), "\(a.gapP05 - b.gapP05), \(a.gapP95 - b.gapP95)")
        }
    }
}

@Suite struct FixedThemeTests {
    /// Noise on the dimensions' weights only: dimension scores depend on the normalisation
    /// alone, and the compiled path summarises gaps from per-alternative atoms. The general path
    /// keeps every replication's gaps: both must agree.
    @Test func atomsEqualPerReplicationSamples() throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 20, periods: [2019, 2020], missing: 0.05, seed: 13)
        let u = UncertaintySpec(weights: WeightNoise(noise: 0.3, levels: [2]),
                                normalise: [NormaliseParameters(), NormaliseParameters(method: .zscore(mean: 10, sd: 2)),
                                            NormaliseParameters(method: .rank)], replications: 90)
        func run(_ path: EvaluationPath) throws -> UncertaintyResult {
            let e = try UncertaintyEngine(panel: panel, model: model, spec: TestPanels.spec, uncertainty: u,
                                          scoreCodes: ["index", "d1", "d2", "d3"], path: path)
            return try UncertaintySummary.compute(engine: e, priorities: PrioritySpec(reference: .period(2019)), threads: 2)
        }
        let fast = try run(.automatic), slow = try run(.general)
        #expect(fast.themes.count == slow.themes.count && fast.themes.count == 120)
        for (a, b) in zip(fast.themes, slow.themes) {
            #expect(a.row == b.row && a.group == b.group && a.priority == b.priority)
            for (x, y) in [(a.gapP05, b.gapP05), (a.gapP95, b.gapP95), (a.pWorst, b.pWorst)] {
                #expect((x.isNaN && y.isNaN) || abs(x - y) < 1e-12, "\(a.unit) \(a.group): \(x) vs \(y)")
            }
        }
    }
}
