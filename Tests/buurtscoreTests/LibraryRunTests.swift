import BuurtIndex
import BuurtWorkflow
import Foundation
import Testing
@testable import buurtscore

/// The library's one door, `run(settings)`, against the command-line tool that calls it: the same
/// files to the byte, the seed setting, verification and the progress events.
@Suite struct LibraryRunTests {
    /// The demo (synthetic data) with 200 replications and no sensitivity analysis, in a scratch folder.
    static func smallDemo(_ cli: CLIHarness) throws -> String {
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        for file in ["data.csv", "crosswalk.csv", "buurten.geojson"] {
            try cli.write(file, String(contentsOf: demo.appendingPathComponent(file), encoding: .utf8))
        }
        let model = try String(contentsOf: demo.appendingPathComponent("model.yml"), encoding: .utf8)
        let small = model.replacingOccurrences(of: "replications: 1000", with: "replications: 200")
            .replacingOccurrences(of: "sensitivity: true", with: "sensitivity: false")
        #expect(small != model)
        return try cli.write("model.yml", small)
    }

    static func files(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }

    @Test func libraryRunWritesExactlyTheFilesOfTheCommandLine() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        let outcome = try cli.run(["run", model, "--out", cli.path("cli"), "--xlsx", "--stages", "--threads", "2", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let settings = RunSettings(model: model, stages: true, workbook: true, threads: 2)
        let (results, written) = try run(settings, writingTo: cli.path("library"))
        let fromCLI = try Self.files(in: cli.path("cli")), fromLibrary = try Self.files(in: cli.path("library"))
        #expect(Set(written) == Set(fromLibrary.keys))
        #expect(written.last == "manifest.json")
        #expect(fromCLI.keys.sorted() == fromLibrary.keys.sorted())
        for (path, data) in fromCLI { #expect(fromLibrary[path] == data, "\(path) differs") }
        // The values behind the files: every row with an index score is listed, 1, 2, … per period
        // by ascending score, and scores.csv has a line per row.
        let lines = try cli.read("library/scores.csv").split(separator: "\n")
        #expect(lines.count == results.scores.rowCount + 1)
        #expect(results.priorities.count == results.scores.rowCount)
        for period in 2017...2020 {
            let list = results.priorities.filter { $0.period == period }
            #expect(list.map(\.priority) == Array(1...list.count))
            #expect(list.map(\.score) == list.map(\.score).sorted())
        }
        #expect(results.bands.allSatisfy { $0.replications == 200 })
        #expect(results.changes?.from == 2017 && results.changes?.to == 2020)
        // Writing the same results again gives the same bytes (the folder is an earlier output).
        try results.write(to: cli.path("library"))
        #expect(try Self.files(in: cli.path("library")) == fromLibrary)
    }

    @Test func aSeedSettingChangesTheBandsIsRecordedAndVerifies() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        let own = try run(RunSettings(model: model, threads: 2))
        let seeded = try run(RunSettings(model: model, threads: 2, seed: 7))
        // Nominal scores do not depend on the seed; the bands do.
        #expect(own.scores.rowCount == seeded.scores.rowCount)
        #expect(own.priorities.map(\.score) == seeded.priorities.map(\.score))
        #expect(own.bands.map(\.scoreP05) != seeded.bands.map(\.scoreP05))
        try seeded.write(to: cli.path("seeded"))
        let manifest = try Manifest.parse(Data(contentsOf: URL(fileURLWithPath: cli.path("seeded/manifest.json"))), file: "manifest.json")
        #expect(manifest.settings.seed == 7)
        #expect(manifest.uncertainty?.seed == 7)
        #expect(try Verification.verify(directory: cli.path("seeded")).verified)
        // The command line's --seed gives the same files.
        let outcome = try cli.run(["run", model, "--seed", "7", "--threads", "2", "--out", cli.path("cli"), "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Self.files(in: cli.path("cli")) == Self.files(in: cli.path("seeded")))
        // Without the setting the manifest has no run.seed and the model's seed.
        try own.write(to: cli.path("own"))
        let text = try cli.read("own/manifest.json")
        #expect(!text.contains("\"seed\": 7") && text.contains("\"seed\": 2017"))
    }

    @Test func verificationNamesAFileEditedAfterTheRun() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        try run(RunSettings(model: model, threads: 2)).write(to: cli.path("out"))
        #expect(try Verification.verify(directory: cli.path("out")).verified)
        let scores = try cli.read("out/scores.csv")
        try cli.write("out/scores.csv", scores.replacingOccurrences(of: "Kerkdonk", with: "Kerkdonck"))
        let found = try Verification.verify(directory: cli.path("out"))
        #expect(found.inputs.isEmpty)
        #expect(found.outputs.map(\.path) == ["scores.csv"])
        #expect(found.outputs.first?.problem == .changedAfterRun)
    }

    @Test func progressEventsComeInTheirDocumentedOrder() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        let events = EventLog()
        _ = try run(RunSettings(model: model, threads: 2), writingTo: cli.path("out"), progress: events.record)
        let names = events.names
        #expect(names.first == "reading:model.yml")
        #expect(names.dropFirst().first == "read")
        #expect(names.dropFirst(2).first == "computing")
        #expect(names.last == "writing")
        let counts = events.replications
        #expect(!counts.isEmpty && counts.allSatisfy { $0.total == counts[0].total })
        #expect(counts.map(\.done).max() == counts[0].total)
    }

    @Test func aMissingModelIsAMissingInputWithItsPath() throws {
        let cli = try CLIHarness()
        #expect {
            try run(RunSettings(model: cli.path("nowhere.yml")))
        } throws: { error in
            guard let errors = error as? BuurtErrors else { return false }
            return errors.kind == .missingInput && errors.problems.first?.location?.file == cli.path("nowhere.yml")
        }
        #expect(!cli.exists("out"))
    }

