import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// The explorer inside a real `report.html` (a `buurtscore run` with an uncertainty analysis) and
/// on a small hand-checkable model, in headless Chromium: the page reproduces the run's ranks,
/// lists the units in priority order, marks ranks outside the published bands as `priorities.csv`
/// gives them, and hands on links and commands that `buurtscore whatif` accepts and agrees with.
@Suite(.serialized, .enabled(if: HeadlessChromium.binary != nil, HeadlessChromium.skipReason))
struct WeightExplorerReportBrowserTests {
    /// A copy of the demo in a scratch folder, run there (`buurtscore run model.yml --out out`).
    static let demoRun = Result { () throws -> CLIHarness in
        let cli = try CLIHarness()
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path) where !name.hasPrefix(".") {
            let values = try demo.appendingPathComponent(name).resourceValues(forKeys: [.isRegularFileKey])
            if values.isRegularFile == true {
                try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: cli.directory.appendingPathComponent(name))
            }
        }
        let outcome = try cli.run(["run", "model.yml", "--out", "out"])
        guard outcome.status == 0 else { throw BrowserFailure("buurtscore run failed: \(outcome.stderr)") }
        return cli
    }

    /// index ← A (1) ← {p (1), q (1)}, B (1) ← r; three buurten in 2020. The raw values are
    /// already 0, 50 or 100, so min-max to [0, 100] keeps them exactly:
    ///
    ///     unit  p    q    r   | A = (p+q)/2  index = (A+B)/2  rank | p = 3: A = (3p+q)/4  index  rank
    ///     U1    100  0    0   | 50           25               3    | 75                   37.5   2
    ///     U2    0    100  50  | 50           50               2    | 25                   37.5   2
    ///     U3    50   50   100 | 50           75               1    | 50                   75     1
    ///
    /// With p = 3, U1 climbs to tie U2 (exactly: 300/4 = 75, 100/4 = 25, 75/2 = (25+50)/2 = 37.5).
    static let handModel = Result { () throws -> CLIHarness in
        let cli = try CLIHarness()
        try cli.write("data.csv", "code,naam,jaar,p,q,r\nU1,Een,2020,100,0,0\nU2,Twee,2020,0,100,50\nU3,Drie,2020,50,50,100\n")
        try cli.write("model.yml", """
            title: Klein
            data: data.csv
            unit: code
            name: naam
            period: jaar
            groups:
              - {code: index, name: "Index"}
              - {code: A, name: "Alfa", parent: index, weight: 1}
              - {code: B, name: "Beta", parent: index, weight: 1}
            indicators:
              - {code: p, name: "Pe", parent: A, direction: 1, weight: 1}
              - {code: q, name: "Qu", parent: A, direction: 1, weight: 1}
              - {code: r, name: "Er", parent: B, direction: 1, weight: 1}
            normalise: {method: minmax, range: [0, 100]}
            aggregate: {method: arithmetic}

            """)
        return cli
    }

    static func csv(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// unit and period of each data row of the page, read from its embedded data.
    static func rowKeys(_ html: String) throws -> [String] {
        let open = try #require(html.range(of: "<script type=\"application/json\" class=\"bs-x-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String]]), periods = try #require(object["periods"] as? [Int])
        let rows = try #require(object["rows"] as? [[Any]])
        return rows.map { "\(units[$0[0] as! Int][0]) \(periods[$0[1] as! Int])" }
    }

    static func page(_ cli: CLIHarness, _ fragment: String) throws -> (ExplorerPageState, String) {
        let dom = try HeadlessChromium.dumpDOM(cli.directory.appendingPathComponent("out/report.html"), fragment: fragment)
        return (try ExplorerPageState(dom: dom), dom)
    }

    /// (1) At the model's weights the page's index and ranks are those of scores.csv and ranks.csv.
    @Test func reportPageAtTheModelsWeightsReproducesScoresAndRanks() throws {
        let cli = try Self.demoRun.get()
        let (state, _) = try Self.page(cli, "state")
        #expect(state.error == nil && state.publishedMismatches == 0 && state.notice.isEmpty && state.command.isEmpty)
        let keys = try Self.rowKeys(try cli.read("out/report.html"))
        let scores = Dictionary(uniqueKeysWithValues: Self.csv(try cli.read("out/scores.csv")).map { ("\($0["unit"]!) \($0["period"]!)", $0) })
        let ranks = Dictionary(uniqueKeysWithValues: Self.csv(try cli.read("out/ranks.csv")).map { ("\($0["unit"]!) \($0["period"]!)", $0) })
        try #require(keys.count == scores.count && keys.count == state.rows.count && keys.count > 70)
        for (key, row) in zip(keys, state.rows) {
            #expect(Double(try #require(scores[key]?["index"])) == row.score, "\(key)")
            #expect(Double(try #require(ranks[key]?["index"])) == row.rank, "\(key)")
        }
    }

    /// (3) The table lists the latest year's buurten in the order of priorities.csv, and says so.
    @Test func defaultOrderIsThePriorityOrder() throws {
        let cli = try Self.demoRun.get()
        let (state, dom) = try Self.page(cli, "state")
        let keys = try Self.rowKeys(try cli.read("out/report.html"))
        let priorities = Self.csv(try cli.read("out/priorities.csv")).filter { $0["period"] == "2020" }
            .sorted { Int($0["priority"]!)! < Int($1["priority"]!)! }
        #expect(priorities.count == 19)
        #expect(state.order.map { keys[$0] } == priorities.map { "\($0["unit"]!) 2020" })
        #expect(dom.contains("<caption class=\"bs-x-caption\">Meest kwetsbaar eerst: de laagste index bovenaan, in de volgorde van de prioriteitenlijst (prioriteit 1 eerst).</caption>"))
        let firstName = try #require(priorities.first?["name"])
        let body = try #require(dom.components(separatedBy: "<tbody>").last)
        #expect(body.hasPrefix("<tr><td class=\"bs-x-num\">19</td>") && body.contains(firstName))
    }

    /// (4) With changed weights a rank is marked exactly when it leaves priorities.csv's band.
    @Test func bandMarksAgreeWithThePublishedBands() throws {
        let cli = try Self.demoRun.get()
        let (state, dom) = try Self.page(cli, "w=crime:0.5,burglary:3")
        let keys = try Self.rowKeys(try cli.read("out/report.html"))
        let bands = Dictionary(uniqueKeysWithValues: Self.csv(try cli.read("out/priorities.csv")).map {
            ("\($0["unit"]!) \($0["period"]!)", (Double($0["rank_p05"]!)!, Double($0["rank_p95"]!)!))
        })
        var marked = 0
        for (r, key) in keys.enumerated() {
            guard let band = bands[key], !state.rows[r].rank.isNaN else { #expect(state.outside[r] == nil); continue }
            let expected = state.rows[r].rank < band.0 || state.rows[r].rank > band.1
            #expect(state.outside[r] == expected, "\(key): rank \(state.rows[r].rank), band \(band)")
            if expected { marked += 1 }
        }
        #expect(marked > 0, "the case moves no rank out of its band")
        let marked2020 = keys.indices.filter { keys[$0].hasSuffix(" 2020") && state.outside[$0] == true }.count
        #expect(dom.components(separatedBy: "<span class=\"bs-x-flag\">buiten de band</span>").count - 1 == marked2020)
    }

    /// (2, 6) A link changing one indicator weight: the page prints exactly the expected command,
    /// and that command, run as printed in the model's folder, gives the page's ranks.
    @Test func demoLinkAndCommandAgreeWithWhatif() throws {
        let cli = try Self.demoRun.get()
        let (state, _) = try Self.page(cli, "w=burglary:2.5")
        #expect(state.command == "buurtscore whatif model.yml --weight burglary=2.5")
        #expect(state.hash == "#w=burglary:2.5" && state.notice.isEmpty)
        try Self.expectWhatifRanks(cli, command: state.command, state: state,
                                   keys: try Self.rowKeys(try cli.read("out/report.html")), period: "2020")
    }

    /// Runs the printed command (split on spaces; it has no quoted words) and compares its new
    /// ranks with the page's, for the rows of `period`.
    static func expectWhatifRanks(_ cli: CLIHarness, command: String, state: ExplorerPageState, keys: [String], period: String) throws {
        let words = command.split(separator: " ").map(String.init)
        try #require(words.count > 2 && words[0] == "buurtscore")
        let outcome = try cli.run(Array(words.dropFirst()) + ["--top", "0"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let printed = WhatIfOutput.newRanks(outcome.stdout)
        let rows = keys.indices.filter { keys[$0].hasSuffix(" " + period) }
        #expect(printed.count == rows.count && !rows.isEmpty)
        for r in rows {
            let unit = String(keys[r].split(separator: " ")[0])
            #expect(printed[unit] == (state.rows[r].rank.isNaN ? "–" : formatNumber(state.rows[r].rank)), "\(unit)")
        }
    }

    /// (2, 6) The hand-checkable model: published ranks 3, 2, 1; with p = 3 ranks 2, 2, 1 (see
    /// ``handModel``), in the page and in `buurtscore whatif`.
    @Test func handModelLinkGivesTheHandComputedRanks() throws {
        let cli = try Self.handModel.get()
        let run = try cli.run(["run", "model.yml", "--out", "out"])
        try #require(run.status == 0, "stderr: \(run.stderr)")
        let (published, _) = try Self.page(cli, "state")
        #expect(published.rows.map(\.rank) == [3, 2, 1] && published.rows.map(\.score) == [25, 50, 75])
        let (state, _) = try Self.page(cli, "w=p:3")
        #expect(state.rows.map(\.rank) == [2, 2, 1] && state.rows.map(\.score) == [37.5, 37.5, 75])
        #expect(state.weights == [1, 3, 1, 1, 1])
        #expect(state.command == "buurtscore whatif model.yml --weight p=3")
        // Priority order: lowest first, the tie in data order.
        #expect(state.order == [0, 1, 2])
        try Self.expectWhatifRanks(cli, command: state.command, state: state, keys: ["U1 2020", "U2 2020", "U3 2020"], period: "2020")
    }

    /// The page says when the command would be refused, as `buurtscore whatif` itself does.
    @Test func pageWarnsWhenWhatifWouldRefuseTheWeights() throws {
        let cli = try Self.handModel.get()
        if !cli.exists("out/report.html") { _ = try cli.run(["run", "model.yml", "--out", "out"]) }
        for (fragment, words) in [("w=p:0,q:0", "alle gewichten in één blok zijn 0"), ("w=p:2000000,q:1", "een miljoen keer")] {
            let (state, dom) = try Self.page(cli, fragment)
            #expect(dom.contains("<p class=\"bs-x-command-hint\">Let op: buurtscore whatif weigert deze gewichten, want " ) && dom.contains(words))
            let outcome = try cli.run(Array(state.command.split(separator: " ").dropFirst().map(String.init)))
            #expect(outcome.status != 0 && outcome.stderr.contains("--weight"), "\(fragment): \(outcome.stderr)")
        }
        let (accepted, dom) = try Self.page(cli, "w=p:1000000,q:1")
        #expect(dom.contains("<p class=\"bs-x-command-hint\">Dezelfde gewichten op de opdrachtregel"))
        #expect(try cli.run(Array(accepted.command.split(separator: " ").dropFirst().map(String.init))).status == 0)
    }

    /// (5) Hostile links: markup, unknown codes, negative, NaN, infinite and hexadecimal values,
    /// a duplicate and a broken escape are ignored with the notice; nothing reaches the DOM.
    @Test func hostileLinkIsIgnoredWithANoticeAndNothingInjected() throws {
        let cli = try Self.handModel.get()
        if !cli.exists("out/report.html") { _ = try cli.run(["run", "model.yml", "--out", "out"]) }
        let hostile = "w=%3Cscript%3Ealert(1)%3C%2Fscript%3E:1,<img src=x onerror=alert(2)>:1,nope:2,p:-1,q:NaN,r:Infinity,"
            + "A:0x10,B:1e999,%E0%A4%A:1,q:2,q:3,__proto__:1,constructor:1"
        let (state, dom) = try Self.page(cli, hostile)
        // Applied: only the first q:2 (the second q is a duplicate).
        #expect(state.weights == [1, 1, 2, 1, 1])
        #expect(state.notice == "12 onderdelen van de link zijn genegeerd: onbekende of vaste gewichten, of geen getal van 0 of meer.")
        #expect(state.command == "buurtscore whatif model.yml --weight q=2" && state.hash == "#w=q:2")
        #expect(!dom.contains("<script>alert") && !dom.contains("<img") && !dom.contains("alert(2)"))
        #expect(state.rows.allSatisfy { !$0.score.isNaN })
        // A link of published weights only: no notice, no command.
        let (clean, _) = try Self.page(cli, "w=p:1")
        #expect(clean.notice.isEmpty && clean.command.isEmpty && clean.hash.isEmpty)
    }
}
