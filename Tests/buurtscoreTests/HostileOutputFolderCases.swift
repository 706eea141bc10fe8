import Foundation
import Testing
import BuurtSynthetic

/// Output folders are only ever replaced when they are ours; leftovers of a killed run are
/// tidied; names reach the terminal with their control characters escaped.
enum OutputFolderCases {
    typealias V = ValidProject

    /// The first line of the card `buurtscore synth` writes as README.md.
    static let synthCardHeading = "# Synthetic liveability and safety data (demo)\n"

    /// Single-command cases (run by BadInputRunner like the rest of the catalogue).
    static let badInputs: [BadInput] = [
        BadInput(name: "output folder is the data folder (--out .)",
                 arguments: ["run", "model.yml", "--out", "."],
                 exitCode: 73, location: nil,
                 fragments: ["this folder holds model.yml, an input of this run, so it cannot be the output folder", "choose a new folder for the output"]),
        BadInput(name: "output folder is the parent of the data folder (--out ..)",
                 arguments: ["run", "model.yml", "--out", ".."],
                 exitCode: 73, location: nil, fragments: ["an input of this run, so it cannot be the output folder"]),
        BadInput(name: "output folder is the model's folder, data elsewhere",
                 files: ["m/model.yml": V.model("data: data.csv", "data: ../data.csv")],
                 arguments: ["run", "m/model.yml", "--out", "m"],
                 exitCode: 73, location: nil, fragments: ["/m: this folder holds m/model.yml, an input of this run"]),
        BadInput(name: "output folder holds only the metadata file",
                 files: ["meta-model.yml": V.metadataModel("metadata: meta.csv", "metadata: iMeta/meta.csv"),
                         "iMeta/meta.csv": .text(V.metadata)],
                 arguments: ["run", "meta-model.yml", "--out", "iMeta"],
                 exitCode: 73, location: nil, fragments: ["/iMeta: this folder holds", "meta.csv, an input of this run"]),
        BadInput(name: "output folder is a folder of the user's own files",
                 files: ["notes/todo.txt": .text("call the wijkteam\n")],
                 arguments: ["run", "model.yml", "--out", "notes"],
                 exitCode: 73, location: nil,
                 fragments: ["/notes: this folder is not empty and is not a buurtscore output (it has no manifest.json), so it is not replaced"]),
        BadInput(name: "output folder whose manifest.json is not a buurtscore manifest",
                 files: ["old/manifest.json": .text("{\"outputs\": []}\n"), "old/scores.csv": .text("unit,index\nB1,50\n")],
                 arguments: ["run", "model.yml", "--out", "old"],
                 exitCode: 73, location: nil,
                 fragments: ["/old: this folder is not a buurtscore output (its manifest.json is not ours: bad manifest: missing key 'format'"]),
        BadInput(name: "synth into the folder of a project",
                 arguments: ["synth", "--units", "5", "--out", "."],
                 exitCode: 73, location: nil,
                 fragments: ["this folder holds files that a synthetic data set does not have (meta-model.yml, meta.csv)"]),
        BadInput(name: "synth into a folder whose README.md is not synth's card",
                 files: ["set/README.md": .text("# Our survey 2024\n"), "set/data.csv": .text("buurt,score\nB1,3\n")],
                 arguments: ["synth", "--units", "5", "--out", "set"],
                 exitCode: 73, location: nil,
                 fragments: ["/set: this folder is not empty and is not a synthetic data set (its README.md is not the data card of one)"]),
        BadInput(name: "synth into its own data set that holds a later year's figures",
                 files: ["set/README.md": .text(synthCardHeading), "set/2021/data.csv": .text("buurt,jaar\nB1,2021\n")],
                 arguments: ["synth", "--units", "5", "--out", "set"],
                 exitCode: 73, location: nil,
                 fragments: ["/set: this folder holds files that a synthetic data set does not have (2021, 2021/data.csv)"]),
        BadInput(name: "escape sequence in a --weight code is shown escaped",
                 arguments: ["whatif", "model.yml", "--weight", "\u{1B}[2Jcrime=2"],
                 exitCode: 64, location: "model.yml",
                 fragments: ["--weight \\u{1B}[2Jcrime=…: '\\u{1B}[2Jcrime' is not a dimension"]),
    ]