    @Test func aThreadCountOutsideItsRangeIsRefusedBeforeAnythingIsWritten() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        for threads in [0, -1, RunSettings.maximumThreads + 1] {
            #expect {
                try run(RunSettings(model: model, threads: threads), writingTo: cli.path("out"))
            } throws: { error in
                (error as? BuurtErrors)?.kind == .usage && "\(error)".contains("got \(threads)")
            }
        }
        #expect(!cli.exists("out"))
    }

    @Test func theResultsNameTheSeedTheRunUsed() throws {
        let cli = try CLIHarness()
        let model = try Self.smallDemo(cli)
        #expect(try run(RunSettings(model: model, threads: 2)).seed == 2017)
        #expect(try run(RunSettings(model: model, threads: 2, seed: 99)).seed == 99)
    }

    /// The manifest's commit is the one of the checkout the library was built from (this
    /// repository), whatever program runs it.
    @Test func theToolIsTheLibraryAtTheCommitOfItsSources() throws {
        let head = try CLIHarness().run(program: URL(fileURLWithPath: "/usr/bin/env"),
                                        ["git", "-C", CLIHarness.projectRoot.path, "rev-parse", "HEAD"])
        try #require(head.status == 0, "git is needed: \(head.stderr)")
        let tool = Manifest.Tool.current
        #expect(tool.name == "buurtscore" && tool.version == BuurtscoreLibrary.version)
        #expect(tool.commit.hasPrefix(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func everyErrorKindHasItsOwnSysexitsCode() {
        // EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_SOFTWARE, EX_CANTCREAT, EX_TEMPFAIL (sysexits.h).
        let expected: [BuurtError.Kind: Int32] = [.usage: 64, .data: 65, .missingInput: 66, .internalFailure: 70, .output: 73, .lock: 75]
        #expect(Set(BuurtError.Kind.allCases) == Set(expected.keys))
        for (kind, code) in expected { #expect(kind.exitCode == code, "\(kind)") }
        #expect(BuurtErrors([]).exitCode == 0)
        #expect(BuurtErrors([BuurtError(.lock, "held"), BuurtError(.data, "bad")]).exitCode == 75)
    }
}

/// Progress events as they arrive (from any thread).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RunProgress] = []

    var record: @Sendable (RunProgress) -> Void { { [self] event in lock.withLock { events.append(event) } } }

    /// Every event but replications, by name.
    var names: [String] {
        lock.withLock {
            events.compactMap { event in
                switch event {
                case .reading(let file): "reading:\(file)"
                case .read: "read"
                case .computing: "computing"
                case .replications: nil
                case .writing: "writing"
                }
            }
        }
    }

    var replications: [(done: Int, total: Int)] {
        lock.withLock {
            events.compactMap { if case .replications(let done, let total) = $0 { (done, total) } else { nil } }
        }
    }
}
