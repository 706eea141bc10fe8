import BuurtNumerics
@testable import BuurtRanking
import Numerics
import Testing
import BuurtIndex

@Suite struct ChangePassTests {
    /// index ← {d1 ← x1, d2 ← x2}, equal weights; three units in 2017 and 2018.
    static let model = try! IndexModel(nodes: [
        ModelNode(code: "index", kind: .aggregate),
        ModelNode(code: "d1", kind: .aggregate, parent: "index"),
        ModelNode(code: "d2", kind: .aggregate, parent: "index"),
        ModelNode(code: "x1", kind: .indicator, parent: "d1"),
        ModelNode(code: "x2", kind: .indicator, parent: "d2"),
    ])
    /// x1, x2 per row; 2017 fixes min/max: x1 ∈ [0, 10], x2 ∈ [10, 30].
    static let panel = Panel(
        unitCodes: ["u0", "u1", "u2", "u0", "u1", "u2"], periods: [2017, 2017, 2017, 2018, 2018, 2018],
        columnCodes: ["x1", "x2"],
        values: Matrix(rowMajor: [[0, 10], [10, 30], [0, 30], [5, 30], [10, 20], [5, 40]]))
    static let spec = PipelineSpec(normalise: NormaliseParameters(method: .minmax(lower: 0, upper: 100), scope: .reference(2017)))

    static func nominal(breaks: [MethodBreak] = []) throws -> ChangeAnalysis {
        let aggregated = try Pipeline.run(panel, model: model, spec: spec).aggregated
        return ChangeAnalysis.nominal(aggregated, model: model, from: 2017, to: 2018, breaks: breaks)
    }

    @Test func nominalChangesPerUnitAndGroup() throws {
        let a = try Self.nominal()
        // Normalised (x − min)/(max − min)·100 with 2017's range:
        // u0: d1 0 → 50, d2 0 → 100, index 0 → 75;  u1: d1 100 → 100, d2 100 → 50, index 100 → 75;
        // u2: d1 0 → 50, d2 100 → 150, index 50 → 100.
        #expect(a.groups == ["index", "d1", "d2"])
        #expect(a.rows.map(\.unit) == ["u0", "u0", "u0", "u1", "u1", "u1", "u2", "u2", "u2"])
        #expect(a.rows.map(\.change) == [75, 50, 100, -25, 0, -50, 50, 50, 50])
        #expect(a.rows.map(\.scoreFrom) == [0, 0, 0, 100, 100, 100, 50, 0, 100])
        #expect(a.rows.allSatisfy { $0.changeP05.isNaN && $0.changeP95.isNaN && $0.significant == nil && $0.breakNote == nil })
    }

    @Test func aBreakFlagsTheGroupsHoldingItsIndicators() throws {
        let a = try Self.nominal(breaks: [MethodBreak(period: 2018, indicators: ["x2"], note: "new question"),
                                          MethodBreak(period: 2019, indicators: ["x1"], note: "later")])
        // x2 sits in d2 and the index; the 2019 break is outside 2017 → 2018.
        #expect(a.rows.prefix(3).map(\.breakNote) == ["new question", nil, "new question"])
        #expect(a.breaks.map(\.period) == [2018])
        #expect(MethodBreak(period: 2018, indicators: [], note: "").separates(2020, 2017))
        #expect(!MethodBreak(period: 2017, indicators: [], note: "").separates(2017, 2020))
    }

    /// Weight noise on d1, d2: u2 improves by exactly 50 in both dimensions, so under the same
    /// draw in both periods its index change is (50·w1 + 50·w2)/(w1 + w2) = 50 whatever the
    /// weights; with independent draws the band would be wide (its index moves between 0 and 100
    /// in 2017 alone with the weights). u0's change lies between 50 and 100 (better), u1's
    /// between −50 and 0 with d2 weighing at least 0.75/2 (worse); u1's d1 change is 0 in every
    /// replication (not significant).
    @Test func bandsUseTheSameDrawInBothPeriods() throws {
        let nominal = try Self.nominal()
        let engine = try UncertaintyEngine(
            panel: Self.panel, model: Self.model, spec: Self.spec,
            uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [2]), replications: 200, seed: 5),
            scoreCodes: nominal.groups)
        let a = try #require(UncertaintySummary.compute(engine: engine, changes: nominal).changes)
        #expect(a.replications == 200 && a.failedReplications == 0)
        let u2 = a.rows[6]
        #expect(u2.changeP05.isApproximatelyEqual(to: 50, absoluteTolerance: 1e-9))
        #expect(u2.changeP95.isApproximatelyEqual(to: 50, absoluteTolerance: 1e-9))
        #expect(u2.significant == .better)
        let u0 = a.rows[0], u1 = a.rows[3]
        #expect(u0.changeP05 > 50 && u0.changeP95 < 100 && u0.changeP05 < u0.changeP95 && u0.significant == .better)
        #expect(u1.changeP95 < 0 && u1.significant == .worse)
        #expect(a.rows[4].changeP05 == 0 && a.rows[4].changeP95 == 0 && a.rows[4].significant == nil)
    }

    /// Units in chunks (here one unit's changes at a time: 3 groups × 200 × 8 bytes of a 4,000-byte budget, as a small memory budget forces on
    /// the compiled path: per-period index passes, the dimensions recomputed per chunk of units)
    /// give the same bands as samples stored for all units at once.
    @Test func chunkedUnitsGiveTheSameBands() throws {
        let nominal = try Self.nominal()
        let engine = try UncertaintyEngine(
            panel: Self.panel, model: Self.model, spec: Self.spec,
            uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [1, 2]), replications: 200, seed: 9),
            scoreCodes: nominal.groups)
        // 6 rows × 200 replications × (2 + 4 · 3) bytes in single precision = 16,800.
        let whole = try #require(UncertaintySummary.compute(engine: engine, changes: nominal, threads: 2, memoryBudget: 20_000).changes)
        let chunked = try #require(UncertaintySummary.compute(engine: engine, changes: nominal, threads: 1, memoryBudget: 4_000).changes)
        #expect(whole == chunked)
        #expect(whole.rows.contains { $0.changeP05 < $0.changeP95 })
    }

    @Test func periodsDefaultToFirstAndLastAndAreChecked() throws {
        #expect(try ChangeAnalysis.periods(nil, among: [2019, 2017, 2018])! == (2017, 2019))
        #expect(try ChangeAnalysis.periods(ChangeSpec(to: 2018), among: [2017, 2018, 2019])! == (2017, 2018))
        #expect(try ChangeAnalysis.periods(nil, among: [2017]) == nil)
        #expect(throws: BuurtError.self) { try ChangeAnalysis.periods(ChangeSpec(from: 2016), among: [2017, 2018]) }
    }
}
