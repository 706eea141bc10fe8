/// Cronbach's α, the internal consistency of a group of indicators (COINr `get_cronbach`).
public enum CronbachAlpha {
    /// α = k/(k−1) · (1 − Σσᵢ²/σ_T²) on the complete cases, where k is the number of indicators,
    /// σᵢ² the sample variance of indicator i and σ_T² that of the row sums.
    ///
    /// NaN when there are fewer than two indicators, fewer than two complete cases, or the
    /// row sums are constant.
    /// - Complexity: O(n · k).
    public static func alpha(_ columns: [[Double]]) -> Double {
        let k = columns.count
        guard k > 1 else { return .nan }
        let complete = CompleteCases.select(columns)
        let n = complete[0].count
        guard n > 1 else { return .nan }
        let itemVariance = complete.reduce(0) { $0 + Descriptive.variance($1) }
        let totals = (0..<n).map { i in complete.reduce(0) { $0 + $1[i] } }
        let totalVariance = Descriptive.variance(totals)
        guard totalVariance > 0 else { return .nan }
        let kk = Double(k)
        return kk / (kk - 1) * (1 - itemVariance / totalVariance)
    }
}
