import Testing

/// Models whose replications can leave their aggregation's domain: a geometric or harmonic
/// mean with a normalisation that can give a value ≤ 0. `run` and `check` refuse them before
/// anything is computed, naming both keys, why, and the fixes (`uncertainty:` starts at line 22
/// of ``ValidProject/model``).
@Suite struct BadInputDomainTests {
    typealias V = ValidProject
    static let arithmetic = "aggregate: {method: arithmetic}"
    static let fixes = "Fix: use min-max with a range above 0 (such as [1, 100]) and scope: period, or rank, for "
    static let skip = "or state how to handle it with out_of_domain: skip under uncertainty (replications that meet a value ≤ 0 are "
        + "then left out of the bands, and counted and named in uncertainty.csv, manifest.json and the report)"

    static let catalogue: [BadInput] = [
        BadInput(name: "z-scores with a geometric alternative",
                 files: ["model.yml": V.model(arithmetic, arithmetic + """

                     uncertainty:
                       normalise: [{method: minmax, range: [1, 100]}, {method: zscore, mean: 50, sd: 10}]
                       aggregate: [arithmetic, geometric]
                     """)],
                 exitCode: 65, location: "model.yml:24:27",
                 fragments: ["uncertainty.normalise[2] (zscore, mean 50, sd 10, scope period) with uncertainty.aggregate[2] (geometric) can leave "
                     + "the aggregation's domain: z-scores can be ≤ 0: a value more than 5 sd below the average gets 0 or less; "
                     + "the geometric mean needs values > 0. " + fixes + "uncertainty.normalise[2]; drop uncertainty.aggregate[2]; " + skip]),
        BadInput(name: "min-max under reference scope with a geometric index",
                 files: ["model.yml": V.model("normalise: {method: minmax, range: [0, 100]}\n" + arithmetic, """
                     normalise: {method: minmax, range: [1, 100], scope: reference, reference: 2019}
                     aggregate: {method: geometric}
                     uncertainty: {weights: {noise: 0.1, levels: [1]}}
                     """)],
                 exitCode: 65, location: "model.yml:22:14",
                 fragments: ["normalise (minmax, range [1, 100], scope reference 2019) with aggregate (geometric) can leave the aggregation's "
                     + "domain: min-max under scope: reference takes the minimum and maximum of 2019 and is not clamped, so a value of "
                     + "another year below 2019's minimum gets less than 1 and can reach 0 or less; the geometric mean needs values > 0. "
                     + fixes + "normalise; use another method for aggregate; " + skip]),
        BadInput(name: "borda alternative with a harmonic alternative",
                 files: ["model.yml": V.model(arithmetic, arithmetic + "\nuncertainty: {normalise: [rank, borda], aggregate: [harmonic]}")],
                 exitCode: 65, location: "model.yml:22:53",
                 fragments: ["uncertainty.normalise[2] (borda, scope period) with uncertainty.aggregate[1] (harmonic) can leave the aggregation's "
                     + "domain: borda gives 0 to the lowest value; the harmonic mean needs values > 0. " + fixes
                     + "uncertainty.normalise[2]; drop uncertainty.aggregate[1]; " + skip]),
    ]

    @Test(arguments: catalogue)
    func refusedBeforeAnythingIsComputed(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }
}
