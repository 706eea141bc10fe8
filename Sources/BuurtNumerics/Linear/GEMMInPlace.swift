import CLAPACK

/// Matrix products into caller-owned memory, for inner loops that must not allocate
/// (the Monte Carlo scorer multiplies a block of rows by a block of weight vectors thousands of
/// times).
package enum BLASKernels {
    /// C ← A·B (CBLAS `dgemm`, column-major, no transposes) for an m × k matrix A with leading
    /// dimension `lda` and a k × n matrix B with leading dimension `ldb`; C is m × n with leading
    /// dimension `ldc`.
    ///
    /// The operands are views into larger column-major arrays: element (i, j) of A is
    /// `a[i + j·lda]`, so a block of rows of a matrix is passed as a pointer to its first row and
    /// the full matrix's row count as `lda`.
    /// - Precondition: `lda ≥ m`, `ldb ≥ k`, `ldc ≥ m` (programming errors otherwise).
    /// - Complexity: O(m · n · k).
    package static func multiply(
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

extension BLASKernels {
    /// C ← op(A)·op(B) (CBLAS `dgemm`, column-major), op(X) = Xᵀ when the matching `transpose`
    /// flag is set. op(A) is m × k and op(B) is k × n; C is m × n with leading dimension `ldc`.
    ///
    /// A is stored as m × k (`lda ≥ m`) without transposition, as k × m (`lda ≥ k`) with it;
    /// B as k × n (`ldb ≥ k`) or n × k (`ldb ≥ n`). Transposing lets a caller produce a product
    /// directly in the layout it consumes: (X·W)ᵀ = Wᵀ·Xᵀ writes the scores of one row under
    /// consecutive weight vectors contiguously, from the same stored X and W.
    /// - Precondition: leading dimensions as above (programming errors otherwise).
    /// - Complexity: O(m · n · k).
    package static func multiply(
        m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        _ b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        precondition(lda >= max(1, transposeA ? k : m) && ldb >= max(1, transposeB ? n : k) && ldc >= max(1, m),
                     "leading dimensions too small")
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for j in 0..<n { (c + j * ldc).update(repeating: 0, count: m) }
            return
        }
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
    }
}
