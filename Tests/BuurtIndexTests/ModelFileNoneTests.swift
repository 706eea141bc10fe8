import BuurtNumerics
import Testing
import BuurtIndex

/// `priorities: none` and `changes: none`: read, located when misspelt, and carried by the
/// canonical form (hashed into manifests, so a recorded run is repeated with the same settings).
@Suite struct ModelFileNoneTests {
    static let base = ModelFileErrorTests.base

    static func parse(_ tail: String) throws -> ModelFile {
        try ModelFile.parse(Self.base + tail, file: "model.yml", baseDirectory: "")
    }

    static func canonical(_ tail: String) throws -> String {
        try parse(tail).canonicalForm()
    }

    @Test func noneSwitchesTheListsAndTheChangesOff() throws {
        let both = try Self.parse("priorities: none\nchanges: none\n")
        #expect(both.priorities == PrioritySpec(enabled: false))
        #expect(both.changes == ChangeSpec(enabled: false))
        // A quoted "none" is the same word.
        #expect(try Self.parse("priorities: \"none\"\n").priorities?.enabled == false)
        // Left out, or given as a mapping: on, as before.
        let absent = try Self.parse("")
        #expect(absent.priorities == nil && absent.changes == nil)
        let mapping = try Self.parse("priorities: {top: 3}\nchanges: {from: 2017}\n")
        #expect(mapping.priorities == PrioritySpec(top: 3) && mapping.priorities?.enabled == true)
        #expect(mapping.changes == ChangeSpec(from: 2017) && mapping.changes?.enabled == true)
    }

    @Test func otherWordsAreLocatedWithASuggestion() {
        ModelFileErrorTests.expectProblem(
            Self.base + "priorities: nome\n",
            "'priorities' must be none (no priority lists) or a mapping of keys such as {top: 5, reference: mean}, got 'nome'; did you mean 'none'?",
            at: "nome")
        ModelFileErrorTests.expectProblem(
            Self.base + "changes: None\n",
            "'changes' must be none (no changes between periods) or a mapping of keys such as {from: first, to: latest}, a list of such windows or {windows: [...], year_on_year: true, trend: true}, got 'None'; did you mean 'none'?",
            at: "None")
        // Far from "none": no suggestion.
        ModelFileErrorTests.expectProblem(Self.base + "changes: 2020\n", "got '2020'", at: "2020")
        #expect(!ModelFileErrorTests.problems(Self.base + "changes: 2020\n").contains { $0.message.contains("did you mean") })
        // A list is a list of windows, each a mapping.
        ModelFileErrorTests.expectProblem(Self.base + "changes: [2017, 2020]\n", "a window of changes must be a mapping of keys (key: value), got '2017'", at: "2017")
        // Every problem of the file at once, each at its place.
        let two = ModelFileErrorTests.problems(Self.base + "priorities: off\nchanges: no\n")
        #expect(two.count == 2)
        #expect(two.map { $0.location?.line } == [11, 12])
    }

    /// `none` has its own canonical text, different from leaving the key out and from the
    /// defaults written out; the same setting in other spellings gives the same text.
    @Test func theCanonicalFormCarriesNone() throws {
        let none = try Self.canonical("priorities: none\nchanges: none\n")
        #expect(none.contains("\"priorities\": \"none\""))
        #expect(none.contains("\"changes\": \"none\""))
        #expect(none == (try Self.canonical("changes: \"none\"\npriorities: 'none'\n")))
        let variants = [
            try Self.canonical(""),
            try Self.canonical("priorities: {}\nchanges: {}\n"),
            try Self.canonical("priorities: none\n"),
            try Self.canonical("changes: none\n"),
            none,
        ]
        #expect(Set(variants).count == variants.count)
    }

    /// A model with both set, parsed, rendered canonically: the canonical text of the model
    /// read back from the same text is identical (what `verify` relies on when it re-reads the
    /// recorded model), and the settings survive.
    @Test func aModelWithNoneRoundTrips() throws {
        let text = Self.base + "priorities: none\nchanges: none\n"
        let first = try ModelFile.parse(text, file: "a/model.yml", baseDirectory: "a")
        let second = try ModelFile.parse(text, file: "b/model.yml", baseDirectory: "b")
        #expect(first.canonicalForm() == second.canonicalForm())
        #expect(second.priorities?.enabled == false && second.changes?.enabled == false)
    }
}
