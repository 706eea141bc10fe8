import BuurtIndex
import BuurtNumerics
@testable import BuurtRanking
import PropertyBased
import Testing

/// ``StrengthsWeaknesses``: a hand-computed panel, and properties on generated ones.
@Suite struct StrengthsWeaknessesTests {
    /// index ← d1 (i1 ↑, i2 ↓), d2 (i3 ↑, i4 ↓); three buurten in 2020, i2 missing for u3. The
    /// panel's columns are in the reverse of the model's order, so a tie broken by column order
    /// would show.
    ///
    /// Raw values (u1, u2, u3) and min-max [0, 100] scores after the direction:
    /// i1 (10, 0, 4) → (100, 0, 40); i2 (1, 3, –) → (100, 0, –); i3 (0, 10, 4) → (0, 100, 40);
    /// i4 (0, 10, 6) → (100, 0, 40). City means: 140/3 for i1, i3, i4 and 50 for i2.
    static func tiny() throws -> (panel: Panel, model: IndexModel) {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "d1", kind: .aggregate, parent: "index"),
            ModelNode(code: "d2", kind: .aggregate, parent: "index"),
            ModelNode(code: "i1", kind: .indicator, parent: "d1", direction: 1),
            ModelNode(code: "i2", kind: .indicator, parent: "d1", direction: -1),
            ModelNode(code: "i3", kind: .indicator, parent: "d2", direction: 1),
            ModelNode(code: "i4", kind: .indicator, parent: "d2", direction: -1),
        ])
        let raw = Panel(
            unitCodes: ["u1", "u2", "u3"], unitNames: ["Een", "Twee", "Drie"], periods: [2020, 2020, 2020],
            columnCodes: ["i4", "i3", "i2", "i1"],
            values: Matrix(rowMajor: [[0, 0, 1, 10], [10, 10, 3, 0], [6, 4, .nan, 4]]))
        return (try Pipeline.normalised(raw, model: model, spec: PipelineSpec()), model)
    }

    @Test func tinyPanelGivesTheHandComputedRows() throws {
        let (panel, model) = try Self.tiny()
        let third = 140.0 / 3
        typealias Expected = (unit: String, kind: StrengthRow.Kind, position: Int, indicator: String, dimension: String,
                              score: Double, reference: Double)
        let expected: [Expected] = [
            // u1: i1 and i4 tie at 100 − 140/3 (model order: i1 first), then i2 at 50; i3 below.
            ("u1", .strength, 1, "i1", "d1", 100, third), ("u1", .strength, 2, "i4", "d2", 100, third),
            ("u1", .strength, 3, "i2", "d1", 100, 50), ("u1", .weakness, 1, "i3", "d2", 0, third),
            // u2: i3 above; i2 at −50, then i1 and i4 tied at −140/3.
            ("u2", .strength, 1, "i3", "d2", 100, third), ("u2", .weakness, 1, "i2", "d1", 0, 50),
            ("u2", .weakness, 2, "i1", "d1", 0, third), ("u2", .weakness, 3, "i4", "d2", 0, third),
            // u3: i2 missing, the other three tied at 40 − 140/3, nothing above the city.
            ("u3", .weakness, 1, "i1", "d1", 40, third), ("u3", .weakness, 2, "i3", "d2", 40, third),
            ("u3", .weakness, 3, "i4", "d2", 40, third),
        ]
        let rows = StrengthsWeaknesses.rows(panel, model: model)
        #expect(rows.count == expected.count)
        for (row, e) in zip(rows, expected) {
            #expect(row.unit == e.unit && row.kind == e.kind && row.position == e.position && row.indicator == e.indicator
                    && row.dimension == e.dimension, "\(row)")
            #expect(abs(row.score - e.score) < 1e-12 && abs(row.reference - e.reference) < 1e-12, "\(row)")
            #expect(abs(row.difference - (e.score - e.reference)) < 1e-12, "\(row)")
            #expect(row.name == ["u1": "Een", "u2": "Twee", "u3": "Drie"][e.unit] && row.period == 2020)
        }
        // At most one of each: u1's tie goes to i1, u3 has no strength.
        let one = StrengthsWeaknesses.rows(panel, model: model, count: 1)
        #expect(one.map { "\($0.unit) \($0.kind.rawValue) \($0.indicator)" }
                == ["u1 strength i1", "u1 weakness i3", "u2 strength i3", "u2 weakness i2", "u3 weakness i1"])
        #expect(StrengthsWeaknesses.rows(panel, model: model, count: 0).isEmpty)
        #expect(StrengthsWeaknesses.rows(panel, model: model, units: ["u3"]).map(\.indicator) == ["i1", "i3", "i4"])
    }

    /// Against a reference year, every period is compared with that year's means: here every
    /// 2021 score lies 10 above its 2020 score, and the references stay those of 2020.
    @Test func aReferenceYearComparesEveryPeriodWithThatYear() throws {
        let (panel, model) = try Self.tiny()
        var later = panel
        later.periods = [2021, 2021, 2021]
        for j in 0..<later.values.columns {
            later.values.setColumn(j, later.values.column(j).map { $0 + 10 })
        }
        let both = Panel(
            unitCodes: panel.unitCodes + later.unitCodes, unitNames: panel.unitNames + later.unitNames,
            periods: panel.periods + later.periods, columnCodes: panel.columnCodes,
            values: Matrix(columnList: (0..<panel.values.columns).map { panel.values.column($0) + later.values.column($0) },
                           rows: 6))
        let rows = StrengthsWeaknesses.rows(both, model: model, reference: .period(2020))
        let third = 140.0 / 3
        for row in rows {
            #expect(abs(row.reference - (row.indicator == "i2" ? 50 : third)) < 1e-12, "\(row)")
        }
        // 2021, u2: i3 at 110 − 140/3; i2 at 10 − 50; i1, i4 at 10 − 140/3; all below but i3.
        #expect(rows.filter { $0.period == 2021 && $0.unit == "u2" }.map { "\($0.kind.rawValue) \($0.indicator)" }
                == ["strength i3", "weakness i2", "weakness i1", "weakness i4"])
        // 2021, u3: 50 − 140/3 > 0 on i1, i3, i4.
        #expect(rows.filter { $0.period == 2021 && $0.unit == "u3" }.map { "\($0.kind.rawValue) \($0.indicator)" }
                == ["strength i1", "strength i3", "strength i4"])
        // A reference year without rows gives no reference, so nothing to list.
        #expect(StrengthsWeaknesses.rows(both, model: model, reference: .period(2019)).isEmpty)
    }

    static let seeds = Gen.int(in: 1...1_000_000)
    static let counts = Gen.int(in: 1...6)

    /// The normalised panel of 6–12 units × 2019–2020 under a 3 × 4 model with 15 % missing;
    /// x1_3 repeats x1_1 and x2_4 repeats x2_2 (same directions), so every row has tied
    /// differences.
    static func generated(seed: Int, units: Int) throws -> (panel: Panel, model: IndexModel) {
        let model = try TestPanels.model(dims: 3, perDim: 4)
        var raw = TestPanels.panel(model: model, units: units, periods: [2019, 2020], missing: 0.15, seed: UInt64(seed))
        for (copy, original) in [("x1_3", "x1_1"), ("x2_4", "x2_2")] {
            raw.setColumn(copy, try #require(raw.column(original)))
        }
        return (try Pipeline.normalised(raw, model: model, spec: TestPanels.spec), model)
    }

    /// Every row's strengths lie above and its weaknesses below the city mean of its period
    /// (recomputed here), furthest first with ties in model order, at most `count` of each, and
    /// no indicator left out that is further from the city than the last one listed.
    @Test func rowsAreTheFurthestFromTheCityMeanOnTheirSide() async throws {
        await propertyCheck(input: Self.seeds, Gen.int(in: 6...12), Self.counts) { seed, units, count in
            let (panel, model) = try Self.generated(seed: seed, units: units)
            let rows = StrengthsWeaknesses.rows(panel, model: model, count: count)
            let order = Dictionary(uniqueKeysWithValues: model.indicators.enumerated().map { ($0.element, $0.offset) })
            var mean: [String: Double] = [:]  // "period|indicator"
            for period in panel.periodList {
                for code in model.indicators {
                    let column = try #require(panel.column(code))
                    let values = panel.rows(in: period).map { column[$0] }.filter { !$0.isNaN }
                    mean["\(period ?? 0)|\(code)"] = values.reduce(0, +) / Double(values.count)
                }
            }
            let byRow = Dictionary(grouping: rows, by: \.row)
            for r in 0..<panel.rowCount {
                for kind in StrengthRow.Kind.allCases {
                    let listed = (byRow[r] ?? []).filter { $0.kind == kind }
                    #expect(listed.count <= count)
                    #expect(listed.map(\.position) == (0..<listed.count).map { $0 + 1 })
                    let sign: Double = kind == .strength ? 1 : -1
                    for (a, b) in zip(listed, listed.dropFirst()) {
                        let x = sign * a.difference, y = sign * b.difference
                        #expect(x > y || (x == y && order[a.indicator]! < order[b.indicator]!), "\(a) before \(b)")
                    }
                    // Every indicator on this side that is not listed is no further out than the last listed.
                    let side = model.indicators.filter { code in
                        let d = panel.column(code)![r] - mean["\(panel.periods[r] ?? 0)|\(code)"]!
                        return sign * d > 0
                    }
                    #expect(listed.count == min(count, side.count))
                    if let last = listed.last {
                        for code in side where !listed.contains(where: { $0.indicator == code }) {
                            let d = sign * (panel.column(code)![r] - mean["\(panel.periods[r] ?? 0)|\(code)"]!)
                            #expect(d < sign * last.difference + 1e-9, "\(code) left out of row \(r)")
                        }
                    }
                }
            }
            for row in rows {
                #expect(row.kind == .strength ? row.difference > 0 : row.difference < 0, "\(row)")
                #expect(row.unit == panel.unitCodes[row.row] && row.period == panel.periods[row.row])
                #expect(row.score == panel.column(row.indicator)![row.row])
                #expect(abs(row.reference - mean["\(row.period ?? 0)|\(row.indicator)"]!) < 1e-9, "\(row)")
                #expect(row.difference == row.score - row.reference)
                #expect(row.dimension == model.node(row.indicator)?.parent)
            }
        }
    }
}
