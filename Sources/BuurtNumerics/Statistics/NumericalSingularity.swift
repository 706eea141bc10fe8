/// Whether a correlation matrix is too close to singular for its inverse or determinant to mean
/// anything.
enum NumericalSingularity {
    /// True when R has a non-finite entry or its smallest eigenvalue is at most p·ε times its
    /// largest, i.e. the condition number exceeds 1/(p·ε) ≈ 10¹⁵ (R's `solve` refuses at a
    /// similar reciprocal condition number, `.Machine$double.eps`).
    /// - Throws: ``LAPACKError`` when the eigen-decomposition fails to converge.
    static func isSingular(correlation r: Matrix) throws(LAPACKError) -> Bool {
        guard r.rows > 0, r.storage.allSatisfy(\.isFinite) else { return true }
        let values = try r.symmetricEigen().values
        let largest = values.first!, smallest = values.last!
        return !(smallest > Double(r.rows) * Double.ulpOfOne * largest)
    }
}
