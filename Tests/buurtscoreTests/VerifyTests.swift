import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// `manifest.json` and `buurtscore verify` as a user meets them: a copy of the demo project in
/// a scratch folder, run, verified, tampered with, verified again.
@Suite struct VerifyTests {
    /// SHA-256 of files by the system's `sha256sum`, keyed by the paths given.
    static func sha256sum(_ paths: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--"] + paths
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var sums: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            sums[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        return sums
    }

    /// A scratch folder with `project/model.yml` and `project/data.csv` copied from the demo,
    /// with 40 instead of 1000 uncertainty replications to keep the runs short.
    static func demoProject() throws -> CLIHarness {
        let cli = try CLIHarness()
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        let model = try String(contentsOf: demo.appendingPathComponent("model.yml"), encoding: .utf8)
        #expect(model.contains("replications: 1000"))
        try cli.write("project/model.yml", model.replacingOccurrences(of: "replications: 1000", with: "replications: 40"))
        try cli.write("project/data.csv", try String(contentsOf: demo.appendingPathComponent("data.csv"), encoding: .utf8))
        try cli.write("project/crosswalk.csv", try String(contentsOf: demo.appendingPathComponent("crosswalk.csv"), encoding: .utf8))
        try cli.write("project/buurten.geojson", try String(contentsOf: demo.appendingPathComponent("buurten.geojson"), encoding: .utf8))
        return cli
    }

    /// Every file under `directory` of the scratch folder, by relative path.
    static func tree(_ cli: CLIHarness, _ directory: String) throws -> [String: Data] {
        let root = cli.directory.appendingPathComponent(directory)
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    @Test func runsOnOneAndTwoThreadsGiveByteIdenticalOutputsWhoseHashesAreRecorded() throws {
        let cli = try Self.demoProject()
        for (out, threads) in [("a", 1), ("b", 2), ("c", 1)] {
            let run = try cli.run(["run", "project/model.yml", "--out", "out/\(out)", "--stages", "--xlsx", "--quiet", "--threads", String(threads)])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let a = try Self.tree(cli, "out/a"), b = try Self.tree(cli, "out/b"), c = try Self.tree(cli, "out/c")
        #expect(Set(a.keys) == Set(b.keys))
        #expect(a == c, "two runs with the same options differ")
        // One or two worker threads: every output is the same; the manifest records the count.
        for (path, bytes) in a where path != "manifest.json" { #expect(b[path] == bytes, "\(path) differs between 1 and 2 threads") }
        let manifestB = try Manifest.parse(try #require(b["manifest.json"]), file: "manifest.json")
        #expect(manifestB.settings.workerThreads == 2)
        #expect(a.keys.contains("uncertainty.csv") && a.keys.contains("sensitivity.csv") && a.keys.contains("report.html"))

        let manifest = try Manifest.parse(try #require(a["manifest.json"]), file: "manifest.json")
        let outputs = a.keys.filter { $0 != "manifest.json" }.sorted()
        #expect(manifest.outputs.map(\.path) == outputs)
        #expect(outputs.contains("results.xlsx") && outputs.contains("stages/raw.csv"))
        let sums = try Self.sha256sum(outputs.map { cli.path("out/a/\($0)") } + ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"].map { cli.path("project/\($0)") })
        for output in manifest.outputs { #expect(output.sha256 == sums[cli.path("out/a/\(output.path)")], "\(output.path)") }
        #expect(manifest.inputs.map(\.path) == ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"])
        for input in manifest.inputs { #expect(input.sha256 == sums[cli.path("project/\(input.path)")], "\(input.path)") }
        #expect(manifest.modelLocation == "../../project/model.yml")
        #expect(manifest.settings == RecordedSettings(stages: true, xlsx: true, data: nil, decimal: "detect", language: nil, workerThreads: 1))
        #expect(manifest.tool.name == "buurtscore" && manifest.tool.version == "0.1.0" && !manifest.tool.commit.isEmpty)
        #expect(!manifest.blas.configuration.isEmpty && !manifest.blas.core.isEmpty)
        // No absolute path of the scratch folder leaks into the manifest.
        #expect(!String(decoding: a["manifest.json"]!, as: UTF8.self).contains(cli.directory.path))
    }

    @Test func verifyPassesOnAFreshRunAndNamesAnEditedOutputAndItsFirstDifferingLine() throws {
        let cli = try Self.demoProject()
        #expect(try cli.run(["run", "project/model.yml", "--out", "out", "--xlsx", "--quiet"]).status == 0)
        let fresh = try cli.run(["verify", "out"])
        #expect(fresh.status == 0, "stdout: \(fresh.stdout) stderr: \(fresh.stderr)")
        #expect(fresh.stdout.contains("verified: all 15 outputs in out reproduced byte for byte from project/model.yml, project/data.csv, project/crosswalk.csv, project/buurten.geojson"))

        // Change one digit in line 3 of ranks.csv.
        var lines = try cli.read("out/ranks.csv").components(separatedBy: "\n")
        let original = lines[2]
        lines[2] = original.hasSuffix("1") ? String(original.dropLast()) + "2" : String(original.dropLast()) + "1"
        try cli.write("out/ranks.csv", lines.joined(separator: "\n"))
        let edited = try cli.run(["verify", "out"])
        #expect(edited.status == 65)
        #expect(edited.stdout.contains("ranks.csv: changed after the run"))
        #expect(edited.stdout.contains("first difference at line 3\n    expected: \(original)\n    actual:   \(lines[2])"))
        #expect(!edited.stdout.contains("scores.csv"))
        #expect(edited.stderr.contains("1 of 15 recorded outputs in out do not verify"))
    }

    @Test func anOutputTheRerunCannotReproduceIsNamedWithTheRecordedLineAsExpected() throws {
        let cli = try Self.demoProject()
        #expect(try cli.run(["run", "project/model.yml", "--out", "out", "--quiet"]).status == 0)
        // Make the directory and the manifest agree on a scores.csv the model cannot produce.
        let scores = try cli.read("out/scores.csv")
        let forged = scores.replacingOccurrences(of: "Kerkdonk", with: "Kerkdonck")
        try cli.write("out/scores.csv", forged)
        let sums = try Self.sha256sum([cli.path("out/scores.csv")])
        let manifest = try cli.read("out/manifest.json")
        let recorded = try Manifest.parse(Data(manifest.utf8), file: "manifest.json").outputs.first { $0.path == "scores.csv" }!.sha256
        try cli.write("out/manifest.json", manifest.replacingOccurrences(of: recorded, with: sums[cli.path("out/scores.csv")]!))
        let outcome = try cli.run(["verify", "out"])
        #expect(outcome.status == 65)
        let line = scores.components(separatedBy: "\n").firstIndex { $0.contains("Kerkdonk") }! + 1
        let original = scores.components(separatedBy: "\n")[line - 1]
        #expect(outcome.stdout.contains("scores.csv: not reproduced (the re-run gives different bytes than recorded)\n"
            + "  first difference at line \(line)\n    expected: \(original.replacingOccurrences(of: "Kerkdonk", with: "Kerkdonck"))\n"
            + "    actual:   \(original)"), "\(outcome.stdout)")
    }

    @Test func verifyNamesAChangedInputAndAMissingOne() throws {
        let cli = try Self.demoProject()
        #expect(try cli.run(["run", "project/model.yml", "--out", "out", "--quiet"]).status == 0)
        let data = try cli.read("project/data.csv")
        try cli.write("project/data.csv", data.replacingOccurrences(of: "48.6", with: "48.7"))
        let changed = try cli.run(["verify", "out"])
        #expect(changed.status == 65)
        #expect(changed.stdout.contains("input changed: data.csv (data, "))
        #expect(!changed.stdout.contains("model.yml"))
        #expect(changed.stderr.contains("nothing was re-run"))

        try FileManager.default.removeItem(atPath: cli.path("project/data.csv"))
        let missing = try cli.run(["verify", "out"])
        #expect(missing.status == 66)
        #expect(missing.stdout.contains("input missing: data.csv (data)"))
    }

    @Test func verifyWithoutManifestIs66AndAMovedOutputNeedsModel() throws {
        let cli = try Self.demoProject()
        try FileManager.default.createDirectory(atPath: cli.path("empty"), withIntermediateDirectories: true)
        let none = try cli.run(["verify", "empty"])
        #expect(none.status == 66)
        #expect(none.stderr.contains("no manifest.json in 'empty'"))

        // --data from the command line is recorded relative to the model and used by the re-run.
        try cli.write("elsewhere/data.csv", try cli.read("project/data.csv"))
        try FileManager.default.removeItem(atPath: cli.path("project/data.csv"))
        #expect(try cli.run(["run", "project/model.yml", "--data", "elsewhere/data.csv", "--out", "out/deep", "--quiet"]).status == 0)
        let manifest = try Manifest.parse(Data(try cli.read("out/deep/manifest.json").utf8), file: "manifest.json")
        #expect(manifest.settings.data == "../elsewhere/data.csv")
        #expect(manifest.inputs.map(\.path) == ["model.yml", "../elsewhere/data.csv", "crosswalk.csv", "buurten.geojson"])
        #expect(try cli.run(["verify", "out/deep"]).status == 0)

        // Moved one level deeper, the recorded location misses the model until --model says where it is.
        try FileManager.default.createDirectory(atPath: cli.path("archive/old"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: cli.path("out/deep"), toPath: cli.path("archive/old/deep"))
        #expect(try cli.run(["verify", "archive/old/deep"]).status == 66)
        let located = try cli.run(["verify", "archive/old/deep", "--model", "project/model.yml"])
        #expect(located.status == 0, "stdout: \(located.stdout) stderr: \(located.stderr)")
    }
}
