import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct DenominateTests {
    /// x ÷ pop (default scale), y ÷ pop × 1000 (own scale), z not denominated; pop is a denominator column.
    private func model() throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "x", kind: .indicator, parent: "Index", denominator: "pop"),
            ModelNode(code: "y", kind: .indicator, parent: "Index", denominator: "pop", scale: 1000),
            ModelNode(code: "z", kind: .indicator, parent: "Index"),
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "pop", kind: .denominator),
        ])
    }

    /// Units A, B in 2017 and 2018, with a group column.
    private func panel(pop: [Double]) -> Panel {
        let x: [Double] = [10, 20, .nan, 30]
        let y: [Double] = [1, 2, 3, 4]
        let z: [Double] = [7, 8, 9, 10]
        return Panel(
            unitCodes: ["A", "B", "A", "B"], periods: [2017, 2017, 2018, 2018],
            columnCodes: ["x", "y", "z", "pop"], values: Matrix(columnList: [x, y, z, pop], rows: 4),
            categories: [(name: "region", values: ["N", "S", "N", nil])])
    }

    @Test func dividesByTheDenominatorAndScales() throws {
        let input = panel(pop: [100, 400, 50, .nan])
        let out = try Denominate.apply(input, model: model(), parameters: DenominateParameters(scale: 100))
        // x: 10/100·100 = 10, 20/400·100 = 5, missing stays missing, 30/missing → missing
        let x = try #require(out.panel.column("x"))
        #expect(x[0].isApproximatelyEqual(to: 10, absoluteTolerance: 1e-12))
        #expect(x[1].isApproximatelyEqual(to: 5, absoluteTolerance: 1e-12))
        #expect(x[2].isNaN && x[3].isNaN)
        // y uses its own scale 1000: 1/100·1000 = 10, 2/400·1000 = 5, 3/50·1000 = 60, 4/missing → missing
        let y = try #require(out.panel.column("y"))
        #expect(y[0].isApproximatelyEqual(to: 10, absoluteTolerance: 1e-12))
        #expect(y[1].isApproximatelyEqual(to: 5, absoluteTolerance: 1e-12))
        #expect(y[2].isApproximatelyEqual(to: 60, absoluteTolerance: 1e-12))
        #expect(y[3].isNaN)
        // everything else as it was
        #expect(out.panel.column("z") == [7, 8, 9, 10])
        #expect(out.panel.column("pop")!.prefix(3) == [100, 400, 50])
        #expect(out.panel.category("region")! == ["N", "S", "N", nil])
        #expect(out.panel.unitCodes == input.unitCodes && out.panel.periods == input.periods)
        #expect(out.record.divisions == [
            .init(indicator: "x", denominator: "pop", scale: 100, missingDenominators: 1),
            .init(indicator: "y", denominator: "pop", scale: 1000, missingDenominators: 1),
        ])
    }

    @Test func zeroDenominatorUnderAValueNamesTheCell() throws {
        let input = panel(pop: [100, 0, 50, 20])
        let model = try model()
        do {
            _ = try Denominate.apply(input, model: model, parameters: DenominateParameters())
            Issue.record("expected an error for pop = 0")
        } catch {
            #expect(error.kind == .data)
            for part in ["'B'", "2017", "'x'", "pop"] { #expect(error.message.contains(part), "\(error.message)") }
        }
    }

    @Test func zeroDenominatorUnderAMissingValueIsAllowed() throws {
        // A in 2018 has pop 0, x missing and y made missing: no division happens, both stay missing.
        var input = panel(pop: [100, 400, 0, 20])
        input.values[2, 1] = .nan
        let out = try Denominate.apply(input, model: model(), parameters: DenominateParameters())
        #expect(out.panel.values[2, 0].isNaN && out.panel.values[2, 1].isNaN)
        // 30/20·1 = 1.5
        #expect(out.panel.values[3, 0] == 1.5)
    }

    @Test func unknownDenominatorColumnIsAnError() throws {
        let input = panel(pop: [1, 1, 1, 1]).selecting(columns: ["x", "y", "z"])
        #expect(throws: BuurtError.self) {
            try Denominate.apply(input, model: model(), parameters: DenominateParameters())
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func matchesCOINrOnASEM() throws {
        let raw = try Fixtures.asemPanel("pipeline_01_Raw.csv", groups: true, denominators: true)
        let expected = try Fixtures.asemPanel("pipeline_02_Denominated.csv")
        let model = try Fixtures.asemModel()
        let out = try Denominate.apply(raw, model: model, parameters: DenominateParameters(scale: 1))
        #expect(out.panel.unitCodes == expected.unitCodes)
        var worst = 0.0
        for code in model.indicators {
            for (a, b) in zip(out.panel.column(code)!, expected.column(code)!) {
                #expect(a.isNaN == b.isNaN, "\(code)")
                if !a.isNaN && !b.isNaN { worst = max(worst, abs(a - b)) }
            }
        }
        print("ASEM denominate: max abs diff \(worst)")
        #expect(worst < 1e-9)
        #expect(out.record.divisions.count == model.nodes.filter { $0.denominator != nil }.count)
        #expect(out.panel.column("Population") == raw.column("Population"))
    }
}
