import BuurtIndex
import Foundation
import Testing

/// One verdict per question in the demo's report: the profiles mark exactly the changes that
/// `changes.csv` calls significant, every change across the method break carries its note (in
/// report.md, and in report.html as Chromium renders it), the problem order explains itself
/// when p(grootste) points elsewhere, scores outside 0–100 are explained, and the running text
/// of both languages has no codes, no "(en)"/"(s)" plurals and one word for the replications.
@Suite(.serialized) struct ReportVerdictTests {
    static let demoModel = CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path

    /// The demo run once per language: its folder and the harness that owns it.
    static let runs: [String: Result<CLIHarness, any Error>] = {
        var runs: [String: Result<CLIHarness, any Error>] = [:]
        for language in ["nl", "en"] {
            runs[language] = Result {
                let cli = try CLIHarness()
                let outcome = try cli.run(["run", demoModel, "--out", "out", "--lang", language, "--quiet"])
                guard outcome.status == 0 else { throw BrowserFailure("demo run failed: \(outcome.stderr)") }
                return cli
            }
        }
        return runs
    }()

    static func run(_ language: String) throws -> CLIHarness { try #require(runs[language]).get() }

    /// The rows of changes.csv of the headline pair (first against latest, 2017–2020, measure
    /// change, nothing left out) as (unit, group, significant, break); with `headline` false
    /// the other rows of the index (other pairs, trends, break-free changes).
    static func changes(_ cli: CLIHarness, headline: Bool = true) throws -> [(unit: String, group: String, significant: String, breakNote: String)] {
        let table = try CSVReader.read(path: cli.path("out/changes.csv"))
        let column = { (name: String) in table.header.firstIndex(of: name)! }
        let isHeadline = { (row: [String]) in
            row[column("from")] == "2017" && row[column("to")] == "2020" && row[column("measure")] == "change" && row[column("excluding")].isEmpty
        }
        return table.rows.filter { isHeadline($0) == headline && (headline || $0[column("group")] == "index") }
            .map { ($0[column("unit")], $0[column("group")], $0[column("significant")], $0[column("break")]) }
    }

    /// The model's names by code.
    static func names() throws -> [String: String] {
        let file = try ModelFile.load(path: demoModel)
        return Dictionary(file.nodes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// report.md cut into the profiles: unit code → the profile's text.
    static func profiles(_ markdown: String) -> [String: String] {
        var out: [String: String] = [:]
        let parts = markdown.components(separatedBy: "<a id=\"buurt-")
        for part in parts.dropFirst() {
            guard let end = part.firstIndex(of: "\"") else { continue }
            let unit = String(part[..<end])
            let body = part.components(separatedBy: "\n## ").first ?? part
            out[unit] = body
        }
        return out
    }

    /// The trend-table rows of one profile: dimension name → cells.
    static func trendRows(_ profile: String, names: [String: String]) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        let known = Set(names.values)
        guard let start = profile.range(of: "#### Ontwikkeling") ?? profile.range(of: "#### Trend") else { return rows }
        for line in profile[start.upperBound...].split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = cells.first, known.contains(first) { rows[first] = Array(cells) }
        }
        return rows
    }

    @Test(arguments: ["nl", "en"]) func profilesMarkExactlyTheSignificantChangesOfChangesCSV(language: String) throws {
        let cli = try Self.run(language)
        let names = try Self.names()
        let profiles = Self.profiles(try cli.read("out/report.md"))
        #expect(profiles.count == 19)
        let changes = try Self.changes(cli)
        var marks = 0, significant = 0
        for change in changes {
            let profile = try #require(profiles[change.unit], "no profile for \(change.unit)")
            let row = try #require(Self.trendRows(profile, names: names)[names[change.group]!], "\(change.unit) \(change.group)")
            let verdict = row[5]
            switch change.significant {
            case "better": #expect(verdict.hasPrefix("▲"), "\(change.unit) \(change.group): \(verdict)")
            case "worse": #expect(verdict.hasPrefix("▼"), "\(change.unit) \(change.group): \(verdict)")
            default: #expect(verdict.isEmpty, "\(change.unit) \(change.group) is marked \(verdict) but not significant")
            }
            if !verdict.isEmpty { marks += 1 }
            if !change.significant.isEmpty { significant += 1 }
            // The break column carries the break's note exactly when changes.csv does.
            #expect(row[6] == change.breakNote, "\(change.unit) \(change.group)")
        }
        #expect(significant > 10 && marks == significant)
    }

    /// Each profile's table of the index over the years marks exactly the other rows of the
    /// index in changes.csv (other pairs, the trend, the break-free changes) that are significant.
    @Test func profilesMarkTheOtherChangesOfTheIndexAsChangesCSV() throws {
        let cli = try Self.run("en")
        let profiles = Self.profiles(try cli.read("out/report.md"))
        let others = Dictionary(grouping: try Self.changes(cli, headline: false), by: \.unit)
        let table = try CSVReader.read(path: cli.path("out/changes.csv"))
        let excluding = table.header.firstIndex(of: "excluding")!
        let breakFree = Set(table.rows.filter { !$0[excluding].isEmpty }.map { $0[0] })
        var marked = 0
        for (unit, profile) in profiles {
            let rows = others[unit] ?? []
            let section = profile.components(separatedBy: "#### The index over the years").dropFirst().first ?? ""
            let lines = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst().filter { !$0.hasPrefix("|---") }
            #expect(lines.count == rows.count, "\(unit)")
            guard !rows.isEmpty else { continue }
            #expect(lines.filter { $0.contains("▲") }.count == rows.filter { $0.significant == "better" }.count, "\(unit)")
            #expect(lines.filter { $0.contains("▼") }.count == rows.filter { $0.significant == "worse" }.count, "\(unit)")
            marked += lines.filter { $0.contains("▲") || $0.contains("▼") }.count
            #expect(lines.contains { $0.contains(#"without unsafe\_sometimes, unsafe\_evening and unsafe\_home"#) }
                == breakFree.contains(unit), "\(unit)")
        }
        #expect(profiles.count == 19 && marked > 19 && breakFree.count == 18)
    }

