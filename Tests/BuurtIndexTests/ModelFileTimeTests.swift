import BuurtNumerics
import Testing
import BuurtIndex

/// `changes:` and `breaks:`: what is read, every mistake at its file:line:column, and the
/// canonical form (hashed into manifests) that carries them.
@Suite struct ModelFileTimeTests {
    static let base = ModelFileErrorTests.base

    @Test func changesAndBreaksAreRead() throws {
        let yaml = Self.base + """
            changes: {from: 2017, to: 2020}
            breaks:
              - {period: 2018, indicators: [theft, burglary], note: "police count from July"}

            """
        let file = try ModelFile.parse(yaml, file: "model.yml", baseDirectory: "")
        #expect(file.changes?.from == 2017 && file.changes?.to == 2020)
        #expect(file.breaks == [MethodBreak(period: 2018, indicators: ["theft", "burglary"], note: "police count from July")])
    }

    @Test func mistakesInChangesAreLocated() {
        ModelFileErrorTests.expectProblem(Self.base + "changes: {from: 2017, to: 2017}\n",
                                          "changes compare two different periods, but from and to are both 2017", at: "2017}")
        ModelFileErrorTests.expectProblem(Self.base + "changes: {from: 2017, unto: 2020}\n", "unknown key 'unto'", at: "unto")
        ModelFileErrorTests.expectProblem(Self.base + "changes: {from: first}\n", "from of changes (a period such as 2017)", at: "first")
    }

    @Test func mistakesInBreaksAreLocated() {
        ModelFileErrorTests.expectProblem(Self.base + "breaks:\n  - {period: 2018, indicators: [thef], note: x}\n",
                                          "method break of 2018: 'thef' is not an indicator of the model", at: "thef]", after: "breaks")
        ModelFileErrorTests.expectProblem(Self.base + "breaks:\n  - {period: 2018, indicators: [theft]}\n",
                                          "every method break needs 'note'", at: "period", after: "breaks")
        ModelFileErrorTests.expectProblem(Self.base + "breaks:\n  - {period: 2018, indicators: [], note: x}\n",
                                          "must list at least one indicator", at: "[]", after: "breaks")
        ModelFileErrorTests.expectProblem(Self.base + "breaks:\n  - {period: 2018, indicators: [theft], note: \"\"}\n",
                                          "note of a method break must say what changed", at: "\"\"")
    }

    /// Two models that differ only in a break's note (or only in `changes:`) have different
    /// canonical forms, so their manifests differ; the same model written twice has one.
    @Test func theCanonicalFormCarriesChangesAndBreaks() throws {
        func canonical(_ tail: String) throws -> String {
            try ModelFile.parse(Self.base + tail, file: "model.yml", baseDirectory: "").canonicalForm()
        }
        let a = try canonical("breaks:\n  - {period: 2018, indicators: [theft], note: one}\n")
        #expect(a != (try canonical("breaks:\n  - {period: 2018, indicators: [theft], note: two}\n")))
        #expect(a == (try canonical("breaks:\n  - {note: one, indicators: [theft], period: 2018}\n")))
        #expect(a != (try canonical("")))
        #expect((try canonical("changes: {from: 2017, to: 2019}\n")) != (try canonical("changes: {from: 2017, to: 2020}\n")))
        #expect(a.contains("2018") && a.contains("one"))
    }
}
