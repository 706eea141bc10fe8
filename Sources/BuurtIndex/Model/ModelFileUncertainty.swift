import BuurtNumerics
import Yams

/// Reading the model's `uncertainty:` key into an ``UncertaintySpec``.
extension ModelFileReader {
    static let uncertaintyInputKeys = ["weights", "normalise", "aggregate", "treat", "impute", "sampling"]
    static let uncertaintyKeys = uncertaintyInputKeys + ["replications", "seed", "sensitivity", "out_of_domain"]
    static let replicationRange = 2...1_000_000

    /// - Parameters:
    ///   - tree: the inline tree (`nil` with `metadata:`; tree checks are then left to
    ///     ``ModelFile/validate(against:)``).
    ///   - nominal: the model's own stages; replications use its normalisation when no
    ///     alternatives are listed.
    mutating func uncertainty(_ node: Node, tree: InlineTree?, usesMetadata: Bool, nominal: PipelineSpec) -> UncertaintySpec? {
        guard let f = fields(node, "'uncertainty'", known: Self.uncertaintyKeys) else { return nil }
        var u = UncertaintySpec()
        if let w = f["weights"] { u.weights = weightNoise(w, tree: tree) }
        var normaliseItems: [(value: NormaliseParameters, node: Node)] = []
        if let n = f["normalise"] {
            normaliseItems = alternatives(n, "normalise", example: "[{method: minmax, range: [1, 100]}, {method: zscore, mean: 10, sd: 2}]") { r, item in
                r.normalise(item, tree: tree, stage: "uncertainty normalise", inheritedScope: nominal.normalise.scope)
            }
            u.normalise = normaliseItems.map(\.value)
        }
        var aggregateItems: [(value: AggregateMethod, node: Node)] = []
        if let a = f["aggregate"] {
            aggregateItems = alternatives(a, "aggregate", example: "[arithmetic, geometric]") { r, item in r.aggregateAlternative(item) }
            u.aggregate = aggregateItems.map(\.value)
        }
        if let o = f["out_of_domain"], let policy = choice(o, "out_of_domain of uncertainty", OutOfDomainPolicy.allCases.map { ($0.rawValue, $0) }) {
            u.outOfDomain = policy
        }
        if u.outOfDomain == .refuse {
            checkAggregationDomain(normalise: normaliseItems, aggregate: aggregateItems, nominal: nominal, uncertainty: node)
        }
        if let t = f["treat"] { u.treatMaxPoints = treatAlternatives(t) }
        if let i = f["impute"] {
            u.impute = alternatives(i, "impute", example: "[mean, median]") { r, item in r.imputeAlternative(item) }.map(\.value)
        }
        var sampling: Bool?
        if let s = f["sampling"] {
            sampling = boolean(s, "sampling of uncertainty")
            u.sampling = sampling ?? false
            if sampling == true { checkSamplingDeclared(at: s, tree: tree, usesMetadata: usesMetadata) }
        }
        if let r = f["replications"], let count = integer(r, "replications of uncertainty") {
            if Self.replicationRange.contains(count) {
                u.replications = count
            } else {
                fail("replications of uncertainty must be between \(Self.replicationRange.lowerBound) and \(Self.replicationRange.upperBound), got \(count)", at: r)
            }
        }
        if let s = f["seed"] {
            if case .scalar(let scalar) = s, let seed = UInt64(scalar.string) {
                u.seed = seed
            } else {
                fail("seed of uncertainty must be a whole number ≥ 0, got \(Self.describe(s))", at: s)
            }
        }
        if let s = f["sensitivity"], let on = boolean(s, "sensitivity of uncertainty") { u.sensitivity = on }
        // An invalid `sampling:` value is reported already; only a plain `false` counts as no input.
        let hasInput = ["weights", "normalise", "aggregate", "treat", "impute"].contains { f[$0] != nil } || (f["sampling"] != nil && sampling != false)
        if !hasInput {
            fail("'uncertainty' lists no uncertain input: give at least one of weights, normalise, aggregate, treat, impute, or sampling: true", at: node)
        }
        return u
    }

    /// A non-empty list of alternatives, each read by `item`.
    private mutating func alternatives<T>(
        _ node: Node, _ key: String, example: String, _ item: (inout ModelFileReader, Node) -> T?
    ) -> [(value: T, node: Node)] {
        guard case .sequence(let sequence) = node else {
            fail("'\(key)' of uncertainty must be a list of alternatives, e.g. \(example); got \(Self.describe(node))", at: node)
            return []
        }
        if sequence.isEmpty {
            fail("'\(key)' of uncertainty lists no alternatives; give at least one, e.g. \(example), or leave the key out", at: node)
        }
        return sequence.compactMap { node in item(&self, node).map { ($0, node) } }
    }

