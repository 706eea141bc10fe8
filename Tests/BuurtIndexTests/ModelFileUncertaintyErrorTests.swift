import BuurtNumerics
import Testing
import BuurtIndex

/// Problems in `uncertainty:`, `priorities:` and the indicators' sampling models, each at its
/// file:line:column (positions found by searching the text, see ``ModelFileErrorTests``).
@Suite struct ModelFileUncertaintyErrorTests {
    /// index → crime → {burglary, theft}: height 3, so weight levels are 1 and 2.
    /// burglary declares a Poisson sampling model; survey_n is a numeric column.
    static let base = ModelFileErrorTests.base
        .replacingOccurrences(of: "denominator: population}", with: "denominator: population, uncertainty: {poisson: population}}")
        .replacingOccurrences(of: "  - {code: wijk, type: group}\n", with: "  - {code: wijk, type: group}\n  - {code: survey_n, type: other}\n")

    static func expect(_ yaml: String, _ fragment: String, at token: String, after: String = "",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        ModelFileErrorTests.expectProblem(yaml, fragment, at: token, after: after, sourceLocation: sourceLocation)
    }

    /// `base` with `uncertainty: <value>` appended.
    static func u(_ value: String) -> String { base + "uncertainty: \(value)\n" }

    /// `base` with theft's entry given `uncertainty: <value>`.
    static func theft(_ value: String) -> String {
        base.replacingOccurrences(of: "{code: theft, parent: crime}", with: "{code: theft, parent: crime, uncertainty: \(value)}")
    }

    @Test func theBaseModelsAreValid() {
        #expect(ModelFileErrorTests.problems(Self.base).isEmpty)
        #expect(ModelFileErrorTests.problems(Self.u("{sampling: true}")).isEmpty)
    }

