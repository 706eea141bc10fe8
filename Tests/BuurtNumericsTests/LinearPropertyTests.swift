import BuurtNumerics
import Numerics
import PropertyBased
import Testing

/// Largest |aᵢⱼ − bᵢⱼ| of two equally shaped matrices (used by the linear-algebra and PCA tests).
func maxAbsoluteDifference(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    return zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// op(A)·op(B) by three nested loops, the reference for `multiplied(by:…)`.
func naiveProduct(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
    let opA = transposeA ? a.transposed : a, opB = transposeB ? b.transposed : b
    var c = Matrix(rows: opA.rows, columns: opB.columns)
    for i in 0..<opA.rows { for j in 0..<opB.columns { for k in 0..<opA.columns { c[i, j] += opA[i, k] * opB[k, j] } } }
    return c
}

/// A matrix whose diagonal holds `values`.
func diagonal(_ values: [Double]) -> Matrix {
    var d = Matrix(rows: values.count, columns: values.count)
    for (i, v) in values.enumerated() { d[i, i] = v }
    return d
}

/// The first rows·columns of `entries` as a rows × columns matrix.
private func matrix(_ rows: Int, _ columns: Int, from entries: [Double]) -> Matrix {
    Matrix(rows: rows, columns: columns, columnMajor: Array(entries.prefix(rows * columns)))
}

private let size = Gen.int(in: 1...7)
private let entries = Gen.double(in: -10...10).array(of: 49)

@Suite struct LinearPropertyTests {
    @Test func symmetricEigenReconstructsWithOrthonormalVectorsInDescendingOrder() async throws {
        await propertyCheck(input: size, entries) { n, e in
            let b = matrix(n, n, from: e)
            var a = b
            for i in 0..<n { for j in 0..<n { a[i, j] = (b[i, j] + b[j, i]) / 2 } }
            let scale = max(1, a.storage.map(abs).max()!)
            let (values, v) = try a.symmetricEigen()
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
            let rebuilt = v * diagonal(values) * v.transposed
            #expect(maxAbsoluteDifference(rebuilt, a) <= 1e-10 * scale)
            #expect(maxAbsoluteDifference(v.multiplied(by: v, transposeSelf: true), .identity(n)) <= 1e-12)
        }
    }

    @Test func thinSVDReconstructsWithOrthonormalFactors() async throws {
        await propertyCheck(input: size, size, entries) { m, n, e in
            let a = matrix(m, n, from: e)
            let k = min(m, n)
            let scale = max(1, a.storage.map(abs).max()!)
            let (u, s, vt) = try a.singularValueDecomposition()
            #expect(u.rows == m && u.columns == k && vt.rows == k && vt.columns == n)
            #expect(s.allSatisfy { $0 >= 0 } && zip(s, s.dropFirst()).allSatisfy { $0 >= $1 })
            #expect(maxAbsoluteDifference(u * diagonal(s) * vt, a) <= 1e-10 * scale)
            #expect(maxAbsoluteDifference(u.multiplied(by: u, transposeSelf: true), .identity(k)) <= 1e-12)
            #expect(maxAbsoluteDifference(vt.multiplied(by: vt, transposeOther: true), .identity(k)) <= 1e-12)
        }
    }

    @Test func inverseTimesMatrixIsIdentity() async throws {
        // B has entries in [−1, 1]; adding (n + 1)·I makes it strictly diagonally dominant,
        // hence invertible with a condition number below about 2n + 1.
        await propertyCheck(input: size, Gen.double(in: -1...1).array(of: 49)) { n, e in
            var a = matrix(n, n, from: e)
            for i in 0..<n { a[i, i] += Double(n + 1) }
            let inv = try a.inverse()
            #expect(maxAbsoluteDifference(inv * a, .identity(n)) <= 1e-12)
            #expect(maxAbsoluteDifference(a * inv, .identity(n)) <= 1e-12)
        }
    }

    @Test func positiveDefiniteSolveSatisfiesTheSystem() async throws {
        // A = BᵀB + I is symmetric positive definite for any B.
        await propertyCheck(input: size, entries, Gen.double(in: -10...10).array(of: 14)) { n, e, rhs in
            let b = matrix(n, n, from: e)
            let a = b.multiplied(by: b, transposeSelf: true) + .identity(n)
            let y = Matrix(rows: n, columns: 2, columnMajor: Array(rhs.prefix(2 * n)))
            let x = try a.solvePositiveDefinite(y)
            let scale = max(1, a.storage.map(abs).max()!) * max(1, x.storage.map(abs).max()!)
            #expect(maxAbsoluteDifference(a * x, y) <= 1e-10 * scale)
        }
    }

    @Test func productMatchesNaiveLoopsForEveryTransposeCombination() async {
        await propertyCheck(input: size, size, size, entries, entries) { m, k, n, e1, e2 in
            let a = matrix(m, k, from: e1), b = matrix(k, n, from: e2)
            #expect(maxAbsoluteDifference(a * b, naiveProduct(a, b)) <= 1e-12)
            let at = a.transposed, bt = b.transposed
            #expect(maxAbsoluteDifference(at.multiplied(by: b, transposeSelf: true), naiveProduct(a, b)) <= 1e-12)
            #expect(maxAbsoluteDifference(a.multiplied(by: bt, transposeOther: true), naiveProduct(a, b)) <= 1e-12)
            #expect(maxAbsoluteDifference(
                at.multiplied(by: bt, transposeSelf: true, transposeOther: true), naiveProduct(at, bt, transposeA: true, transposeB: true)) <= 1e-12)
        }
    }

    @Test func logDeterminantMatchesTheProductOfEigenvalues() async throws {
        // For symmetric A, det A = Π λᵢ; compare ln|det| and the sign.
        await propertyCheck(input: size, entries) { n, e in
            let b = matrix(n, n, from: e)
            let a = b + b.transposed
            let values = try a.symmetricEigen().values
            guard values.allSatisfy({ abs($0) > 1e-3 }) else { return }  // keep κ moderate
            let (logAbs, sign) = try a.logDeterminant()
            let expectedLog = values.reduce(0) { $0 + Double.log(abs($1)) }
            let expectedSign: Double = values.filter { $0 < 0 }.count % 2 == 0 ? 1 : -1
            #expect(logAbs.isApproximatelyEqual(to: expectedLog, absoluteTolerance: 1e-9))
            #expect(sign == expectedSign)
        }
    }
}

private func + (a: Matrix, b: Matrix) -> Matrix {
    Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.storage, b.storage).map { $0 + $1 })
}
