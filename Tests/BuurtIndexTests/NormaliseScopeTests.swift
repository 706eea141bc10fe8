import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

/// The normalise stage on a small panel: units A, B, C in 2018 and 2019.
///
///        2018  2019
///   A     1     2
///   B     3     5
///   C     5     7
@Suite struct NormaliseScopeTests {
    static func model(direction: Double = 1, target: Double? = nil, goalposts: (lower: Double, upper: Double)? = nil) throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "x", kind: .indicator, parent: "Index", direction: direction, target: target, goalposts: goalposts),
            ModelNode(code: "pop", kind: .other),
        ])
    }

    /// Rows in file order A18, B18, C18, A19, B19, C19 (+ 2020 rows when given).
    static func panel(x: [Double] = [1, 3, 5, 2, 5, 7], extra2020: [Double]? = nil) -> Panel {
        var x = x
        var units = ["A", "B", "C", "A", "B", "C"]
        var periods: [Int?] = [2018, 2018, 2018, 2019, 2019, 2019]
        if let e = extra2020 {
            x += e
            units += ["A", "B", "C"]
            periods += [2020, 2020, 2020]
        }
        let pop = x.indices.map { Double(100 + $0) }
        return Panel(unitCodes: units, periods: periods, columnCodes: ["x", "pop"],
                     values: Matrix(columnList: [x, pop], rows: x.count))
    }

    func normalise(_ panel: Panel, _ model: IndexModel, _ method: NormaliseMethod, _ scope: NormaliseScope) throws -> [Double] {
        try Normalise.apply(panel, model: model, parameters: NormaliseParameters(method: method, scope: scope)).panel.column("x")!
    }

    @Test func periodScopeUsesEachPeriodsOwnRange() throws {
        // 2018: (x − 1)/4·100 → 0, 50, 100; 2019: (x − 2)/5·100 → 0, 60, 100
        let out = try Normalise.apply(Self.panel(), model: Self.model(), parameters: NormaliseParameters())
        expectValues(out.panel.column("x")!, [0, 50, 100, 0, 60, 100])
        // the other column is untouched
        #expect(out.panel.column("pop")! == [100, 101, 102, 103, 104, 105])
        #expect(out.record.entry("x", period: 2019)?.fit == NormaliseFit(count: 3, min: 2, max: 7))
        #expect(out.record.entries.count == 2)
    }

    @Test func referenceScopeAppliesOnePeriodsParametersToAll() throws {
        // basis 2018: min 1, max 5. 2019: B = 5 equals the reference max → 100; A = 2 → 25; C = 7 → 150
        let x = try normalise(Self.panel(), Self.model(), .minmax(lower: 0, upper: 100), .reference(2018))
        expectValues(x, [0, 50, 100, 25, 100, 150])
        // ranks against the 2018 values 1, 3, 5: 2 → 2, 5 → 3, 7 → 4
        let r = try normalise(Self.panel(), Self.model(), .rank, .reference(2018))
        expectValues(r, [1, 2, 3, 2, 3, 4])
    }

    @Test func allScopePoolsEveryPeriod() throws {
        // min 1, max 7 over both periods: (x − 1)/6·100
        let x = try normalise(Self.panel(), Self.model(), .minmax(lower: 0, upper: 100), .all)
        expectValues(x, [0, 100.0 / 3, 200.0 / 3, 100.0 / 6, 200.0 / 3, 100])
    }

    @Test func addingAPeriodLeavesTheOthersUnchanged() throws {
        let longer = Self.panel(extra2020: [0, 10, 4])
        for scope in [NormaliseScope.period, .reference(2018)] {
            for method in [NormaliseMethod.minmax(lower: 0, upper: 100), .zscore(mean: 0, sd: 1), .prank] {
                let before = try normalise(Self.panel(), Self.model(), method, scope)
                let after = try normalise(longer, Self.model(), method, scope)
                #expect(Array(after.prefix(6)) == before, "\(method) \(scope)")
            }
        }
        // whereas pooling all periods moves them: the minimum drops from 1 to 0
        let pooled = try normalise(longer, Self.model(), .minmax(lower: 0, upper: 100), .all)
        #expect(pooled[0] == 10) // (1 − 0)/(10 − 0)·100
    }

    @Test func directionIsAppliedFirst() throws {
        // direction −1, 2018: x′ = −1, −3, −5 → (x′ + 5)/4·100 = 100, 50, 0
        let x = try normalise(Self.panel(), Self.model(direction: -1), .minmax(lower: 0, upper: 100), .period)
        expectValues(Array(x.prefix(3)), [100, 50, 0])
        // dist2targ, target 3, direction −1 (COINr use_iMeta): (max − x)/(max − target);
        // 2019: (7 − x)/(7 − 3) → 1.25, 0.5, 0
        let t = try normalise(Self.panel(), Self.model(direction: -1, target: 3), .dist2targ, .period)
        expectValues(Array(t.suffix(3)), [1.25, 0.5, 0])
        // goalposts (0, 10), direction −1: (10 − x)/10 — COINr's n_goalposts(1, c(0, 10, 1), direction = -1) = 0.9
        let g = try normalise(Self.panel(x: [1, 11, -1, 2, 5, 7]), Self.model(direction: -1, goalposts: (0, 10)), .goalposts(scale: 1), .period)
        expectValues(g, [0.9, 0, 1, 0.8, 0.5, 0.3])
    }

    @Test func distanceToReferenceUnitPerPeriod() throws {
        // reference B: 2018 1 − (3 − x)/(3 − 1) → 0, 1, 2; 2019 1 − (5 − x)/(5 − 2) → 0, 1, 5/3
        let x = try normalise(Self.panel(), Self.model(), .dist2ref(unit: "B"), .period)
        expectValues(x, [0, 1, 2, 0, 1, 5.0 / 3])
        // the reference unit must be in every period it is taken from
        var missing = Self.panel()
        missing.unitCodes[4] = "D"
        let error = try #require(throws: BuurtError.self) {
            try normalise(missing, Self.model(), .dist2ref(unit: "B"), .period)
        }
        #expect(error.message.contains("reference unit B is missing from 2019"))
        #expect(throws: BuurtError.self) { try normalise(Self.panel(), Self.model(), .dist2ref(unit: "B"), .all) }
    }

    @Test func errorsNameIndicatorAndPeriod() throws {
        let flat = Self.panel(x: [1, 3, 5, 4, 4, 4])
        let error = try #require(throws: BuurtError.self) {
            try normalise(flat, Self.model(), .zscore(mean: 0, sd: 1), .period)
        }
        #expect(error.kind == .data)
        #expect(error.message.contains("indicator x, 2019") && error.message.contains("needs variation"))
        let noTarget = try #require(throws: BuurtError.self) { try normalise(Self.panel(), Self.model(), .dist2targ, .period) }
        #expect(noTarget.message.contains("indicator x, 2018") && noTarget.message.contains("target"))
        let noPosts = try #require(throws: BuurtError.self) { try normalise(Self.panel(), Self.model(), .goalposts(scale: 1), .period) }
        #expect(noPosts.message.contains("goalposts"))
        let sparse = Self.panel(x: [1, .nan, .nan, 2, 5, 7])
        let few = try #require(throws: BuurtError.self) { try normalise(sparse, Self.model(), .minmax(lower: 0, upper: 1), .period) }
        #expect(few.message.contains("indicator x, 2018") && few.message.contains("found 1"))
        let noYear = try #require(throws: BuurtError.self) { try normalise(Self.panel(), Self.model(), .rank, .reference(2017)) }
        #expect(noYear.message.contains("reference period 2017") && noYear.message.contains("2018, 2019"))
        var noColumn = Self.panel()
        noColumn.columnCodes[0] = "y"
        #expect(throws: BuurtError.self) { try normalise(noColumn, Self.model(), .rank, .period) }
    }
}