    /// Scenarios of several steps.
    static let catalogue: [HostileCase] = [
        HostileCase("output folder is a symbolic link to the data folder", exitCode: 73) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try FileManager.default.createSymbolicLink(atPath: cli.path("results"), withDestinationPath: cli.directory.path)
            try expectRefused(cli, ["run", "model.yml", "--out", "results"], exitCode: 73,
                              "/results: this folder holds model.yml, an input of this run")
        },
        HostileCase("earlier output with a file its manifest does not list", exitCode: 73) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try EarlierOutput.copy(to: "out", in: cli)
            try cli.write("out/analysis/my-notes.txt", "keep me\n")
            try expectRefused(cli, ["run", "model.yml", "--out", "out"], exitCode: 73,
                              "/out: this folder holds files its manifest.json does not list (analysis/my-notes.txt), so it is not replaced")
        },
        HostileCase("synth into a folder of the user's own files", exitCode: 73) { cli in
            try cli.write("mine/plan.md", "# plan\n")
            try expectRefused(cli, ["synth", "--units", "5", "--out", "mine"], exitCode: 73,
                              "/mine: this folder holds files that a synthetic data set does not have (plan.md)")
        },
        HostileCase("leftover staging folder of a killed run is removed", exitCode: 0) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try EarlierOutput.copy(to: "out", in: cli)
            try cli.write(".out.partial-DEADBEEF/scores.csv", "half written\n")
            let outcome = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(try cli.entries() == Set(V.files.keys).union(["out"]))
        },
        HostileCase("earlier output left aside by a killed run is moved back", exitCode: 73) { cli in
            try BadInputRunner.write(V.files, into: cli)
            // A user's folder that an older program moved aside and never renamed back.
            try cli.write(".out.previous-DEADBEEF/mine.csv", "my own table\n")
            try expectChanged(cli, ["run", "model.yml", "--out", "out"], exitCode: 73,
                              "/out: this folder is not empty and is not a buurtscore output") { before in
                var after = before.filter { !$0.key.hasPrefix(".out.previous-") }
                after["out"] = Data()
                after["out/mine.csv"] = Data("my own table\n".utf8)
                return after
            }
        },
        HostileCase("earlier output left aside and its folder missing is put back and replaced", exitCode: 0) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try EarlierOutput.copy(to: ".out.previous-DEADBEEF", in: cli)
            let outcome = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(try cli.entries() == Set(V.files.keys).union(["out"]))
            #expect(!cli.exists("out/stages"))
        },
        HostileCase("earlier output left aside beside a complete output is removed", exitCode: 0) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try EarlierOutput.copy(to: "out", in: cli)
            try EarlierOutput.copy(to: ".out.previous-DEADBEEF", in: cli)
            let outcome = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(try cli.entries() == Set(V.files.keys).union(["out"]))
        },
        HostileCase("two earlier outputs left aside and the folder missing are named, not touched", exitCode: 73) { cli in
            try BadInputRunner.write(V.files, into: cli)
            try EarlierOutput.copy(to: ".out.previous-AAAAAAAA", in: cli)
            try cli.write(".out.previous-BBBBBBBB/scores.csv", "another\n")
            try expectRefused(cli, ["run", "model.yml", "--out", "out"], exitCode: 73,
                              "interrupted runs left earlier outputs aside (", ".out.previous-AAAAAAAA", ".out.previous-BBBBBBBB",
                              "while this folder is missing; nothing was changed")
        },
        HostileCase("names with escape sequences and newlines are escaped in run's and whatif's tables", exitCode: 0) { cli in
            let hostile = "\u{1B}[31mNoord\u{1B}[0m\nrank 1 FAKE"
            try BadInputRunner.write(V.files.merging(["data.csv": .text(V.data { t in
                for row in t.indices where t[row][0] == "B1" { t[row][1] = "\"\(hostile)\"" }
                for row in t.indices where t[row][0] == "B2" { t[row][1] = "Oost-Café" }
            })]) { _, new in new }, into: cli)
            let shown = "\\u{1B}[31mNoord\\u{1B}[0m\\nrank 1 FAKE"
            for arguments in [["run", "model.yml", "--out", "out"], ["whatif", "model.yml", "--weight", "safety=3", "--top", "0"]] {
                let outcome = try cli.run(arguments)
                #expect(outcome.status == 0, "\(arguments[0]): \(outcome.stderr)")
                #expect(!outcome.stdout.unicodeScalars.contains { $0.value == 0x1B }, "\(arguments[0]) printed a raw ESC")
                let row = outcome.stdout.split(separator: "\n").first { $0.contains("B1") }.map(String.init) ?? ""
                #expect(row.contains(shown.prefix(30)), "\(arguments[0]): \(outcome.stdout)")
                #expect(outcome.stdout.contains("Oost-Café"), "\(arguments[0]): \(outcome.stdout)")
                #expect(!outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("rank 1 FAKE") }, "\(arguments[0]) printed a forged line")
            }
            // The files keep the names as they are (escaping is for the terminal only).
            #expect(try cli.read("out/scores.csv").contains("\"\(hostile)\""))
        },
    ]

    /// Runs `arguments`, expects `exitCode`, nothing on stdout, every fragment on stderr, and
    /// every file of the scratch directory as it was.
    static func expectRefused(_ cli: CLIHarness, _ arguments: [String], exitCode: Int32, _ fragments: String...) throws {
        try expectOutcome(cli, arguments, exitCode: exitCode, fragments) { $0 }
    }

    /// As ``expectRefused(_:_:exitCode:_:)``, but the files afterwards must be `expected(before)`.
    static func expectChanged(_ cli: CLIHarness, _ arguments: [String], exitCode: Int32, _ fragments: String...,
                              expected: ([String: Data]) -> [String: Data]) throws {
        try expectOutcome(cli, arguments, exitCode: exitCode, fragments, expected: expected)
    }

    private static func expectOutcome(_ cli: CLIHarness, _ arguments: [String], exitCode: Int32, _ fragments: [String],
                                      expected: ([String: Data]) -> [String: Data]) throws {
        let before = try BadInputRunner.snapshot(cli.directory)
        let outcome = try cli.run(arguments)
        #expect(outcome.status == exitCode, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)")
        for fragment in fragments {
            #expect(outcome.stderr.contains(fragment), "missing \"\(fragment)\" in stderr: \(outcome.stderr)")
        }
        #expect(try BadInputRunner.snapshot(cli.directory) == expected(before), "files changed, appeared or vanished")
    }
}

