import Foundation
import Testing

/// `priorities: none` and `changes: none` on the demo (40 replications): no lists, no changes,
/// the same uncertainty bands, and `verify` repeats the run.
@Suite struct RunOptionsEndToEndTests {
    /// The demo project with `priorities: none` and `changes: none` in `project/none.yml`.
    static func project() throws -> CLIHarness {
        let cli = try VerifyTests.demoProject()
        let model = try cli.read("project/model.yml")
        let lists = try #require(model.range(of: "\npriorities:\n"))
        var none = String(model[..<lists.lowerBound]) + "\npriorities: none\n"
        let demoChanges = "changes: {windows: [{from: first, to: latest}], year_on_year: true, trend: true}"
        #expect(none.components(separatedBy: demoChanges).count == 2)
        none = none.replacingOccurrences(of: demoChanges, with: "changes: none")
        try cli.write("project/none.yml", none)
        return cli
    }

    @Test func noListsNoChangesAndTheSameBands() throws {
        let cli = try Self.project()
        for (model, out) in [("model", "full"), ("none", "none")] {
            let run = try cli.run(["run", "project/\(model).yml", "--out", out, "--xlsx", "--quiet", "--threads", "2"])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        for file in ["priorities.csv", "themes.csv", "changes.csv"] {
            #expect(cli.exists("full/\(file)"), "\(file) missing from the full run")
            #expect(!cli.exists("none/\(file)"), "\(file) written with none")
        }
        // Byte for byte: the index bands and p_top, the nominal results, the sensitivity
        // analysis (which evaluates the index only) and the strengths and weaknesses (against the
        // city mean either way) do not depend on the lists.
        for file in ["uncertainty.csv", "scores.csv", "ranks.csv", "sensitivity.csv", "removal.csv", "strengths.csv"] {
            let full = try cli.read("full/\(file)"), none = try cli.read("none/\(file)")
            #expect(!full.isEmpty && full == none, "\(file) differs")
        }
        // The report has neither the priority list, the buurt profiles nor the changes.
        let full = try cli.read("full/report.md"), none = try cli.read("none/report.md")
        for title in ["Prioriteitenlijst buurten", "Buurtprofielen", "Veranderingen door de tijd"] {
            #expect(full.contains("## " + title), "\(title) missing from the full report")
            #expect(!none.contains(title), "\(title) in the report with none")
        }
        #expect(!none.contains("Meeste aandacht nodig"))
        // The other sections stay.
        for title in ["Multivariate controles", "Gevoeligheid"] {
            #expect(none.contains("## " + title), "\(title) missing from the report with none")
        }
    }

    @Test func verifyRepeatsARunWithNone() throws {
        let cli = try Self.project()
        #expect(try cli.run(["run", "project/none.yml", "--out", "out", "--quiet"]).status == 0)
        let verified = try cli.run(["verify", "out"])
        #expect(verified.status == 0, "stdout: \(verified.stdout) stderr: \(verified.stderr)")
        #expect(verified.stdout.contains("reproduced byte for byte from project/none.yml, project/data.csv"))
        let manifest = try cli.read("out/manifest.json")
        #expect(!manifest.contains("priorities.csv") && !manifest.contains("changes.csv"))
    }
}
