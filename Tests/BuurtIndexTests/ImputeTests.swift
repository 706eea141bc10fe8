import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct ImputeTests {
    private func model() throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "a", kind: .indicator, parent: "Index"),
            ModelNode(code: "b", kind: .indicator, parent: "Index"),
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "g", kind: .group),
            ModelNode(code: "pop", kind: .other),
        ])
    }

    /// Units A–D in 2017 (rows 0–3) and 2018 (rows 4–7); group g; `pop` is not an indicator.
    ///
    ///     row unit year g    a    b
    ///      0   A   2017 N    1    –
    ///      1   B   2017 N    –    4
    ///      2   C   2017 S    5    6
    ///      3   D   2017 S    9    –
    ///      4   A   2018 N    2   10
    ///      5   B   2018 N    4    –
    ///      6   C   2018 S    7    –
    ///      7   D   2018 nil  –   30
    private func panel() -> Panel {
        let nan = Double.nan
        return Panel(
            unitCodes: ["A", "B", "C", "D", "A", "B", "C", "D"],
            periods: [2017, 2017, 2017, 2017, 2018, 2018, 2018, 2018],
            columnCodes: ["a", "b", "pop"],
            values: Matrix(columnList: [
                [1, nan, 5, 9, 2, 4, 7, nan],
                [nan, 4, 6, nan, 10, nan, nan, 30],
                [nan, 1, 2, 3, 4, 5, 6, 7],
            ], rows: 8),
            categories: [(name: "g", values: ["N", "N", "S", "S", "N", "N", "S", nil])])
    }

    private func run(_ method: ImputeMethod, _ scope: ImputeScope, _ input: Panel? = nil) throws -> StageOutput<ImputeRecord> {
        try Impute.apply(input ?? panel(), model: model(), parameters: ImputeParameters(method: method, scope: scope))
    }

    private func expectColumn(_ out: Panel, _ code: String, _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let got = out.column(code)!
        for (g, e) in zip(got, expected) {
            #expect(g.isNaN && e.isNaN || g.isApproximatelyEqual(to: e, absoluteTolerance: 1e-12),
                    "\(code): got \(got), expected \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func meanWithinEachPeriod() throws {
        let out = try run(.mean, .period)
        // a: 2017 (1+5+9)/3 = 5; 2018 (2+4+7)/3 = 13/3.  b: 2017 (4+6)/2 = 5; 2018 (10+30)/2 = 20
        expectColumn(out.panel, "a", [1, 5, 5, 9, 2, 4, 7, 13.0 / 3])
        expectColumn(out.panel, "b", [5, 4, 6, 5, 10, 20, 20, 30])
        expectColumn(out.panel, "pop", [.nan, 1, 2, 3, 4, 5, 6, 7])
        #expect(out.record.counts == [
            ImputationCount(indicator: "a", imputed: 2, unfilled: 0),
            ImputationCount(indicator: "b", imputed: 4, unfilled: 0),
        ])
        #expect(out.record.imputed.map(\.row) == [1, 7, 0, 3, 5, 6])
        #expect(out.record.imputed[1] == ImputedCell(row: 7, unit: "D", period: 2018, indicator: "a",
                                                     value: 13.0 / 3, how: .mean(group: nil, count: 3)))
    }

    @Test func meanWithinPeriodAndGroup() throws {
        let out = try run(.mean, .group("g"))
        // a row 1 (2017, N): rows 0–1 have only 1 → 1.  a row 7 (2018, no group): whole 2018 → 13/3
        // b row 0 (2017, N): 4; row 3 (2017, S): 6; row 5 (2018, N): 10; row 6 (2018, S): only itself → stays missing
        expectColumn(out.panel, "a", [1, 1, 5, 9, 2, 4, 7, 13.0 / 3])
        expectColumn(out.panel, "b", [4, 4, 6, 6, 10, 10, .nan, 30])
        #expect(out.record.imputed.map(\.how) == [
            .mean(group: "N", count: 1), .mean(group: nil, count: 3),
            .mean(group: "N", count: 1), .mean(group: "S", count: 1), .mean(group: "N", count: 1),
        ])
        #expect(out.record.unfilled == [UnfilledCell(row: 6, unit: "C", period: 2018, indicator: "b")])
        #expect(out.record.counts.map(\.unfilled) == [0, 1])
    }

    @Test func medianOverAllRowsAndPerPeriod() throws {
        // all: a values 1,2,4,5,7,9 → (4+5)/2 = 4.5; b values 4,6,10,30 → (6+10)/2 = 8
        let all = try run(.median, .all)
        expectColumn(all.panel, "a", [1, 4.5, 5, 9, 2, 4, 7, 4.5])
        expectColumn(all.panel, "b", [8, 4, 6, 8, 10, 8, 8, 30])
        #expect(all.record.imputed.first?.how == .median(group: nil, count: 6))
        // period: a 2017 median(1,5,9) = 5, 2018 median(2,4,7) = 4
        let perPeriod = try run(.median, .period)
        expectColumn(perPeriod.panel, "a", [1, 5, 5, 9, 2, 4, 7, 4])
    }

    @Test func noneLeavesThePanelAsItIs() throws {
        let out = try run(.none, .period)
        #expect(out.panel == panel())
        #expect(out.record == ImputeRecord(method: .none))
    }

    @Test func unknownGroupColumnListsTheCategoricalColumns() throws {
        let model = try model()
        do {
            _ = try Impute.apply(panel(), model: model, parameters: ImputeParameters(method: .mean, scope: .group("region")))
            Issue.record("expected an error for an unknown group column")
        } catch {
            #expect(error.kind == .data)
            #expect(error.message.contains("'region'") && error.message.contains("'g'"), "\(error.message)")
        }
    }

    /// Rows deliberately out of period order. Units:
    /// U: 2017 = 1, 2018 –, 2019 = 3;  V: 2016 –, 2017 –, 2018 = 5, 2019 –, 2020 = 9, 2021 –;
    /// W: never observed;  X: 2016 = 0, 2017 –, 2020 = 8.
    private func series() -> Panel {
        let nan = Double.nan
        let rows: [(String, Int, Double)] = [
            ("U", 2019, 3), ("V", 2021, nan), ("U", 2017, 1), ("V", 2016, nan), ("W", 2017, nan),
            ("V", 2018, 5), ("U", 2018, nan), ("V", 2020, 9), ("V", 2019, nan), ("V", 2017, nan),
            ("W", 2018, nan), ("X", 2020, 8), ("X", 2016, 0), ("X", 2017, nan),
        ]
        return Panel(
            unitCodes: rows.map(\.0), periods: rows.map(\.1), columnCodes: ["a", "b", "pop"],
            values: Matrix(columnList: [rows.map(\.2), rows.indices.map(Double.init),
                                        Array(repeating: nan, count: rows.count)], rows: rows.count))
    }

    @Test func interpolationPerUnitOverPeriods() throws {
        let out = try run(.interpolate, .period, series())
        // U 2018: 1 + (3 − 1)·(1/2) = 2.  V 2016, 2017: nearest 5; V 2019: 5 + (9 − 5)·(1/2) = 7; V 2021: nearest 9.
        // W: stays missing.  X 2017: 0 + (8 − 0)·(1/4) = 2.
        expectColumn(out.panel, "a", [3, 9, 1, 5, .nan, 5, 2, 9, 7, 5, .nan, 8, 0, 2])
        expectColumn(out.panel, "b", (0..<14).map(Double.init))
        #expect(out.panel.column("pop")!.allSatisfy { $0.isNaN })
        let how = Dictionary(uniqueKeysWithValues: out.record.imputed.map { ($0.row, $0.how) })
        #expect(how == [1: .nearest(period: 2020), 3: .nearest(period: 2018), 6: .interpolated(from: 2017, to: 2019),
                        8: .interpolated(from: 2018, to: 2020), 9: .nearest(period: 2018),
                        13: .interpolated(from: 2016, to: 2020)])
        #expect(out.record.imputed.map(\.row) == [1, 3, 6, 8, 9, 13])
        #expect(out.record.unfilled.map(\.row) == [4, 10])
        #expect(out.record.counts == [ImputationCount(indicator: "a", imputed: 6, unfilled: 2),
                                      ImputationCount(indicator: "b", imputed: 0, unfilled: 0)])
    }

    @Test func interpolationNeedsPeriods() throws {
        var input = panel()
        input.periods = Array(repeating: nil, count: input.rowCount)
        let model = try model()
        #expect(throws: BuurtError.self) {
            try Impute.apply(input, model: model, parameters: ImputeParameters(method: .interpolate))
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func groupMeanMatchesCOINrOnASEM() throws {
        let denominated = try Fixtures.asemPanel("pipeline_02_Denominated.csv", groups: true)
        let expected = try Fixtures.asemPanel("pipeline_03_Imputed.csv")
        let model = try Fixtures.asemModel()
        let out = try Impute.apply(denominated, model: model,
                                   parameters: ImputeParameters(method: .mean, scope: .group("EurAsia_group")))
        var worst = 0.0, missing = 0
        for code in model.indicators {
            for (a, b) in zip(out.panel.column(code)!, expected.column(code)!) {
                if a.isNaN || b.isNaN { missing += 1 } else { worst = max(worst, abs(a - b)) }
            }
        }
        print("ASEM impute: max abs diff \(worst), \(out.record.imputed.count) cells imputed")
        #expect(missing == 0)
        #expect(worst < 1e-9)
        let before = model.indicators.reduce(0) { $0 + denominated.column($1)!.filter(\.isNaN).count }
        #expect(out.record.imputed.count == before && out.record.unfilled.isEmpty)
    }
}
