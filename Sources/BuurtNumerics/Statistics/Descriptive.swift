/// Descriptive statistics of a sample. Every function takes the available values only
/// (callers drop missing values first) and returns NaN when the sample is too small.
public enum Descriptive {
    /// Arithmetic mean; NaN for an empty sample.
    public static func mean(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    /// Sample variance Σ(x − x̄)²/(n − 1); NaN when n < 2.
    public static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }

    /// Sample standard deviation (n − 1 denominator), as R's `sd`.
    public static func standardDeviation(_ x: [Double]) -> Double {
        variance(x).squareRoot()
    }

    /// Median (mean of the two middle values for even n), as R's `median`.
    /// - Complexity: O(n log n).
    public static func median(_ x: [Double]) -> Double {
        quantile(x, 0.5)
    }

    /// Quantile by R's default type 7: h = (n − 1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
    /// on the sorted sample (0-based). NaN for an empty sample.
    /// - Complexity: O(n log n).
    public static func quantile(_ x: [Double], _ p: Double) -> Double {
        guard !x.isEmpty else { return .nan }
        let s = x.sorted()
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    /// Sample-adjusted skewness G1 (e1071 type 2):
    /// √n·Σd³/(Σd²)^{3/2} · √(n(n−1))/(n−2), d = x − x̄. NaN when n < 3 or the sample is constant.
    public static func skewness(_ x: [Double]) -> Double {
        skewnessAndKurtosis(x).skewness
    }

    /// Sample-adjusted excess kurtosis G2 (e1071 type 2):
    /// ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)), r = nΣd⁴/(Σd²)². NaN when n < 4 or the sample is constant.
    public static func kurtosis(_ x: [Double]) -> Double {
        skewnessAndKurtosis(x).kurtosis
    }

    /// ``skewness(_:)`` and ``kurtosis(_:)`` from one mean and one pass over the deviations.
    /// - Complexity: O(n).
    public static func skewnessAndKurtosis(_ x: [Double]) -> (skewness: Double, kurtosis: Double) {
        let n = Double(x.count)
        guard x.count > 2 else { return (.nan, .nan) }
        let m = mean(x)
        var s2 = 0.0, s3 = 0.0, s4 = 0.0
        for v in x {
            let d = v - m
            s2 += d * d
            s3 += d * d * d
            s4 += d * d * d * d
        }
        guard s2 > 0 else { return (.nan, .nan) }
        let g1 = n.squareRoot() * s3 / (s2 * s2.squareRoot())
        let skewness = g1 * (n * (n - 1)).squareRoot() / (n - 2)
        guard x.count > 3 else { return (skewness, .nan) }
        let r = n * s4 / (s2 * s2)
        return (skewness, ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))
    }
}
