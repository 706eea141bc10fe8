import BuurtTestSupport
import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

/// SHA-256 by the system's `sha256sum`, independent of the library's own hashing.
func systemSHA256(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(while: { $0 != " " }))
}

/// A fresh scratch folder.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("buurtreport-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct ManifestJSONTests {
    @Test func objectsAreSortedIndentedAndNumbersExact() {
        let value = ManifestJSON.object([
            "b": .array([.integer(UInt64.max), .number(0.1), .number(1e-300), .number(.nan), .bool(true)]),
            "a": .object([:]),
            "Z": .string("quote \" backslash \\ tab \t bell \u{07} é"),
            "c": .array([]),
            "d": .null,
        ])
        // Keys by UTF-8 bytes: "Z" (0x5A) before lowercase; UInt64.max exactly, not via Double
        // (which would print 18446744073709551616); NaN has no JSON form and becomes null.
        let expected = """
            {
              "Z": "quote \\" backslash \\\\ tab \\t bell \\u0007 é",
              "a": {},
              "b": [
                18446744073709551615,
                0.1,
                1e-300,
                null,
                true
              ],
              "c": [],
              "d": null
            }

            """
        #expect(value.text == expected)
    }
}

@Suite struct ManifestTests {
    static func sample(uncertainty: Manifest.Uncertainty? = Manifest.Uncertainty(seed: UInt64.max - 1, replications: 250)) -> Manifest {
        Manifest(
            tool: .init(name: "buurtscore", version: "0.1.0", commit: "unknown"),
            modelLocation: "../datasets/demo/model.yml", canonicalModelSHA256: String(repeating: "ab", count: 32),
            inputs: [.init(role: "model", path: "model.yml", sha256: String(repeating: "01", count: 32)),
                     .init(role: "data", path: "../sub dir/data \"x\".csv", sha256: String(repeating: "02", count: 32))],
            settings: RecordedSettings(stages: true, xlsx: false, data: "../sub dir/data \"x\".csv", decimal: "comma", language: "en", workerThreads: 2),
            uncertainty: uncertainty, blas: .init(configuration: "OpenBLAS 0.3.21", core: "Haswell"),
            outputs: [.init(path: "scores.csv", sha256: String(repeating: "03", count: 32)),
                      .init(path: "analysis/pca.csv", sha256: String(repeating: "04", count: 32))])
    }

    @Test(arguments: [true, false])
    func textReadsBackAsTheSameManifest(withUncertainty: Bool) throws {
        let manifest = Self.sample(uncertainty: withUncertainty ? .init(seed: UInt64.max - 1, replications: 250) : nil)
        let parsed = try Manifest.parse(Data(manifest.text.utf8), file: "manifest.json")
        #expect(parsed == manifest)
        // Outputs are listed by path whatever order they were given in.
        #expect(parsed.outputs.map(\.path) == ["analysis/pca.csv", "scores.csv"])
        #expect(manifest.text.contains(withUncertainty ? "\"seed\": 18446744073709551614" : "\"uncertainty\": null"))
    }

    /// What came of the uncertainty analysis reads back, and an older manifest without it too.
    @Test func uncertaintyOutcomeReadsBack() throws {
        var outcome = Manifest.Uncertainty(seed: 7, replications: 1000)
        outcome.replicationsLeftOut = 60
        outcome.changeReplicationsLeftOut = 58
        outcome.indexScoresOutsideBand = 4
        outcome.indexScoresWithBand = 75
        outcome.gapsOutsideBand = 36
        outcome.gapsWithBand = 450
        outcome.sensitivityRowsLeftOut = 12
        let manifest = Self.sample(uncertainty: outcome)
        #expect(manifest.text.contains("\"replications_left_out\": 60") && manifest.text.contains("\"gaps_outside_band\": 36"))
        #expect(manifest.text.contains("\"sensitivity_rows_left_out\": 12"))
        #expect(try Manifest.parse(Data(manifest.text.utf8), file: "manifest.json") == manifest)
        let plain = Self.sample()
        #expect(!plain.text.contains("left_out"))
        #expect(try Manifest.parse(Data(plain.text.utf8), file: "manifest.json").uncertainty?.replicationsLeftOut == nil)
    }

