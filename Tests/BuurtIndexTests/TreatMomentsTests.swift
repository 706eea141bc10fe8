@testable import BuurtNumerics
import Foundation
import Testing
@testable import BuurtIndex

/// The running moments of winsorising equal the two-pass skewness and kurtosis after each
/// replacement, including when a replaced outlier held nearly all of the fourth-power sum.
@Suite struct TreatMomentsTests {
    /// A skewed sample: exp of a spread of values, one far outlier last.
    static func sample(_ n: Int, outlier: Double) -> [Double] {
        var state: UInt64 = 12345
        var x: [Double] = (0..<n).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Foundation.exp(3 * Double(state >> 11) / Double(1 << 53))
        }
        x.append(outlier)
        return x
    }

    static func expectClose(_ got: (skewness: Double, kurtosis: Double), _ x: [Double]) {
        let want = Descriptive.skewnessAndKurtosis(x)
        #expect(abs(got.skewness - want.skewness) <= 1e-10 * Swift.max(1, abs(want.skewness)), "skew \(got.skewness) vs \(want.skewness)")
        #expect(abs(got.kurtosis - want.kurtosis) <= 1e-10 * Swift.max(1, abs(want.kurtosis)), "kurtosis \(got.kurtosis) vs \(want.kurtosis)")
    }

    @Test(arguments: [30.0, 1e3, 1e8])
    func replacingTheMaximumStepByStepMatchesTwoPasses(outlier: Double) {
        var x = Self.sample(200, outlier: outlier)
        var moments = TreatMoments(x)
        Self.expectClose(moments.skewnessAndKurtosis, x)
        for _ in 0..<6 {
            let top = x.max()!, next = x.filter { $0 < top }.max()!
            let count = x.filter { $0 == top }.count
            for i in x.indices where x[i] == top { x[i] = next }
            moments.replace(top, by: next, count: count, sample: x)
            Self.expectClose(moments.skewnessAndKurtosis, x)
        }
    }

    @Test func tooFewOrEqualValuesGiveNaNAsTwoPasses() {
        let pair = TreatMoments([1, 2]).skewnessAndKurtosis
        #expect(pair.skewness.isNaN && pair.kurtosis.isNaN)
        let three = TreatMoments([1, 2, 4]).skewnessAndKurtosis
        #expect(abs(three.skewness - Descriptive.skewnessAndKurtosis([1, 2, 4]).skewness) < 1e-12 && three.kurtosis.isNaN)
        let flat = TreatMoments([3, 3, 3, 3, 3]).skewnessAndKurtosis
        #expect(flat.skewness.isNaN && flat.kurtosis.isNaN)
    }
}
