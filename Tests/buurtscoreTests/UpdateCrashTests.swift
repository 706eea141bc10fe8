import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// `buurtscore update` killed (SIGKILL) at delays spread over its whole runtime: every time,
/// the state is exactly the one before or the one after the update, and the next update
/// completes it.
@Suite struct UpdateCrashTests {
    @Test func killedUpdateLeavesExactlyTheOldOrTheNewStateAndTheNextUpdateSucceeds() throws {
        try Self.killAtSpreadDelays(try UpdateHarness(), ["--data", "new2021.csv"])
    }

    /// The same for an update that takes a new model version (versions/<run>/ is written first).
    @Test func killedModelUpdateLeavesExactlyTheOldOrTheNewState() throws {
        let h = try UpdateHarness()
        try UpdateVersionTests.revisedModel(h, "weighted") {
            $0.replacingOccurrences(of: UpdateVersionTests.litter, with: UpdateVersionTests.litter.replacingOccurrences(of: "weight: 1,", with: "weight: 2,"))
        }
        try Self.killAtSpreadDelays(h, ["--model", "weighted/model.yml", "--data", "new2021.csv"])
    }

    /// Kills `update STATE arguments` at delays spread over its runtime (and past it): each
    /// time recovery leaves exactly the state before or after, and the next update gives the latter.
    static func killAtSpreadDelays(_ h: UpdateHarness, _ arguments: [String]) throws {
        #expect(try h.initialise("base").status == 0)
        let old = try h.snapshot("base")

        // The uninterrupted update, timed: the kills are spread over this runtime.
        try h.copy("base", to: "reference")
        let start = Date()
        let reference = try h.cli.run(["update", "reference"] + arguments + ["--threads", "1"])
        let runtime = Date().timeIntervalSince(start)
        #expect(reference.status == 0, "stderr: \(reference.stderr)")
        let new = try h.snapshot("reference")
        #expect(new != old)

        let steps = 8
        var outcomes: [String] = []
        for step in 0...steps {
            let state = "killed\(step)"
            try h.copy("base", to: state)
            // Up to 1.5 × the measured runtime, so that some kills land after the commit too.
            let delay = 1.5 * runtime * Double(step) / Double(steps)
            let process = try h.launchUpdate(state, arguments: arguments)
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            // Without any repair, `latest` names a complete run.
            let directory = UpdateStateDirectory(path: h.cli.path(state))
            let latest = try #require(try directory.latest())
            #expect(FileManager.default.fileExists(atPath: directory.runPath(latest) + "/manifest.json"), "step \(step)")

            // What every update does first, under the lock: finish or undo the interrupted one.
            do {
                let lock = try UpdateStateLock(directory)
                try directory.recover()
                withExtendedLifetime(lock) {}
            }
            let after = try h.snapshot(state)
            #expect(after == old || after == new, "step \(step) (killed after \(delay) s): neither the old nor the new state")
            outcomes.append(after == old ? "old" : "new")

            let next = try h.cli.run(["update", state] + arguments + ["--threads", "1"])
            #expect(next.status == 0, "step \(step): \(next.stderr)")
            #expect(try h.snapshot(state) == new, "step \(step): the next update did not give the new state")
        }
        // A kill right after the launch lands long before the commit.
        #expect(outcomes.first == "old")
        print("killed updates left: \(outcomes.joined(separator: ", "))")
    }

    /// The moments a kill can fall between two steps of the commit, made by hand: what the
    /// journal names is undone, and the next update (or --init) gives the same state.
    @Test func leftoversTheJournalNamesAreUndoneAndTheOperationRepeated() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let initialised = try h.snapshot()
        try h.copy("state", to: "updated")
        #expect(try h.update("updated").status == 0)
        let updated = try h.snapshot("updated")

        // Killed after data.csv was written, before `latest` moved.
        try h.copy("updated", to: "beforeCommit")
        try h.cli.write("beforeCommit/latest", "2020\n")
        try h.cli.write("beforeCommit/.update-journal", "update 2021\n")
        let repeated = try h.update("beforeCommit")
        #expect(repeated.status == 0, "\(repeated.stderr)")
        #expect(try h.snapshot("beforeCommit") == updated)

        // Killed after `latest` moved, before the journal was removed: the update is done.
        try h.copy("updated", to: "afterCommit")
        try h.cli.write("afterCommit/.update-journal", "update 2021\n")
        let unchanged = try h.update("afterCommit")
        #expect(unchanged.status == 0 && unchanged.stdout.hasPrefix("nothing new"), "\(unchanged.stdout)\(unchanged.stderr)")
        #expect(try h.snapshot("afterCommit") == updated)

        // An --init killed before its commit: everything it wrote goes, and it runs again.
        try h.copy("state", to: "initKilled")
        try FileManager.default.removeItem(atPath: h.cli.path("initKilled/latest"))
        try h.cli.write("initKilled/.update-journal", "init 2020\nmodel.yml\ncrosswalk.csv\nbuurten.geojson\n")
        let again = try h.initialise("initKilled")
        #expect(again.status == 0 && again.stdout.hasPrefix("created"), "\(again.stdout)\(again.stderr)")
        #expect(try h.snapshot("initKilled") == initialised)
    }
}
