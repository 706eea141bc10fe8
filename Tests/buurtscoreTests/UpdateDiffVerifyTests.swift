import BuurtWorkflow
import Foundation
import Testing

/// The diff of an update state's run: recorded in the manifest and made again by `verify`,
/// verdicts of every published period, and its language.
@Suite struct UpdateDiffVerifyTests {
    /// The demo state with 2017-2020 and then 2021.
    static func updatedDemo(_ edit: (String) -> String = { $0 }) throws -> UpdateHarness {
        try updatedDemoWithSummary(edit).harness
    }

    /// ``updatedDemo(_:)`` with what the update printed.
    static func updatedDemoWithSummary(_ edit: (String) -> String = { $0 }) throws -> (harness: UpdateHarness, summary: String) {
        let h = try UpdateHarness()
        try h.cli.write("demo/model.yml", edit(try h.cli.read("demo/model.yml")))
        let created = try h.initialise()
        #expect(created.status == 0, "stderr: \(created.stderr)")
        let updated = try h.update()
        #expect(updated.status == 0, "stderr: \(updated.stderr)")
        return (h, updated.stdout)
    }

    /// The demo model with its normalisation over all periods (and its alternatives, which take the model's scope).
    static func pooled(_ model: String) -> String {
        model.replacingOccurrences(of: "normalise: {method: minmax, range: [0, 100], scope: reference, reference: 2017}",
                                   with: "normalise: {method: minmax, range: [0, 100], scope: all}")
    }

    @Test func tamperingWithEitherDiffFileFailsVerifyAndAnUntouchedStateVerifies() throws {
        let h = try Self.updatedDemo()
        for run in ["2020", "2021"] {
            let verified = try h.cli.run(["verify", "state/runs/\(run)"])
            #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
            #expect(!verified.stdout.contains("not checked"))
            let manifest = try Manifest.parse(Data(h.cli.read("state/runs/\(run)/manifest.json").utf8), file: "manifest.json")
            #expect(Set(manifest.outputs.map(\.path)).isSuperset(of: ["diff.md", "diff.csv"]))
            #expect(manifest.diff?.previous?.run == (run == "2021" ? "2020" : nil))
        }
        for (file, line) in [("diff.md", "x"), ("diff.csv", "x,,,,,,,,")] {
            try h.copy("state", to: "tampered-\(file)")
            let path = "tampered-\(file)/runs/2021/\(file)"
            try h.cli.write(path, try h.cli.read(path) + line + "\n")
            let verified = try h.cli.run(["verify", "tampered-\(file)/runs/2021"])
            #expect(verified.status == 65)
            #expect(verified.stdout.hasPrefix("\(file): changed after the run (the re-run reproduces the recorded file)\n"), "\(verified.stdout)")
            #expect(verified.stderr.contains("1 of 16 recorded outputs"), "\(verified.stderr)")
        }
    }