    /// `{noise: 0.25, levels: [1, 2]}`.
    private mutating func weightNoise(_ node: Node, tree: InlineTree?) -> WeightNoise? {
        guard let f = fields(node, "'weights' of uncertainty", known: ["noise", "levels"]) else { return nil }
        var noise: Double?
        if let n = f["noise"], let x = number(n, "noise of uncertainty weights") {
            if x >= 0 && x < 1 {
                noise = x
            } else {
                fail("noise of uncertainty weights must be ≥ 0 and < 1 (each weight is multiplied by a factor "
                    + "between 1 − noise and 1 + noise), got \(formatNumber(x))", at: n)
            }
        } else if f["noise"] == nil {
            fail("'weights' of uncertainty needs 'noise': weights are multiplied by a factor between 1 − noise and 1 + noise, e.g. noise: 0.25", at: node)
        }
        var levels: [Int]?
        if let l = f["levels"] {
            levels = weightLevels(l, tree: tree)
        } else {
            fail("'weights' of uncertainty needs 'levels': the heights whose weights vary (1 = indicators, 2 = their groups, …), e.g. levels: [1, 2]", at: node)
        }
        guard let noise, let levels else { return nil }
        return WeightNoise(noise: noise, levels: levels)
    }

    private mutating func weightLevels(_ node: Node, tree: InlineTree?) -> [Int]? {
        guard case .sequence(let items) = node, !items.isEmpty else {
            let got = Self.describe(node) == "a list" ? "an empty list" : Self.describe(node)
            fail("levels of uncertainty weights must be a list of heights (1 = indicators, 2 = their groups, …), e.g. [1, 2]; got \(got)", at: node)
            return nil
        }
        var levels: [Int] = []
        for item in items {
            guard let level = integer(item, "a level of uncertainty weights") else { continue }
            if levels.contains(level) {
                fail("level \(level) of uncertainty weights is listed twice", at: item)
                continue
            }
            levels.append(level)
            if let model = tree?.model {
                if let problem = ModelFile.weightLevelProblem(level, in: model) { fail(problem, at: item) }
            } else if tree == nil {
                treeChecks.weightLevels.append(.init(level: level, at: location(item)))
            }
        }
        return levels.count == items.count ? levels : nil
    }

    /// `arithmetic` or `{method: generalised, p: 2}`.
    private mutating func aggregateAlternative(_ node: Node) -> AggregateMethod? {
        guard let f = stageFields(node, "uncertainty aggregate", known: ["method", "p"]) else { return nil }
        guard f["method"] != nil else {
            fail("an aggregate alternative needs a 'method' (\(Self.aggregateMethods.joined(separator: ", ")))", at: node)
            return nil
        }
        let before = problems.count
        let rule = aggregateRule(f, "uncertainty aggregate", inheriting: AggregateRule())
        return problems.count == before ? rule.method : nil
    }

    /// `mean` or `{method: mean}`.
    private mutating func imputeAlternative(_ node: Node) -> ImputeMethod? {
        guard let f = stageFields(node, "uncertainty impute", known: ["method"]) else { return nil }
        guard let m = f["method"] else {
            fail("an impute alternative needs a 'method' (none, mean, median or interpolate)", at: node)
            return nil
        }
        return choice(m, "uncertainty impute method", Self.imputeMethods)
    }

    /// `{max_points: [1, 2, 3, 4, 5]}`.
    private mutating func treatAlternatives(_ node: Node) -> [Int] {
        guard let f = fields(node, "'treat' of uncertainty", known: ["max_points"]) else { return [] }
        guard let points = f["max_points"] else {
            fail("'treat' of uncertainty needs 'max_points': the alternatives for the most points winsorised, e.g. max_points: [1, 2, 3, 4, 5]", at: node)
            return []
        }
        guard case .sequence(let items) = points, !items.isEmpty else {
            let got = Self.describe(points) == "a list" ? "an empty list" : Self.describe(points)
            fail("max_points of uncertainty treat must be a list of whole numbers, e.g. [1, 2, 3, 4, 5]; got \(got)", at: points)
            return []
        }
        return items.compactMap { item in
            guard let n = integer(item, "an alternative of uncertainty treat max_points") else { return nil }
            guard n >= 0 else {
                fail("max_points alternatives of uncertainty treat must be ≥ 0, got \(n)", at: item)
                return nil
            }
            return n
        }
    }

    /// `sampling: true` needs at least one indicator with a ``SamplingModel``.
    private mutating func checkSamplingDeclared(at node: Node, tree: InlineTree?, usesMetadata: Bool) {
        let howTo = "declare one on each indicator that has sampling error, e.g. uncertainty: {binomial: survey_n, per: 100} "
            + "on a survey share (survey_n: its number of respondents) or uncertainty: {poisson: population, per: 1000} "
            + "on a count per 1000 inhabitants, with the column declared under 'columns'"
        if usesMetadata {
            fail("sampling: true needs indicators with a sampling model, which a metadata file cannot declare: "
                + "give the tree inline (groups, indicators, columns) and \(howTo)", at: node)
        } else if let tree, tree.entries.contains(where: { $0.fields["uncertainty"] != nil }) == false {
            fail("sampling: true, but no indicator declares its sampling model; \(howTo)", at: node)
        }
    }

    /// `true` or `false` (also YAML's yes/no, on/off).
    mutating func boolean(_ node: Node, _ what: String) -> Bool? {
        guard case .scalar = node, let b = node.bool else {
            fail("\(what) must be true or false, got \(Self.describe(node))", at: node)
            return nil
        }
        return b
    }
}
