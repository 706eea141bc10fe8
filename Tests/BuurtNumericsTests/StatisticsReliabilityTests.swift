import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing

@Suite struct StatisticsReliabilityTests {
    @Test func cronbachAlphaOfAHandCaseOnCompleteCases() {
        // the last row is incomplete and dropped: a = 1,2,3 and b = 1,3,2, each variance 1;
        // totals 2,5,5 (mean 4, deviations −2,1,1) have variance 6/2 = 3 → α = 2/1·(1 − 2/3) = 2/3
        let alpha = CronbachAlpha.alpha([[1, 2, 3, .nan], [1, 3, 2, 5]])
        #expect(alpha.isApproximatelyEqual(to: 2.0 / 3, absoluteTolerance: 1e-15))
        #expect(CronbachAlpha.alpha([[1, 2, 3]]).isNaN)
    }

    @Test func cronbachAlphaOfFiveIndicators() {
        // numpy: k/(k−1)·(1 − X.var(0, ddof=1).sum()/X.sum(1).var(ddof=1))
        #expect(CronbachAlpha.alpha(fiveIndicatorColumns).isApproximatelyEqual(to: 0.6386821750849645, absoluteTolerance: 1e-13))
    }

    @Test func kmoMatchesTheAntiImageFormula() throws {
        // numpy: P = −R⁻¹/√(diag⊗diag); sums of squared off-diagonal r and p per column and overall
        let kmo = try KaiserMeyerOlkin(correlation: Correlation.pearson(fiveIndicatorColumns))
        #expect(kmo.overall.isApproximatelyEqual(to: 0.5407178146497685, absoluteTolerance: 1e-13))
        let expected = [0.6270063475339952, 0.5342046174651569, 0.646299563264869, 0.3933954009110408, 0.47050828988814514]
        for (value, reference) in zip(kmo.perItem, expected) {
            #expect(value.isApproximatelyEqual(to: reference, absoluteTolerance: 1e-13))
        }
    }

    @Test func kmoOfTwoIndicatorsIsOneHalf() throws {
        // p = 2, r₁₂ = r: R⁻¹ = 1/(1−r²)·[[1, −r], [−r, 1]] so p₁₂ = r and KMO = r²/(r² + r²) = 1/2
        let kmo = try KaiserMeyerOlkin(correlation: Matrix(rowMajor: [[1, 0.3], [0.3, 1]]))
        #expect(kmo.overall.isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15))
        #expect(kmo.perItem.allSatisfy { $0.isApproximatelyEqual(to: 0.5, absoluteTolerance: 1e-15) })
    }

    @Test func bartlettMatchesTheDeterminantFormula() throws {
        // numpy: −(14 − 1 − (2·5 + 5)/6)·slogdet(R)[1]; df = 10; p-value by mpmath (50 digits)
        // gammainc(5, χ²/2, ∞, regularized=True) = 0.090755500009537321508
        let test = try BartlettSphericity(correlation: Correlation.pearson(fiveIndicatorColumns), observations: 14)
        #expect(test.chiSquare.isApproximatelyEqual(to: 16.322866017184197, absoluteTolerance: 1e-11))
        #expect(test.degreesOfFreedom == 10)
        #expect(test.pValue.isApproximatelyEqual(to: 0.090755500009537321508, absoluteTolerance: 1e-12))
    }

    @Test func bartlettOfTwoIndicatorsByHand() throws {
        // |R| = 1 − 0.6² = 0.64, n = 20, p = 2: χ² = −(19 − 9/6)·ln 0.64 = −17.5·ln 0.64, df = 1
        let test = try BartlettSphericity(correlation: Matrix(rowMajor: [[1, 0.6], [0.6, 1]]), observations: 20)
        #expect(test.chiSquare.isApproximatelyEqual(to: -17.5 * Double.log(0.64), absoluteTolerance: 1e-13))
        #expect(test.degreesOfFreedom == 1)
    }

    @Test func singularOrTooSmallGroupsGiveNaN() throws {
        // r = 1 makes R singular: no inverse (KMO) and ln|R| = −∞ (Bartlett)
        let singular = Matrix(rowMajor: [[1, 1], [1, 1]])
        #expect(try KaiserMeyerOlkin(correlation: singular).overall.isNaN)
        let bartlett = try BartlettSphericity(correlation: singular, observations: 10)
        #expect(bartlett.chiSquare.isNaN && bartlett.pValue.isNaN && bartlett.degreesOfFreedom == 1)
        #expect(try KaiserMeyerOlkin(correlation: Matrix(rowMajor: [[1]])).overall.isNaN)
        #expect(try BartlettSphericity(correlation: Matrix(rowMajor: [[1]]), observations: 10).pValue.isNaN)
    }
}
