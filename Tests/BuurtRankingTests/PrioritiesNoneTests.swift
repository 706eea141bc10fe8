import BuurtNumerics
import BuurtRanking
import Testing

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
}
