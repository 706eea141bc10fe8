import BuurtNumerics
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
        return verdict(skew: s, kurtosis: k)
    }

    /// A criterion within this relative distance of its threshold (or a skew this close to 0,
    /// which picks the side to winsorise) is decided on the sample itself, not its running moments.
    static let decisionBand = 1e-7

    /// ``check(_:)`` of a sample being winsorised, from its running moments: the same verdict,
    /// since a criterion near enough to its threshold for rounding to matter, or one the moments
    /// leave undecided, is checked on `x`.
    /// - Complexity: O(1), O(n) near a threshold.
    func check(_ x: [Double], moments: TreatMoments) -> SkewKurtosisCheck {
        let (s, k) = moments.skewnessAndKurtosis
        func near(_ a: Double, _ t: Double) -> Bool { abs(a - t) <= Self.decisionBand * Swift.max(1, abs(t)) }
        if s.isNaN || k.isNaN || near(abs(s), maxSkew) || near(k, maxKurtosis) || near(s, 0) { return check(x) }
        return verdict(skew: s, kurtosis: k)
    }

    private func verdict(skew s: Double, kurtosis k: Double) -> SkewKurtosisCheck {
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
        var moments = TreatMoments(x)
        var stepped = false
        while current.pass == false && result.high.count + result.low.count < maxPoints {
            // A failing check has a skew: a sample without one cannot fail.
            if (current.skew ?? 0) >= 0 {
                result.high = pullIn(&x, moments: &moments, toward: { $0 > $1 })
            } else {
                result.low = pullIn(&x, moments: &moments, toward: { $0 < $1 })
            }
            current = check(x, moments: moments)
            stepped = true
        }
        // The reported figures are the two-pass ones (the verdict is the same).
        if stepped { current = check(x) }
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

    /// Sets every cell equal to the most extreme value (`beyond(a, b)`: a is more extreme than b)
    /// to the most extreme of the other values, in one pass, updates `moments`, and returns the
    /// cells' positions.
    private func pullIn(_ x: inout [Double], moments: inout TreatMoments, toward beyond: (Double, Double) -> Bool) -> [Int] {
        var positions: [Int] = []
        var extreme = x[0]
        var replacement: Double?
        for (i, v) in x.enumerated() {
            if v == extreme {
                positions.append(i)
            } else if beyond(v, extreme) {
                replacement = extreme
                extreme = v
                positions.removeAll(keepingCapacity: true)
                positions.append(i)
            } else if replacement.map({ beyond(v, $0) }) ?? true {
                replacement = v
            }
        }
        // A sample whose check fails has at least two distinct values.
        let new = replacement ?? extreme
        for i in positions { x[i] = new }
        moments.replace(extreme, by: new, count: positions.count, sample: x)
        return positions
    }

    /// COINr `log_CT`: ln(x − min + 0.01·(max − min)), evaluated in R's order.
    static func logCT(_ x: [Double]) -> [Double] {
        guard let lo = x.min(), let hi = x.max() else { return x }
        let shift = 0.01 * (hi - lo)
        return x.map { Foundation.log($0 - lo + shift) }
    }
}
