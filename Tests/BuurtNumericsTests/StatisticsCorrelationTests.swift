import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct StatisticsCorrelationTests {
    @Test func pearsonOfAHandCase() {
        // x = 1,2,3; y = 1,3,2: dx = −1,0,1, dy = −1,1,0; Σdxdy = 1, Σdx² = Σdy² = 2 → r = 1/2
        let r = Correlation.pearson([[1, 2, 3], [1, 3, 2]])
        #expect(r[0, 1].isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
        #expect(r[1, 0] == r[0, 1] && r[0, 0] == 1 && r[1, 1] == 1)
    }

    /// a = 1,2,3,·,5; b = 2,·,1,4,3; c = ·,1,2,3,5 (· = missing).
    private let withGaps: [[Double]] = [[1, 2, 3, .nan, 5], [2, .nan, 1, 4, 3], [.nan, 1, 2, 3, 5]]

    @Test func pearsonUsesPairwiseCompleteObservations() {
        let r = Correlation.pearson(withGaps)
        // (a, b) on rows 1,3,5: a = 1,3,5, b = 2,1,3: dx = −2,0,2, dy = 0,−1,1 → 2/√(8·2) = 1/2
        #expect(r[0, 1].isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
        // (a, c) on rows 2,3,5: a = 2,3,5, c = 1,2,5: in ninths dx = −4,−1,5, dy = −5,−2,7
        // → Σdxdy = 57/9, Σdx² = 42/9, Σdy² = 78/9 → 57/√(42·78)
        #expect(r[0, 2].isApproximatelyEqual(to: 57 / (42.0 * 78).squareRoot(), absoluteTolerance: 1e-15))
        // (b, c) on rows 3,4,5: b = 1,4,3, c = 2,3,5: in ninths dx = −5,4,1, dy = −4,−1,5 → 21/42
        #expect(r[1, 2].isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
        #expect((0..<3).allSatisfy { r[$0, $0] == 1 })
    }

    @Test func spearmanRanksEachPairsCompleteObservations() {
        let r = Correlation.spearman(withGaps)
        // (a, b): ranks 1,2,3 and 2,1,3 → dx = −1,0,1, dy = 0,−1,1 → 1/2
        #expect(r[0, 1].isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
        // (a, c): both ranked 1,2,3 → 1
        #expect(r[0, 2].isApproximatelyEqual(to: 1, absoluteTolerance: 1e-15))
        // (b, c): ranks 1,3,2 and 1,2,3 → dx = −1,1,0, dy = −1,0,1 → 1/2
        #expect(r[1, 2].isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
    }

    @Test func spearmanGivesTiesTheirAverageRank() {
        // x = 1,2,2,3 ranks 1,2.5,2.5,4 (dx = −1.5,0,0,1.5); y ranks 1,2,3,4 (dy = −1.5,−.5,.5,1.5)
        // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 4.5/√22.5 = √0.9
        let r = Correlation.spearman([[1, 2, 2, 3], [10, 20, 30, 40]])
        #expect(r[0, 1].isApproximatelyEqual(to: 0.9.squareRoot(), absoluteTolerance: 1e-15))
    }

    @Test func undefinedCorrelationsAreNaN() {
        // a constant column has no correlation, not even with itself; a pair with one common
        // observation has none either
        let r = Correlation.pearson([[1, 2, 3], [4, 4, 4], [.nan, .nan, 7]])
        #expect(r[0, 1].isNaN && r[1, 1].isNaN && r[0, 2].isNaN && r[2, 2].isNaN)
        #expect(r[0, 0] == 1)
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func pearsonMatchesCOINrOnNormalisedASEM() throws {
        let reference = try Fixtures.asem("pipeline_corr_normalised_pearson.csv")
        let panel = try Fixtures.asemPanel("pipeline_06_Normalised.csv")
        let codes = reference.column("iCode")
        let r = Correlation.pearson(codes.map { panel.column($0)! })
        var worst = 0.0
        for (i, code) in codes.enumerated() {
            for (j, other) in codes.enumerated() {
                worst = max(worst, abs(r[i, j] - reference.value(key: code, keyColumn: "iCode", other)!))
            }
        }
        // measured: 5.6e-16
        #expect(worst < 1e-9)
    }
}

/// Without missing values Pearson's matrix is one product of the standardised columns; it must
/// equal the two-pass definition of every pair, and a constant column stays NaN.
@Suite struct CorrelationWithoutMissingTests {
    static func twoPass(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for (a, b) in zip(x, y) { sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my); sxy += (a - mx) * (b - my) }
        return sxy / (sxx.squareRoot() * syy.squareRoot())
    }

    @Test func theProductEqualsEveryPairsTwoPassCorrelation() {
        var g = RandomStream(seed: 11, stream: 0)
        // 7 variables of 500 observations, the later ones mixed from the earlier (correlated).
        var columns: [[Double]] = []
        for j in 0..<7 {
            let own = (0..<500).map { _ in g.uniform() * 10 - 3 }
            columns.append(j < 2 ? own : zip(own, columns[j - 2]).map { $0 + 2 * $1 })
        }
        let r = Correlation.pearson(columns)
        for i in 0..<7 {
            for j in 0..<7 {
                let expected = i == j ? 1 : Self.twoPass(columns[i], columns[j])
                #expect(r[i, j].isApproximatelyEqual(to: expected, absoluteTolerance: 1e-14), "(\(i), \(j))")
                #expect(r[i, j] == r[j, i])
            }
        }
    }

    @Test func aConstantColumnIsNaNAndTheOthersAreUntouched() {
        let r = Correlation.pearson([[1, 2, 3, 4], [5, 5, 5, 5], [2, 4, 6, 9]])
        #expect(r[1, 1].isNaN && r[0, 1].isNaN && r[1, 2].isNaN && r[2, 1].isNaN)
        #expect(r[0, 0] == 1 && r[2, 2] == 1)
        // x = 1…4, y = 2, 4, 6, 9: Σdxdy = 11.5, Σdx² = 5, Σdy² = 26.75.
        #expect(r[0, 2].isApproximatelyEqual(to: 11.5 / (5.0.squareRoot() * 26.75.squareRoot()), absoluteTolerance: 1e-15))
    }
}
