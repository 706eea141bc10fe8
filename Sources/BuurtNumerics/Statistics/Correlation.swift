/// Correlation matrices of variables given as columns, with NaN for a missing value.
///
/// Every pair of variables uses the observations where both are present ("pairwise complete
/// observations", R's `use = "pairwise.complete.obs"`). An entry is NaN when a pair has fewer than
/// two such observations or one of the two is constant on them. The diagonal is exactly 1 for a
/// variable with at least two distinct values, NaN otherwise.
public enum Correlation {
    /// Pearson correlation r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²), means taken over each pair's
    /// complete observations (two passes), clamped to [−1, 1].
    /// Without missing values every pair shares all n observations, and the matrix is one
    /// product ZᵀZ of the centred columns scaled to unit length (equal to the pairwise
    /// definition up to rounding, ≤ 1e-15 per entry).
    /// - Complexity: O(p² · n) for p variables of n observations (one matrix product when no
    ///   value is missing).
    public static func pearson(_ columns: [[Double]]) -> Matrix {
        if let complete = pearsonWithoutMissing(columns) { return complete }
        return pairwise(columns, pearsonOfComplete)
    }

    /// ``pearson(_:)`` as one matrix product, or `nil` when a value is missing or the columns
    /// differ in length (then the pairwise definition applies).
    private static func pearsonWithoutMissing(_ columns: [[Double]]) -> Matrix? {
        let p = columns.count, n = columns.first?.count ?? 0
        guard p > 0, n > 1, columns.allSatisfy({ $0.count == n && !$0.contains(where: \.isNaN) }) else { return nil }
        var z = Matrix(rows: n, columns: p)
        var constant = [Bool](repeating: false, count: p)
        for (j, x) in columns.enumerated() {
            let mean = x.reduce(0, +) / Double(n)
            let deviations = x.map { $0 - mean }
            let length = deviations.reduce(0) { $0 + $1 * $1 }.squareRoot()
            constant[j] = !(length > 0)
            z.setColumn(j, constant[j] ? deviations.map { _ in 0 } : deviations.map { $0 / length })
        }
        var r = z.multiplied(by: z, transposeSelf: true)
        for j in 0..<p {
            for i in 0..<p {
                r[i, j] = constant[i] || constant[j] ? .nan : i == j ? 1 : Swift.min(1, Swift.max(-1, r[i, j]))
            }
        }
        return r
    }

    /// Spearman rank correlation: Pearson correlation of the average ranks (ties share the mean
    /// rank), ranked afresh on each pair's complete observations as R's `cor(method = "spearman")`.
    /// - Complexity: O(p² · n log n).
    public static func spearman(_ columns: [[Double]]) -> Matrix {
        pairwise(columns) { x, y in pearsonOfComplete(AverageRanks.of(x), AverageRanks.of(y)) }
    }

    /// Applies `measure` to the complete observations of every pair (i < j) and fills a
    /// symmetric matrix; the diagonal is 1 where the variable's own measure is defined.
    private static func pairwise(_ columns: [[Double]], _ measure: ([Double], [Double]) -> Double) -> Matrix {
        let p = columns.count
        var r = Matrix(rows: p, columns: p)
        for j in 0..<p {
            let own = columns[j].filter { !$0.isNaN }
            r[j, j] = pearsonOfComplete(own, own).isNaN ? .nan : 1
            for i in 0..<j {
                let both = columns[i].indices.filter { !columns[i][$0].isNaN && !columns[j][$0].isNaN }
                let value = measure(both.map { columns[i][$0] }, both.map { columns[j][$0] })
                r[i, j] = value
                r[j, i] = value
            }
        }
        return r
    }

    /// Pearson correlation of two equally long samples without missing values.
    static func pearsonOfComplete(_ x: [Double], _ y: [Double]) -> Double {
        let n = x.count
        guard n > 1 else { return .nan }
        let mx = x.reduce(0, +) / Double(n), my = y.reduce(0, +) / Double(n)
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for k in 0..<n {
            let dx = x[k] - mx, dy = y[k] - my
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return Swift.min(1, Swift.max(-1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }
}
