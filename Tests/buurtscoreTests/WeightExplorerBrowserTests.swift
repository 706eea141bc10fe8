import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// The weight explorer in a real headless Chromium: for each weight vector the page's index and
/// ranks (every row, every period) must EQUAL — bit for bit, not approximately — what the
/// library computes for the same weights (`WhatIf`, the code behind `buurtscore whatif`).
@Suite(.serialized, .enabled(if: HeadlessChromium.binary != nil, HeadlessChromium.skipReason))
struct WeightExplorerBrowserTests {
    /// A weight vector as the page's test hook takes it: code → the text typed into the control.
    struct WeightCase: Sendable, CustomTestStringConvertible {
        var label: String
        var weights: [(code: String, text: String)]
        var viaSlider = false

        var testDescription: String { label }
        var fragment: String {
            (weights.isEmpty ? "state" : "w=" + weights.map { "\($0.code):\($0.text)" }.joined(separator: ","))
                + (viaSlider ? "&via=slider" : "")
        }
    }

    static let dimensions = ["cohesion", "nuisance", "deterioration", "crime", "victimisation", "unsafety"]

    /// Published weights (no change, and all set to 1 explicitly), a zero weight, a 100 : 1 ratio,
    /// one dimension alone, all zero, and three random vectors from a fixed seed written with
    /// full precision.
    static let cases: [WeightCase] = {
        var cases = [
            WeightCase(label: "published", weights: []),
            WeightCase(label: "published, typed", weights: dimensions.map { ($0, "1") }),
            WeightCase(label: "crime 0", weights: [("crime", "0")]),
            WeightCase(label: "crime 100 : 1", weights: [("crime", "100")]),
            WeightCase(label: "crime alone", weights: dimensions.map { ($0, $0 == "crime" ? "1" : "0") }),
            WeightCase(label: "all zero", weights: dimensions.map { ($0, "0") }),
        ]
        var rng = RandomStream(seed: 2017, stream: 4)
        for k in 1...3 {
            cases.append(WeightCase(label: "random \(k)", weights: dimensions.map {
                ($0, formatNumber(Double.random(in: 0..<3, using: &rng)))
            }))
        }
        // Indicator weights: one alone, a mix with a dimension, and a random vector.
        cases.append(WeightCase(label: "burglary 3", weights: [("burglary", "3")]))
        cases.append(WeightCase(label: "indicators mixed", weights: [("know_each_other", "0"), ("theft", "2.5"), ("unsafe_home", "0.125"), ("crime", "2")]))
        cases.append(WeightCase(label: "random indicators", weights: ["burglary", "theft", "violence", "vandalism", "litter", "graffiti"].map {
            ($0, formatNumber(Double.random(in: 0..<3, using: &rng)))
        }))
        return cases
    }()

