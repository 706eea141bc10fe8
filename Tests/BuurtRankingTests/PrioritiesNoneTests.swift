import BuurtNumerics
import BuurtRanking
import Testing
import BuurtIndex

/// `priorities: none`: the Monte Carlo run scores the index alone, writes no lists, and its
/// per-row bands equal those of the run that also scores the problem dimensions.
@Suite struct PrioritiesNoneTests {
    static let off = PrioritySpec(enabled: false)

    @Test func onlyTheIndexIsScored() throws {
        let model = try TestPanels.model(dims: 3, perDim: 2)
        #expect(try UncertaintySummary.scoreCodes(model: model, priorities: Self.off) == ["index"])
        #expect(try UncertaintySummary.scoreCodes(model: model, priorities: PrioritySpec()) == ["index", "d1", "d2", "d3"])
        // A themes_of that is not an aggregate does not matter when there are no lists.
        #expect(try UncertaintySummary.scoreCodes(model: model, priorities: PrioritySpec(themesOf: "x1_1", enabled: false)) == ["index"])
    }

    /// The same replications with and without the problem dimensions: equal rank and score
    /// bands and p_top, row by row (exact equality: the index of a replication does not depend
    /// on which other aggregates the engine reports), and no lists without them.
    @Test(arguments: [
        // Linear path: weight noise on indicators and dimensions only (matrix products).
        UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [1, 2]), replications: 300, seed: 7),
        // General path: normalisation and aggregation alternatives (a pipeline run per replication).
        UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [1, 2]),
                        normalise: [NormaliseParameters(method: .minmax(lower: 1, upper: 100)),
                                    NormaliseParameters(method: .zscore(mean: 50, sd: 10))],
                        aggregate: [.arithmetic, .geometric], replications: 120, seed: 7),
    ])
    func indexBandsDoNotDependOnTheLists(uncertainty: UncertaintySpec) throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 40, periods: [2019, 2020], missing: 0.05, seed: 11)
        func engine(_ priorities: PrioritySpec) throws -> UncertaintyEngine {
            try UncertaintyEngine(panel: panel, model: model, spec: TestPanels.spec, uncertainty: uncertainty,
                                  scoreCodes: UncertaintySummary.scoreCodes(model: model, priorities: priorities))
        }
        let full = try UncertaintySummary.compute(engine: engine(PrioritySpec()), priorities: PrioritySpec(), threads: 2)
        let none = try UncertaintySummary.compute(engine: engine(Self.off), priorities: Self.off, threads: 2)
        #expect(!full.priorities.isEmpty && !full.themes.isEmpty)
        #expect(none.priorities.isEmpty && none.themes.isEmpty)
        #expect(none.units.count == full.units.count && none.units.count > 70)
        #expect(none.units == full.units)
        #expect(none.failures == full.failures && none.replications == full.replications)
        // Σ p_top over a period = 5 (top 5 by default) in both, so p_top really was computed.
        for period in [2019, 2020] {
            let total = none.units.filter { $0.period == period }.reduce(0) { $0 + $1.pTop }
            #expect(abs(total - 5) < 1e-9, "\(period): \(total)")
        }
    }

    /// Scores are stored in double precision when all samples fit the memory budget, else in
    /// single precision. Without the lists only the index's samples are stored, so the same
    /// budget can hold them in double where the full run falls back to single: rank bands and
    /// p_top (from ranks taken before storing) stay equal; score quantiles agree to single
    /// precision (relative 2⁻²⁴ ≈ 6e-8, on scores of 0–100: below 1e-5).
    /// Budget: 40 units × 2 periods × 300 replications = 24,000 samples; index alone 24,000 ×
    /// (2 + 8) = 240,000 bytes, with 3 dimensions 24,000 × (10 + 3 × 8) = 816,000 bytes.
    @Test func aSmallBudgetKeepsTheIndexInDoublePrecisionWithoutTheLists() throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 40, periods: [2019, 2020], missing: 0, seed: 3)
        let uncertainty = UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [1, 2]), replications: 300, seed: 9)
        func run(_ priorities: PrioritySpec, budget: Int) throws -> UncertaintyResult {
            let engine = try UncertaintyEngine(panel: panel, model: model, spec: TestPanels.spec, uncertainty: uncertainty,
                                               scoreCodes: UncertaintySummary.scoreCodes(model: model, priorities: priorities))
            return try UncertaintySummary.compute(engine: engine, priorities: priorities, memoryBudget: budget)
        }
        let fullSingle = try run(PrioritySpec(), budget: 500_000)
        let fullDouble = try run(PrioritySpec(), budget: 1_000_000)
        let none = try run(Self.off, budget: 500_000)
        // Without the lists the small budget gives the double-precision result exactly.
        #expect(none.units == fullDouble.units)
        #expect(none.units != fullSingle.units)
        for (a, b) in zip(none.units, fullSingle.units) {
            #expect(a.rank == b.rank && a.rankP05 == b.rankP05 && a.rankP95 == b.rankP95 && a.rankMedian == b.rankMedian)
            #expect(a.rankMean == b.rankMean && a.pTop == b.pTop)
            for (x, y) in [(a.scoreP05, b.scoreP05), (a.scoreP50, b.scoreP50), (a.scoreP95, b.scoreP95)] {
                #expect(abs(x - y) <= 1e-5, "\(a.unit) \(String(describing: a.period)): \(x) vs \(y)")
            }
        }
    }
}
