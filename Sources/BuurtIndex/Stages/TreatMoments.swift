import BuurtNumerics

/// Power sums of a sample about a fixed centre c, Sₖ = Σ (x − c)ᵏ for k = 1…4, kept up to date
/// as winsorising replaces cells, so each step's skewness and kurtosis cost O(1) instead of two
/// passes over the sample.
///
/// With d = S₁/n (the mean minus c), the central sums are
/// M₂ = S₂ − n·d², M₃ = S₃ − 3d·S₂ + 2n·d³, M₄ = S₄ − 4d·S₃ + 6d²·S₂ − 3n·d⁴, and skewness and
/// kurtosis follow as in ``Descriptive/skewnessAndKurtosis(_:)``. Replacing extremes can cancel
/// most of S₄ (or S₂); when a sum falls below ``recomputeRatio`` of its value at the last full
/// pass, the sums are recomputed from the sample.
struct TreatMoments {
    /// A sum that shrinks below this fraction of its last recomputed value is recomputed.
    static let recomputeRatio = 1e-3

    let n: Double
    private(set) var centre: Double
    private var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0
    private var recomputed2 = 0.0, recomputed4 = 0.0

    /// - Complexity: O(n).
    init(_ x: [Double]) {
        n = Double(x.count)
        centre = 0
        recompute(x)
    }

    /// Sums about the current mean of `x`, from scratch.
    mutating func recompute(_ x: [Double]) {
        centre = x.isEmpty ? 0 : x.reduce(0, +) / n
        s1 = 0; s2 = 0; s3 = 0; s4 = 0
        for v in x { add(v - centre, sign: 1) }
        recomputed2 = s2
        recomputed4 = s4
    }

    private mutating func add(_ d: Double, sign: Double) {
        let d2 = d * d
        s1 += sign * d
        s2 += sign * d2
        s3 += sign * d2 * d
        s4 += sign * d2 * d2
    }

    /// `count` cells equal to `old` became `new`; the sums are recomputed from `x` (the sample
    /// after the change) when cancellation would cost precision.
    mutating func replace(_ old: Double, by new: Double, count: Int, sample x: [Double]) {
        for _ in 0..<count {
            add(old - centre, sign: -1)
            add(new - centre, sign: 1)
        }
        if s2 < Self.recomputeRatio * recomputed2 || s4 < Self.recomputeRatio * recomputed4 { recompute(x) }
    }

    /// Skewness (G1) and excess kurtosis (G2) of the current sample; NaN as
    /// ``Descriptive/skewnessAndKurtosis(_:)`` gives it, and also when cancellation leaves M₂
    /// below 1e-9·S₂ (a nearly constant sample, whose figures the sums cannot resolve).
    var skewnessAndKurtosis: (skewness: Double, kurtosis: Double) {
        guard n > 2 else { return (.nan, .nan) }
        let d = s1 / n
        let m2 = s2 - n * d * d
        let m3 = s3 - 3 * d * s2 + 2 * n * d * d * d
        let m4 = s4 - 4 * d * s3 + 6 * d * d * s2 - 3 * n * d * d * d * d
        guard m2 > 1e-9 * s2 else { return (.nan, .nan) }
        let g1 = n.squareRoot() * m3 / (m2 * m2.squareRoot())
        let skewness = g1 * (n * (n - 1)).squareRoot() / (n - 2)
        guard n > 3 else { return (skewness, .nan) }
        let r = n * m4 / (m2 * m2)
        return (skewness, ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))
    }
}
