import Foundation

/// COINr's two-step outlier treatment of one sample of available values (`Treat.numeric` with
/// `f1 = winsorise`, `f2 = log_CT`, `f_pass = check_SkewKurt`, `combine_treat = FALSE`):
///
/// 1. If the sample passes ``check(_:)``, leave it.
/// 2. Otherwise winsorise while it fails and fewer than `maxPoints` cells sit at a winsorised end:
///    with the current skew ≥ 0 set every cell equal to the maximum to the largest other value,
///    else every cell equal to the minimum to the smallest other value. The side is decided
///    again at each step; only the cells of the latest step at each end are counted (earlier
///    ones are tied with them), so the count can pass `maxPoints` when extremes are tied.
/// 3. If it still fails, start again from the original values and take
///    ln(x − min + 0.01·(max − min)) (`log_CT`, whatever the direction of the skew), and keep it
///    whether it passes or not.
///
/// Whenever a check cannot be decided (R's `NA`), the original values are kept.
struct OutlierTreatment {
    var maxPoints: Int
    var maxSkew: Double
    var maxKurtosis: Double

    init(_ parameters: TreatParameters) {
        maxPoints = parameters.maxPoints
        maxSkew = parameters.maxSkew
        maxKurtosis = parameters.maxKurtosis
    }

    struct Result {
        /// Treated values, `nil` when the sample is returned unchanged.
        var values: [Double]?
        /// Positions in the sample set to the next-highest / next-lowest value.
        var high: [Int] = []
        var low: [Int] = []
        var before: SkewKurtosisCheck
        var afterWinsorising: SkewKurtosisCheck?
        var afterLog: SkewKurtosisCheck?
        var outcome: TreatmentOutcome
    }

    /// |skew| < maxSkew or kurtosis < maxKurtosis, in R's three-valued logic: a criterion that
    /// cannot be computed is unknown, and the result is unknown unless the other one passes.
    func check(_ x: [Double]) -> SkewKurtosisCheck {
        let (s, k) = Descriptive.skewnessAndKurtosis(x)
        let skewPasses: Bool? = s.isNaN ? nil : abs(s) < maxSkew
        let kurtosisPasses: Bool? = k.isNaN ? nil : k < maxKurtosis
        let pass: Bool? = skewPasses == true || kurtosisPasses == true
            ? true : (skewPasses == nil || kurtosisPasses == nil ? nil : false)
        return SkewKurtosisCheck(skew: s.isNaN ? nil : s, kurtosis: k.isNaN ? nil : k, pass: pass)
    }

    /// - Complexity: O(n · steps), steps ≤ maxPoints.
    func treat(_ original: [Double]) -> Result {
        let before = check(original)
        guard let passedBefore = before.pass else { return Result(values: nil, before: before, outcome: .undetermined) }
        if passedBefore { return Result(values: nil, before: before, outcome: .passed) }

        var x = original
        var result = Result(values: nil, before: before, outcome: .winsorised)
        var current = before
        while current.pass == false && result.high.count + result.low.count < maxPoints {
            // A failing check has a skew: a sample without one cannot fail.
            if (current.skew ?? 0) >= 0 {
                result.high = pullIn(&x, extreme: x.max()!, toward: { $0 > $1 })
            } else {
                result.low = pullIn(&x, extreme: x.min()!, toward: { $0 < $1 })
            }
            current = check(x)
        }
        result.afterWinsorising = current
        switch current.pass {
        case nil:
            result.outcome = .undetermined
        case true?:
            result.values = x
        case false?:
            let logged = Self.logCT(original)
            let afterLog = check(logged)
            result.afterLog = afterLog
            if afterLog.pass == nil {
                result.outcome = .undetermined
            } else {
                result.values = logged
                result.outcome = .logTransformed
            }
        }
        return result
    }

    /// Sets every cell equal to `extreme` to the most extreme of the other values
    /// (`beyond(a, b)`: a is more extreme than b) and returns their positions.
    private func pullIn(_ x: inout [Double], extreme: Double, toward beyond: (Double, Double) -> Bool) -> [Int] {
        var positions: [Int] = []
        var replacement: Double?
        for (i, v) in x.enumerated() {
            if v == extreme {
                positions.append(i)
            } else if replacement.map({ beyond(v, $0) }) ?? true {
                replacement = v
            }
        }
        // A sample whose check fails has at least two distinct values.
        for i in positions { x[i] = replacement ?? extreme }
        return positions
    }

    /// COINr `log_CT`: ln(x − min + 0.01·(max − min)), evaluated in R's order.
    static func logCT(_ x: [Double]) -> [Double] {
        guard let lo = x.min(), let hi = x.max() else { return x }
        let shift = 0.01 * (hi - lo)
        return x.map { Foundation.log($0 - lo + shift) }
    }
}
