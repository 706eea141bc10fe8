import Foundation

extension Matrix {
    /// ln|det A| and the sign of det A, from the LU factorisation (LAPACK `dgetrf`):
    /// det A = (−1)^(row swaps) · Π uᵢᵢ, summed in logarithms so large matrices do not overflow.
    ///
    /// An exactly singular matrix gives `(−∞, 0)` rather than an error: zero is its determinant.
    /// - Throws: ``LAPACKError/illegalArgument(routine:position:)`` only (never for data).
    /// - Complexity: O(n³).
    public func logDeterminant() throws(LAPACKError) -> (logAbsoluteValue: Double, sign: Double) {
        precondition(rows == columns, "logDeterminant needs a square matrix, got \(rows)×\(columns)")
        guard rows > 0 else { return (0, 1) }
        var a = storage
        var pivots = [Int32](repeating: 0, count: rows)
        let info = Self.dgetrf(&a, order: rows, pivots: &pivots)
        if info > 0 { return (-.infinity, 0) }
        if let error = LAPACKError.check(info, routine: "dgetrf", positive: LAPACKError.singular) {
            throw error
        }
        var logAbs = 0.0, sign = 1.0
        for i in 0..<rows {
            let u = a[i + i * rows]
            logAbs += log(Swift.abs(u))
            if u < 0 { sign = -sign }
            if Int(pivots[i]) != i + 1 { sign = -sign }
        }
        return (logAbs, sign)
    }
}
