import BuurtNumerics
import Numerics
import Testing

@Suite struct LinearErrorTests {
    @Test func inverseOfASingularMatrixThrowsSingular() {
        // second row = 2 × first row: the LU factorisation meets a zero pivot in column 2
        let a = Matrix(rowMajor: [[1, 2], [2, 4]])
        #expect(throws: LAPACKError.singular(routine: "dgetrf", info: 2)) { try a.inverse() }
    }

    @Test func choleskyOfAnIndefiniteMatrixThrowsNotPositiveDefinite() {
        // leading minors: 1 > 0, det = 1·1 − 2·2 = −3 < 0, so order 2 fails
        let a = Matrix(rowMajor: [[1, 2], [2, 1]])
        #expect(throws: LAPACKError.notPositiveDefinite(routine: "dposv", info: 2)) {
            try a.solvePositiveDefinite(Matrix(rowMajor: [[1], [1]]))
        }
    }

    @Test func hand2x2CasesGiveExactAnswers() throws {
        // [[2, 1], [1, 2]] has eigenvalues 3 (vector (1, 1)/√2) and 1 (vector (1, −1)/√2)
        let (values, vectors) = try Matrix(rowMajor: [[2, 1], [1, 2]]).symmetricEigen()
        #expect(values[0].isApproximatelyEqual(to: 3, absoluteTolerance: 1e-14))
        #expect(values[1].isApproximatelyEqual(to: 1, absoluteTolerance: 1e-14))
        #expect(abs(vectors[0, 0]).isApproximatelyEqual(to: 0.5.squareRoot(), absoluteTolerance: 1e-14))
        #expect((vectors[0, 0] * vectors[1, 0]) > 0)
        // [[4, 7], [2, 6]]⁻¹ = 1/10 · [[6, −7], [−2, 4]]
        let inv = try Matrix(rowMajor: [[4, 7], [2, 6]]).inverse()
        #expect(maxAbsoluteDifference(inv, Matrix(rowMajor: [[0.6, -0.7], [-0.2, 0.4]])) < 1e-15)
        // det [[0, 1], [1, 0]] = −1: ln|det| = 0 and one row swap
        let (logAbs, sign) = try Matrix(rowMajor: [[0, 1], [1, 0]]).logDeterminant()
        #expect(logAbs == 0 && sign == -1)
        // singular [[1, 1], [1, 1]] has determinant 0
        #expect(try Matrix(rowMajor: [[1, 1], [1, 1]]).logDeterminant().sign == 0)
    }

    @Test func errorsDescribeTheRoutineAndTheProblem() {
        #expect(LAPACKError.illegalArgument(routine: "dsyevd", position: 3).description
            == "dsyevd: argument 3 had an illegal value")
        #expect(LAPACKError.notPositiveDefinite(routine: "dposv", info: 2).description.contains("leading minor 2"))
    }

    @Test func emptyMatricesNeedNoLAPACKCall() throws {
        let empty = Matrix(rows: 0, columns: 0)
        #expect(try empty.symmetricEigen().values.isEmpty)
        #expect(try empty.inverse() == empty)
        let product = Matrix(rows: 2, columns: 0) * Matrix(rows: 0, columns: 3)
        #expect(product == Matrix(rows: 2, columns: 3))
    }

    @Test func openBLASReportsItsConfiguration() {
        BLASRuntime.pinSingleThread()
        #expect(BLASRuntime.configuration.contains("OpenBLAS"))
        #expect(!BLASRuntime.coreName.isEmpty)
    }
}
