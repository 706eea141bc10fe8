import Foundation
import Testing

/// What a user keeps beside and inside an output folder: siblings named like the program's
/// own hidden folders, files edited after a run, a forged manifest; input files that are named
/// pipes; numbers and text at the edges of what a terminal and a double can show.
enum OwnershipCases {
    typealias V = ValidProject

    static let badInputs: [BadInput] = [
        BadInput(name: "weight of 1e-400, which a double holds as 0",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {crime: 1e-400}")],
                 exitCode: 65, location: "model.yml:22:18",
                 fragments: ["weight of 'crime' is too small for a double (magnitudes from about 4.9e-324 to 1.8e308), got '1e-400'"]),
        BadInput(name: "whatif with a weight of -1e-400",
                 arguments: ["whatif", "model.yml", "--weight", "crime=-1e-400"],
                 exitCode: 64, location: nil, fragments: ["--weight crime=-1e-400: the weight '-1e-400' is too small for a double"]),
        BadInput(name: "escape sequence in a --weight value is shown escaped",
                 arguments: ["whatif", "model.yml", "--weight", "crime=2\u{1B}[31m"],
                 exitCode: 64, location: nil, fragments: ["the weight '2\\u{1B}[31m' is not a number"]),
    ]

    static let catalogue: [HostileCase] = [
        HostileCase("folders named like hidden siblings of an output are the user's and are kept", exitCode: 0) { cli in
            try writeProject(cli)
            try EarlierOutput.copy(to: "out", in: cli)
            try cli.write(".out.partial-mine/notes.txt", "precious\n")
            try cli.write(".out.previous-backup/notes.txt", "precious too\n")
            try cli.write(".out.partial-file", "a file\n")
            try cli.write(".out.partial-abcdef12/notes.txt", "lower-case tokens are not ours either\n")
            let run = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try cli.read(".out.partial-mine/notes.txt") == "precious\n")
            #expect(try cli.read(".out.previous-backup/notes.txt") == "precious too\n")
            #expect(try cli.read(".out.partial-file") == "a file\n")
            #expect(cli.exists(".out.partial-abcdef12/notes.txt"))
        },
        HostileCase("a user's folder named like an output left aside is not moved into its place", exitCode: 0) { cli in
            try writeProject(cli)
            try cli.write(".out.previous-backup/notes.txt", "precious\n")
            let run = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try cli.read(".out.previous-backup/notes.txt") == "precious\n")
            #expect(cli.exists("out/manifest.json") && !cli.exists("out/notes.txt"))
        },
        HostileCase("an earlier output with a file edited after the run is not replaced", exitCode: 73) { cli in
            try writeProject(cli)
            try EarlierOutput.copy(to: "out", in: cli)
            let edited = try cli.read("out/report.md") + "\nMy notes for the council.\n"
            try cli.write("out/report.md", edited)
            try OutputFolderCases.expectRefused(
                cli, ["run", "model.yml", "--out", "out"], exitCode: 73,
                "/out: this folder is a buurtscore output, but report.md changed after it was written, so it is not replaced")
            #expect(try cli.read("out/report.md") == edited)
        },
        HostileCase("a forged manifest that lists a user's file does not make it replaceable", exitCode: 73) { cli in
            try writeProject(cli)
            try EarlierOutput.copy(to: "out", in: cli)
            try cli.write("out/thesis.docx", "four years of work\n")
            let url = cli.directory.appendingPathComponent("out/manifest.json")
            var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            var outputs = manifest["outputs"] as! [[String: Any]]
            outputs.append(["path": "thesis.docx", "sha256": String(repeating: "0", count: 64)])
            manifest["outputs"] = outputs
            try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: url)
            try OutputFolderCases.expectRefused(cli, ["run", "model.yml", "--out", "out"], exitCode: 73, "thesis.docx changed after it was written")
            #expect(try cli.read("out/thesis.docx") == "four years of work\n")
        },
        HostileCase("a synth data set edited after it was written is not replaced", exitCode: 73) { cli in
            let synth = ["synth", "--units", "5", "--years", "2017-2018", "--seed", "1", "--out", "set"]
            #expect(try cli.run(synth).status == 0)
            // Unchanged, it is replaced by the same command (and by another one).
            let again = try cli.run(synth)
            #expect(again.status == 0, "\(again.stderr)")
            let edited = try cli.read("set/README.md") + "\nmine\n"
            try cli.write("set/README.md", edited)
            try OutputFolderCases.expectRefused(
                cli, synth, exitCode: 73, "/set: this folder is a data set of buurtscore synth but has a README.md that differs from what synth wrote")
            try OutputFolderCases.expectRefused(
                cli, ["synth", "--units", "6", "--out", "set"], exitCode: 73, "has a README.md that differs from what synth wrote")
            #expect(try cli.read("set/README.md") == edited)
        },
        HostileCase("a data file that is a named pipe nobody writes to does not hang", exitCode: 65) { cli in
            try writeProject(cli)
            try FileManager.default.removeItem(atPath: cli.path("data.csv"))
            #expect(mkfifo(cli.path("data.csv"), 0o644) == 0)
            for command in [["check", "model.yml"], ["run", "model.yml", "--out", "out"], ["whatif", "model.yml", "--weight", "crime=2"]] {
                let outcome = try runBounded(cli, command, seconds: 30)
                #expect(outcome?.status == 65, "\(command[0]): \(outcome.map(\.stderr) ?? "still running after 30 s")")
                #expect(outcome?.stderr.contains("data.csv: empty file") == true, "\(outcome?.stderr ?? "")")
            }
            #expect(!cli.exists("out"))
        },
        HostileCase("bidirectional overrides in a name are escaped on the terminal", exitCode: 0) { cli in
            let name = "Noord\u{202E}evil\u{2066}"
            try BadInputRunner.write(V.files.merging(["data.csv": .text(V.data { t in t[1][1] = name; t[7][1] = name })]) { _, new in new },
                                     into: cli)
            let run = try cli.run(["run", "model.yml", "--out", "out", "--top", "6"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Noord\\u{202E}evil\\u{2066}") && !run.stdout.contains("\u{202E}"), "\(run.stdout)")
        },
        HostileCase("Ctrl-C while a small run finishes exits 130 with one message, never 73", exitCode: 130) { cli in
            try writeProject(cli)
            try EarlierOutput.copy(to: "out", in: cli)
            let before = try BadInputRunner.snapshot(cli.directory.appendingPathComponent("out"))
            for step in 0..<24 {
                let process = try launch(cli, ["run", "model.yml", "--out", "out", "--quiet", "--xlsx"])
                Thread.sleep(forTimeInterval: 0.01 + Double(step) * 0.006)
                kill(process.process.processIdentifier, SIGINT)
                let stderr = process.finish()
                let status = process.process.terminationStatus
                #expect(status == 0 || status == 130, "delay step \(step): exit \(status), \(stderr)")
                #expect(!stderr.contains("error:"), "delay step \(step): \(stderr)")
                let hidden = try cli.entries().filter { $0.hasPrefix(".out.") }
                #expect(hidden.isEmpty, "left behind: \(hidden)")
                if status == 130 {
                    // Either the old output stayed, or the new one was completely in place.
                    let after = try BadInputRunner.snapshot(cli.directory.appendingPathComponent("out"))
                    #expect(after == before || after.keys.contains("results.xlsx"), "delay step \(step): a mixed output")
                }
                try? FileManager.default.removeItem(at: cli.directory.appendingPathComponent("out"))
                try EarlierOutput.copy(to: "out", in: cli)
            }
        },
    ]

    static func writeProject(_ cli: CLIHarness) throws {
        try BadInputRunner.write(V.files, into: cli)
    }

    /// A started `buurtscore` process whose standard error is collected.
    struct Running {
        var process: Process
        var stderr: Pipe

        func finish() -> String {
            let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
    }

    static func launch(_ cli: CLIHarness, _ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = arguments
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        return Running(process: process, stderr: err)
    }

    /// Runs `arguments`, killing the process when it is still running after `seconds`
    /// (`nil` then: it hung).
    static func runBounded(_ cli: CLIHarness, _ arguments: [String], seconds: Double) throws -> CLIHarness.Outcome? {
        let running = try launch(cli, arguments)
        let deadline = Date().addingTimeInterval(seconds)
        while running.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if running.process.isRunning {
            running.process.terminate()
            _ = running.finish()
            return nil
        }
        return CLIHarness.Outcome(status: running.process.terminationStatus, stdout: "", stderr: running.finish())
    }
}
