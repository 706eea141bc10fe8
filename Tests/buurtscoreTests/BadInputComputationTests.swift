import Testing

/// Inputs that are well formed but that the chosen methods cannot compute with. These
/// problems arise from the model and the data together, inside a stage: the message points at
/// the stage's key in the model file (the setting the user can change) and names the
/// indicator, unit and period.
@Suite struct BadInputComputationTests {
    typealias V = ValidProject
    static let constantContact = V.data(column: "contact", allSetTo: "40")

    static let catalogue: [BadInput] = [
        BadInput(name: "zero variance under zscore",
                 files: ["data.csv": constantContact, "model.yml": V.model("method: minmax, range: [0, 100]", "method: zscore")],
                 exitCode: 65, location: "model.yml:20:1",
                 fragments: ["indicator contact, 2019: z-score normalisation needs variation, but every available value equals 40",
                             "a constant indicator cannot tell units apart: check the data, or leave the indicator out of the model", "(normalise stage)"]),
        BadInput(name: "constant column under minmax",
                 files: ["data.csv": constantContact],
                 exitCode: 65, location: "model.yml:20:1",
                 fragments: ["indicator contact, 2019: min-max normalisation needs a range, but every available value equals 40",
                             "a constant indicator cannot tell units apart: check the data, or leave the indicator out of the model", "(normalise stage)"]),
        // Crime per 1000 in 2019: 25, 27.5, 34, 18.95, 38.10, 20 (mean 27.257, sd 7.613);
        // direction −1, so z = −(x − mean)/sd: B1 +0.296, B2 −0.0319 is the first negative.
        BadInput(name: "negative value under geometric",
                 files: ["model.yml": V.model("normalise: {method: minmax, range: [0, 100]}\naggregate: {method: arithmetic}",
                                              "normalise: {method: zscore}\naggregate: {method: geometric}")],
                 exitCode: 65, location: "model.yml:21:1",
                 fragments: ["geometric mean needs positive values: unit B2, 2019, indicator crime = -0.03190505171898", "use minmax with range [1, 100]", "(aggregate stage)"]),
        // Min-max to [0, 100] maps the worst unit (B5, highest crime per 1000 in 2019) to 0.
        BadInput(name: "zero under geometric",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: geometric}")],
                 exitCode: 65, location: "model.yml:21:1",
                 fragments: ["geometric mean needs positive values: unit B5, 2019, indicator crime = 0 — use minmax with range [1, 100]", "(aggregate stage)"]),
        BadInput(name: "zero under harmonic",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: harmonic}")],
                 exitCode: 65, location: "model.yml:21:1",
                 fragments: ["harmonic mean needs positive values: unit B5, 2019, indicator crime = 0 — use minmax with range [1, 100]", "(aggregate stage)"]),
    ]

    @Test(arguments: catalogue)
    func failsNamingIndicatorUnitAndPeriodAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }
}