    @Test func aChangedPreviousRunIsReportedWhenTheNextRunIsVerified() throws {
        let h = try Self.updatedDemo()
        try h.copy("state", to: "scores")
        let scores = try h.cli.read("scores/runs/2020/scores.csv")
        try h.cli.write("scores/runs/2020/scores.csv", scores.replacingOccurrences(of: "Kerkdonk", with: "Kerkdonck"))
        let verified = try h.cli.run(["verify", "scores/runs/2021"])
        #expect(verified.status == 65)
        for file in ["diff.csv", "diff.md"] {
            #expect(verified.stdout.contains("\(file): cannot be made again: scores/runs/2020/scores.csv: "
                                             + "this file of the previous run 2020 changed after that run: SHA-256 "), "\(verified.stdout)")
        }
        #expect(!verified.stdout.contains("scores.csv: changed"), "run 2021's own files are intact")

        try h.copy("state", to: "manifest")
        let manifest = try h.cli.read("manifest/runs/2020/manifest.json")
        try h.cli.write("manifest/runs/2020/manifest.json", manifest + "\n")
        let again = try h.cli.run(["verify", "manifest/runs/2021"])
        #expect(again.status == 65)
        #expect(again.stdout.contains("diff.md: cannot be made again: manifest/runs/2020/manifest.json: the previous run 2020 "
                                      + "changed after this run compared with it: its manifest.json has SHA-256 "), "\(again.stdout)")
    }

    @Test func aManifestWithoutDiffRecordVerifiesAndSaysTheDiffIsNotChecked() throws {
        let h = try Self.updatedDemo()
        let path = "state/runs/2021/manifest.json"
        var manifest = try Manifest.parse(Data(h.cli.read(path).utf8), file: path)
        manifest.diff = nil
        manifest.outputs.removeAll { $0.path == "diff.md" || $0.path == "diff.csv" }
        try h.cli.write(path, manifest.text)
        try h.cli.write("state/runs/2021/diff.md", "anything\n")
        let verified = try h.cli.run(["verify", "state/runs/2021"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("note: diff.csv and diff.md not checked: the manifest does not record the run they compare with"))
        #expect(verified.stdout.contains("verified: all 14 outputs"))
    }

    /// Normalised over all periods, 2021's figures move the 2017-2020 scores: every verdict that
    /// moved in a period both runs have is listed, with its period and cause.
    @Test func aPooledModelListsThePublishedVerdictsThatMoved() throws {
        let (h, summary) = try Self.updatedDemoWithSummary(Self.pooled)
        let diff = try h.rows("state/runs/2021/diff.csv")
        // Independently: themes.csv rows (unit, period, group) of 2017-2020 whose `significant` differs.
        func flags(_ run: String) throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try h.rows("state/runs/\(run)/themes.csv").dropFirst().filter { $0[2] != "2021" }
                .map { ("\($0[0]) \($0[2]) \($0[4])", $0[11]) })
        }
        let before = try flags("2020"), after = try flags("2021")
        let moved = Set(before.keys.filter { before[$0] != after[$0] })
        let listed = diff.filter { $0[0] == "verdict_problem" }
        #expect(!moved.isEmpty)
        #expect(Set(listed.map { "\($0[1]) \($0[4]) \($0[3])" }) == moved)
        for row in listed {
            let key = "\(row[1]) \(row[4]) \(row[3])"
            #expect(row[6] == before[key] && row[7] == after[key] && row[5] == row[4] && row[8] == "new_period")
        }
        // Categories and the top 5 of 2017-2020, from priorities.csv.
        func positions(_ run: String) throws -> [String: (priority: Int, category: String)] {
            Dictionary(uniqueKeysWithValues: try h.rows("state/runs/\(run)/priorities.csv").dropFirst().filter { $0[3] != "2021" }
                .map { ("\($0[1]) \($0[3])", (Int($0[0])!, $0[9])) })
        }
        let p0 = try positions("2020"), p1 = try positions("2021")
        #expect(Set(diff.filter { $0[0] == "verdict_category" }.map { "\($0[1]) \($0[4])" }) == Set(p0.keys.filter { p0[$0]!.category != p1[$0]!.category }))
        #expect(Set(diff.filter { $0[0] == "verdict_top" }.map { "\($0[1]) \($0[4])" }) == Set(p0.keys.filter { (p0[$0]!.priority <= 5) != (p1[$0]!.priority <= 5) }))

        let markdown = try h.cli.read("state/runs/2021/diff.md")
        let count = diff.filter { $0[0].hasPrefix("verdict_") }.count
        #expect(summary.hasSuffix("; \(count) \(count == 1 ? "verdict" : "verdicts") of published periods changed (diff.md lists them)\n"), "\(summary)")
        #expect(markdown.contains("\n## Gewijzigde oordelen over gepubliceerde jaren\n\n**Let op:** \(count) "))
        let first = try #require(listed.first)
        #expect(markdown.contains("| \(first[4]) | \(first[1]) | \(first[2]) | significant achter | "))
        #expect(markdown.contains(" | nieuw jaar 2021 (normalise.scope: all) |\n"))
        #expect(markdown.contains("\nDit model kan gepubliceerde resultaten niet vasthouden wanneer een jaar wordt toegevoegd: normalise.scope: all neemt "))
        // The section comes before the figures and ranks.
        #expect(markdown.range(of: "## Gewijzigde oordelen")!.lowerBound < markdown.range(of: "## Cijfers")!.lowerBound)
        #expect(try h.cli.read("state/runs/2021/report.md").contains("Dit model kan gepubliceerde resultaten niet vasthouden"))
        let verified = try h.cli.run(["verify", "state/runs/2021"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    /// The words of diff.md outside the table rows (which hold the model's and the data's
    /// names), lowercased, without the index's name.
    static func words(_ markdown: String) -> Set<String> {
        let text = markdown.split(separator: "\n").filter { !$0.hasPrefix("| BU") && !$0.hasPrefix("|---") }.joined(separator: "\n")
            .replacingOccurrences(of: "Leefbaarheid en veiligheid", with: "")
        return Set(text.lowercased().split { !$0.isLetter }.map(String.init))
    }

    @Test func aDutchStatesDiffHasNoEnglishWordsAndAnEnglishOneNoDutch() throws {
        let english: Set = ["the", "and", "of", "run", "with", "period", "periods", "figures", "changed", "priority", "published",
                            "verdict", "verdicts", "cause", "causes", "added", "revised", "new", "none", "entered", "left", "rank",
                            "ranks", "move", "problems", "behind", "this", "cannot", "when", "first", "unit", "name", "gap"]
        let dutch: Set = ["de", "het", "een", "van", "jaar", "jaren", "rang", "rangen", "naam", "rijen", "cijfers", "oorzaken", "oordeel",
                          "oordelen", "niet", "geen", "voor", "na", "gewijzigde", "nieuw", "berekening", "prioriteit", "achter",
                          "verschuiving", "dimensie", "dit", "kan", "wanneer", "toegevoegd", "achterstand", "verandering", "erbij", "afgevallen"]
        let dutchState = try Self.updatedDemo(Self.pooled)
        for run in ["2020", "2021"] {
            let found = Self.words(try dutchState.cli.read("state/runs/\(run)/diff.md"))
            #expect(found.intersection(english).isEmpty, "\(run): \(found.intersection(english).sorted())")
            #expect(!found.intersection(dutch).isEmpty)
        }
        let englishState = try Self.updatedDemo { Self.pooled($0).replacingOccurrences(of: "\nlanguage: nl\n", with: "\nlanguage: en\n") }
        for run in ["2020", "2021"] {
            let found = Self.words(try englishState.cli.read("state/runs/\(run)/diff.md"))
            #expect(found.intersection(dutch).isEmpty, "\(run): \(found.intersection(dutch).sorted())")
            #expect(!found.intersection(english).isEmpty)
        }
    }

    @Test func checkNotesEachSettingThatMovesPublishedResults() throws {
        let h = try UpdateHarness()
        let demo = try h.cli.read("demo/model.yml")
        let plain = try h.cli.run(["check", "demo/model.yml"])
        #expect(plain.status == 0 && !plain.stdout.contains("note:"), "\(plain.stdout)")
        let cases = [
            ("impute.by: all", demo.replacingOccurrences(of: "impute: {method: mean, by: wijk}", with: "impute: {method: mean, by: all}"),
             "impute.by: all vult ontbrekende waarden aan met gemiddelden over alle jaren"),
            ("impute.method: interpolate", demo.replacingOccurrences(of: "impute: {method: mean, by: wijk}", with: "impute: interpolate"),
             "impute.method: interpolate vult een gat ook aan uit een latere waarneming"),
            ("normalise.scope: all", Self.pooled(demo), "normalise.scope: all neemt de parameters van de normalisatie over alle jaren"),
            ("uncertainty.normalise[2].scope: all", demo.replacingOccurrences(of: "{method: zscore, mean: 50, sd: 10}", with: "{method: zscore, mean: 50, sd: 10, scope: all}"),
             "uncertainty.normalise[2].scope: all neemt"),
            ("uncertainty.impute[2]: interpolate", demo.replacingOccurrences(of: "impute: [mean, median]", with: "impute: [mean, interpolate]"),
             "uncertainty.impute[2]: interpolate vult een gat ook aan uit een latere waarneming"),
            ("uncertainty.impute[1]: mean, impute.by: all",
             demo.replacingOccurrences(of: "impute: {method: mean, by: wijk}", with: "impute: {method: interpolate, by: all}"),
             "impute.method: interpolate vult een gat ook aan uit een latere waarneming, dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd; "
                + "uncertainty.impute[1]: mean, impute.by: all vult ontbrekende waarden aan met gemiddelden over alle jaren"),
        ]
        for (key, model, reason) in cases {
            #expect(model != demo, "\(key)")
            try h.cli.write("demo/variant.yml", model)
            let checked = try h.cli.run(["check", "demo/variant.yml"])
            #expect(checked.status == 0, "\(key): \(checked.stderr)")
            #expect(checked.stdout.contains("\nnote: Dit model kan gepubliceerde resultaten niet vasthouden wanneer een jaar wordt toegevoegd: \(reason)"),
                    "\(key): \(checked.stdout)")
            #expect(checked.stdout.contains("dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd.\n"))
        }
    }
}

