/// The pipeline's stages in their fixed order, named as their output datasets.
public enum StageName: String, Sendable, CaseIterable, Comparable {
    case raw, denominated, imputed, screened, treated, normalised, aggregated

    public static func < (a: StageName, b: StageName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The model-file key that configures this stage (`normalise` for `normalised`, …).
    public var modelKey: String {
        switch self {
        case .raw: "data"
        case .denominated: "denominate"
        case .imputed: "impute"
        case .screened: "screen"
        case .treated: "treat"
        case .normalised: "normalise"
        case .aggregated: "aggregate"
        }
    }
}

/// A stage's output: the transformed panel and a record of what the stage did.
public struct StageOutput<Record: Sendable & Equatable>: Sendable, Equatable {
    public var panel: Panel
    public var record: Record

    public init(panel: Panel, record: Record) {
        self.panel = panel
        self.record = record
    }
}

/// `denominate: {scale: 1}` — indicator / its denominator column × scale.
/// A node's own `scale` overrides this default.
public struct DenominateParameters: Sendable, Equatable {
    public var scale: Double
    public init(scale: Double = 1) { self.scale = scale }
}

/// How missing indicator values are filled.
public enum ImputeMethod: String, Sendable, Equatable, CaseIterable {
    /// Leave gaps as they are.
    case none
    /// Mean of the available values in the scope.
    case mean
    /// Median of the available values in the scope.
    case median
    /// Per unit over periods: linear interpolation between observed years, the nearest
    /// observed value (last or next) before the first and after the last observation.
    case interpolate
}

/// The rows a mean/median is taken over.
public enum ImputeScope: Sendable, Equatable {
    /// All rows of the panel together (every unit, every period).
    case all
    /// Rows of the same period.
    case period
    /// Rows of the same period with the same value of this categorical column
    /// (COINr `i_mean_grp`); rows whose group is missing use their whole period.
    case group(String)
}

/// `impute: {method: mean, by: EurAsia_group}` or `impute: {method: interpolate, max_gap: 2}`.
public struct ImputeParameters: Sendable, Equatable {
    public var method: ImputeMethod
    public var scope: ImputeScope
    /// `.interpolate` only: the most periods a filled cell may lie from an observation of the
    /// same unit. Between observations t₀ < t₁ the gap is filled only when it spans at most
    /// `maxGap` periods (t₁ − t₀ − 1 ≤ maxGap); before the first or after the last observation
    /// a cell is filled only when |t − t_nearest| ≤ maxGap. `nil`: no limit.
    public var maxGap: Int?
    public init(method: ImputeMethod = .mean, scope: ImputeScope = .period, maxGap: Int? = nil) {
        self.method = method
        self.scope = scope
        self.maxGap = maxGap
    }
}

/// Which values count as available when the screen measures coverage.
public enum ScreenBasis: String, Sendable, Equatable, CaseIterable {
    /// The data as it enters the screen, after imputation (COINr's `Screen(dset = "Imputed")`).
    case imputed
    /// The values observed in the data, before imputation: a buurt without a survey is dropped
    /// rather than given its district's averages.
    case observed
}

/// `screen: {min_coverage: 0.9, basis: imputed}` — drop rows (unit in a period) whose share of
/// available indicator values is below `minCoverage`.
public struct ScreenParameters: Sendable, Equatable {
    public var minCoverage: Double
    public var basis: ScreenBasis
    public init(minCoverage: Double = 0.9, basis: ScreenBasis = .imputed) {
        self.minCoverage = minCoverage
        self.basis = basis
    }
}

/// Outlier treatment method.
public enum TreatMethod: String, Sendable, Equatable, CaseIterable {
    case none
    /// COINr's default: winsorise, then log_CT when winsorising does not suffice.
    case winsorise
}

/// `treat: {method: winsorise, max_points: 5, max_skew: 2, max_kurtosis: 3.5}`.
public struct TreatParameters: Sendable, Equatable {
    public var method: TreatMethod
    public var maxPoints: Int
    public var maxSkew: Double
    public var maxKurtosis: Double
    /// The period whose values decide each indicator's treatment for every period (the
    /// model's normalise `scope: reference` year, set by the model reader); `nil`: each period
    /// is decided on its own values.
    public var reference: Int?
    public init(method: TreatMethod = .winsorise, maxPoints: Int = 5, maxSkew: Double = 2, maxKurtosis: Double = 3.5, reference: Int? = nil) {
        self.method = method
        self.maxPoints = maxPoints
        self.maxSkew = maxSkew
        self.maxKurtosis = maxKurtosis
        self.reference = reference
    }
}

/// A normalisation function (COINr `n_*`). The indicator's direction multiplies first.
public enum NormaliseMethod: Sendable, Equatable {
    /// (x − min)/(max − min)·(upper − lower) + lower.
    case minmax(lower: Double, upper: Double)
    /// (x − mean)/sd·sd' + mean'.
    case zscore(mean: Double, sd: Double)
    /// Rank, ties take the lowest rank, smallest value = 1.
    case rank
    /// Borda: rank − 1.
    case borda
    /// Percentile rank: (rank − 1)/(n − 1).
    case prank
    /// x / max.
    case fracmax
    /// 1 − (max − x)/(max − min).
    case dist2max
    /// Distance to a reference unit: x / x_ref... per COINr `n_dist2ref`.
    case dist2ref(unit: String)
    /// Distance to the metadata target: (x − min)/(target − min).
    case dist2targ
    /// Fixed goalposts from the metadata, clipped to [0, 1], times `scale`.
    case goalposts(scale: Double)
}

/// Which rows the normalisation parameters (min, max, mean, sd, …) are taken from.
public enum NormaliseScope: Sendable, Equatable {
    /// Each period separately (default).
    case period
    /// All periods together (COINr "global").
    case all
    /// Parameters from this period only, applied to every period: adding a year never
    /// changes earlier years' scores.
    case reference(Int)

