/// The Kaiser–Meyer–Olkin measure of sampling adequacy, from the correlation matrix R and its
/// anti-image (partial correlations), as `psych::KMO`.
///
/// With partial correlations pᵢⱼ = −(R⁻¹)ᵢⱼ / √((R⁻¹)ᵢᵢ (R⁻¹)ⱼⱼ):
/// KMOⱼ = Σ_{i≠j} rᵢⱼ² / (Σ_{i≠j} rᵢⱼ² + Σ_{i≠j} pᵢⱼ²), and the overall KMO uses the same sums
/// over all pairs i ≠ j. Values near 1 mean the indicators share common factors.
///
/// NaN throughout when there are fewer than two indicators or R is (numerically) singular.
public struct KaiserMeyerOlkin: Sendable, Equatable {
    /// KMO over all indicators.
    public let overall: Double
    /// KMOⱼ per indicator, in the order of the correlation matrix.
    public let perItem: [Double]

    /// - Throws: ``LAPACKError`` only when an eigen-decomposition fails to converge.
    /// - Complexity: O(p³).
    public init(correlation r: Matrix) throws(LAPACKError) {
        let p = r.rows
        guard p > 1, try !NumericalSingularity.isSingular(correlation: r),
              let inverse = try? r.inverse() else {
            overall = .nan
            perItem = Array(repeating: .nan, count: p)
            return
        }
        var r2 = [Double](repeating: 0, count: p), p2 = [Double](repeating: 0, count: p)
        for j in 0..<p {
            for i in 0..<p where i != j {
                let partial = -inverse[i, j] / (inverse[i, i] * inverse[j, j]).squareRoot()
                r2[j] += r[i, j] * r[i, j]
                p2[j] += partial * partial
            }
        }
        perItem = (0..<p).map { r2[$0] / (r2[$0] + p2[$0]) }
        let sumR2 = r2.reduce(0, +), sumP2 = p2.reduce(0, +)
        overall = sumR2 / (sumR2 + sumP2)
    }
}
