/// Varimax rotation of a loadings matrix, as R's `stats::varimax(x, normalize = TRUE, eps = 1e-5)`.
///
/// With Kaiser normalisation each row is first divided by its length hᵢ = √Σⱼ xᵢⱼ² (and multiplied
/// back at the end). Starting from T = I, each step sets Z = X T,
/// B = Xᵀ (Z∘Z∘Z − Z · diag(1ᵀ(Z∘Z))/p), takes the SVD B = U D Vᵀ, and sets T = U Vᵀ; it stops when
/// the criterion d = Σ D no longer grows by a relative `eps`, or after 1000 steps.
///
/// The rotation is orthogonal, so each row's communality Σⱼ zᵢⱼ² is kept. A row of zeros stays zero
/// (R would turn it into NaN). With fewer than two columns the loadings are returned unchanged.
/// Like R's, the fixed-point step can stall on degenerate configurations (all rows along only
/// two directions); results are then R's results, not the criterion's maximum.
public enum Varimax {
    /// - Returns: the rotated loadings X·T (rescaled) and the rotation matrix T.
    /// - Throws: ``LAPACKError`` when an SVD fails to converge.
    /// - Complexity: O(iterations · p · m²) for p × m loadings.
    public static func rotate(
        _ loadings: Matrix, normalize: Bool = true, eps: Double = 1e-5, maximumIterations: Int = 1000
    ) throws(LAPACKError) -> (loadings: Matrix, rotation: Matrix) {
        let p = loadings.rows, m = loadings.columns
        guard m > 1, p > 0 else { return (loadings, Matrix.identity(m)) }
        let rowLengths = (0..<p).map { i -> Double in
            let h = loadings.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
            return normalize && h > 0 ? h : 1
        }
        let x = scaledRows(loadings, by: rowLengths.map { 1 / $0 })
        var rotation = Matrix.identity(m)
        var criterion = 0.0
        for _ in 0..<maximumIterations {
            let z = x * rotation
            var target = Matrix(rows: p, columns: m)
            for j in 0..<m {
                let meanSquare = z.column(j).reduce(0) { $0 + $1 * $1 } / Double(p)
                for i in 0..<p {
                    let v = z[i, j]
                    target[i, j] = v * v * v - v * meanSquare
                }
            }
            let b = x.multiplied(by: target, transposeSelf: true)
            let svd = try b.singularValueDecomposition()
            rotation = svd.u * svd.vt
            let previous = criterion
            criterion = svd.singularValues.reduce(0, +)
            if criterion < previous * (1 + eps) { break }
        }
        return (scaledRows(x * rotation, by: rowLengths), rotation)
    }

    /// Each row i multiplied by factors[i].
    private static func scaledRows(_ a: Matrix, by factors: [Double]) -> Matrix {
        var s = a
        for j in 0..<a.columns { for i in 0..<a.rows { s[i, j] *= factors[i] } }
        return s
    }
}
