import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// Update states holding a user's files, links, pipes and folders where the state's files
/// belong, or an edited model: refused by name, nothing of the user's removed or read.
enum UpdateStateFileCases {
    static let catalogue: [HostileCase] = [
        HostileCase("init-keeps-user-files-named-like-temporary-files", exitCode: 73) { cli in
            let h = try UpdateHarness(cli: cli)
            for name in [".model.yml.tmp-ABC", ".data.csv.tmp-1234", ".dat.nosync1234", ".notes.tmp-ABCDEF12"] {
                try h.cli.write("state/\(name)/f", "mine\n")
            }
            try expectRefused(h, h.initialise(), 73, ["the directory is not empty", ".model.yml.tmp-ABC", ".notes.tmp-ABCDEF12"])
        },
        HostileCase("update-keeps-files-that-only-look-temporary", exitCode: 0) { cli in
            let h = try initialised(cli)
            for name in ["state/.data.csv.tmp-1234", "state/.dat.nosync1a2b", "state/inputs/.x.partial-abcdef12", "state/runs/.2021.tmp-ABCDEF1"] {
                try h.cli.write(name, "mine\n")
            }
            try h.cli.write("state/.latest.tmp-0A1B2C3D", "2020\n")
            #expect(try h.update().status == 0)
            #expect(try h.cli.read("state/.data.csv.tmp-1234") == "mine\n" && h.cli.exists("state/.dat.nosync1a2b"))
            #expect(h.cli.exists("state/inputs/.x.partial-abcdef12") && h.cli.exists("state/runs/.2021.tmp-ABCDEF1"))
            #expect(!h.cli.exists("state/.latest.tmp-0A1B2C3D"), "a leftover of ours stays")
        },
        HostileCase("repair-keeps-user-files-in-the-journals-run", exitCode: 65) { cli in
            let h = try UpdateStateCases.updated(cli)
            try h.cli.write("state/latest", "2020\n")
            try h.cli.write("state/.update-journal", "update 2021\n")
            try h.cli.write("state/runs/2021/mynotes.txt", "note\n")
            try expectRefused(h, h.update(), 65, ["runs/2021/mynotes.txt", "did not write"])
            try FileManager.default.removeItem(atPath: h.cli.path("state/runs/2021/mynotes.txt"))
            #expect(try h.update().status == 0, "the run the journal names, with only its own files, is repaired")
        },
        HostileCase("latest-that-is-a-link-a-pipe-or-a-folder", exitCode: 65) { cli in
            let h = try initialised(cli)
            let secret = try h.cli.write("secret.txt", "root:x:0:0\n")
            let latest = h.cli.path("state/latest")
            try FileManager.default.removeItem(atPath: latest)
            try FileManager.default.createSymbolicLink(atPath: latest, withDestinationPath: secret)
            try expectRefused(h, h.update(), 65, ["`latest` is a symbolic link"])
            #expect(!(try h.update().stderr.contains("root:x")))
            try FileManager.default.removeItem(atPath: latest)
            #expect(mkfifo(latest, 0o644) == 0)
            try expectRefused(h, h.update(), 65, ["`latest` is a named pipe"])
            try FileManager.default.removeItem(atPath: latest)
            try FileManager.default.createDirectory(atPath: latest, withIntermediateDirectories: false)
            try expectRefused(h, h.update(), 65, ["`latest` is a folder"])
        },
        HostileCase("data-csv-that-is-a-link-a-pipe-or-a-folder", exitCode: 65) { cli in
            let h = try initialised(cli)
            let data = h.cli.path("state/data.csv")
            try FileManager.default.moveItem(atPath: data, toPath: h.cli.path("figures.csv"))
            try FileManager.default.createSymbolicLink(atPath: data, withDestinationPath: h.cli.path("figures.csv"))
            try expectRefused(h, h.update(), 65, ["`data.csv` is a symbolic link"])
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: data) == h.cli.path("figures.csv"))
            try FileManager.default.removeItem(atPath: data)
            #expect(mkfifo(data, 0o644) == 0)
            try expectRefused(h, h.update(), 65, ["`data.csv` is a named pipe"])
            try FileManager.default.removeItem(atPath: data)
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false)
            try expectRefused(h, h.update(), 65, ["`data.csv` is a folder"])
        },
        HostileCase("failed-init-removes-the-folder-it-created", exitCode: 65) { cli in
            let h = try UpdateHarness(cli: cli)
            // Zero and negative normalised values: the geometric mean fails when the run is computed
            // (out_of_domain: skip lets the model be read, so the failure comes after --init began).
            let model = try h.cli.read("demo/model.yml")
                .replacingOccurrences(of: "aggregate: {method: arithmetic}", with: "aggregate: {method: geometric}")
                .replacingOccurrences(of: "  seed: 2017\n", with: "  seed: 2017\n  out_of_domain: skip\n")
            try h.cli.write("demo/model.yml", model)
            let entries = try h.cli.entries()
            let result = try h.initialise("new/state")
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("demo/model.yml:") && !result.stderr.contains("state/model.yml"), "\(result.stderr)")
            #expect(result.stderr.contains("geometric mean needs positive values"), "\(result.stderr)")
            #expect(try h.cli.entries() == entries, "the folders --init created stay")
        },
        HostileCase("hand-edited-model-of-a-state", exitCode: 65) { cli in
            let h = try initialised(cli)
            try h.cli.write("state/model.yml", h.cli.read("state/model.yml") + "# edited\n")
            try expectRefused(h, h.update(), 65, ["model.yml was changed", "runs/2020/manifest.json", "restore"])
            try h.cli.write("state/model.yml", String(try h.cli.read("state/model.yml").dropLast(9)))
            try h.cli.write("state/crosswalk.csv", h.cli.read("state/crosswalk.csv") + "\n")
            try expectRefused(h, h.update(), 65, ["crosswalk.csv was changed"])
        },
        HostileCase("sigint-during-init-leaves-no-folder", exitCode: 130) { cli in
            try InitSignalCase.run(cli)
        },
    ]

    static let initialised = UpdateStateCases.initialised
    static let expectRefused = UpdateStateCases.expectRefused
}

/// SIGINT at delays spread over an `--init` into a new folder: each time either exit 130 and
/// no folder at all, or exit 0 with the complete state.
enum InitSignalCase {
    static func run(_ cli: CLIHarness) throws {
        let h = try UpdateHarness(cli: cli)
        let start = Date()
        #expect(try h.initialise("done").status == 0)
        let runtime = Date().timeIntervalSince(start)
        var codes: [Int32] = []
        for step in 1...8 {
            let name = "int\(step)"
            let errors = Pipe()
            let process = Process()
            process.executableURL = CLIHarness.executable
            process.arguments = ["update", name, "--init", "--model", "demo/model.yml", "--threads", "1"]
            process.currentDirectoryURL = cli.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            Thread.sleep(forTimeInterval: runtime * (0.02 + 0.12 * Double(step - 1)))
            process.interrupt()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let status = process.terminationStatus
            if status == 130 {
                #expect(!h.cli.exists(name), "step \(step): \(message)")
            } else {
                let files = try Set(h.snapshot(name).keys), expected = try Set(h.snapshot("done").keys)
                #expect(status == 0 && files == expected, "step \(step): exit \(status): \(message)")
            }
            codes.append(status)
        }
        #expect(codes.first == 130, "\(codes)")
    }
}