    /// The year of `.reference`, else `nil`.
    public var referencePeriod: Int? {
        if case .reference(let year) = self { year } else { nil }
    }
}

/// `normalise: {method: minmax, range: [0, 100], scope: period}`.
public struct NormaliseParameters: Sendable, Equatable {
    public var method: NormaliseMethod
    public var scope: NormaliseScope
    public init(method: NormaliseMethod = .minmax(lower: 0, upper: 100), scope: NormaliseScope = .period) {
        self.method = method
        self.scope = scope
    }

    /// The range `[lower, upper]` that min-max normalisation fixes on a reference period, and
    /// that period: a later period's value can fall outside it. `nil` for any other method or
    /// scope (their scales are either not bounded or refitted in each period).
    public var fixedRange: (lower: Double, upper: Double, period: Int)? {
        guard case .minmax(let lower, let upper) = method, let period = scope.referencePeriod else { return nil }
        return (lower, upper, period)
    }
}

/// An aggregation function (COINr `a_*`).
public enum AggregateMethod: Sendable, Equatable {
    /// Σwx/Σw over available children.
    case arithmetic
    /// exp(Σw ln x / Σw); every x must be > 0.
    case geometric
    /// Σw / Σ(w/x); every x must be > 0.
    case harmonic
    /// (Σw x^p / Σw)^(1/p), p ≠ 0.
    case generalised(p: Double)
    /// Copeland outranking score (row sum of +1/0/−1 pairwise outcomes), per period.
    case copeland
    /// Mazziotta–Pareto index: mean − polarity·sd/… on standardised children, per period.
    case mazziottaPareto
}

/// Method and coverage threshold for one level (or all levels).
public struct AggregateRule: Sendable, Equatable {
    public var method: AggregateMethod
    /// A unit's aggregate is missing when the share of available (weighted by count) children is below this.
    public var minCoverage: Double?
    public init(method: AggregateMethod = .arithmetic, minCoverage: Double? = nil) {
        self.method = method
        self.minCoverage = minCoverage
    }
}

/// `aggregate: {method: arithmetic, min_coverage: 0.75, levels: {2: {method: geometric}}}`.
public struct AggregateParameters: Sendable, Equatable {
    /// Default rule for every aggregate.
    public var rule: AggregateRule
    /// Overrides by node height (2 = aggregates of indicators, 3 = the level above, …).
    public var levelRules: [Int: AggregateRule]
    public init(rule: AggregateRule = AggregateRule(), levelRules: [Int: AggregateRule] = [:]) {
        self.rule = rule
        self.levelRules = levelRules
    }

    /// The rule for an aggregate of the given height.
    public func rule(forHeight h: Int) -> AggregateRule { levelRules[h] ?? rule }
}

/// Parameters of every stage; a `nil` stage is skipped (normalise and aggregate always run).
public struct PipelineSpec: Sendable, Equatable {
    public var denominate: DenominateParameters?
    public var impute: ImputeParameters?
    public var screen: ScreenParameters?
    public var treat: TreatParameters?
    public var normalise: NormaliseParameters
    public var aggregate: AggregateParameters

    public init(
        denominate: DenominateParameters? = nil, impute: ImputeParameters? = nil,
        screen: ScreenParameters? = nil, treat: TreatParameters? = nil,
        normalise: NormaliseParameters = NormaliseParameters(),
        aggregate: AggregateParameters = AggregateParameters()
    ) {
        self.denominate = denominate
        self.impute = impute
        self.screen = screen
        self.treat = treat
        self.normalise = normalise
        self.aggregate = aggregate
    }
}
