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
        #expect(file.changes?.windows.map { [$0.from, $0.to] } == [[.year(2017), .year(2020)]])
        #expect(file.breaks == [MethodBreak(period: 2018, indicators: ["theft", "burglary"], note: "police count from July")])
    }

    /// (value of `changes:`, the message, the token it points at).
    static let changeMistakes: [(String, String, String)] = [
        ("{from: 2017, to: 2017}", "changes compare two different periods, but from and to are both 2017", "2017}"),
        ("{from: 2017, unto: 2020}", "unknown key 'unto'", "unto"),
        ("{from: latest}", "from of changes must be one of first, previous, a period such as 2017, got 'latest'", "latest"),
        ("{to: previous}", "to of changes must be one of latest, a period such as 2017, got 'previous'", "previous"),
        ("{from: 2020, to: 2017}", "a window of changes runs forward in time, but from 2020 comes after to 2017", "2017}"),
        ("{windows: [{from: first}], trends: true}", "unknown key 'trends' in 'changes'", "trends"),
        ("[{from: first, till: latest}]", "unknown key 'till' in a window of changes", "till"),
        ("{windows: [], year_on_year: true}", "windows of changes must list at least one {from, to}", "[]"),
        ("{year_on_year: yes please}", "year_on_year of changes must be true or false", "yes please"),
        ("{trend: false}", "changes compare nothing: give windows, year_on_year: true or trend: true", "{trend"),
        ("2020", "'changes' must be none", "2020"),
    ]

    @Test(arguments: 0..<changeMistakes.count) func mistakesInChangesAreLocated(_ k: Int) {
        let (value, message, token) = Self.changeMistakes[k]
        ModelFileErrorTests.expectProblem(Self.base + "changes: " + value + "\n", message, at: token)
    }

    /// Every form of `changes:`; the old ones read as one window.
    @Test func everyFormOfChangesIsRead() throws {
        func spec(_ text: String) throws -> ChangeSpec? {
            try ModelFile.parse(Self.base + "changes: " + text + "\n", file: "model.yml", baseDirectory: "").changes
        }
        func ends(_ s: ChangeSpec?) -> [[PeriodReference]]? { s?.windows.map { [$0.from, $0.to] } }
        #expect(ends(try spec("{from: 2017, to: 2020}")) == [[.year(2017), .year(2020)]])
        #expect(ends(try spec("{to: 2019}")) == [[.first, .year(2019)]])
        #expect(ends(try spec("{}")) == [[.first, .latest]])
        #expect(ends(try spec("{from: first, to: latest}")) == [[.first, .latest]])
        #expect(ends(try spec("[{from: first, to: latest}, {from: previous, to: latest}]")) == [[.first, .latest], [.previous, .latest]])
        let full = try #require(try spec("{windows: [{from: 2017, to: latest}], year_on_year: true, trend: true}"))
        #expect(ends(full) == [[.year(2017), .latest]] && full.yearOnYear && full.trend && full.enabled)
        let yearly = try #require(try spec("{year_on_year: true}"))
        #expect(yearly.windows.isEmpty && yearly.yearOnYear && !yearly.trend)
        #expect(try spec("none") == ChangeSpec(enabled: false))
        // A window remembers where it is written, for messages about its resolution.
        #expect(try spec("[{from: previous, to: latest}]")?.windows.first?.location?.line != nil)
        #expect(try spec("{from: 2017, to: 2020}")?.yearOnYear == false)
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
        // An end left out is first or latest; year-on-year and trends are part of the form.
        #expect((try canonical("changes: {}\n")) == (try canonical("changes: {from: first, to: latest}\n")))
        #expect((try canonical("changes: {from: first}\n")) != (try canonical("changes: {windows: [{from: first}], trend: true}\n")))
        #expect((try canonical("changes: {from: previous}\n")) != (try canonical("changes: {from: first}\n")))
    }
}
