import BuurtNumerics
import BuurtRanking
import Numerics
import Testing
import BuurtIndex

/// Removal analysis on a hand-computed case.
@Suite struct RemovalAnalysisTests {
    /// Index ← D1 (weight 2) ← a; Index ← D2 (weight 1) ← b.
    static func model() throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "D1", kind: .aggregate, parent: "Index", weight: 2),
            ModelNode(code: "D2", kind: .aggregate, parent: "Index", weight: 1),
            ModelNode(code: "a", kind: .indicator, parent: "D1"),
            ModelNode(code: "b", kind: .indicator, parent: "D2"),
        ])
    }

    /// Three units: a = (100, 50, 0), b = (0, 1, 2); after min-max to [0, 100] within the period
    /// a = (100, 50, 0) and b = (0, 50, 100).
    static func panel() -> Panel {
        Panel(unitCodes: ["U0", "U1", "U2"], periods: [2020, 2020, 2020], columnCodes: ["a", "b"],
              values: Matrix(rowMajor: [[100, 0], [50, 1], [0, 2]]))
    }

    @Test func dimensionsRemovedOneAtATime() throws {
        // nominal Index = (2a + b)/3 = (200/3, 50, 100/3) → ranks (1, 2, 3)
        // without D1: Index = b = (0, 50, 100) → ranks (3, 2, 1);
        //   shifts nominal − removed = (1 − 3, 2 − 2, 3 − 1) = (−2, 0, 2): mean |·| = 4/3, max 2
        // without D2: Index = a = (100, 50, 0) → ranks (1, 2, 3): shifts 0, mean 0, max 0
        let rows = try RemovalAnalysis.run(panel: Self.panel(), model: Self.model(), spec: PipelineSpec())
        #expect(rows.map(\.dimension) == ["D1", "D2"])
        #expect(rows[0].rankShifts == [-2, 0, 2])
        #expect(rows[0].meanAbsoluteRankShift.isApproximatelyEqual(to: 4.0 / 3, absoluteTolerance: 1e-15))
        #expect(rows[0].maxAbsoluteRankShift == 2)
        #expect(rows[1] == RemovalRow(dimension: "D2", meanAbsoluteRankShift: 0, maxAbsoluteRankShift: 0, rankShifts: [0, 0, 0]))
    }

    @Test func shiftsAreAveragedPerPeriod() throws {
        // 2020 as above; 2021 has the same units with a and b swapped: a = (0, 1, 2) → (0, 50, 100),
        // b = (100, 50, 0). Nominal (2a + b)/3 = (100/3, 50, 200/3) → ranks (3, 2, 1).
        // Without D1 (Index = b): ranks (1, 2, 3), shifts (2, 0, −2), mean 4/3 — both periods 4/3.
        // Without D2 (Index = a): ranks (3, 2, 1), shifts 0.
        let p = Self.panel()
        let panel = Panel(unitCodes: p.unitCodes + p.unitCodes, periods: [2020, 2020, 2020, 2021, 2021, 2021],
                          columnCodes: ["a", "b"],
                          values: Matrix(rowMajor: [[100, 0], [50, 1], [0, 2], [0, 100], [1, 50], [2, 0]]))
        let rows = try RemovalAnalysis.run(panel: panel, model: Self.model(), spec: PipelineSpec())
        #expect(rows[0].rankShifts == [-2, 0, 2, 2, 0, -2])
        #expect(rows[0].meanAbsoluteRankShift.isApproximatelyEqual(to: 4.0 / 3, absoluteTolerance: 1e-15))
        #expect(rows[1].rankShifts == [0, 0, 0, 0, 0, 0] && rows[1].maxAbsoluteRankShift == 0)
    }

    @Test func aGivenNominalRunGivesTheSameRows() throws {
        let model = try Self.model()
        let nominal = try Pipeline.run(Self.panel(), model: model, spec: PipelineSpec())
        #expect(try RemovalAnalysis.run(nominal: nominal, model: model, spec: PipelineSpec())
                == RemovalAnalysis.run(panel: Self.panel(), model: model, spec: PipelineSpec()))
    }

    @Test func anAggregateWithOneChildCannotLoseIt() throws {
        #expect(throws: BuurtError.self) {
            _ = try RemovalAnalysis.run(panel: Self.panel(), model: Self.model(), spec: PipelineSpec(), parent: "D1")
        }
        #expect(throws: BuurtError.self) {
            _ = try RemovalAnalysis.run(panel: Self.panel(), model: Self.model(), spec: PipelineSpec(), parent: "a")
        }
    }
}