    @Test func everyProfileWithABreakCrossingChangeNamesTheBreak() throws {
        let cli = try Self.run("nl")
        let profiles = Self.profiles(try cli.read("out/report.md"))
        let note = "nieuwe vraagstelling onveiligheidsgevoelens in de enquête"
        let crossing = Set(try Self.changes(cli).filter { !$0.breakNote.isEmpty }.map(\.unit))
        #expect(!crossing.isEmpty)
        for (unit, profile) in profiles {
            let said = profile.contains("Methodebreuk in 2018 (Voelt zich wel eens onveilig in de buurt (%)") && profile.contains(note)
            #expect(said == crossing.contains(unit), "\(unit)")
        }
    }

    /// The changes section's table (the index of every buurt) carries the note in each row
    /// whose change crosses the break, and only there.
    @Test func theChangesTableCarriesTheBreakNote() throws {
        let cli = try Self.run("nl")
        let markdown = try cli.read("out/report.md")
        // The section's first table (the headline pair); the tables of other pairs, trends and
        // break-free changes follow "Andere vergelijkingen".
        let section = (try #require(markdown.components(separatedBy: "## Veranderingen door de tijd").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? "").components(separatedBy: "Andere vergelijkingen").first ?? ""
        let index = try Self.changes(cli).filter { $0.group == "index" }
        let names = Dictionary(try CSVReader.read(path: cli.path("out/scores.csv")).rows.map { ($0[1], $0[0]) }, uniquingKeysWith: { a, _ in a })
        var rows = 0
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let unit = names[cells[0]], let change = index.first(where: { $0.unit == unit }) else { continue }
            #expect(cells.last == change.breakNote, "\(unit)")
            rows += 1
        }
        #expect(rows == index.count)
    }

    /// In report.html as Chromium renders it, each profile's trend chart draws the break as a
    /// dashed line titled with its note in every panel whose change crosses it, and the trend
    /// table's break cells carry the note.
    @Test(.enabled(if: HeadlessChromium.binary != nil, HeadlessChromium.skipReason))
    func theRenderedProfilesDrawTheBreakInEveryCrossingPanel() throws {
        let cli = try Self.run("nl")
        let dom = try HeadlessChromium.dumpDOM(URL(fileURLWithPath: cli.path("out/report.html")), fragment: "sec-profiles")
        let note = "nieuwe vraagstelling onveiligheidsgevoelens in de enquête"
        let crossing = Dictionary(grouping: try Self.changes(cli).filter { !$0.breakNote.isEmpty }, by: \.unit)
        let sections = dom.components(separatedBy: "id=\"buurt-").dropFirst()
        #expect(sections.count == 19)
        for section in sections {
            let unit = String(section.prefix { $0 != "\"" })
            let profile = section.components(separatedBy: "id=\"sec-").first ?? section
            let lines = profile.components(separatedBy: "<title>" + note + "</title>").count - 1
            #expect(lines == (crossing[unit]?.count ?? 0), "\(unit): \(lines) break lines")
            let cells = profile.components(separatedBy: "<td>" + note + "</td>").count - 1
            #expect(cells == (crossing[unit]?.count ?? 0), "\(unit): \(cells) break cells")
        }
    }

