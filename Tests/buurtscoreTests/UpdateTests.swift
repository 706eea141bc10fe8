import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// `buurtscore update`: the demo state from 2020 to 2021, idempotence, refusals and the lock.
@Suite struct UpdateTests {
    @Test func demoStateTakesThe2021FiguresAndDiffsAgainst2020() throws {
        let h = try UpdateHarness()
        let created = try h.initialise()
        #expect(created.status == 0, "stderr: \(created.stderr)")
        #expect(created.stdout == "created state: run 2020 with 76 rows for 2017, 2018, 2019, 2020 in state/runs/2020\n")
        #expect(try h.cli.read("state/latest") == "2020\n")
        #expect(try h.cli.read("state/data.csv") == h.cli.read("state/inputs/2020.csv"))

        let updated = try h.update()
        #expect(updated.status == 0, "stderr: \(updated.stderr)")
        #expect(updated.stdout.hasPrefix("updated state: run 2021 in state/runs/2021 (19 rows added for 2021); "))
        #expect(try h.cli.read("state/latest") == "2021\n")
        // 76 published rows + 19 new ones, each unit's years together, 2021 after 2020.
        let data = try h.rows("state/data.csv")
        #expect(data.count == 1 + 95)
        #expect(data[1][0] == "BU00000101" && data[4][3] == "2020" && data[5][3] == "2021" && data[6][3] == "2017")
        #expect(try h.cli.read("state/data.csv") == h.cli.read("state/inputs/2021.csv"))

        // The run is `buurtscore run` on the accumulated figures.
        let plain = try h.cli.run(["run", "state/model.yml", "--data", "state/data.csv", "--out", "plain", "--quiet", "--threads", "1"])
        #expect(plain.status == 0)
        for file in ["scores.csv", "priorities.csv", "themes.csv", "uncertainty.csv"] {
            #expect(try h.cli.read("plain/\(file)") == h.cli.read("state/runs/2021/\(file)"), "\(file)")
        }
        // A state's run verifies like any run, diff.md and diff.csv included (made again from run 2020).
        let verified = try h.cli.run(["verify", "state/runs/2021"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let manifest = try Manifest.parse(Data(h.cli.read("state/runs/2021/manifest.json").utf8), file: "manifest.json")
        #expect(verified.stdout.hasPrefix("verified: all \(manifest.outputs.count) outputs"))
        #expect(manifest.outputs.contains { $0.path == "diff.md" } && manifest.outputs.contains { $0.path == "diff.csv" })
        #expect(manifest.diff?.previous?.run == "2020" && manifest.diff?.causes == [.newPeriod])

        // diff.csv: rank rows = every unit whose index rank differs between 2020 (run 2020)
        // and 2021 (run 2021), read independently from the two scores.csv files.
        func ranks(_ path: String, _ period: String) throws -> [String: String] {
            let rows = try h.rows(path)
            return Dictionary(uniqueKeysWithValues: rows.dropFirst().filter { $0[2] == period }.map { ($0[0], $0[10]) })
        }
        let before = try ranks("state/runs/2020/scores.csv", "2020"), after = try ranks("state/runs/2021/scores.csv", "2021")
        let moved = Set(after.keys.filter { before[$0] != nil && before[$0] != after[$0] })
        let diff = try h.rows("state/runs/2021/diff.csv")
        #expect(diff[0] == ["change", "unit", "name", "item", "period_before", "period_after", "before", "after", "cause"])
        #expect(diff[1] == ["cause", "", "", "new_period", "", "", "", "2021", ""])
        let rankRows = diff.filter { $0[0] == "rank" }
        #expect(Set(rankRows.map { $0[1] }) == moved)
        for row in rankRows { #expect(row[6] == before[row[1]] && row[7] == after[row[1]] && row[4] == "2020" && row[5] == "2021") }
        #expect(updated.stdout.contains("; \(moved.count) of \(after.keys.filter { before[$0] != nil }.count) buurten changed rank"))

        // Top 5 of the priority lists: entered = priority ≤ 5 in 2021 and not in 2020.
        func top(_ path: String, _ period: String) throws -> Set<String> {
            Set(try h.rows(path).dropFirst().filter { $0[3] == period && Int($0[0])! <= 5 }.map { $0[1] })
        }
        let top2020 = try top("state/runs/2020/priorities.csv", "2020"), top2021 = try top("state/runs/2021/priorities.csv", "2021")
        #expect(Set(diff.filter { $0[0] == "entered_top" }.map { $0[1] }) == top2021.subtracting(top2020))
        #expect(Set(diff.filter { $0[0] == "left_top" }.map { $0[1] }) == top2020.subtracting(top2021))
        // Newly significant problems: significant in 2021, not in 2020 (themes.csv).
        func significant(_ path: String, _ period: String) throws -> Set<String> {
            Set(try h.rows(path).dropFirst().filter { $0[2] == period && $0[11] == "true" }.map { "\($0[0]):\($0[4])" })
        }
        let s2020 = try significant("state/runs/2020/themes.csv", "2020"), s2021 = try significant("state/runs/2021/themes.csv", "2021")
        #expect(Set(diff.filter { $0[0] == "newly_significant" }.map { "\($0[1]):\($0[3])" }) == s2021.subtracting(s2020))
        #expect(Set(diff.filter { $0[0] == "no_longer_significant" }.map { "\($0[1]):\($0[3])" }) == s2020.subtracting(s2021))
        // diff.md is in the model's language (`language: nl`), its numbers with a decimal comma.
        let markdown = try h.cli.read("state/runs/2021/diff.md")
        // The demo model keeps published results fixed (scope: reference, impute by wijk): no verdict of 2017-2020 moved.
        #expect(markdown.hasPrefix("# Berekening 2021 tegenover berekening 2020\n\n## Oorzaken\n\n- nieuw jaar 2021\n\n"
                                   + "## Gewijzigde oordelen over gepubliceerde jaren\n\nGeen oordeel over een gepubliceerd jaar is veranderd.\n\n"
                                   + "## Cijfers\n\n19 rijen toegevoegd voor 2021; 0 gepubliceerde cellen herzien.\n"))
        #expect(!diff.contains { $0[0].hasPrefix("verdict_") })
        #expect(markdown.contains("\n## Rangen (Leefbaarheid en veiligheid, 2020 → 2021)\n\n\(moved.count) van de 19 buurten "
                                  + "zijn van rang veranderd; een positieve verschuiving is een stap naar rang 1.\n"))
        #expect(markdown.contains("\n| buurt | naam | rang 2020 | rang 2021 | verschuiving | score 2020 | score 2021 |\n"))
        let lines = markdown.split(separator: "\n").map(String.init)
        for row in rankRows {
            let move = Int(row[6])! - Int(row[7])!
            let line = try #require(lines.first { $0.hasPrefix("| \(row[1]) | \(row[2]) | \(row[6]) | \(row[7]) | \(move > 0 ? "+" : "")\(move) | ") })
            let scores = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.suffix(2)
            #expect(scores.allSatisfy { $0.wholeMatch(of: /-?[0-9]+,[0-9]{2}/) != nil }, "\(line)")
        }
        #expect(markdown.contains("\n## Prioriteitenlijst: top 5\n\nErbij gekomen: "))
        #expect(markdown.contains("\n## Problemen (dimensies significant achter de referentie)\n\n"))
        #expect(try h.cli.read("state/runs/2020/diff.md")
            == "# Berekening 2020\n\nEerste berekening: 76 rijen voor 2017, 2018, 2019, 2020; er is geen eerdere berekening om mee te vergelijken.\n")
    }

    /// A model with `language: en` gives an English diff.md; the sentences are the Dutch ones'.
    @Test func anEnglishStateDiffsInEnglish() throws {
        let h = try UpdateHarness()
        let model = try h.cli.read("demo/model.yml")
        #expect(model.contains("\nlanguage: nl\n"))
        try h.cli.write("demo/model.yml", model.replacingOccurrences(of: "\nlanguage: nl\n", with: "\nlanguage: en\n"))
        #expect(try h.initialise().status == 0)
        #expect(try h.cli.read("state/runs/2020/diff.md")
            == "# Run 2020\n\nFirst run of this state: 76 rows for 2017, 2018, 2019, 2020; there is no previous run to compare with.\n")
        let updated = try h.update()
        #expect(updated.status == 0, "stderr: \(updated.stderr)")
        let moved = try h.rows("state/runs/2021/diff.csv").filter { $0[0] == "rank" }
        let markdown = try h.cli.read("state/runs/2021/diff.md")
        #expect(markdown.hasPrefix("# Run 2021 against run 2020\n\n## Causes\n\n- new period 2021\n\n"
                                   + "## Changed verdicts of published periods\n\nNo verdict of a published period changed.\n\n"
                                   + "## Figures\n\n19 rows added for 2021; 0 published cells revised.\n"))
        #expect(markdown.contains("\n## Ranks (Leefbaarheid en veiligheid, 2020 → 2021)\n\n\(moved.count) of 19 buurten changed rank; "
                                  + "a positive move climbs towards rank 1.\n"))
        #expect(markdown.contains("\n| unit | name | rank 2020 | rank 2021 | move | score 2020 | score 2021 |\n"))
        #expect(markdown.contains("\n## Priority list: top 5\n\nEntered: "))
        #expect(markdown.contains("\n## Problems (dimensions significantly behind the reference)\n\n"))
        #expect(!markdown.contains("rijen") && !markdown.contains("buurten zijn"))
    }

    /// One revised cell and no new period: the singular sentences, in Dutch.
    @Test func oneRevisedCellIsCountedInTheSingular() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        var rows = try h.rows("state/data.csv")
        let r = try #require(rows.firstIndex { $0[0] == "BU00000101" && $0[3] == "2019" })
        let litter = try #require(rows[0].firstIndex(of: "litter"))
        let published = rows[r][litter]
        #expect(!published.isEmpty && published != "99.5")
        rows[r][litter] = "99.5"
        try h.cli.write("revised.csv", ([rows[0], rows[r]]).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        let accepted = try h.update(data: "revised.csv", extra: ["--accept-revisions"])
        #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
        let run = try h.cli.read("state/latest").trimmingCharacters(in: .newlines)
        let markdown = try h.cli.read("state/runs/\(run)/diff.md")
        #expect(markdown.hasPrefix("# Berekening \(run) tegenover berekening 2020\n\n## Oorzaken\n\n- herziene cijfers\n\n"))
        #expect(markdown.contains("\n## Cijfers\n\ngeen nieuw jaar; 1 gepubliceerde cel herzien.\n\n"
                                   + "| buurt | jaar | kolom | gepubliceerd | nieuw |\n|---|---|---|---|---|\n| BU00000101 | 2019 | litter | \(published) | 99.5 |\n"))
        #expect(markdown.contains("\n## Rangen (Leefbaarheid en veiligheid, 2020, voor en na)\n\n"))
        // More litter lowers Kerkdonk's 2019 score, an earlier period than the newest (2020);
        // the sentence counts diff.csv's recomputed scores with the right number.
        let recomputed = try h.rows("state/runs/\(run)/diff.csv").filter { $0[0] == "score_recomputed" }.count
        #expect(recomputed >= 1)
        #expect(markdown.contains(recomputed == 1 ? "\n1 indexscore van een eerder jaar is veranderd.\n"
                                                  : "\n\(recomputed) indexscores van eerdere jaren zijn veranderd.\n"))
    }

    @Test func theSameUpdateTwiceChangesNothingTheSecondTime() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        #expect(try h.update().status == 0)
        let state = try h.snapshot()
        let again = try h.update(extra: ["--json"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "unchanged" && object["run"] as? String == "2021" && object["rows_added"] as? Int == 0)
        #expect(try h.snapshot() == state)
        // The whole accumulated file as "new figures" is nothing new either.
        try h.copy("state/data.csv", to: "all.csv")
        let whole = try h.update(data: "all.csv")
        #expect(whole.status == 0 && whole.stdout == "nothing new: state already has these figures (latest run 2021)\n")
        #expect(try h.snapshot() == state)
        // --init again with the same model and data: nothing new.
        let reinit = try h.initialise()
        #expect(reinit.status == 0 && reinit.stdout.hasPrefix("nothing new"), "\(reinit.stdout)\(reinit.stderr)")
    }

    @Test func revisedFiguresAreRefusedWithTheirCellsThenAcceptedAndDiffed() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        #expect(try h.update().status == 0)
        let state = try h.snapshot()
        // Revise Kerkdonk's 2020 litter (11.8 → 31.8) and burglary (20 → 45).
        var rows = try h.rows("state/data.csv")
        let r = try #require(rows.firstIndex { $0[0] == "BU00000101" && $0[3] == "2020" })
        let litter = try #require(rows[0].firstIndex(of: "litter")), burglary = try #require(rows[0].firstIndex(of: "burglary"))
        #expect(rows[r][litter] == "11.8" && rows[r][burglary] == "20")
        rows[r][litter] = "31.8"
        rows[r][burglary] = "45"
        try h.cli.write("revised.csv", ([rows[0], rows[r]]).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")

        let refused = try h.update(data: "revised.csv")
        #expect(refused.status == 65)
        #expect(refused.stdout == "refused: the figures revise 2 published cells of 2020; nothing was changed (--accept-revisions recomputes with them)\n")
        #expect(refused.stderr.hasPrefix("revised: BU00000101 2020 litter: 11.8 → 31.8\n") || refused.stderr.contains("\nrevised: BU00000101 2020 litter: 11.8 → 31.8\n"))
        #expect(refused.stderr.contains("revised: BU00000101 2020 burglary: 20 → 45"))
        #expect(try h.snapshot() == state)

        let accepted = try h.update(data: "revised.csv", extra: ["--accept-revisions"])
        #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
        #expect(accepted.stdout.hasPrefix("updated state: run 2021-r2 in state/runs/2021-r2 (2 cells revised); "))
        #expect(try h.cli.read("state/latest") == "2021-r2\n")
        let diff = try h.rows("state/runs/2021-r2/diff.csv")
        #expect(diff.contains(["input_revised", "BU00000101", "Kerkdonk", "litter", "2020", "2020", "11.8", "31.8", ""]))
        #expect(diff.contains(["cause", "", "", "revision", "", "", "", "", ""]))
        // More litter and burglary can only lower Kerkdonk's 2020 score (both lower-is-better).
        let recomputed = try #require(diff.first { $0[0] == "score_recomputed" && $0[1] == "BU00000101" && $0[4] == "2020" })
        #expect(Double(recomputed[7])! < Double(recomputed[6])!)
        #expect(try h.cli.read("state/runs/2021-r2/diff.md").contains("| BU00000101 | 2020 | litter | 11.8 | 31.8 |"))
    }

    @Test func newFiguresWithOtherColumnsOrUnitsAreRefusedAndChangeNothing() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let state = try h.snapshot()
        let text = try h.cli.read("new2021.csv")
        var lines = text.split(separator: "\n").map(String.init)
        // A renamed column (litter → liter) and a new one.
        try h.cli.write("columns.csv", lines.enumerated().map { i, line in
            i == 0 ? line.replacingOccurrences(of: ",litter,", with: ",liter,") + ",extra" : line + ",1"
        }.joined(separator: "\n") + "\n")
        let columns = try h.update(data: "columns.csv")
        #expect(columns.status == 65)
        #expect(columns.stderr.contains("column 'liter' is new and 'litter' is missing: renamed?"))
        #expect(columns.stderr.contains("column 'extra' is new"))
        #expect(try h.snapshot() == state)

        // Kerkdonk missing, and Roodelo (published as BU00000152 since 2019) re-coded again.
        lines.removeAll { $0.hasPrefix("BU00000101,") }
        lines = lines.map { $0.hasPrefix("BU00000152,") ? "BU00000199," + $0.dropFirst(11) : $0 }
        try h.cli.write("units.csv", lines.joined(separator: "\n") + "\n")
        let units = try h.update(data: "units.csv", extra: ["--json"])
        #expect(units.status == 65)
        #expect(units.stderr.contains("unit 'BU00000101' (Kerkdonk) of 2020 has no row for period 2021"))
        #expect(units.stderr.contains("unit 'BU00000199'"))
        #expect(units.stderr.contains("is new and 'BU00000152' with the same name is missing: re-coded?"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(units.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "error" && object["exit_code"] as? Int == 65)
        #expect(try h.snapshot() == state)
    }

    @Test func aSecondUpdateWhileOneHoldsTheLockExits75() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let state = try h.snapshot()
        do {
            let held = try UpdateStateLock(UpdateStateDirectory(path: h.cli.path("state")))
            let refused = try h.update()
            #expect(refused.status == 75)
            #expect(refused.stderr.contains("process \(getpid()) is updating"))
            #expect(try h.snapshot() == state)
            withExtendedLifetime(held) {}
        }
        // Released (and a lock file naming a process that is gone does not block).
        try h.cli.write("state/.lock", "999999\n")
        #expect(try h.update().status == 0)
    }

    @Test func updateOfADirectoryWithoutStateAndInitIntoAForeignDirectoryFail() throws {
        let h = try UpdateHarness()
        let none = try h.update("nostate")
        // The library's error names no command; the tool appends the one that creates a state.
        #expect(none.status == 66)
        #expect(none.stderr.hasSuffix("nostate is not an update state (it has no file `latest`); create one with `buurtscore update nostate --init --model MODEL`\n"))
        try h.cli.write("busy/notes.txt", "mine\n")
        let foreign = try h.initialise("busy")
        #expect(foreign.status == 73 && foreign.stderr.contains("the directory is not empty (notes.txt)"))
        #expect(try h.cli.read("busy/notes.txt") == "mine\n")
        let usage = try h.cli.run(["update", "state"])
        #expect(usage.status == 64)
    }
}
