import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

/// Update states that were edited, damaged or attacked: recovery refuses what it cannot prove
/// to be an interrupted update's leftovers, and the lock file cannot be turned against a file.
enum UpdateStateCases {
    /// Single-command cases (run by BadInputRunner like the rest of the catalogue).
    static let badInputs: [BadInput] = []

    /// Scenarios of several steps.
    static let catalogue: [HostileCase] = recoveryCases + lockCases + UpdateStateFileCases.catalogue + [
        HostileCase("update-with-a-period-older-than-the-latest", exitCode: 65) { cli in
            let h = try initialised(cli)
            try h.cli.write("old2016.csv", h.cli.read("new2021.csv").replacingOccurrences(of: ",2021,", with: ",2016,"))
            try expectRefused(h, h.update(data: "old2016.csv"), 65, ["2016", "older than the latest period 2020"])
        },
        HostileCase("update-whose-data-csv-cannot-be-written-publishes-nothing", exitCode: 73) { cli in
            let h = try initialised(cli)
            let state = UpdateStateDirectory(path: h.cli.path("state"))
            let before = try Data(contentsOf: URL(fileURLWithPath: state.dataPath))
            do {
                let standIn: StateUpdate.ComputeRun = { _, _, _, output throws(BuurtError) in
                    do {
                        try copyResults(of: state.runPath(RunName(period: 2020)), into: &output)
                        // The data.csv the update writes next is now a folder: writing it fails.
                        try FileManager.default.removeItem(atPath: state.dataPath)
                        try FileManager.default.createDirectory(atPath: state.dataPath + "/blocked", withIntermediateDirectories: true)
                    } catch {
                        throw BuurtError(.internalFailure, "the stand-in computation failed: \(error)")
                    }
                }
                _ = try StateUpdate.update(state: state.path, dataPath: h.cli.path("new2021.csv"), acceptRevisions: false,
                                           options: CSVOptions(), compute: (threads: 1, run: standIn))
                Issue.record("the update succeeded although data.csv could not be written")
            } catch let error as BuurtErrors {
                #expect(error.kind == .output, "\(error.problems)")
            }
            #expect(try h.cli.read("state/latest") == "2020\n")
            #expect(!h.cli.exists("state/runs/2021") && !h.cli.exists("state/inputs/2021.csv"))
            try FileManager.default.removeItem(atPath: state.dataPath)
            try before.write(to: URL(fileURLWithPath: state.dataPath))
            #expect(try h.update().status == 0)
            #expect(try h.cli.read("state/latest") == "2021\n")
        },
        HostileCase("sigterm-during-update-leaves-the-old-state", exitCode: 143) { cli in
            try UpdateSignalCase.run(cli)
        },
    ]

    /// `latest`, `data.csv`, `runs/` and `inputs/` that disagree: refused, nothing deleted.
    static let recoveryCases: [HostileCase] = [
        HostileCase("update-when-latest-names-an-older-run", exitCode: 65) { cli in
            let h = try updated(cli)
            try h.cli.write("state/latest", "2020\n")
            try expectRefused(h, h.update(), 65, ["`latest` names run 2020", "runs/2021", "write the name of the newest run"])
        },
        HostileCase("update-when-latest-is-missing", exitCode: 65) { cli in
            let h = try initialised(cli)
            try FileManager.default.removeItem(atPath: h.cli.path("state/latest"))
            try expectRefused(h, h.update(), 65, ["`latest` is missing", "runs/2020"])
        },
        HostileCase("update-when-latest-holds-garbage", exitCode: 65) { cli in
            let h = try updated(cli)
            try h.cli.write("state/latest", "twenty-one\n")
            try expectRefused(h, h.update(), 65, ["'twenty-one' is not the name of a run", "runs/ holds 2020, 2021"])
        },
        HostileCase("update-when-the-latest-run-has-no-manifest", exitCode: 65) { cli in
            let h = try initialised(cli)
            try FileManager.default.removeItem(atPath: h.cli.path("state/runs/2020/manifest.json"))
            try expectRefused(h, h.update(), 65, ["runs/2020", "manifest.json"])
        },
        HostileCase("update-keeps-a-folder-of-the-user-in-runs", exitCode: 65) { cli in
            let h = try initialised(cli)
            try h.cli.write("state/runs/2030/notes.md", "my notes\n")
            try expectRefused(h, h.update(), 65, ["runs/2030", "newer than"])
        },
        HostileCase("update-keeps-a-file-of-the-user-in-inputs", exitCode: 65) { cli in
            let h = try initialised(cli)
            try h.cli.write("state/inputs/2030.csv", "my figures\n")
            try expectRefused(h, h.update(), 65, ["inputs/2030.csv", "newer than"])
        },
        HostileCase("update-after-data-csv-was-edited-by-hand", exitCode: 65) { cli in
            let h = try initialised(cli)
            try h.cli.write("state/data.csv", h.cli.read("state/data.csv").replacingOccurrences(of: ",11.8,", with: ",12.8,"))
            try expectRefused(h, h.update(), 65, ["data.csv differs from inputs/2020.csv", "edited",
                                                  "not by editing data.csv); add figures with `buurtscore update state --data FILE`\n"])
        },
        HostileCase("init-of-an-existing-state-with-other-figures", exitCode: 73) { cli in
            let h = try initialised(cli)
            try expectRefused(h, h.cli.run(["update", "state", "--init", "--model", "demo/model.yml", "--data", "new2021.csv"]), 73,
                              ["state/latest: this directory already holds an update state (latest run 2020) with another model or without these figures; "
                                  + "choose a new directory, or update this state with the new figures; add figures with `buurtscore update state --data FILE`\n"])
        },
        HostileCase("init-into-a-folder-with-runs-but-no-latest", exitCode: 65) { cli in
            let h = try initialised(cli)
            try FileManager.default.removeItem(atPath: h.cli.path("state/latest"))
            try expectRefused(h, h.initialise(), 65, ["`latest` is missing", "runs/2020"])
        },
        HostileCase("init-into-a-folder-with-the-users-data-csv", exitCode: 73) { cli in
            let h = try UpdateHarness(cli: cli)
            try h.cli.write("state/data.csv", "buurt,jaar\nmine,2020\n")
            try expectRefused(h, h.initialise(), 73, ["the directory is not empty (data.csv)"])
        },
    ]

