import CLAPACK

extension Matrix {
    /// The inverse A⁻¹ of a square matrix, by LU factorisation with partial pivoting
    /// (LAPACK `dgetrf` then `dgetri`). Accuracy degrades with the condition number κ(A):
    /// expect ‖A⁻¹A − I‖ ≈ κ(A)·ε.
    /// - Throws: ``LAPACKError/singular(routine:info:)`` when a pivot is exactly zero.
    /// - Complexity: O(n³).
    public func inverse() throws(LAPACKError) -> Matrix {
        precondition(rows == columns, "inverse needs a square matrix, got \(rows)×\(columns)")
        guard rows > 0 else { return self }
        var a = storage
        var pivots = [Int32](repeating: 0, count: rows)
        let factorInfo = Self.dgetrf(&a, order: rows, pivots: &pivots)
        if let error = LAPACKError.check(factorInfo, routine: "dgetrf", positive: LAPACKError.singular) {
            throw error
        }
        let inverseInfo = Self.dgetri(&a, order: rows, pivots: pivots)
        if let error = LAPACKError.check(inverseInfo, routine: "dgetri", positive: LAPACKError.singular) {
            throw error
        }
        return Matrix(rows: rows, columns: rows, columnMajor: a)
    }

    /// Solves A X = B for a symmetric positive definite A by Cholesky factorisation
    /// (LAPACK `dposv`, lower triangle read). `b` may have several right-hand-side columns.
    /// - Throws: ``LAPACKError/notPositiveDefinite(routine:info:)`` when A is not positive definite.
    /// - Complexity: O(n³ + n²·nrhs).
    public func solvePositiveDefinite(_ b: Matrix) throws(LAPACKError) -> Matrix {
        precondition(rows == columns, "solvePositiveDefinite needs a square matrix, got \(rows)×\(columns)")
        precondition(b.rows == rows, "right-hand side has \(b.rows) rows, the matrix \(rows)")
        guard rows > 0, b.columns > 0 else { return b }
        var a = storage, x = b.storage
        let info = Self.dposv(&a, order: rows, rightHandSides: &x, count: b.columns)
        if let error = LAPACKError.check(info, routine: "dposv", positive: LAPACKError.notPositiveDefinite) {
            throw error
        }
        return Matrix(rows: rows, columns: b.columns, columnMajor: x)
    }

    /// `dgetrf` on a square matrix: overwrites `a` with L and U, fills 1-based `pivots`. Returns `INFO`.
    /// (`dgetrf` takes no workspace, so there is nothing to query.)
    static func dgetrf(_ a: inout [Double], order n: Int, pivots: inout [Int32]) -> Int32 {
        var n32 = FortranArguments.integer(n), lda = FortranArguments.leadingDimension(n), info: Int32 = 0
        dgetrf_(&n32, &n32, &a, &lda, &pivots, &info)
        return info
    }

    /// `dgetri` on the output of ``dgetrf(_:order:pivots:)``. Queries the workspace first. Returns `INFO`.
    private static func dgetri(_ a: inout [Double], order n: Int, pivots: [Int32]) -> Int32 {
        var n32 = FortranArguments.integer(n), lda = FortranArguments.leadingDimension(n)
        var info: Int32 = 0, lwork: Int32 = -1, workQuery = 0.0
        dgetri_(&n32, &a, &lda, pivots, &workQuery, &lwork, &info)
        guard info == 0 else { return info }
        lwork = FortranArguments.workspaceLength(workQuery)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgetri_(&n32, &a, &lda, pivots, &work, &lwork, &info)
        return info
    }

    /// `dposv` with `UPLO = 'L'`: overwrites `b` with the solution. Returns `INFO`.
    /// (`dposv` takes no workspace, so there is nothing to query.)
    private static func dposv(_ a: inout [Double], order n: Int, rightHandSides b: inout [Double], count nrhs: Int) -> Int32 {
        var uplo = FortranArguments.flag("L")
        var n32 = FortranArguments.integer(n), nrhs32 = FortranArguments.integer(nrhs)
        var lda = FortranArguments.leadingDimension(n), ldb = FortranArguments.leadingDimension(n), info: Int32 = 0
        dposv_(&uplo, &n32, &nrhs32, &a, &lda, &b, &ldb, &info, 1)
        return info
    }
}