    @Test func theProblemOrderExplainsItselfWhenPWorstPointsElsewhere() throws {
        let cli = try Self.run("nl")
        let profiles = Self.profiles(try cli.read("out/report.md"))
        let themes = try CSVReader.read(path: cli.path("out/themes.csv"))
        let column = { (name: String) in themes.header.firstIndex(of: name)! }
        let latest = Dictionary(grouping: themes.rows.filter { $0[column("period")] == "2020" }) { $0[column("unit")] }
        var differing = 0
        for (unit, rows) in latest {
            let first = try #require(rows.first { $0[column("priority")] == "1" })
            let most = rows.map { Double($0[column("p_worst")])! }.max()!
            let differs = Double(first[column("p_worst")])! < most
            if differs { differing += 1 }
            let said = try #require(profiles[unit]).contains("De volgorde volgt de achterstand bij de instellingen van het model, maar")
            #expect(said == differs, "\(unit)")
        }
        #expect(differing > 0)
    }

    /// Every profile that shows a score below 0 or above 100 (index or dimension in any year,
    /// an indicator among its strengths and weaknesses) explains it, and no other does.
    @Test func scoresBelowZeroAreExplainedInTheirProfile() throws {
        let cli = try Self.run("nl")
        let profiles = Self.profiles(try cli.read("out/report.md"))
        let scores = try CSVReader.read(path: cli.path("out/scores.csv"))
        var values = Dictionary(grouping: scores.rows) { $0[0] }.mapValues { rows in rows.flatMap { $0[3...9].compactMap(Double.init) } }
        // The profile's strengths and weaknesses show indicator scores of 2020 too.
        let strengths = try CSVReader.read(path: cli.path("out/strengths.csv"))
        let column = { (name: String) in strengths.header.firstIndex(of: name)! }
        for row in strengths.rows where row[column("period")] == "2020" {
            values[row[column("unit")], default: []].append(Double(row[column("score")])!)
        }
        var outside = 0
        for (unit, profile) in profiles {
            let out = (values[unit] ?? []).contains { $0 < 0 || $0 > 100 }
            if out { outside += 1 }
            #expect(profile.contains("Een score onder 0 of boven 100 is geen fout: de schaal ligt vast op 2017") == out, "\(unit)")
        }
        #expect(outside > 0 && outside < 19)
    }

    @Test(arguments: ["nl", "en"]) func runningTextHasNoCodesOrBracketPlurals(language: String) throws {
        let cli = try Self.run(language)
        for file in ["out/report.md", "out/report.html"] {
            // The page's text without its scripts (whose code may hold "(s) " and the like).
            let text = try cli.read(file).components(separatedBy: "<script").map { $0.components(separatedBy: "</script>").last ?? "" }.joined()
            for phrase in ["herbereken", "recomputation", "(en)", "(s) ", "toplijst", "top list", "kolom break", "column break",
                           "max_points", "max\\_points", "| sampling |", "| weights |", "| normalise |", "is sampling", "is aggregate",
                           "5–95 %", "cel(len)", "cell(s)", "indicator(en)", "Methodebreuk in 2018 (unsafe", "Method break in 2018 (unsafe"] {
                #expect(!text.contains(phrase), "\(file) (\(language)) contains '\(phrase)'")
            }
        }
        let markdown = try cli.read("out/report.md")
        let expected = language == "nl"
            ? ["19 buurten in 4 jaar (2017–2020)", "| Steekproefonzekerheid van de data |",
               "De keuze met de meeste invloed is de steekproefonzekerheid van de data", "1000 herhalingen"]
            : ["19 buurten in 4 periods (2017–2020)", "| Sampling error of the data |",
               "The most influential choice is the sampling error of the data", "1000 replications"]
        for phrase in expected { #expect(markdown.contains(phrase), "report.md (\(language)) lacks '\(phrase)'") }
    }
}