    /// `.lock` made a symbolic link, a hard link or a file of the user's: refused, left as it is.
    static let lockCases: [HostileCase] = [
        HostileCase("lock-file-that-is-a-symbolic-link", exitCode: 73) { cli in
            let h = try initialised(cli)
            let victim = try h.cli.write("victim.txt", "precious\n")
            try FileManager.default.removeItem(atPath: h.cli.path("state/.lock"))
            try FileManager.default.createSymbolicLink(atPath: h.cli.path("state/.lock"), withDestinationPath: victim)
            try expectRefused(h, h.update(), 73, [".lock", "symbolic link"])
            #expect(try h.cli.read("victim.txt") == "precious\n")
        },
        HostileCase("lock-file-that-is-a-hard-link", exitCode: 73) { cli in
            let h = try initialised(cli)
            let victim = try h.cli.write("victim.txt", "precious\n")
            try FileManager.default.removeItem(atPath: h.cli.path("state/.lock"))
            try FileManager.default.linkItem(atPath: victim, toPath: h.cli.path("state/.lock"))
            try expectRefused(h, h.update(), 73, [".lock", "hard link"])
            #expect(try h.cli.read("victim.txt") == "precious\n")
        },
        HostileCase("lock-file-with-foreign-content", exitCode: 73) { cli in
            let h = try initialised(cli)
            try h.cli.write("state/.lock", "my notes\n")
            try expectRefused(h, h.update(), 73, [".lock", "not a lock file"])
            #expect(try h.cli.read("state/.lock") == "my notes\n")
        },
    ]

    /// The demo state with its first run (2020).
    static func initialised(_ cli: CLIHarness) throws -> UpdateHarness {
        let h = try UpdateHarness(cli: cli)
        let created = try h.initialise()
        try #require(created.status == 0, "\(created.stderr)")
        return h
    }

    /// The demo state with runs 2020 and 2021.
    static func updated(_ cli: CLIHarness) throws -> UpdateHarness {
        let h = try initialised(cli)
        let next = try h.update()
        try #require(next.status == 0, "\(next.stderr)")
        return h
    }

    /// `outcome` (of a command run on the state as it is now) failed with `code` and every
    /// fragment, and the state and the user's files are as before the command.
    static func expectRefused(_ h: UpdateHarness, _ outcome: @autoclosure () throws -> CLIHarness.Outcome,
                              _ code: Int32, _ fragments: [String]) throws {
        let before = try h.snapshot(), entries = try h.cli.entries()
        let result = try outcome()
        #expect(result.status == code, "stdout: \(result.stdout) stderr: \(result.stderr)")
        for fragment in fragments { #expect(result.stderr.contains(fragment), "missing '\(fragment)' in: \(result.stderr)") }
        #expect(try h.snapshot() == before, "the state changed")
        #expect(try h.cli.entries() == entries)
    }

    /// The result tables of a run and its manifest (which lists them), as the results of a new
    /// one (a stand-in computation).
    static func copyResults(of run: String, into output: inout OutputDirectory) throws {
        for name in ["scores.csv", "priorities.csv", "themes.csv", Manifest.fileName] {
            try output.add(name, data: Data(contentsOf: URL(fileURLWithPath: ManifestPath.join(run, name))))
        }
    }
}

/// SIGTERM at delays spread over an update: each time either exit 143 with the state exactly
/// as before, or (once `latest` moved) exit 0 with exactly the state of the finished update.
enum UpdateSignalCase {
    static func run(_ cli: CLIHarness) throws {
        let h = try UpdateStateCases.initialised(cli)
        try h.copy("state", to: "base")
        let old = try h.snapshot("base")
        let start = Date()
        #expect(try h.update().status == 0)
        let runtime = Date().timeIntervalSince(start)
        let new = try h.snapshot()
        var codes: [Int32] = []
        for step in 1...6 {
            let name = "term\(step)"
            try h.copy("base", to: name)
            let errors = Pipe()
            let process = try h.launchUpdate(name, standardError: errors)
            Thread.sleep(forTimeInterval: runtime * (0.05 + 0.22 * Double(step - 1)))
            process.terminate()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let status = process.terminationStatus, after = try h.snapshot(name)
            #expect(process.terminationReason == .exit, "step \(step): \(message)")
            #expect((status == 143 && after == old) || (status == 0 && after == new),
                    "step \(step): exit \(status), \(after == old ? "old" : after == new ? "new" : "neither the old nor the new") state: \(message)")
            if status == 143 { #expect(message.contains("interrupted"), "\(message)") }
            codes.append(status)
        }
        #expect(codes.first == 143, "\(codes)")
        print("SIGTERM during update: exit codes \(codes)")
    }
}
