import BuurtNumerics

/// One row of `reliability.csv`: the internal consistency and factorability of one group.
/// Statistics that cannot be computed are NaN (written as empty cells).
public struct ReliabilityRow: Sendable {
    /// Code of the aggregate whose children form the group.
    public var group: String
    /// Number of indicators in the group.
    public var indicatorCount: Int
    /// Number of complete cases (rows with every indicator present) the statistics use.
    public var observations: Int
    /// Cronbach's α (``CronbachAlpha``).
    public var cronbachAlpha: Double
    /// Overall Kaiser–Meyer–Olkin measure (``KaiserMeyerOlkin``).
    public var kmo: Double
    /// Bartlett's χ², degrees of freedom and p-value (``BartlettSphericity``).
    public var bartlettChiSquare: Double
    public var bartlettDegreesOfFreedom: Int
    public var bartlettPValue: Double
}

/// One row of `pca.csv`: one indicator's loading on one principal component of its group.
public struct PCARow: Sendable {
    public var group: String
    /// Component number, 1-based, in decreasing order of eigenvalue.
    public var component: Int
    public var eigenvalue: Double
    /// The component's share of the group's total variance.
    public var explained: Double
    public var indicator: String
    /// Loading (eigenvector entry, prcomp "rotation"), signed so each component's largest
    /// entry in absolute value is positive.
    public var loading: Double
}

/// One row of `weights_pca.csv`: an indicator's Handbook factor weight within its group
/// (``FactorWeights/handbook(_:)``); the weights of a group sum to 1.
public struct PCAWeightRow: Sendable {
    public var group: String
    public var indicator: String
    public var weight: Double
}

/// Everything ``GroupAnalysis/run(_:model:period:)`` computes, as rows ready to be written.
public struct GroupAnalysisResult: Sendable {
    public var reliability: [ReliabilityRow]
    public var pca: [PCARow]
    public var weights: [PCAWeightRow]
}
