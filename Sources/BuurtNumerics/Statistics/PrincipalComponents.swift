/// Principal component analysis on the correlation matrix, as R's
/// `prcomp(x, center = TRUE, scale. = TRUE)` on the complete cases.
///
/// The eigenvalues λ₁ ≥ … ≥ λ_p of the correlation matrix R are prcomp's `sdev²`, and the unit
/// eigenvectors are its `rotation` ("loadings" in COINr). prcomp takes an SVD of the scaled data
/// instead, which gives the same numbers up to rounding (within 1e-14 of COINr on its ASEM example).
///
/// **Sign convention.** An eigenvector is determined only up to sign. Here each component is
/// oriented so that its entry of largest absolute value is positive (the first such entry when
/// several tie). prcomp's signs are arbitrary, so compare with it up to a sign per component.
///
/// When the correlation matrix cannot be formed (fewer than two complete cases, a constant
/// indicator) every eigenvalue, share and loading is NaN.
public struct PrincipalComponents: Sendable, Equatable {
    /// Eigenvalues of the correlation matrix in descending order (component variances).
    public let eigenvalues: [Double]
    /// Share of the total variance per component: λₖ / Σλ.
    public let explained: [Double]
    /// p × p: column k holds component k's loading on each indicator (prcomp `rotation`).
    public let loadings: Matrix
    /// The correlation matrix analysed.
    public let correlation: Matrix
    /// Number of complete cases the correlation matrix was computed from.
    public let observations: Int

    /// PCA of indicators given as columns (NaN = missing), on the rows where all are present.
    /// - Throws: ``LAPACKError`` when the eigen-decomposition fails to converge.
    /// - Complexity: O(p²·n + p³).
    public init(columns: [[Double]]) throws(LAPACKError) {
        let complete = CompleteCases.select(columns)
        try self.init(correlation: Correlation.pearson(complete), observations: complete.first?.count ?? 0)
    }

    /// PCA of a given correlation matrix that was computed from `observations` cases.
    /// - Throws: ``LAPACKError`` when the eigen-decomposition fails to converge.
    public init(correlation: Matrix, observations: Int) throws(LAPACKError) {
        let p = correlation.rows
        self.correlation = correlation
        self.observations = observations
        guard correlation.storage.allSatisfy(\.isFinite) else {
            eigenvalues = Array(repeating: .nan, count: p)
            explained = eigenvalues
            loadings = Matrix(rows: p, columns: p, repeating: .nan)
            return
        }
        let (values, vectors) = try correlation.symmetricEigen()
        let total = values.reduce(0, +)
        eigenvalues = values
        explained = values.map { $0 / total }
        loadings = Self.orientingLargestEntryPositive(vectors)
    }

    /// Flips each column whose entry of largest absolute value is negative.
    static func orientingLargestEntryPositive(_ vectors: Matrix) -> Matrix {
        var oriented = vectors
        for k in 0..<vectors.columns {
            let column = vectors.column(k)
            guard let largest = column.indices.max(by: { abs(column[$0]) < abs(column[$1]) || (abs(column[$0]) == abs(column[$1]) && $0 > $1) }) else { continue }
            if column[largest] < 0 { oriented.setColumn(k, column.map { -$0 }) }
        }
        return oriented
    }
}