    @Test func unknownKeysAndWrongShapes() {
        Self.expect(Self.u("{sampling: true, replicatons: 10}"), "unknown key 'replicatons' in 'uncertainty'; did you mean 'replications'?", at: "replicatons")
        Self.expect(Self.u("5"), "'uncertainty' must be a mapping of keys (key: value), got '5'", at: "5", after: "uncertainty: ")
        Self.expect(Self.u("{sampling: maybe}"), "sampling of uncertainty must be true or false, got 'maybe'", at: "maybe")
        Self.expect(Self.u("{sampling: true, sensitivity: 2}"), "sensitivity of uncertainty must be true or false, got '2'", at: "2}")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [1], spread: 2}}"), "unknown key 'spread' in 'weights' of uncertainty", at: "spread")
    }

    @Test func weightNoiseAndLevels() {
        let range = "noise of uncertainty weights must be ≥ 0 and < 1 (each weight is multiplied by a factor between 1 − noise and 1 + noise)"
        Self.expect(Self.u("{weights: {noise: 1, levels: [1]}}"), range + ", got 1", at: "1,", after: "noise: ")
        Self.expect(Self.u("{weights: {noise: -0.5, levels: [1]}}"), range + ", got -0.5", at: "-0.5")
        Self.expect(Self.u("{weights: {noise: lots, levels: [1]}}"), "noise of uncertainty weights must be a number, got 'lots'", at: "lots")
        Self.expect(Self.u("{weights: {levels: [1]}}"), "'weights' of uncertainty needs 'noise'", at: "{levels")
        Self.expect(Self.u("{weights: {noise: 0.1}}"), "'weights' of uncertainty needs 'levels'", at: "{noise")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [3]}}"),
                    "level 3 of uncertainty weights is the index itself, which has no siblings to be weighed against; levels are 1 to 2 (1 = indicators, 2 = their groups)", at: "3]")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [1, 4]}}"), "level 4 of uncertainty weights does not exist: levels are 1 to 2", at: "4]")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [0, 1]}}"), "level 0 of uncertainty weights does not exist", at: "0,", after: "levels: ")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [1, 1]}}"), "level 1 of uncertainty weights is listed twice", at: "1]")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: 2}}"), "levels of uncertainty weights must be a list of heights", at: "2}")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: []}}"), "got an empty list", at: "[]")
        Self.expect(Self.u("{weights: {noise: 0.1, levels: [one]}}"), "a level of uncertainty weights must be a whole number, got 'one'", at: "one")
    }

    @Test func replicationsAndSeed() {
        Self.expect(Self.u("{sampling: true, replications: 1}"), "replications of uncertainty must be between 2 and 1000000, got 1", at: "1}")
        Self.expect(Self.u("{sampling: true, replications: 1000001}"), "must be between 2 and 1000000, got 1000001", at: "1000001")
        Self.expect(Self.u("{sampling: true, replications: 12.5}"), "replications of uncertainty must be a whole number, got '12.5'", at: "12.5")
        Self.expect(Self.u("{sampling: true, seed: -1}"), "seed of uncertainty must be a whole number ≥ 0, got '-1'", at: "-1", after: "seed: ")
        Self.expect(Self.u("{sampling: true, seed: 18446744073709551616}"), "seed of uncertainty must be a whole number ≥ 0", at: "18446744073709551616")
        Self.expect(Self.u("{sampling: true, seed: [1]}"), "seed of uncertainty must be a whole number ≥ 0, got a list", at: "[1]")
    }

    @Test func anUncertainInputIsRequired() {
        let message = "'uncertainty' lists no uncertain input: give at least one of weights, normalise, aggregate, treat, impute, or sampling: true"
        Self.expect(Self.u("{replications: 100, seed: 3}"), message, at: "{replications")
        Self.expect(Self.u("{sampling: false}"), message, at: "{sampling")
        Self.expect(Self.u("{}"), message, at: "{}")
        // An invalid sampling value is reported once, not also as a missing input.
        #expect(ModelFileErrorTests.problems(Self.u("{sampling: maybe}")).count == 1)
    }

    @Test func samplingNeedsDeclaredModels() {
        Self.expect(ModelFileErrorTests.base + "uncertainty: {sampling: true}\n",
                    "sampling: true, but no indicator declares its sampling model; declare one on each indicator that has sampling error, "
                    + "e.g. uncertainty: {binomial: survey_n, per: 100} on a survey share", at: "true")
        Self.expect("data: d.csv\nmetadata: meta.csv\nuncertainty: {sampling: true}\n",
                    "sampling: true needs indicators with a sampling model, which a metadata file cannot declare", at: "true")
    }

    @Test func indicatorSamplingModels() {
        Self.expect(Self.theft("{binomial: survey_m}"),
                    "the binomial column 'survey_m' of indicator 'theft' is not declared under 'columns' (type other or denominator; it holds the number of respondents); did you mean 'survey_n'?",
                    at: "survey_m")
        Self.expect(Self.theft("{binomial: wijk}"),
                    "the binomial column 'wijk' of indicator 'theft' is a column of type group, not a numeric column with the number of respondents", at: "wijk}")
        Self.expect(Self.theft("{poisson: burglary}"), "the poisson column 'burglary' of indicator 'theft' is an indicator", at: "burglary}")
        Self.expect(Self.theft("{poisson: crime}"), "the poisson column 'crime' of indicator 'theft' is a group of the tree, not a numeric column with the population",
                    at: "crime}", after: "poisson: ")
        Self.expect(Self.theft("{binomal: survey_n}"), "unknown key 'binomal' in 'uncertainty' of indicator 'theft'; did you mean 'binomial'?", at: "binomal")
        Self.expect(Self.theft("{binomal: survey_n}"), "'uncertainty' of indicator 'theft' needs its sampling model", at: "{binomal")
        Self.expect(Self.theft("{per: 100}"), "'uncertainty' of indicator 'theft' needs its sampling model", at: "{per")
        Self.expect(Self.theft("{binomial: survey_n, poisson: population}"), "gives both binomial and poisson", at: "poisson", after: "survey_n, ")
        Self.expect(Self.theft("{binomial: survey_n, per: 0}"), "per of indicator 'theft' must be > 0 (100 for a percentage, 1000 for a rate per 1000), got 0", at: "0}")
        Self.expect(Self.theft("{binomial: survey_n, per: lots}"), "per of indicator 'theft' must be a number, got 'lots'", at: "lots")
        Self.expect(Self.theft("{binomial: [survey_n]}"), "the binomial column of indicator 'theft' must be text, got a list", at: "[survey_n]")
        Self.expect(Self.theft("binomial"), "'uncertainty' of indicator 'theft' must be a mapping of keys (key: value), got 'binomial'", at: "binomial}")
        let onGroup = Self.base.replacingOccurrences(of: "{code: crime, parent: index}", with: "{code: crime, parent: index, uncertainty: {binomial: survey_n}}")
        Self.expect(onGroup, "unknown key 'uncertainty' in a group entry", at: "uncertainty")
    }

    @Test func normaliseAlternatives() {
        Self.expect(Self.u("{normalise: {method: minmax}}"),
                    "'normalise' of uncertainty must be a list of alternatives, e.g. [{method: minmax, range: [1, 100]}, {method: zscore, mean: 10, sd: 2}]; got a mapping",
                    at: "{method: minmax}")
        Self.expect(Self.u("{normalise: []}"), "'normalise' of uncertainty lists no alternatives; give at least one", at: "[]")
        Self.expect(Self.u("{normalise: [softmax]}"), "unknown uncertainty normalise method 'softmax'", at: "softmax")
        Self.expect(Self.u("{normalise: [{method: zscore, sd: 0}]}"), "sd of uncertainty normalise must be > 0, got 0", at: "0}")
        Self.expect(Self.u("{normalise: [{method: rank, range: [0, 1]}]}"), "'range' of uncertainty normalise applies only to method minmax, not rank", at: "range")
        Self.expect(Self.u("{normalise: [rank, {scope: reference}]}"), "uncertainty normalise scope reference needs 'reference: <year>'", at: "reference}")
        Self.expect(Self.u("{normalise: [dist2targ]}"), "uncertainty normalise method dist2targ needs 'target' on every indicator", at: "dist2targ")
    }

    @Test func aggregateAlternatives() {
        Self.expect(Self.u("{aggregate: geometric}"), "'aggregate' of uncertainty must be a list of alternatives, e.g. [arithmetic, geometric]; got 'geometric'", at: "geometric")
        Self.expect(Self.u("{aggregate: [geometrik]}"), "unknown uncertainty aggregate method 'geometrik'; did you mean 'geometric'?", at: "geometrik")
        Self.expect(Self.u("{aggregate: [{method: generalised}]}"), "uncertainty aggregate method generalised needs 'p'", at: "generalised")
        Self.expect(Self.u("{aggregate: [{p: 2}]}"), "an aggregate alternative needs a 'method'", at: "{p: 2}")
        Self.expect(Self.u("{aggregate: [{method: arithmetic, min_coverage: 0.5}]}"), "unknown key 'min_coverage' in 'uncertainty aggregate'", at: "min_coverage")
        Self.expect(Self.u("{aggregate: [{method: generalised, p: 0}]}"), "p of uncertainty aggregate must not be 0", at: "0}")
    }

    /// Geometric and harmonic means need values > 0: every pair of such a mean with a
    /// normalisation that can give a value ≤ 0, among those the replications use, is refused
    /// with both keys, the reason and the fixes.
    @Test func meansOfPositiveValuesNeedPositiveNormalisation() {
        let fixes = "Fix: use min-max with a range above 0 (such as [1, 100]) and scope: period, or rank, for "
        // The model's own normalise is the default minmax to [0, 100]: the lowest unit gets 0.
        Self.expect(Self.u("{aggregate: [arithmetic, geometric]}"),
                    "normalise (minmax, range [0, 100], scope period) with uncertainty.aggregate[2] (geometric) can leave the aggregation's "
                        + "domain: min-max to [0, …] gives 0 to the lowest value; the geometric mean needs values > 0. "
                        + fixes + "normalise; drop uncertainty.aggregate[2]; or state how to handle it with out_of_domain: skip under uncertainty",
                    at: "geometric")
        Self.expect(Self.u("{normalise: [{range: [1, 100]}, borda], aggregate: [harmonic]}"),
                    "uncertainty.normalise[2] (borda, scope period) with uncertainty.aggregate[1] (harmonic) can leave the aggregation's domain: "
                        + "borda gives 0 to the lowest value; the harmonic mean needs values > 0", at: "harmonic")
        Self.expect(Self.u("{normalise: [zscore], aggregate: [{method: generalised, p: -1}]}"),
                    "uncertainty.normalise[1] (zscore, mean 0, sd 1, scope period) with uncertainty.aggregate[1] (generalised, p -1) can leave "
                        + "the aggregation's domain: z-scores with mean 0 are ≤ 0 for every value below the average; the generalised mean with p < 0",
                    at: "{method: generalised")
        // A positive mean does not save z-scores: a value far enough below the average still gets ≤ 0.
        Self.expect(Self.u("{normalise: [{method: zscore, mean: 50, sd: 10}], aggregate: [geometric]}"),
                    "z-scores can be ≤ 0: a value more than 5 sd below the average gets 0 or less", at: "geometric")
        // Without aggregate alternatives the model's own aggregation is kept, and checked the same way.
        Self.expect(Self.base + "aggregate: {method: arithmetic, levels: {2: {method: geometric}}}\nuncertainty: {normalise: [rank, {method: minmax}]}\n",
                    "uncertainty.normalise[2] (minmax, range [0, 100], scope period) with aggregate.levels.2 (geometric) can leave the "
                        + "aggregation's domain: min-max to [0, …] gives 0 to the lowest value; the geometric mean needs values > 0. "
                        + fixes + "uncertainty.normalise[2]; use another method for aggregate.levels.2",
                    at: "{method: minmax}")
        // A p that is not a whole number needs values ≥ 0.
        Self.expect(Self.u("{normalise: [{method: zscore, mean: 50, sd: 10}], aggregate: [{method: generalised, p: 0.5}]}"),
                    "z-scores can be ≤ 0: a value more than 5 sd below the average gets 0 or less; the generalised mean with p = 0.5 needs values ≥ 0",
                    at: "{method: generalised")
        #expect(ModelFileErrorTests.problems(Self.u("{normalise: [borda], aggregate: [{method: generalised, p: 0.5}]}")).isEmpty)
        // Positive p, ranks (≥ 1) and min-max above 0 per period are fine.
        #expect(ModelFileErrorTests.problems(Self.u("{normalise: [zscore], aggregate: [{method: generalised, p: 2}]}")).isEmpty)
        #expect(ModelFileErrorTests.problems(Self.u("{normalise: [rank, {range: [1, 100]}, {range: [1, 100], scope: all}], aggregate: [geometric]}")).isEmpty)
        #expect(ModelFileErrorTests.problems(Self.base + "normalise: {range: [1, 100]}\nuncertainty: {aggregate: [geometric]}\n").isEmpty)
    }

    /// Under the model's `scope: reference` an alternative without its own scope is scaled on
    /// the reference year too, where a later year can fall below the minimum: refused with a
    /// geometric mean, unless it says `scope: period`; `out_of_domain: skip` accepts the pair.
    @Test func referenceScopeMinMaxCanLeaveTheDomain() {
        let reference = Self.base + "normalise: {range: [1, 100], scope: reference, reference: 2018}\n"
        Self.expect(reference + "uncertainty: {normalise: [{range: [1, 100]}], aggregate: [geometric]}\n",
                    "uncertainty.normalise[1] (minmax, range [1, 100], scope reference 2018) with uncertainty.aggregate[1] (geometric) can leave "
                        + "the aggregation's domain: min-max under scope: reference takes the minimum and maximum of 2018 and is not clamped, "
                        + "so a value of another year below 2018's minimum gets less than 1 and can reach 0 or less", at: "geometric")
        Self.expect(reference + "uncertainty: {aggregate: [geometric]}\n",
                    "normalise (minmax, range [1, 100], scope reference 2018) with uncertainty.aggregate[1] (geometric)", at: "geometric")
        #expect(ModelFileErrorTests.problems(reference + "uncertainty: {normalise: [{range: [1, 100], scope: period}], aggregate: [geometric]}\n").isEmpty)
        #expect(ModelFileErrorTests.problems(reference + "uncertainty: {normalise: [{range: [1, 100]}], aggregate: [geometric], out_of_domain: skip}\n").isEmpty)
        Self.expect(Self.u("{aggregate: [geometric], out_of_domain: drop}"), "unknown out_of_domain of uncertainty 'drop'; expected one of: refuse, skip", at: "drop")
    }

    @Test func treatAndImputeAlternatives() {
        Self.expect(Self.u("{treat: {max_points: 3}}"), "max_points of uncertainty treat must be a list of whole numbers, e.g. [1, 2, 3, 4, 5]; got '3'", at: "3}")
        Self.expect(Self.u("{treat: {max_points: []}}"), "got an empty list", at: "[]")
        Self.expect(Self.u("{treat: {max_points: [1, -1]}}"), "max_points alternatives of uncertainty treat must be ≥ 0, got -1", at: "-1", after: "max_points: ")
        Self.expect(Self.u("{treat: {max_points: [1, 2.5]}}"), "an alternative of uncertainty treat max_points must be a whole number, got '2.5'", at: "2.5")
        Self.expect(Self.u("{treat: {points: [1]}}"), "unknown key 'points' in 'treat' of uncertainty; expected one of: max_points", at: "points")
        Self.expect(Self.u("{treat: {points: [1]}}"), "'treat' of uncertainty needs 'max_points'", at: "{points")
        Self.expect(Self.u("{treat: [1, 2]}"), "'treat' of uncertainty must be a mapping of keys (key: value), got a list", at: "[1, 2]")
        Self.expect(Self.u("{impute: [avg]}"), "unknown uncertainty impute method 'avg'; expected one of: none, mean, median, interpolate", at: "avg")
        Self.expect(Self.u("{impute: mean}"), "'impute' of uncertainty must be a list of alternatives, e.g. [mean, median]; got 'mean'", at: "mean}")
        Self.expect(Self.u("{impute: [{by: wijk}]}"), "unknown key 'by' in 'uncertainty impute'", at: "by")
        Self.expect(Self.u("{impute: [{by: wijk}]}"), "an impute alternative needs a 'method'", at: "{by")
    }

    static func p(_ value: String) -> String { base + "priorities: \(value)\n" }

    @Test func priorities() {
        Self.expect(Self.p("[crime]"), "'priorities' must be none (no priority lists) or a mapping of keys such as {top: 5, reference: mean}, got a list", at: "[crime]")
        Self.expect(Self.p("{top: 0}"), "top of priorities must be ≥ 1 (the number of units most in need to count), got 0", at: "0}")
        Self.expect(Self.p("{top: five}"), "top of priorities must be a whole number, got 'five'", at: "five")
        Self.expect(Self.p("{thems_of: crime}"), "unknown key 'thems_of' in 'priorities'; did you mean 'themes_of'?", at: "thems_of")
        Self.expect(Self.p("{themes_of: burglary}"), "themes_of of priorities is 'burglary', an indicator; it must be a group whose children are the problems",
                    at: "burglary}")
        Self.expect(Self.p("{themes_of: population}"), "themes_of of priorities is 'population', a data column", at: "population}", after: "themes_of: ")
        Self.expect(Self.p("{themes_of: crme}"), "themes_of of priorities: 'crme' is not a group of the model; did you mean 'crime'?", at: "crme")
        Self.expect(Self.p("{reference: 2017.5}"),
                    "reference of priorities must be 'mean' (the mean of the same period) or a whole year such as 2017, got '2017.5'", at: "2017.5")
        Self.expect(Self.p("{reference: [2017]}"), "reference of priorities must be 'mean' (the mean of the same period) or a year, got a list", at: "[2017]")
    }

    @Test func priorityCategories() {
        Self.expect(Self.p("{categories: [{label: a, below: 50}, {label: b, below: 40}]}"),
                    "categories of priorities must ascend by 'below': 40 follows 50", at: "40}")
        Self.expect(Self.p("{categories: [{label: a, below: .inf}, {label: b, below: 100}]}"), "100 follows .inf", at: "100}")
        Self.expect(Self.p("{categories: [{label: a, below: 5}, {label: b, below: 5}]}"), "5 follows 5", at: "5}", after: "label: b, below: ")
        Self.expect(Self.p("{categories: [{label: a}]}"), "every category of priorities needs 'below'", at: "{label: a}")
        Self.expect(Self.p("{categories: [{below: 3}]}"), "every category of priorities needs 'label'", at: "{below: 3}")
        Self.expect(Self.p("{categories: [{label: a, below: high}]}"), "below of a category must be a number or .inf, got 'high'", at: "high")
        Self.expect(Self.p("{categories: [{label: a, below: -.inf}]}"), "below of a category must be a number or .inf, got '-.inf'", at: "-.inf")
        Self.expect(Self.p("{categories: [{label: a, below: 1}, {label: a, below: 2}]}"),
                    "category label 'a' is already used at line 12", at: "a,", after: "below: 1}")
        Self.expect(Self.p("{categories: [{label: a, upto: 5}]}"), "unknown key 'upto' in a category of priorities", at: "upto")
        Self.expect(Self.p("{categories: []}"), "categories of priorities must be a list of score bands", at: "[]")
        Self.expect(Self.p("{categories: {label: a, below: 1}}"), "categories of priorities must be a list of score bands", at: "{label")
    }
}
