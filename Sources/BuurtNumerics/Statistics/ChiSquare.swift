/// The chi-square distribution.
public enum ChiSquare {
    /// P(X ≥ x) for X ~ χ²(df), as R's `pchisq(x, df, lower.tail = FALSE)`:
    /// Q(df/2, x/2), the regularised upper incomplete gamma function (see ``IncompleteGamma``).
    /// 1 for x ≤ 0; NaN for df ≤ 0 or NaN input.
    public static func upperTail(_ x: Double, degreesOfFreedom df: Double) -> Double {
        IncompleteGamma.regularizedUpper(df / 2, x / 2)
    }
}