/// A state handed over with its previous run swapped for links, or a forged record: nothing
/// outside the state is read or printed.
@Suite struct UpdateDiffHostileTests {
    @Test func linksInThePreviousRunAndAForgedRecordAreRefused() throws {
        let h = try UpdateDiffVerifyTests.updatedDemo()
        // The previous run's themes.csv a link to a copy outside the state.
        try h.copy("state", to: "linked")
        try h.cli.write("private/themes.csv", "secret-content\n")
        try FileManager.default.removeItem(atPath: h.cli.path("linked/runs/2020/themes.csv"))
        try FileManager.default.createSymbolicLink(atPath: h.cli.path("linked/runs/2020/themes.csv"), withDestinationPath: h.cli.path("private/themes.csv"))
        let linked = try h.cli.run(["verify", "linked/runs/2021"])
        #expect(linked.status == 65)
        #expect(linked.stdout.contains("diff.md: cannot be made again: linked/runs/2020/themes.csv: this file of the previous run 2020 is a link or not a plain file"),
                "\(linked.stdout)")
        #expect(!(linked.stdout + linked.stderr).contains("secret"))
        // The previous run's folder a link to a copy of it elsewhere.
        try h.copy("state", to: "moved")
        try FileManager.default.moveItem(atPath: h.cli.path("moved/runs/2020"), toPath: h.cli.path("private/2020"))
        try FileManager.default.createSymbolicLink(atPath: h.cli.path("moved/runs/2020"), withDestinationPath: h.cli.path("private/2020"))
        let moved = try h.cli.run(["verify", "moved/runs/2021"])
        #expect(moved.status == 65)
        #expect(moved.stdout.contains("diff.md: cannot be made again: moved/runs/2020: the previous run's folder is a link"), "\(moved.stdout)")
        // A record naming a folder outside the runs.
        try h.copy("state", to: "forged")
        let path = "forged/runs/2021/manifest.json"
        try h.cli.write(path, try h.cli.read(path).replacingOccurrences(of: "\"path\": \"../2020\",\n      \"run\": \"2020\"",
                                                                       with: "\"path\": \"../../../private\",\n      \"run\": \"../../private\""))
        let forged = try h.cli.run(["verify", "forged/runs/2021"])
        #expect(forged.status == 65)
        #expect(forged.stderr.contains("bad manifest: diff.previous.run is '../../private', which is not the name of a run"), "\(forged.stderr)")
    }
}
