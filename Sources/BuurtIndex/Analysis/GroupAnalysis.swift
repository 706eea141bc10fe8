import BuurtNumerics

/// Reliability, PCA and factor weights for each group of indicators: every aggregate whose
/// children are all indicators (a "pillar" in COINr terms).
public enum GroupAnalysis {
    /// Analyses each group on the rows of `period` (callers pass the latest period; `nil` for data
    /// without periods), in `model.aggregatesBottomUp` order.
    ///
    /// All statistics of a group use its complete cases: the rows of that period where every
    /// indicator of the group is present. Cronbach's α, KMO and Bartlett's test come from
    /// ``CronbachAlpha``, ``KaiserMeyerOlkin`` and ``BartlettSphericity``; the PCA is on the
    /// correlation matrix (``PrincipalComponents``) and the weights are ``FactorWeights/handbook(_:)``.
    /// A statistic that cannot be computed (one indicator, too few cases, a constant indicator,
    /// a singular correlation matrix) is NaN rather than an error.
    /// - Throws: ``BuurtError`` (`.data`) when an indicator of the model is not a column of the
    ///   panel; ``LAPACKError`` when a decomposition fails to converge.
    /// - Complexity: per group of p indicators and n rows, O(p²·n + p³).
    public static func run(_ panel: Panel, model: IndexModel, period: Int?) throws -> GroupAnalysisResult {
        let rows = panel.rows(in: period)
        var result = GroupAnalysisResult(reliability: [], pca: [], weights: [])
        for group in model.aggregatesBottomUp {
            let indicators = model.children(of: group)
            guard indicators.allSatisfy({ model.node($0)?.kind == .indicator }) else { continue }
            let columns = try indicators.map { code throws(BuurtError) -> [Double] in
                guard let j = panel.columnIndex(code) else {
                    throw BuurtError(.data, "indicator '\(code)' of group '\(group)' is not a column of the data; expected a numeric column named '\(code)'")
                }
                return rows.map { panel.values[$0, j] }
            }
            try analyse(group: group, indicators: indicators, columns: columns, into: &result)
        }
        return result
    }

    /// Appends one group's rows to `result`.
    private static func analyse(
        group: String, indicators: [String], columns: [[Double]], into result: inout GroupAnalysisResult
    ) throws(LAPACKError) {
        let pca = try PrincipalComponents(columns: columns)
        let kmo = try KaiserMeyerOlkin(correlation: pca.correlation)
        let bartlett = try BartlettSphericity(correlation: pca.correlation, observations: pca.observations)
        result.reliability.append(ReliabilityRow(
            group: group, indicatorCount: indicators.count, observations: pca.observations,
            cronbachAlpha: CronbachAlpha.alpha(columns), kmo: kmo.overall,
            bartlettChiSquare: bartlett.chiSquare, bartlettDegreesOfFreedom: bartlett.degreesOfFreedom,
            bartlettPValue: bartlett.pValue))
        for component in pca.eigenvalues.indices {
            for (i, code) in indicators.enumerated() {
                result.pca.append(PCARow(
                    group: group, component: component + 1, eigenvalue: pca.eigenvalues[component],
                    explained: pca.explained[component], indicator: code, loading: pca.loadings[i, component]))
            }
        }
        let weights = try FactorWeights.handbook(pca)
        for (code, weight) in zip(indicators, weights) {
            result.weights.append(PCAWeightRow(group: group, indicator: code, weight: weight))
        }
    }
}