    @Test func malformedOrForeignManifestsAreDataErrors() {
        let cases: [(String, String)] = [
            ("{\"format\": 1}", "missing key"),
            ("not json", "not valid JSON"),
            (Self.sample().text.replacingOccurrences(of: "\"format\": 1", with: "\"format\": 2"), "format 2 is not supported"),
        ]
        for (text, message) in cases {
            #expect {
                _ = try Manifest.parse(Data(text.utf8), file: "m.json")
            } throws: { error in
                guard let error = error as? BuurtError else { return false }
                return error.kind == .data && error.message.contains(message) && error.location?.file == "m.json"
            }
        }
    }

    /// Values no run writes: refused by `parse` as a bad manifest naming the field.
    @Test func manifestsWithValuesNoRunWritesAreBadManifests() {
        var unknownRole = Self.sample(), twice = Self.sample(), outside = Self.sample(), shortHash = Self.sample()
        var noThreads = Self.sample(), otherData = Self.sample()
        unknownRole.inputs[1].role = "secret"
        twice.outputs[1].path = twice.outputs[0].path
        outside.outputs[0].path = "../elsewhere.csv"
        shortHash.inputs[0].sha256 = "abc"
        noThreads.settings.workerThreads = 0
        otherData.settings.data = "/etc/passwd"
        let cases: [(Manifest, String)] = [
            (unknownRole, "inputs[1].role is 'secret'"), (twice, "outputs lists 'analysis/pca.csv' twice"),
            (outside, "outputs lists '../elsewhere.csv'"), (shortHash, "inputs[0].sha256 is not a SHA-256"),
            (noThreads, "run.worker_threads is 0"), (otherData, "run.data is '/etc/passwd' but the data input is"),
        ]
        for (manifest, message) in cases {
            #expect {
                _ = try Manifest.parse(Data(manifest.text.utf8), file: "m.json")
            } throws: { error in
                guard let error = error as? BuurtError else { return false }
                return error.kind == .data && error.message.hasPrefix("bad manifest: \(message)") && error.location?.file == "m.json"
            }
        }
    }

    /// The re-run's manifest must agree on seed, replications, model hash, inputs and options.
    @Test func aRerunWithOtherRecordedValuesIsABadManifest() throws {
        let recorded = Self.sample()
        try recorded.checkReproduced(by: recorded, file: "m.json")
        var renamed = recorded
        renamed.inputs[0].path = "renamed.yml"
        try recorded.checkReproduced(by: renamed, file: "m.json")
        var otherSeed = recorded, otherData = recorded, noUncertainty = recorded
        otherSeed.uncertainty?.seed = 1
        otherData.inputs[1].sha256 = String(repeating: "0", count: 64)
        noUncertainty.uncertainty = nil
        for (rerun, message) in [(otherSeed, "uncertainty.seed is 18446744073709551614 but the re-run gives 1"),
                                 (otherData, "inputs[1].sha256 is 0202"), (noUncertainty, "uncertainty.seed is 18446744073709551614 but the re-run gives null")] {
            #expect {
                try recorded.checkReproduced(by: rerun, file: "m.json")
            } throws: { error in
                (error as? BuurtError)?.message.hasPrefix("bad manifest: \(message)") == true
            }
        }
    }

    @Test func demoManifestHashesEqualSha256sumOfEveryFile() throws {
        // The nominal run's files only (no uncertainty tables, no changes).
        var results = try BuurtWorkflow.run(RunSettings(model: demoModel))
        results.uncertainty = nil
        results.changes = nil
        let project = results.project
        let folder = try scratchFolder()
        let outDir = folder.appendingPathComponent("out").path
        // The hashes are taken as the files are written; they are compared with the files on disk below.
        let manifest = try OutputDirectory.writing(to: outDir, claim: .forTests) { output throws(BuurtError) in
            try results.add(to: &output, outputDirectory: outDir)
            return try Manifest.make(
                project: project, settings: RecordedSettings(), tool: .init(name: "buurtscore", version: "0.1.0", commit: "unknown"),
                blas: .init(configuration: "c", core: "k"), outputDirectory: outDir, outputs: output)
        }

        #expect(manifest.inputs.map(\.role) == ["model", "data", "crosswalk", "map"])
        #expect(manifest.inputs.map(\.path) == ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"])
        #expect(manifest.inputs[2].sha256 == (try systemSHA256((demoModel as NSString).deletingLastPathComponent + "/crosswalk.csv")))
        #expect(manifest.inputs[3].sha256 == (try systemSHA256((demoModel as NSString).deletingLastPathComponent + "/buurten.geojson")))
        let demoFolder = (demoModel as NSString).deletingLastPathComponent
        #expect(manifest.inputs[0].sha256 == (try systemSHA256(demoModel)))
        #expect(manifest.inputs[1].sha256 == (try systemSHA256(demoFolder + "/data.csv")))
        let canonical = folder.appendingPathComponent("canonical.json")
        try Data(project.file.canonicalForm().utf8).write(to: canonical)
        #expect(manifest.canonicalModelSHA256 == (try systemSHA256(canonical.path)))

        #expect(manifest.outputs.map(\.path) == ["analysis/pca.csv", "analysis/reliability.csv", "analysis/weights_pca.csv", "ranks.csv", "report.html", "report.md", "scores.csv", "strengths.csv"])
        for file in manifest.outputs {
            #expect(file.sha256 == (try systemSHA256(outDir + "/" + file.path)), "\(file.path)")
        }
        // The model's location is relative to the output directory and leads back to it.
        #expect(ManifestPath.absolute(ManifestPath.join(outDir, manifest.modelLocation)) == ManifestPath.absolute(demoModel))
        // The demo model's `uncertainty:` key: seed 2017, 1000 replications.
        #expect(manifest.uncertainty == .init(seed: 2017, replications: 1000))
    }

    /// Inputs that change on disk after they were read (a data file appended to during a run)
    /// are recorded with the SHA-256 of the bytes the run was computed from.
    @Test func inputsAreRecordedWithTheHashOfTheBytesRead() throws {
        let folder = try scratchFolder()
        let demo = (demoModel as NSString).deletingLastPathComponent
        for name in ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"] {
            try FileManager.default.copyItem(atPath: demo + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        let read = try ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"].map { try systemSHA256(folder.appendingPathComponent($0).path) }
        let project = try IndexProject.load(modelPath: folder.appendingPathComponent("model.yml").path)
        for name in ["model.yml", "data.csv", "crosswalk.csv", "buurten.geojson"] {
            let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(name))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n# appended after it was read\n".utf8))
            try handle.close()
        }
        let manifest = try Manifest.make(
            project: project, settings: RecordedSettings(), tool: .init(name: "buurtscore", version: "0.1.0", commit: "unknown"),
            blas: .init(configuration: "c", core: "k"), outputDirectory: folder.appendingPathComponent("out").path,
            outputs: OutputDirectory())
        #expect(manifest.inputs.map(\.sha256) == read)
        #expect(manifest.inputs[1].sha256 != (try systemSHA256(folder.appendingPathComponent("data.csv").path)))
    }

    @Test func addManifestCoversEveryFileAddedBeforeAndReplacesAnOldManifest() throws {
        let project = try IndexProject.load(modelPath: demoModel)
        var output = OutputDirectory()
        try output.add("a.csv", text: "x\n1\n")
        try output.add(Manifest.fileName, text: "stale")
        try output.add("uncertainty.csv", text: "unit,p\nA,0.5\n")
        let tool = Manifest.Tool(name: "buurtscore", version: "0.1.0", commit: "unknown")
        try output.addManifest(project: project, settings: RecordedSettings(), tool: tool, blas: .init(configuration: "c", core: "k"), outputDirectory: "out")
        #expect(output.files.map(\.path) == ["a.csv", "uncertainty.csv", "manifest.json"])
        let manifest = try Manifest.parse(try output.files[2].contents, file: "manifest.json")
        // sha256("x\n1\n") and sha256("unit,p\nA,0.5\n") computed independently below.
        let folder = try scratchFolder()
        for (name, text) in [("a.csv", "x\n1\n"), ("uncertainty.csv", "unit,p\nA,0.5\n")] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            #expect(manifest.outputs.first { $0.path == name }?.sha256 == (try systemSHA256(folder.appendingPathComponent(name).path)))
        }
    }

    @Test func uncertaintySeedAndReplicationsComeFromTheModelKey() throws {
        let base = """
            data: data.csv
            groups: [{code: index}]
            indicators: [{code: x, parent: index}]

            """
        let withKey = try ModelFile.parse(base + "uncertainty: {seed: 18446744073709551615, replications: 500, weights: {noise: 0.25, levels: [1]}}\n",
                                          file: "m.yml", baseDirectory: "")
        #expect(Manifest.uncertainty(of: withKey) == .init(seed: UInt64.max, replications: 500))
        // Absent settings take UncertaintySpec's defaults (seed 1, 1000 replications).
        let defaults = try ModelFile.parse(base + "uncertainty: {weights: {noise: 0.1, levels: [1]}}\n", file: "m.yml", baseDirectory: "")
        #expect(Manifest.uncertainty(of: defaults) == .init(seed: 1, replications: 1000))
        let none = try ModelFile.parse(base, file: "m.yml", baseDirectory: "")
        #expect(Manifest.uncertainty(of: none) == nil)
    }
}

