import CLAPACK

/// Matrix products into caller-owned memory, for inner loops that must not allocate
/// (the Monte Carlo scorer multiplies a block of rows by a block of weight vectors thousands of
/// times).
public enum BLASKernels {
    /// C ← A·B (CBLAS `dgemm`, column-major, no transposes) for an m × k matrix A with leading
    /// dimension `lda` and a k × n matrix B with leading dimension `ldb`; C is m × n with leading
    /// dimension `ldc`.
    ///
    /// The operands are views into larger column-major arrays: element (i, j) of A is
    /// `a[i + j·lda]`, so a block of rows of a matrix is passed as a pointer to its first row and
    /// the full matrix's row count as `lda`.
    /// - Precondition: `lda ≥ m`, `ldb ≥ k`, `ldc ≥ m` (programming errors otherwise).
    /// - Complexity: O(m · n · k).
    public static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        into c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        precondition(lda >= max(1, m) && ldb >= max(1, k) && ldc >= max(1, m), "leading dimensions too small")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for j in 0..<n { (c + j * ldc).update(repeating: 0, count: m) }
            return
        }
        cblas_dgemm(
            CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
            1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
    }
}
