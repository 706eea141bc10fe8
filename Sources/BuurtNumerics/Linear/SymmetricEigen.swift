import CLAPACK

extension Matrix {
    /// Eigen-decomposition A = V Λ Vᵀ of a symmetric matrix (LAPACK `dsyevd`, divide and conquer).
    ///
    /// Only the lower triangle is read. Eigenvalues are returned in **descending** order and
    /// column k of `vectors` is the unit eigenvector of `values[k]`; vectors are orthonormal to
    /// working precision (‖VᵀV − I‖ ≈ n·ε). The sign of each vector is whatever LAPACK returns.
    /// - Throws: ``LAPACKError/noConvergence(routine:info:)`` when the algorithm fails to converge.
    /// - Complexity: O(n³).
    public func symmetricEigen() throws(LAPACKError) -> (values: [Double], vectors: Matrix) {
        precondition(rows == columns, "symmetricEigen needs a square matrix, got \(rows)×\(columns)")
        let n = rows
        guard n > 0 else { return ([], Matrix(rows: 0, columns: 0)) }
        var a = storage
        var ascending = [Double](repeating: 0, count: n)
        let info = Self.dsyevd(&a, order: n, eigenvalues: &ascending)
        if let error = LAPACKError.check(info, routine: "dsyevd", positive: LAPACKError.noConvergence) {
            throw error
        }
        let ascendingVectors = Matrix(rows: n, columns: n, columnMajor: a)
        let order = Array((0..<n).reversed())
        return (order.map { ascending[$0] }, ascendingVectors.selecting(columns: order))
    }

    /// `dsyevd` with `JOBZ = 'V'`, `UPLO = 'L'`: overwrites `a` with the eigenvectors and
    /// fills `eigenvalues` in ascending order. Queries the workspace first. Returns `INFO`.
    private static func dsyevd(_ a: inout [Double], order n: Int, eigenvalues w: inout [Double]) -> Int32 {
        var jobz = FortranArguments.flag("V"), uplo = FortranArguments.flag("L")
        var n32 = FortranArguments.integer(n), lda = FortranArguments.leadingDimension(n)
        var info: Int32 = 0, lwork: Int32 = -1, liwork: Int32 = -1
        var workQuery = 0.0, iworkQuery: Int32 = 0
        dsyevd_(&jobz, &uplo, &n32, &a, &lda, &w, &workQuery, &lwork, &iworkQuery, &liwork, &info, 1, 1)
        guard info == 0 else { return info }
        lwork = FortranArguments.workspaceLength(workQuery)
        liwork = Swift.max(1, iworkQuery)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&jobz, &uplo, &n32, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        return info
    }
}
