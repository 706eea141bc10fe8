import BuurtNumerics
import Numerics
import Testing

@Suite struct StatisticsChiSquareTests {
    /// (x, df, P(X ≥ x)) with the tail from mpmath 1.3 at 50 digits,
    /// `gammainc(df/2, x/2, inf, regularized=True)`, rounded to 20 significant digits.
    static let tails: [(Double, Double, Double)] = [
        (3.84145882069412, 1, 0.050000000000000176618),   // the 95 % quantile of χ²(1), rounded
        (10, 4, 0.04042768199451280258),                  // = 6e⁻⁵ exactly (closed form below)
        (100, 50, 0.000034549313829848639421),            // = e⁻⁵⁰ Σ_{j<25} 50ʲ/j! as well
        (0.5, 3, 0.91889141165467585936),
        (0.001, 2, 0.99950012497916927056),
        (250, 200, 0.0093791316688260961072),
        (30, 7, 0.000094959725081341837597),
        (1500, 1200, 6.3410712857247340269e-9),
        (2, 10, 0.99634015317265628765),
    ]

    /// Measured: at most 1.3e-16 absolute and 1.4e-14 relative over this table.
    @Test(arguments: tails)
    func upperTailMatchesHighPrecisionValues(_ x: Double, _ df: Double, _ expected: Double) {
        #expect(ChiSquare.upperTail(x, degreesOfFreedom: df).isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12))
        #expect(ChiSquare.upperTail(x, degreesOfFreedom: df).isApproximatelyEqual(to: expected, relativeTolerance: 1e-11))
    }

    @Test func evenDegreesOfFreedomMatchTheClosedForm() {
        // for integer k: Q(k, x) = e^{−x} Σ_{j<k} xʲ/j!, i.e. P(χ²(2k) ≥ 2x)
        for k in 1...30 {
            for x in [0.1, 1, 2.5, 7, 15, 40, 80] {
                var term = 1.0, sum = 0.0
                for j in 0..<k { if j > 0 { term *= x / Double(j) }; sum += term }
                let closed = Double.exp(-x) * sum
                let value = IncompleteGamma.regularizedUpper(Double(k), x)
                #expect(value.isApproximatelyEqual(to: closed, absoluteTolerance: 1e-13))
                #expect((value + IncompleteGamma.regularizedLower(Double(k), x)).isApproximatelyEqual(to: 1, absoluteTolerance: 1e-15))
            }
        }
    }

    @Test func edgeCases() {
        // df = 2: P(X ≥ x) = e^{−x/2}
        #expect(ChiSquare.upperTail(3, degreesOfFreedom: 2).isApproximatelyEqual(to: Double.exp(-1.5), relativeTolerance: 1e-14))
        #expect(ChiSquare.upperTail(0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquare.upperTail(-2, degreesOfFreedom: 3) == 1)
        #expect(ChiSquare.upperTail(.infinity, degreesOfFreedom: 3) == 0)
        #expect(ChiSquare.upperTail(1, degreesOfFreedom: 0).isNaN)
        #expect(ChiSquare.upperTail(.nan, degreesOfFreedom: 3).isNaN)
    }
}
