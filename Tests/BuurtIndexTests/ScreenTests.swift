import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct ScreenTests {
    private func model() throws -> IndexModel {
        try IndexModel(nodes: ["i1", "i2", "i3", "i4"].map { ModelNode(code: $0, kind: .indicator, parent: "Index") }
            + [ModelNode(code: "Index", kind: .aggregate), ModelNode(code: "pop", kind: .other)])
    }

    ///     row unit year  i1  i2  i3  i4   pop (not an indicator, never counted)
    ///      0   A   2017   1   –   –   0    –
    ///      1   B   2017   0   0   3   –    –
    ///      2   A   2018   1   2   3   4    –
    ///      3   B   2018   –   –   –   –    –
    private func panel() -> Panel {
        let nan = Double.nan
        return Panel(
            unitCodes: ["A", "B", "A", "B"], unitNames: ["Alpha", "Beta", "Alpha", "Beta"],
            periods: [2017, 2017, 2018, 2018], columnCodes: ["i1", "i2", "i3", "i4", "pop"],
            values: Matrix(rowMajor: [
                [1, nan, nan, 0, nan], [0, 0, 3, nan, nan], [1, 2, 3, 4, nan], [nan, nan, nan, nan, nan],
            ]),
            categories: [(name: "g", values: ["x", "y", "x", "y"])])
    }

    @Test func removesRowsBelowTheThresholdPerPeriod() throws {
        let out = try Screen.apply(panel(), model: model(), parameters: ScreenParameters(minCoverage: 0.75))
        // coverage = 1 − missing/4: row 0: 1 − 2/4 = 0.5 (removed), row 1: 1 − 1/4 = 0.75 (kept: not below),
        // row 2: 1, row 3: 0 (removed). So A stays in 2018 only and B in 2017 only.
        #expect(out.record.rows.map(\.coverage) == [0.5, 0.75, 1, 0])
        #expect(out.record.rows.map(\.missing) == [2, 1, 0, 4])
        #expect(out.record.rows.map(\.zeros) == [1, 2, 0, 0])
        // non-zero share = 1 − zeros/available: 1 − 1/2, 1 − 2/3, 1 − 0/4, none available
        #expect(out.record.rows.map(\.nonZeroShare) == [0.5, 1 - 2.0 / 3, 1, nil])
        #expect(out.record.removed.map { "\($0.unit) \($0.name) \($0.period!) \($0.coverage)" } == ["A Alpha 2017 0.5", "B Beta 2018 0.0"])
        #expect(out.panel == panel().selecting(rows: [1, 2]))
        #expect(out.panel.category("g")! == ["y", "x"])
    }

    @Test func keepsEveryRowWhenAllAreCoveredEnough() throws {
        let out = try Screen.apply(panel(), model: model(), parameters: ScreenParameters(minCoverage: 0))
        #expect(out.panel == panel())
        #expect(out.record.removed.isEmpty && out.record.minCoverage == 0)
    }

    /// The counts of the table above: missing per row 2, 1, 0, 4 and zeros 1, 2, 0, 0 over the
    /// four indicators (pop is not counted).
    @Test func countsAreTheMissingAndZeroCellsOfTheIndicators() throws {
        let counts = try Screen.counts(panel(), model: model())
        #expect(counts == Screen.Counts(missing: [2, 1, 0, 4], zeros: [1, 2, 0, 0], indicators: 4))
    }

    /// Screening with counts taken before imputation equals screening with the data before
    /// imputation (what the pipeline did before it kept only the counts): here row 0 is filled
    /// in, yet it is removed because its observed coverage is 0.5.
    @Test func screeningOnCountsEqualsScreeningOnTheObservedData() throws {
        let observed = panel()
        var filled = observed
        for code in ["i1", "i2", "i3", "i4"] {
            filled.setColumn(code, filled.column(code)!.map { $0.isNaN ? 9 : $0 })
        }
        let parameters = ScreenParameters(minCoverage: 0.75, basis: .observed)
        let onData = try Screen.apply(filled, model: model(), parameters: parameters, observed: observed)
        let onCounts = try Screen.apply(filled, model: model(), parameters: parameters, counts: Screen.counts(observed, model: model()))
        #expect(onCounts.panel == onData.panel)
        #expect(onCounts.record == onData.record)
        #expect(onCounts.panel == filled.selecting(rows: [1, 2]))
        #expect(throws: BuurtError.self) {
            try Screen.apply(filled, model: model(), parameters: parameters, counts: Screen.Counts(missing: [0], zeros: [0], indicators: 4))
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func matchesCOINrOnASEM() throws {
        let imputed = try Fixtures.asemPanel("pipeline_03_Imputed.csv", groups: true)
        let expected = try Fixtures.asemPanel("pipeline_04_Screened.csv")
        let summary = try Fixtures.asem("pipeline_screen_summary.csv")
        let removed = try Fixtures.asem("pipeline_screen_removed.csv")
        let model = try Fixtures.asemModel()
        let out = try Screen.apply(imputed, model: model, parameters: ScreenParameters(minCoverage: 0.9))
        #expect(out.panel.unitCodes == expected.unitCodes)
        #expect(out.record.removed.map(\.unit) == removed.column("RemovedUnits"))
        var worst = 0.0
        for code in model.indicators {
            for (a, b) in zip(out.panel.column(code)!, expected.column(code)!) { worst = max(worst, abs(a - b)) }
        }
        #expect(summary.column("uCode") == out.record.rows.map(\.unit))
        let available = summary.numbers("Dat_Avail"), missing = summary.numbers("N_missing"), zeros = summary.numbers("N_zero")
        for (k, row) in out.record.rows.enumerated() {
            worst = max(worst, abs(row.coverage - available[k]))
            #expect(Double(row.missing) == missing[k] && Double(row.zeros) == zeros[k], "\(row.unit)")
        }
        print("ASEM screen: max abs diff \(worst)")
        #expect(worst < 1e-9)
    }
}
