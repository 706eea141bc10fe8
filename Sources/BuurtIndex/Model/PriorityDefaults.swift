/// The priority settings of a model without a `priorities:` key.
extension PrioritySpec {
    /// The score bands of the defaults, in percent of the normalised range: below 40 % "zeer
    /// onveilig", below 55 % "onveilig", below 70 % "gemiddeld", the rest "veilig"
    /// (on the default 0–100 scale: 40, 55, 70).
    public static let defaultBands: [(label: String, percent: Double)] = [
        ("zeer onveilig", 40), ("onveilig", 55), ("gemiddeld", 70), ("veilig", .infinity),
    ]

    /// The defaults for a model with these stages: top 5, gaps against the period mean, and
    /// ``defaultBands`` on the normalised range [a, b] (`below` = a + (b − a)·percent/100) when the
    /// scores stay on that range: normalise `minmax` and every aggregation a weighted mean
    /// (arithmetic, geometric, harmonic or generalised). Other scales (z-scores, ranks,
    /// Copeland counts, Mazziotta–Pareto) get no categories.
    public static func defaults(for spec: PipelineSpec) -> PrioritySpec {
        guard case .minmax(let lower, let upper) = spec.normalise.method else { return PrioritySpec() }
        let rules = [spec.aggregate.rule] + spec.aggregate.levelRules.values
        let means = rules.allSatisfy { rule in
            switch rule.method {
            case .arithmetic, .geometric, .harmonic, .generalised: true
            case .copeland, .mazziottaPareto: false
            }
        }
        guard means else { return PrioritySpec() }
        let categories = defaultBands.map { band in
            PriorityCategory(label: band.label, below: band.percent == .infinity ? .infinity : lower + (upper - lower) * band.percent / 100)
        }
        return PrioritySpec(categories: categories)
    }
}

extension ModelFile {
    /// The priority settings the run uses: the model's `priorities:`, else
    /// ``PrioritySpec/defaults(for:)`` of its stages.
    public var prioritySpec: PrioritySpec { priorities ?? PrioritySpec.defaults(for: spec) }
}
