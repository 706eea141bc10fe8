import BuurtNumerics
import Foundation
import Numerics
import Testing
import BuurtIndex

/// Copeland and Mazziotta–Pareto, which compare the units of a period with each other.
@Suite struct AggregateRankingMethodsTests {
    /// Index ← (c1, c2, c3) with the given weights.
    static func model(_ weights: [Double]) throws -> IndexModel {
        try IndexModel(nodes: [ModelNode(code: "Index", kind: .aggregate)]
            + weights.indices.map { ModelNode(code: "c\($0 + 1)", kind: .indicator, parent: "Index", weight: weights[$0]) })
    }

    static func panel(_ units: [String], _ periods: [Int?], _ rows: [[Double]]) -> Panel {
        Panel(unitCodes: units, periods: periods, columnCodes: rows[0].indices.map { "c\($0 + 1)" },
              values: Matrix(rowMajor: rows))
    }

    func index(_ panel: Panel, _ weights: [Double], _ method: AggregateMethod) throws -> [Double] {
        try Aggregate.apply(panel, model: Self.model(weights),
                            parameters: AggregateParameters(rule: AggregateRule(method: method))).panel.column("Index")!
    }

    /// A (5, 5, 5), B (4, 6, 1), C (1, 1, 1), D (5, 4, 6).
    static let units = ["A", "B", "C", "D"]
    static let rows: [[Double]] = [[5, 5, 5], [4, 6, 1], [1, 1, 1], [5, 4, 6]]

    @Test func copelandWithEqualWeights() throws {
        // A–B: A higher on c1, c3, lower on c2 → A. A–C → A. A–D: tie on c1, A on c2, D on c3 → draw.
        // B–C: B on c1, c2, tie on c3 → B. B–D: D on c1, c3 → D. C–D → D.
        // A = +1 +1 +0 = 2, B = −1 +1 −1 = −1, C = −3, D = 0 +1 +1 = 2
        let x = try index(Self.panel(Self.units, [2018, 2018, 2018, 2018], Self.rows), [1, 1, 1], .copeland)
        #expect(x == [2, -1, -3, 2])
    }

    @Test func copelandWeighsTheChildren() throws {
        // weights (1, 1, 3): A–D: A has c2 (1), D has c3 (3) → D. Others as before.
        // A = 1 + 1 − 1 = 1, B = −1, C = −3, D = 1 + 1 + 1 = 3
        let x = try index(Self.panel(Self.units, [2018, 2018, 2018, 2018], Self.rows), [1, 1, 3], .copeland)
        #expect(x == [1, -1, -3, 3])
    }

    @Test func copelandComparesWithinPeriodsAndSkipsMissingComparisons() throws {
        // 2018: A, B as above → A +1, B −1. 2019: P (1, NA, 0) vs Q (0, 5, 0): only c1 and c3 are
        // compared, P higher on c1, tie on c3 → P +1, Q −1. R in 2019 has nothing → missing.
        let panel = Self.panel(["A", "B", "P", "Q", "R"], [2018, 2018, 2019, 2019, 2019],
                               [[5, 5, 5], [4, 6, 1], [1, .nan, 0], [0, 5, 0], [.nan, .nan, .nan]])
        let x = try index(panel, [1, 1, 1], .copeland)
        expectValues(x, [1, -1, 1, -1, .nan])
    }

    @Test func mazziottaParetoPenalisesUnbalancedProfiles() throws {
        // c1 = 2, 4, 6, 8: mean 5, population sd √((9 + 1 + 1 + 9)/4) = √5 → z = 100 + 10(x − 5)/√5
        // c2 = 1, 1, 3, 3: mean 2, population sd 1 → z = 90, 90, 110, 110
        // unit 1: z = (100 − 30/√5, 90); M = mean, S = |z1 − z2|/2, MPI = M − S·(S/M)
        let panel = Self.panel(["U1", "U2", "U3", "U4"], [2018, 2018, 2018, 2018], [[2, 1], [4, 1], [6, 3], [8, 3]])
        let x = try index(panel, [1, 1], .mazziottaPareto)
        func mpi(_ z1: Double, _ z2: Double) -> Double {
            let m = (z1 + z2) / 2, s = abs(z1 - z2) / 2
            return m - s * s / m
        }
        let r5 = 5.0.squareRoot()
        expectValues(x, [mpi(100 - 30 / r5, 90), mpi(100 - 10 / r5, 90), mpi(100 + 10 / r5, 110), mpi(100 + 30 / r5, 110)])
        // the penalty: unit 4 has mean z 110.708…, penalised by S²/M
        #expect(x[3] < (100 + 30 / r5 + 110) / 2)
    }

    @Test func mazziottaParetoWeightsAndErrors() throws {
        // weights (3, 1): M = (3·z1 + z2)/4, S² = (3(z1 − M)² + (z2 − M)²)/4
        let panel = Self.panel(["U1", "U2", "U3", "U4"], [2018, 2018, 2018, 2018], [[2, 1], [4, 1], [6, 3], [8, 3]])
        let x = try index(panel, [3, 1], .mazziottaPareto)
        let z1 = 100 - 30 / 5.0.squareRoot(), z2 = 90.0
        let m = (3 * z1 + z2) / 4
        let s2 = (3 * (z1 - m) * (z1 - m) + (z2 - m) * (z2 - m)) / 4
        #expect(x[0].isApproximatelyEqual(to: m - s2 / m, absoluteTolerance: 1e-12))
        // a child without variation in a period cannot be standardised
        let flat = Self.panel(["U1", "U2"], [2018, 2018], [[2, 1], [4, 1]])
        let error = try #require(throws: BuurtError.self) { try index(flat, [1, 1], .mazziottaPareto) }
        #expect(error.message.contains("indicator c2") && error.message.contains("2018"))
    }
}
