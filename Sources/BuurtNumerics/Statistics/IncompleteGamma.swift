import Foundation

/// The regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x).
///
/// Evaluated as in Numerical Recipes (§6.2): the power series
/// P(a, x) = e^{−x} x^a / Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n)) when x < a + 1, and otherwise the
/// continued fraction Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− …)) by the modified
/// Lentz method, each summed to a relative 1e-16. The prefactor is formed in logarithms with
/// `lgamma`, so the result is accurate to about 1e-13 relative for a ≤ 10³ (better for small a).
public enum IncompleteGamma {
    /// Q(a, x), the upper tail; 1 for x ≤ 0, NaN for a ≤ 0 or NaN input.
    public static func regularizedUpper(_ a: Double, _ x: Double) -> Double {
        guard a > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x)
    }

    /// P(a, x), the lower tail; 0 for x ≤ 0, NaN for a ≤ 0 or NaN input.
    public static func regularizedLower(_ a: Double, _ x: Double) -> Double {
        guard a > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x)
    }

    private static let relativeTolerance = 1e-16
    private static let maximumTerms = 100_000
    private static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne

    /// e^{−x} x^a / Γ(a), in logarithms.
    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(a * log(x) - x - lgamma(a))
    }

    /// P(a, x) by its power series; converges fast for x < a + 1.
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a, term = 1 / a, sum = term
        for _ in 0..<maximumTerms {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * relativeTolerance { break }
        }
        return sum * prefactor(a, x)
    }

    /// Q(a, x) by its continued fraction (modified Lentz); converges fast for x ≥ a + 1.
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maximumTerms {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < relativeTolerance { break }
        }
        return prefactor(a, x) * h
    }
}
