import BuurtNumerics
import Foundation
import Numerics
import Testing
import BuurtIndex

/// The aggregate stage's weighted means on hand-computed rows.
@Suite struct AggregateMeansTests {
    /// Index ← P ← (a, b, c) with the given weights; Index ← Q ← d.
    static func model(weights: [Double] = [1, 1, 1]) throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "P", kind: .aggregate, parent: "Index"),
            ModelNode(code: "Q", kind: .aggregate, parent: "Index", weight: 3),
            ModelNode(code: "a", kind: .indicator, parent: "P", weight: weights[0]),
            ModelNode(code: "b", kind: .indicator, parent: "P", weight: weights[1]),
            ModelNode(code: "c", kind: .indicator, parent: "P", weight: weights[2]),
            ModelNode(code: "d", kind: .indicator, parent: "Q"),
        ])
    }

    /// One row per entry of `rows` (values of a, b, c; d = 10), units U0, U1, … in 2018.
    static func panel(_ rows: [[Double]]) -> Panel {
        let full = rows.map { $0 + [10] }
        return Panel(unitCodes: rows.indices.map { "U\($0)" }, periods: rows.map { _ in 2018 },
                     columnCodes: ["a", "b", "c", "d"], values: Matrix(rowMajor: full))
    }

    func aggregate(_ rows: [[Double]], weights: [Double] = [1, 1, 1], _ rule: AggregateRule) throws -> StageOutput<AggregateRecord> {
        try Aggregate.apply(Self.panel(rows), model: Self.model(weights: weights),
                            parameters: AggregateParameters(rule: AggregateRule(), levelRules: [2: rule]))
    }

    @Test func columnsAreAppendedBottomUp() throws {
        let out = try aggregate([[1, 2, 3]], AggregateRule())
        #expect(out.panel.columnCodes == ["a", "b", "c", "d", "P", "Q", "Index"])
        #expect(out.record.entries.map(\.aggregate) == ["P", "Q", "Index"])
        // P = 2, Q = 10, Index = (1·2 + 3·10)/4 = 8
        expectValues(out.panel.values.row(0), [1, 2, 3, 10, 2, 10, 8])
    }

    @Test func arithmeticRenormalisesOverAvailableChildren() throws {
        // weights (1, 1, 2): (1·1 + 2·3)/(1 + 2) = 7/3 with b missing; all missing → missing
        let out = try aggregate([[1, .nan, 3], [.nan, .nan, .nan]], weights: [1, 1, 2], AggregateRule())
        expectValues(out.panel.column("P")!, [7.0 / 3, .nan])
        // the root still scores from Q alone: (3·10)/3
        expectValues(out.panel.column("Index")!, [(7.0 / 3 + 30) / 4, 10])
    }

    @Test func geometricMean() throws {
        // (1·2·3)^(1/3) = 6^(1/3); weights (1, 1, 2): exp((ln 1 + ln 2 + 2 ln 3)/4) = 18^(1/4)
        let equal = try aggregate([[1, 2, 3]], AggregateRule(method: .geometric))
        #expect(equal.panel.column("P")![0].isApproximatelyEqual(to: Double.pow(6, 1.0 / 3), relativeTolerance: 1e-14))
        let weighted = try aggregate([[1, 2, 3]], weights: [1, 1, 2], AggregateRule(method: .geometric))
        #expect(weighted.panel.column("P")![0].isApproximatelyEqual(to: Double.pow(18, 0.25), relativeTolerance: 1e-14))
    }

    @Test func harmonicMean() throws {
        // weights (2, 1, 1) of (1, 2, 3): 4/(2/1 + 1/2 + 1/3) = 4/(2 + ½ + ⅓) = 24/17
        let out = try aggregate([[1, 2, 3]], weights: [2, 1, 1], AggregateRule(method: .harmonic))
        #expect(out.panel.column("P")![0].isApproximatelyEqual(to: 4 / (2 + 0.5 + 1.0 / 3), relativeTolerance: 1e-14))
    }

    @Test func generalisedMean() throws {
        // p = 2: √((1 + 4 + 9)/3) = √(14/3); p = −1 is the harmonic mean 3/(1 + ½ + ⅓)
        let quadratic = try aggregate([[1, 2, 3]], AggregateRule(method: .generalised(p: 2)))
        #expect(quadratic.panel.column("P")![0].isApproximatelyEqual(to: (14.0 / 3).squareRoot(), relativeTolerance: 1e-14))
        let inverse = try aggregate([[1, 2, 3]], AggregateRule(method: .generalised(p: -1)))
        #expect(inverse.panel.column("P")![0].isApproximatelyEqual(to: 3 / (1 + 0.5 + 1.0 / 3), relativeTolerance: 1e-14))
        // p = 3 with a negative mean takes the real cube root: ((−8 − 8 + 1)/3)^(1/3) = −5^(1/3)
        let cubic = try aggregate([[-2, -2, 1]], AggregateRule(method: .generalised(p: 3)))
        #expect(cubic.panel.column("P")![0].isApproximatelyEqual(to: -Double.pow(5, 1.0 / 3), relativeTolerance: 1e-14))
        #expect(throws: BuurtError.self) { try aggregate([[1, 2, 3]], AggregateRule(method: .generalised(p: 0))) }
        #expect(throws: BuurtError.self) { try aggregate([[-1, 2, 3]], AggregateRule(method: .generalised(p: 0.5))) }
    }

    @Test func nonPositiveValuesAreRefusedWithUnitPeriodAndChild() throws {
        let panel = Panel(unitCodes: ["AUS", "AUT"], periods: [2018, 2018], columnCodes: ["Tariff", "b", "c", "d"],
                          values: Matrix(rowMajor: [[5, 1, 1, 1], [0, 1, 1, 1]]))
        let model = try IndexModel(nodes: [
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "P", kind: .aggregate, parent: "Index"),
            ModelNode(code: "Tariff", kind: .indicator, parent: "P"),
            ModelNode(code: "b", kind: .indicator, parent: "P"),
            ModelNode(code: "c", kind: .indicator, parent: "Index"),
        ])
        let error = try #require(throws: BuurtError.self) {
            try Aggregate.apply(panel, model: model, parameters: AggregateParameters(rule: AggregateRule(method: .geometric)))
        }
        #expect(error.kind == .data)
        #expect(error.message == "geometric mean needs positive values: unit AUT, 2018, indicator Tariff = 0 — use minmax with range [1, 100]")
        let harmonic = try #require(throws: BuurtError.self) {
            try Aggregate.apply(panel, model: model, parameters: AggregateParameters(rule: AggregateRule(method: .harmonic)))
        }
        #expect(harmonic.message.hasPrefix("harmonic mean needs positive values: unit AUT, 2018, indicator Tariff = 0"))
    }

    @Test func minCoverageLeavesSparseRowsMissing() throws {
        // 1 of 3 children = 0.33 < 0.5 → missing; 2 of 3 = 0.67 → (1 + 2)/2; none → missing
        let out = try aggregate([[1, .nan, .nan], [1, 2, .nan], [.nan, .nan, .nan]], AggregateRule(minCoverage: 0.5))
        expectValues(out.panel.column("P")!, [.nan, 1.5, .nan])
        let entry = try #require(out.record.entry("P"))
        #expect(entry.belowCoverage == 1 && entry.missing == 2 && entry.height == 2)
        #expect(entry.children == ["a", "b", "c"] && entry.weights == [1, 1, 1])
        // without a threshold one available child suffices
        let loose = try aggregate([[1, .nan, .nan]], AggregateRule())
        expectValues(loose.panel.column("P")!, [1])
        #expect(throws: BuurtError.self) { try aggregate([[1, 2, 3]], AggregateRule(minCoverage: 1.5)) }
    }

    @Test func missingChildColumnIsReported() throws {
        let panel = Panel(unitCodes: ["U"], columnCodes: ["a", "b", "c"], values: Matrix(rowMajor: [[1, 2, 3]]))
        let error = try #require(throws: BuurtError.self) {
            try Aggregate.apply(panel, model: Self.model(), parameters: AggregateParameters())
        }
        #expect(error.message.contains("aggregate Q needs the column d"))
    }
}
