import BuurtNumerics

/// The data's own sampling error for one indicator (model key `uncertainty:` on an indicator).
public enum SamplingModel: Sendable, Equatable {
    /// A survey share with the number of respondents in `sizeColumn`; the value is a share
    /// times `per` (100 for percentages). Replications draw the true share from its
    /// Beta posterior (Jeffreys prior): Beta(x + ½, n − x + ½) with x = value/per · n.
    case binomial(sizeColumn: String, per: Double)
    /// A count of events in a population `exposureColumn`. When the indicator's denominator is
    /// that column, the raw value is the count; otherwise the value is a rate per `per`
    /// inhabitants and count = value · population / per. Replications draw the true count
    /// from its Gamma posterior Gamma(count + ½, 1).
    case poisson(exposureColumn: String, per: Double)
}

/// `uncertainty: {weights: {noise: 0.25, levels: [2, 3]}}` — each weight of a node at the given
/// heights is multiplied by U(1 − noise, 1 + noise), then weights renormalise within their parent.
public struct WeightNoise: Sendable, Equatable {
    public var noise: Double
    /// Node heights whose own weights are perturbed (1 = indicators, 2 = their aggregates, …).
    public var levels: [Int]
    public init(noise: Double, levels: [Int]) {
        self.noise = noise
        self.levels = levels
    }
}

/// The model's `uncertainty:` key: the uncertain inputs, drawn once per replication, and the
/// Monte Carlo settings. Alternatives are full alternatives: each replication draws one of them
/// with equal probability (the model's own stage settings are the nominal run, not an
/// alternative unless listed).
public struct UncertaintySpec: Sendable, Equatable {
    public var weights: WeightNoise?
    /// `normalise: [ {method: minmax, range: [1, 100]}, {method: zscore, mean: 10, sd: 2} ]`.
    public var normalise: [NormaliseParameters]
    /// `aggregate: [arithmetic, geometric]`.
    public var aggregate: [AggregateMethod]
    /// `treat: {max_points: [1, 2, 3, 4, 5]}`.
    public var treatMaxPoints: [Int]
    /// `impute: [mean, median]`.
    public var impute: [ImputeMethod]
    /// `sampling: true` — draw every indicator that declares a ``SamplingModel``.
    public var sampling: Bool
    /// Number of Monte Carlo replications R.
    public var replications: Int
    /// Seed; replication r's random stream depends on (seed, r) alone.
    public var seed: UInt64
    /// `sensitivity: true` — also run the variance-based sensitivity design (N(d + 2) runs, N = replications).
    public var sensitivity: Bool
    /// `out_of_domain:` — what to do when a geometric or harmonic mean can meet a normalised
    /// value ≤ 0 (see ``OutOfDomainPolicy``).
    public var outOfDomain: OutOfDomainPolicy

    public init(
        weights: WeightNoise? = nil, normalise: [NormaliseParameters] = [], aggregate: [AggregateMethod] = [],
        treatMaxPoints: [Int] = [], impute: [ImputeMethod] = [], sampling: Bool = false,
        replications: Int = 1000, seed: UInt64 = 1, sensitivity: Bool = false, outOfDomain: OutOfDomainPolicy = .refuse
    ) {
        self.weights = weights
        self.normalise = normalise
        self.aggregate = aggregate
        self.treatMaxPoints = treatMaxPoints
        self.impute = impute
        self.sampling = sampling
        self.replications = replications
        self.seed = seed
        self.sensitivity = sensitivity
        self.outOfDomain = outOfDomain
    }
}

/// `uncertainty: {out_of_domain: refuse | skip}`: a replication whose aggregation leaves its
/// domain (a geometric or harmonic mean meeting a normalised value ≤ 0).
public enum OutOfDomainPolicy: String, Sendable, Equatable, CaseIterable {
    /// The model is refused before anything is computed when a combination of its
    /// normalisations and aggregations can leave the domain (the default).
    case refuse
    /// Such replications are left out of every band, and counted and named in the outputs.
    case skip
}

/// What the gap of a dimension is measured against in the per-buurt problem list.
public enum PriorityReference: Sendable, Equatable {
    /// The mean over all units of the same period (the city mean).
    case periodMean
    /// The mean over all units in this period (the city in the reference year).
    case period(Int)
}

/// A labelled band of index scores, e.g. `{label: "zeer onveilig", below: 4}` on a 0–10 scale.
public struct PriorityCategory: Sendable, Equatable {
    public var label: String
    /// Upper bound (exclusive) of the band; the last category may have `.infinity`.
    public var below: Double
    public init(label: String, below: Double) {
        self.label = label
        self.below = below
    }
}

/// The model's `priorities:` key.
public struct PrioritySpec: Sendable, Equatable {
    /// `top: k` — p_top is the probability of being among the k units most in need.
    public var top: Int
    /// Aggregate codes whose children are the "problems" of list 2; `nil` = the children of the index.
    public var themesOf: String?
    /// What gaps are measured against.
    public var reference: PriorityReference
    /// Optional score bands for list 1, ascending by `below`.
    public var categories: [PriorityCategory]
    /// `false` for `priorities: none`: neither list (no `priorities.csv`, `themes.csv`, priority
    /// or profile section in the report), and the Monte Carlo run scores only the index. p_top of
    /// `uncertainty.csv` still counts the `top` (5) lowest scores.
    public var enabled: Bool

    public init(
        top: Int = 5, themesOf: String? = nil, reference: PriorityReference = .periodMean, categories: [PriorityCategory] = [],
        enabled: Bool = true
    ) {
        self.top = top
        self.themesOf = themesOf
        self.reference = reference
        self.categories = categories
        self.enabled = enabled
    }
}
