import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct DescriptiveTests {
    @Test func quantileType7MatchesHandValues() {
        // sorted 1,2,3,4,10: p = 0.05 → h = 0.2 → 1 + 0.2·(2 − 1) = 1.2; p = 0.95 → h = 3.8 → 4 + 0.8·6 = 8.8
        let x = [10.0, 3, 1, 4, 2]
        #expect(Descriptive.quantile(x, 0.05).isApproximatelyEqual(to: 1.2, absoluteTolerance: 1e-12))
        #expect(Descriptive.quantile(x, 0.95).isApproximatelyEqual(to: 8.8, absoluteTolerance: 1e-12))
        #expect(Descriptive.median([4, 1, 3, 2]) == 2.5)
    }

    @Test func sampleVarianceUsesNMinusOne() {
        // mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5, /3
        #expect(Descriptive.variance([1, 2, 3, 4]).isApproximatelyEqual(to: 5.0 / 3, relativeTolerance: 1e-14))
    }

    @Test func skewAndKurtosisMatchTheType2Formulas() {
        // x = 1,2,3,10: mean 4, d = -3,-2,-1,6; Σd² = 50, Σd³ = -27-8-1+216 = 180, Σd⁴ = 81+16+1+1296 = 1394
        // skew = √4·180/50^1.5 · √12/2 ; r = 4·1394/2500 ; kurt = (5(r−3)+6)·3/(2·1)
        let x = [1.0, 2, 3, 10]
        let skew = 2 * 180 / Double.pow(50, 1.5) * Double(12).squareRoot() / 2
        let r = 4.0 * 1394 / 2500
        let kurt = (5 * (r - 3) + 6) * 3 / 2
        #expect(Descriptive.skewness(x).isApproximatelyEqual(to: skew, relativeTolerance: 1e-13))
        #expect(Descriptive.kurtosis(x).isApproximatelyEqual(to: kurt, relativeTolerance: 1e-13))
        #expect(Descriptive.skewness([2, 2, 2]).isNaN)
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func skewAndKurtosisMatchCOINrOnRawASEM() throws {
        let stats = try Fixtures.asem("stats_raw.csv")
        let raw = try Fixtures.asemPanel("pipeline_01_Raw.csv")
        var worst = 0.0
        for (k, code) in stats.column("iCode").enumerated() {
            let x = raw.column(code)!.filter { !$0.isNaN }
            let expectedSkew = Double(stats.rows[k][stats.header.firstIndex(of: "Skew")!])!
            let expectedKurt = Double(stats.rows[k][stats.header.firstIndex(of: "Kurt")!])!
            worst = max(worst, abs(Descriptive.skewness(x) - expectedSkew), abs(Descriptive.kurtosis(x) - expectedKurt))
        }
        #expect(worst < 1e-9)
    }
}