@Suite struct ManifestPathTests {
    @Test func relativePathsBetweenFolders() {
        #expect(ManifestPath.relative(to: "/a/b/model.yml", from: "/a/out/demo") == "../../b/model.yml")
        #expect(ManifestPath.relative(to: "/a/b/data.csv", from: "/a/b") == "data.csv")
        #expect(ManifestPath.relative(to: "/a/b/./c/../data.csv", from: "/a/b/") == "data.csv")
        #expect(ManifestPath.relative(to: "/x/data.csv", from: "/a/b") == "../../x/data.csv")
        #expect(ManifestPath.relative(to: "/a", from: "/a") == ".")
    }

    @Test func recordedInputsAreRelativeToTheModel() {
        #expect(ManifestPath.recorded("/abs/data.csv", modelFile: "/abs/proj/model.yml") == "../data.csv")
        #expect(ManifestPath.recorded("/abs/proj/model.yml", modelFile: "/abs/proj/model.yml") == "model.yml")
        #expect(ManifestPath.recorded("model.yml", modelFile: "model.yml") == "model.yml")
        #expect(ManifestPath.recorded("proj/sub/data.csv", modelFile: "proj/model.yml") == "sub/data.csv")
        #expect(ManifestPath.recorded("other/data.csv", modelFile: "proj/model.yml") == "../other/data.csv")
        #expect(ManifestPath.resolve("../other/data.csv", modelFile: "proj/model.yml") == "proj/../other/data.csv")
        #expect(ManifestPath.resolve("data.csv", modelFile: "model.yml") == "data.csv")
        #expect(ManifestPath.resolve("/abs/data.csv", modelFile: "proj/model.yml") == "/abs/data.csv")
    }

    @Test func toolCommitIsHeadOfTheEnclosingRepositoryOrUnknown() throws {
        let folder = try scratchFolder()
        let executable = folder.appendingPathComponent("bin/tool")
        // Outside any repository (the scratch folder is under the temporary directory).
        #expect(ToolCommit.lookup(executable: executable) == "unknown")
        @discardableResult
        func git(_ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", folder.path, "-c", "user.name=t", "-c", "user.email=t@e"] + args
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try git(["init", "-q"])
        try Data("a\n".utf8).write(to: folder.appendingPathComponent("f.txt"))
        try git(["add", "f.txt"])
        try git(["commit", "-q", "-m", "one"])
        let head = try git(["log", "-1", "--format=%H"])
        #expect(head.count == 40)
        #expect(ToolCommit.lookup(executable: executable) == head)
        try Data("b\n".utf8).write(to: folder.appendingPathComponent("f.txt"))
        #expect(ToolCommit.lookup(executable: executable) == head + "-dirty")
    }
}
