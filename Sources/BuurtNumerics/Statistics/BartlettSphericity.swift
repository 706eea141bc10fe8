/// Bartlett's test of sphericity: whether the correlation matrix differs from the identity
/// (`psych::cortest.bartlett`).
///
/// χ² = −(n − 1 − (2p + 5)/6) · ln|R| with p(p−1)/2 degrees of freedom, and the p-value is the
/// chi-square upper tail. A small p-value means the indicators are correlated enough to summarise.
///
/// With fewer than two indicators, or a (numerically) singular R, χ² and the p-value are NaN.
public struct BartlettSphericity: Sendable, Equatable {
    /// The test statistic χ².
    public let chiSquare: Double
    /// Degrees of freedom p(p−1)/2.
    public let degreesOfFreedom: Int
    /// P(X ≥ χ²) for X ~ χ²(df), accurate to about 1e-13.
    public let pValue: Double

    /// - Parameters:
    ///   - r: the p × p correlation matrix.
    ///   - n: the number of observations R was computed from.
    /// - Throws: ``LAPACKError`` only when an eigen-decomposition fails to converge.
    public init(correlation r: Matrix, observations n: Int) throws(LAPACKError) {
        let p = r.rows
        degreesOfFreedom = p * (p - 1) / 2
        guard p > 1, try !NumericalSingularity.isSingular(correlation: r) else {
            chiSquare = .nan
            pValue = .nan
            return
        }
        let (logAbs, sign) = try r.logDeterminant()
        guard sign > 0 else {
            chiSquare = .nan
            pValue = .nan
            return
        }
        let pp = Double(p)
        chiSquare = -(Double(n) - 1 - (2 * pp + 5) / 6) * logAbs
        pValue = ChiSquare.upperTail(chiSquare, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