    /// Loads the page with the case's weights and checks it against the library.
    static func check(_ fixture: ExplorerFixture, _ weightCase: WeightCase) throws {
        let dom = try HeadlessChromium.dumpDOM(fixture.page, fragment: weightCase.fragment)
        let state = try ExplorerPageState(dom: dom)
        #expect(state.error == nil, "page error: \(state.error ?? "")")
        #expect(state.recomputable)
        #expect(state.publishedMismatches == 0, "the page's index under the published weights differs from the published index")

        let model = fixture.project.model
        var weights: [String: Double] = [:]
        for (code, text) in weightCase.weights {
            guard let value = Double(text) else { throw BrowserFailure("weight \(text) is not a number") }
            weights[code] = value
        }
        // The weights the page applied are the ones typed, to the last bit.
        let applied = ExplorerFixture.nodeOrder(model).map { weights[$0] ?? model.node($0)!.weight }
        #expect(state.weights == applied)

        let expected = try WhatIf.rankShifts(nominal: fixture.nominal, model: model, spec: fixture.project.file.spec, weights: weights)
        try #require(state.rows.count == expected.count)
        var mismatches: [String] = []
        for (row, page) in zip(expected, state.rows) {
            let sameScore = page.score == row.score || (page.score.isNaN && row.score.isNaN)
            let sameRank = page.rank == row.rank || (page.rank.isNaN && row.rank.isNaN)
            if !sameScore || !sameRank {
                mismatches.append("\(row.unit) \(row.period.map(String.init) ?? ""): page \(page.rank) (\(page.score)), library \(row.rank) (\(row.score))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) rows differ: \(mismatches.prefix(5).joined(separator: "; "))")
        // Not a vacuous comparison: some rows are ranked (unless every dimension weight is 0).
        if model.children(of: model.root).contains(where: { (weights[$0] ?? model.node($0)!.weight) > 0 }) {
            #expect(expected.contains { !$0.rank.isNaN })
        }
    }

    @Test(arguments: cases)
    func demoPageRanksEqualTheLibrary(_ weightCase: WeightCase) throws {
        try Self.check(try ExplorerFixture.demo.get(), weightCase)
    }

    @Test(arguments: cases)
    func pageWithMissingDimensionsAndMinCoverageRanksEqualsTheLibrary(_ weightCase: WeightCase) throws {
        let fixture = try ExplorerFixture.gaps.get()
        // The fixture really has both kinds of gaps: rows below min_coverage and renormalised rows.
        let aggregated = fixture.nominal.aggregated
        let dimensionColumns = Self.dimensions.map { aggregated.column($0)! }
        let available = (0..<aggregated.rowCount).map { r in dimensionColumns.filter { !$0[r].isNaN }.count }
        #expect(available.contains(3) && available.contains(5) && available.contains(6))
        try Self.check(fixture, weightCase)
    }

    /// The event wiring: the hook writes the sliders' values and dispatches their `input` events.
    /// The values lie on the sliders' 0.05 grid (range 0-5), so the slider keeps them exactly.
    @Test func sliderInputEventsRecomputeThroughTheSamePath() throws {
        let weightCase = WeightCase(label: "sliders", weights: [("cohesion", "0.25"), ("crime", "3.5"), ("unsafety", "0")], viaSlider: true)
        try Self.check(try ExplorerFixture.demo.get(), weightCase)
        try Self.check(try ExplorerFixture.gaps.get(), weightCase)
    }

    /// `buurtscore whatif` prints the same new ranks as the page shows, for the latest period.
    @Test func whatifCommandPrintsThePagesRanks() throws {
        let fixture = try ExplorerFixture.gaps.get()
        let weightCase = Self.cases.first { $0.label == "random 2" }!
        let state = try ExplorerPageState(dom: try HeadlessChromium.dumpDOM(fixture.page, fragment: weightCase.fragment))
        let cli = try CLIHarness()
        let outcome = try cli.run(["whatif", fixture.modelPath, "--top", "0"] + weightCase.weights.flatMap { ["--weight", "\($0.code)=\($0.text)"] })
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let printed = WhatIfOutput.newRanks(outcome.stdout)
        let aggregated = fixture.nominal.aggregated
        let latest = aggregated.periodList.last!
        let rows = aggregated.rows(in: latest)
        #expect(printed.count == rows.count)
        for r in rows {
            let pageRank = state.rows[r].rank
            #expect(printed[aggregated.unitCodes[r]] == (pageRank.isNaN ? "–" : formatNumber(pageRank)), "\(aggregated.unitCodes[r])")
        }
    }

    /// A geometric index: sliders disabled, a note, the published ranking, and the hook refused.
    @Test func geometricIndexDisablesTheSliders() throws {
        let fixture = try ExplorerFixture.geometric.get()
        let dom = try HeadlessChromium.dumpDOM(fixture.page, fragment: "w=crime:2")
        let state = try ExplorerPageState(dom: dom)
        #expect(!state.recomputable && state.disabledControls)
        #expect(state.error == "the weights cannot be changed for this index")
        #expect(dom.contains("meetkundig gemiddelde") && dom.contains("buurtscore whatif"))
        let published = try #require(fixture.nominal.aggregated.ranksWithinPeriods(of: fixture.project.model.root))
        #expect(state.rows.map(\.rank).elementsEqual(published) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(state.weights == [Double](repeating: 1, count: 27))
        #expect(state.notice == "De gewichten in de link zijn genegeerd: deze index kan hier niet opnieuw worden berekend." && state.command.isEmpty)
    }
}

/// Reads the table `buurtscore whatif` prints.
enum WhatIfOutput {
    /// unit code → the new rank as printed (`–` when unranked), from lines
    /// `UNIT  NAME  OLD → NEW  SHIFT  SCORE → SCORE`.
    static func newRanks(_ stdout: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in stdout.split(separator: "\n").dropFirst(3) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let arrow = fields.firstIndex(of: "→"), arrow + 1 < fields.count, let unit = fields.first else { continue }
            result[unit] = fields[arrow + 1]
        }
        return result
    }
}
