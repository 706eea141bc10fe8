import BuurtNumerics
import Testing
import BuurtIndex

@Suite struct ModelFileCanonicalTests {
    static func canonical(_ yaml: String, file: String = "a.yml", baseDirectory: String = "one") throws -> String {
        try ModelFile.parse(yaml, file: file, baseDirectory: baseDirectory).canonicalForm()
    }

    @Test func stableUnderKeyReorderingAndNumberSpelling() throws {
        let reordered = """
            priorities:
              categories:
                - {below: 40.0, label: zeer onveilig}
                - {below: 55, label: onveilig}
                - {below: 7e1, label: gemiddeld}
                - {below: +.inf, label: veilig}
              reference: mean
              themes_of: index
              top: 5
            language: nl
            uncertainty:
              out_of_domain: skip
              sensitivity: false
              seed: 2017
              replications: 1000
              sampling: true
              impute: [{method: mean}, median]
              treat: {max_points: [1, 2, 3, 4, 5]}
              aggregate: [{method: arithmetic}, geometric]
              normalise: [{range: [1, 100], method: minmax, scope: period}, {sd: 2.0, mean: 10, method: zscore}]
              weights: {levels: [2, 1], noise: 0.250}
            weights: {crime: 2}
            aggregate: {levels: {3: {method: geometric}}, min_coverage: 0.75, method: arithmetic}
            normalise: {reference: 2017, scope: reference, range: [0, 100], method: minmax}
            treat: {max_kurtosis: 3.5, max_skew: 2.5, max_points: 4, method: winsorise}
            screen: {min_coverage: 0.90}
            impute: {by: wijk, method: mean}
            denominate: {scale: 1.0}
            columns:
              - {type: denominator, code: population}
              - {code: survey_n, type: other}
              - {type: group, name: Wijk, code: wijk}
            indicators:
              - {uncertainty: {per: 100, binomial: survey_n}, parent: cohesion, name: Mensen kennen elkaar, code: know_each_other}
              - {uncertainty: {per: 1e3, poisson: population}, unit: "per 1000", goalposts: [0, 2e1], target: 2, scale: 1e3, denominator: population, weight: 1, direction: -1, parent: crime, name: Woninginbraak per 1000 inwoners, code: burglary}
              - {uncertainty: {per: 100.0, poisson: population}, weight: 0.50, direction: -1, parent: crime, code: theft}
            groups:
              - {name: Veiligheidsindex, code: index}
              - {weight: 1, parent: index, name: Sociale cohesie, code: cohesion}
              - {parent: index, name: Criminaliteit, code: crime}
            period: jaar
            name: buurt_naam
            unit: buurt_code
            data: data.csv
            title: Leefbaarheid en veiligheid
            """
        // `replications: 1000` is not a whole number as written; use the plain spelling.
        let a = try Self.canonical(ModelFileTests.full)
        let b = try Self.canonical(reordered.replacingOccurrences(of: "1000.0e0", with: "1000"), file: "b.yml", baseDirectory: "two")
        #expect(a == b)
        #expect(a.contains("\"reference\": 2017"))
        #expect(a.contains("\"weight\": 0.5"))
        #expect(a.contains("\"data\": \"data.csv\""))
        #expect(a.contains("\"below\": \".inf\""))
        #expect(a.contains("\"seed\": \"2017\""))
        #expect(a.contains("\"binomial\": \"survey_n\""))
        #expect(a.contains("\"out_of_domain\": \"skip\""))
        // Rendering the same parse twice gives the same text (dictionary order plays no part).
        #expect(try Self.canonical(ModelFileTests.full) == a)
    }

    /// Left-out settings appear with their defaults, so writing a default out changes nothing.
    @Test func defaultsAreFilledIn() throws {
        let base = ModelFileErrorTests.base.replacingOccurrences(of: "denominator: population}", with: "denominator: population, uncertainty: {poisson: population}}")
        let short = try Self.canonical(base + "uncertainty: {sampling: true}\npriorities: {}\n")
        let long = try Self.canonical(base.replacingOccurrences(of: "{poisson: population}", with: "{poisson: population, per: 1000}")
            + "uncertainty: {sampling: true, replications: 1000, seed: 1, sensitivity: false}\npriorities: {top: 5, reference: mean}\n")
        #expect(short == long)
        #expect(short != (try Self.canonical(base)))
    }

    /// A normalise alternative without `scope:` takes the model's: writing that scope out
    /// changes nothing, another scope does.
    @Test func alternativesInheritTheModelsScope() throws {
        let original = try Self.canonical(ModelFileTests.full)
        let explicit = try Self.canonical(ModelFileTests.full.replacingOccurrences(
            of: "mean: 10, sd: 2}", with: "mean: 10, sd: 2, scope: reference, reference: 2017}"))
        #expect(explicit == original)
        let period = try Self.canonical(ModelFileTests.full.replacingOccurrences(of: "mean: 10, sd: 2}", with: "mean: 10, sd: 2, scope: period}"))
        #expect(period != original)
    }

    /// Each edit of one setting (a valid model every time) gives a different text.
    @Test func everySettingChangesTheText() throws {
        let original = try Self.canonical(ModelFileTests.full)
        let edits = [
            ("noise: 0.25", "noise: 0.3"),
            ("levels: [1, 2]", "levels: [1]"),
            ("range: [1, 100], scope: period}", "range: [2, 100], scope: period}"),
            ("mean: 10, sd: 2}", "mean: 10, sd: 3}"),
            ("mean: 10, sd: 2}", "mean: 11, sd: 2}"),
            ("mean: 10, sd: 2}", "mean: 10, sd: 2, scope: all}"),
            ("{method: minmax, range: [1, 100], scope: period}, ", ""),
            ("range: [1, 100], scope: period}", "range: [1, 100]}"),
            ("[arithmetic, geometric]", "[geometric, arithmetic]"),
            ("[arithmetic, geometric]", "[arithmetic, {method: generalised, p: 2}]"),
            ("max_points: [1, 2, 3, 4, 5]", "max_points: [1, 2, 3, 4]"),
            ("impute: [mean, median]", "impute: [median, mean]"),
            ("sampling: true", "sampling: false"),
            ("replications: 1000", "replications: 999"),
            ("seed: 2017", "seed: 2018"),
            ("sensitivity: false", "sensitivity: true"),
            ("top: 5", "top: 4"),
            ("themes_of: index ", "themes_of: crime "),
            ("reference: mean ", "reference: 2017 "),
            ("{label: zeer onveilig, below: 40}", "{label: zeer onveilig, below: 41}"),
            ("{label: zeer onveilig, below: 40}", "{label: heel onveilig, below: 40}"),
            ("below: .inf", "below: 100"),
            ("{binomial: survey_n}", "{binomial: survey_n, per: 1}"),
            ("{poisson: population, per: 100}", "{poisson: population, per: 10}"),
            ("{poisson: population, per: 1000}", "{binomial: population, per: 1000}"),
            ("screen: {min_coverage: 0.9}", "screen: {min_coverage: 0.9, basis: observed}"),
        ]
        var seen: Set<String> = [original]
        for (old, new) in edits {
            #expect(ModelFileTests.full.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            let edited = try Self.canonical(ModelFileTests.full.replacingOccurrences(of: old, with: new))
            #expect(edited != original, "\(old) → \(new)")
            seen.insert(edited)
        }
        // Every edit gives its own text, distinct from the others too.
        #expect(seen.count == edits.count + 1)
    }
}