/// `--out` on a real mount point (a tmpfs mounted in a private mount namespace), where
/// `unshare` and `mount` work (as root on Linux).
@Suite(.enabled(if: MountNamespace.available, "unshare -m with mount -t tmpfs is not possible here: the mount point case is covered by OutputClaimTests only"))
struct OutputMountPointTests {
    @Test func anOutputFolderThatIsAMountPointIsRefusedInOurWords() throws {
        let cli = try CLIHarness()
        try BadInputRunner.write(ValidProject.files, into: cli)
        try FileManager.default.createDirectory(atPath: cli.path("usb"), withIntermediateDirectories: false)
        let script = "mount -t tmpfs none usb && exec \"$0\" run model.yml --out usb --quiet"
        let outcome = try cli.run(program: MountNamespace.unshare, ["-m", "sh", "-c", script, CLIHarness.executable.path])
        #expect(outcome.status == 73, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("/usb: this folder is a mount point (another file system is mounted on it), so it cannot be replaced; choose a folder inside it, e.g. "),
                "stderr: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
        #expect(try cli.entries() == Set(ValidProject.files.keys).union(["usb"]))
    }
}

enum MountNamespace {
    static let unshare = URL(fileURLWithPath: "/usr/bin/unshare")

    /// Whether a tmpfs can be mounted in a private mount namespace.
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: unshare.path), let cli = try? CLIHarness() else { return false }
        try? FileManager.default.createDirectory(atPath: cli.path("m"), withIntermediateDirectories: false)
        return (try? cli.run(program: unshare, ["-m", "sh", "-c", "mount -t tmpfs none m"]))?.status == 0
    }()
}
