import CLAPACK

extension Matrix {
    /// Thin singular value decomposition A = U Σ Vᵀ (LAPACK `dgesdd`, divide and conquer).
    ///
    /// For an m × n matrix with k = min(m, n): `u` is m × k with orthonormal columns,
    /// `singularValues` has k entries in descending order (all ≥ 0), `vt` is k × n with
    /// orthonormal rows. Accuracy: ‖A − UΣVᵀ‖ ≈ max(m, n)·ε·‖A‖.
    /// - Throws: ``LAPACKError/noConvergence(routine:info:)`` when the bidiagonal iteration fails.
    /// - Complexity: O(m·n·k).
    public func singularValueDecomposition() throws(LAPACKError) -> (u: Matrix, singularValues: [Double], vt: Matrix) {
        let m = rows, n = columns, k = Swift.min(rows, columns)
        guard k > 0 else {
            return (Matrix(rows: m, columns: 0), [], Matrix(rows: 0, columns: n))
        }
        var a = storage
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m * k)
        var vt = [Double](repeating: 0, count: k * n)
        let info = Self.dgesdd(&a, rows: m, columns: n, s: &s, u: &u, vt: &vt)
        if let error = LAPACKError.check(info, routine: "dgesdd", positive: LAPACKError.noConvergence) {
            throw error
        }
        return (Matrix(rows: m, columns: k, columnMajor: u), s, Matrix(rows: k, columns: n, columnMajor: vt))
    }

    /// `dgesdd` with `JOBZ = 'S'` (thin U and Vᵀ). Queries the workspace first. Returns `INFO`.
    private static func dgesdd(
        _ a: inout [Double], rows m: Int, columns n: Int,
        s: inout [Double], u: inout [Double], vt: inout [Double]
    ) -> Int32 {
        let k = Swift.min(m, n)
        var jobz = FortranArguments.flag("S")
        var m32 = FortranArguments.integer(m), n32 = FortranArguments.integer(n)
        var lda = FortranArguments.leadingDimension(m), ldu = FortranArguments.leadingDimension(m)
        var ldvt = FortranArguments.leadingDimension(k)
        var info: Int32 = 0, lwork: Int32 = -1, workQuery = 0.0
        var iwork = [Int32](repeating: 0, count: 8 * k)
        dgesdd_(&jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &workQuery, &lwork, &iwork, &info, 1)
        guard info == 0 else { return info }
        lwork = FortranArguments.workspaceLength(workQuery)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&jobz, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        return info
    }
}
