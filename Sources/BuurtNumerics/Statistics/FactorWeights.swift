/// Indicator weights from factor analysis, as in the OECD/JRC *Handbook on Constructing Composite
/// Indicators* (2008, §6.1).
public enum FactorWeights {
    /// Handbook weights within one group of indicators, from its PCA:
    ///
    /// 1. keep the components with eigenvalue > 1 (at least the first);
    /// 2. scale their loadings by √λ (correlations of indicator and component) and rotate them
    ///    with ``Varimax`` (Kaiser normalisation);
    /// 3. per factor f, divide the squared rotated loadings by their sum SS_f, so they sum to 1;
    /// 4. each indicator takes its largest scaled squared loading (the first factor on a tie),
    ///    multiplied by that factor's share of explained variance SS_f / Σ SS;
    /// 5. normalise the weights to sum 1.
    ///
    /// With a single kept component this reduces to the squared PC1 loadings.
    /// NaN weights when the PCA could not be computed.
    /// - Throws: ``LAPACKError`` when the varimax SVD fails to converge.
    public static func handbook(_ pca: PrincipalComponents) throws(LAPACKError) -> [Double] {
        let p = pca.loadings.rows
        guard p > 0, pca.eigenvalues.allSatisfy(\.isFinite) else { return Array(repeating: .nan, count: p) }
        let kept = Swift.max(1, pca.eigenvalues.prefix { $0 > 1 }.count)
        var scaled = pca.loadings.selecting(columns: Array(0..<kept))
        for f in 0..<kept {
            let root = Swift.max(0, pca.eigenvalues[f]).squareRoot()
            scaled.setColumn(f, scaled.column(f).map { $0 * root })
        }
        let rotated = try Varimax.rotate(scaled).loadings
        let factorSums = (0..<kept).map { f in rotated.column(f).reduce(0) { $0 + $1 * $1 } }
        let total = factorSums.reduce(0, +)
        let raw = (0..<p).map { i -> Double in
            var best = -Double.infinity, bestFactor = 0
            for f in 0..<kept {
                let share = rotated[i, f] * rotated[i, f] / factorSums[f]
                if share > best { best = share; bestFactor = f }
            }
            return best * factorSums[bestFactor] / total
        }
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }
}
