import CLAPACK

extension Matrix {
    /// The matrix product `a · b` (CBLAS `dgemm`).
    /// - Precondition: `a.columns == b.rows` (a programming error otherwise).
    /// - Complexity: O(a.rows · a.columns · b.columns).
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        a.multiplied(by: b)
    }

    /// op(self) · op(other), where op transposes when the matching flag is set (CBLAS `dgemm`).
    ///
    /// `transposeSelf: true` computes selfᵀ · other without forming the transpose, which is how
    /// cross-products XᵀX are meant to be written.
    /// - Precondition: the inner dimensions of op(self) and op(other) agree.
    /// - Complexity: O(m · n · k) for an m × k times k × n product.
    public func multiplied(by other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false) -> Matrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let otherK = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        precondition(k == otherK, "matrix product dimension mismatch: op(A) is \(m)×\(k), op(B) is \(otherK)×\(n)")
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n) }
        var c = [Double](repeating: 0, count: m * n)
        Self.dgemm(
            storage, leading: rows, transposed: transposeSelf,
            other.storage, leading: other.rows, transposed: transposeOther,
            into: &c, m: m, n: n, k: k)
        return Matrix(rows: m, columns: n, columnMajor: c)
    }

    /// C ← op(A)·op(B) for column-major operands with the given leading dimensions.
    private static func dgemm(
        _ a: [Double], leading lda: Int, transposed ta: Bool,
        _ b: [Double], leading ldb: Int, transposed tb: Bool,
        into c: inout [Double], m: Int, n: Int, k: Int
    ) {
        cblas_dgemm(
            CblasColMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(Swift.max(1, lda)), b, Int32(Swift.max(1, ldb)),
            0, &c, Int32(m))
    }
}
