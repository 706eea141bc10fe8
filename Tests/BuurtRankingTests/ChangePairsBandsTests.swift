import BuurtIndex
import BuurtNumerics
@testable import BuurtRanking
import Testing

/// Several pairs of periods in one summary: each pair's rows are the rows of that pair computed
/// alone (a row does not depend on the other pairs asked for), under every split of the memory
/// budget and thread count; slope and CAGR bands come from the same draws.
@Suite struct ChangePairsBandsTests {
    static let all = ResolvedChanges(pairs: [PeriodPair(from: 2019, to: 2020), PeriodPair(from: 2019, to: 2021), PeriodPair(from: 2020, to: 2021)],
                                     trends: [PeriodPair(from: 2019, to: 2021)], periods: [2019, 2020, 2021])

    static func banded(_ engine: UncertaintyEngine, _ changes: ResolvedChanges, budget: Int, threads: Int) throws -> ChangeAnalysis {
        let nominal = ChangeAnalysis.nominal(engine.rows, model: engine.model, changes: changes, breaks: [])
        return try #require(try UncertaintySummary.compute(engine: engine, priorities: PrioritySpec(top: 4), changes: nominal,
                                                           threads: threads, memoryBudget: budget).changes)
    }

    @Test(arguments: [EvaluationPath.automatic, .general])
    func eachPairIsThePairAlone(path: EvaluationPath) throws {
        let e = try OnePassTests.engine(TestPanels.model(dims: 3, perDim: 3), path: path)
        for budget in [1 << 30, 100_000] {
            let together = try Self.banded(e, Self.all, budget: budget, threads: 2)
            #expect(together == (try Self.banded(e, Self.all, budget: budget, threads: 1)))
            for pair in Self.all.pairs {
                let alone = try Self.banded(e, ResolvedChanges(pairs: [pair], periods: Self.all.periods), budget: budget, threads: 2)
                #expect(together.rows(pair) == alone.rows, "\(pair) at \(budget)")
                #expect(alone.rows.count == 30 * 4 && alone.rows.contains { $0.changeP05 < $0.changeP95 })
            }
        }
    }

    /// The slope band is the type-7 5 % and 95 % quantile of the per-replication OLS slopes
    /// over the engine's scores (recomputed here from ``UncertaintyEngine/evaluate(_:threads:progress:)``).
    @Test func slopeBandsAreTheQuantilesOfTheReplicationSlopes() throws {
        let e = try OnePassTests.engine(TestPanels.model(dims: 3, perDim: 3))
        var a = ChangeAnalysis.nominal(e.rows, model: e.model, changes: Self.all, breaks: [])
        let draws = (0..<120).map { e.draw(replication: $0) }
        let selected = a.rows.indices.filter { a.rows[$0].measure != .change }
        try ChangeSeriesBands.apply(&a, rows: selected, engine: e, draws: draws, threads: 2)
        var again = ChangeAnalysis.nominal(e.rows, model: e.model, changes: Self.all, breaks: [])
        try ChangeSeriesBands.apply(&again, rows: selected, engine: e, draws: draws, threads: 1)
        #expect(a == again)
        // The summary takes the same bands from its stored samples (one index pass, Double),
        // and leaves them to the engine when it keeps none.
        let stored = try Self.banded(e, Self.all, budget: 1 << 30, threads: 2)
        #expect(selected.allSatisfy { stored.rows[$0] == a.rows[$0] })
        #expect(selected.contains { !stored.rows[$0].changeP05.isNaN })
        let split = try Self.banded(e, Self.all, budget: 100_000, threads: 2)
        #expect(selected.allSatisfy { split.rows[$0].changeP05.isNaN })
        let block = try e.evaluate(draws)
        let root = e.scoreCodes.firstIndex(of: e.model.root)!
        let slope = try #require(a.rows(Self.all.trends[0], .slope).first { $0.group == e.model.root && !$0.change.isNaN })
        let rows = [2019, 2020, 2021].map { year in (0..<e.rows.rowCount).first { e.rows.unitCodes[$0] == slope.unit && e.rows.periods[$0] == year } }
        let slopes = (0..<120).map { d in
            ChangeMeasures.slope(years: [2019, 2020, 2021], scores: rows.map { $0.map { block[code: root, draw: d, row: $0] } ?? .nan })
        }.filter { !$0.isNaN }.sorted()
        func type7(_ p: Double) -> Double {
            let h = Double(slopes.count - 1) * p, lo = Int(h.rounded(.down))
            return slopes[lo] + (h - Double(lo)) * (slopes[Swift.min(lo + 1, slopes.count - 1)] - slopes[lo])
        }
        #expect(abs(slope.changeP05 - type7(0.05)) < 1e-12 && abs(slope.changeP95 - type7(0.95)) < 1e-12)
        #expect(a.rows.filter { $0.measure != .change }.allSatisfy { $0.changeP05.isNaN || $0.changeP05 <= $0.changeP95 })
    }
}
