import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// Recovery of an update state that an interrupted update left behind.
@Suite struct UpdateStateDirectoryTests {
    /// A state whose latest run is 2020, with the leftovers of an update to 2021 that stopped
    /// after writing its run folder: its journal, `runs/2021`, `inputs/2021.csv`, a
    /// half-written staging folder and a temporary file. Both run folders are complete
    /// (a manifest listing their one table).
    static func interruptedState(dataCSV: String) throws -> UpdateStateDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("update-state-\(UUID().uuidString)").path
        let state = UpdateStateDirectory(path: root)
        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: state.join(path))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("model.yml", "title: x\n")
        try write("inputs/2020.csv", "old\n")
        try write("inputs/2021.csv", "new\n")
        for run in ["2020", "2021"] {
            try write("runs/\(run)/scores.csv", "\(run)\n")
            try write("runs/\(run)/manifest.json", manifest(listing: "scores.csv", "\(run)\n"))
        }
        try write(".update-journal", "update 2021\n")
        try write("runs/.2021-r2.partial-1234ABCD/scores.csv", "partial\n")
        try write(".latest.tmp-89ABCDEF", "2021\n")
        try write("latest", "2020\n")
        try write("data.csv", dataCSV)
        return state
    }

    /// A `manifest.json` of ours that lists one output with these bytes.
    static func manifest(listing path: String, _ text: String) -> String {
        let digest = String(repeating: "0", count: 64)
        return Manifest(
            tool: .init(name: "buurtscore", version: "0.1.0", commit: "unknown"), modelLocation: "../../model.yml",
            canonicalModelSHA256: digest,
            inputs: [.init(role: "model", path: "model.yml", sha256: digest), .init(role: "data", path: "inputs/x.csv", sha256: digest)],
            settings: RecordedSettings(), uncertainty: nil, blas: .init(configuration: "c", core: "k"),
            outputs: [.init(path: path, sha256: SHA256Hex.digest(text))]).text
    }

    static func entries(_ state: UpdateStateDirectory, _ folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? state.path : state.join(folder)).sorted()
    }

    @Test func recoveryRemovesRunsAfterLatestAndTemporaryFiles() throws {
        let state = try Self.interruptedState(dataCSV: "old\n")
        #expect(try state.latest() == RunName(period: 2020))
        try state.recover()
        #expect(try Self.entries(state) == ["data.csv", "inputs", "latest", "model.yml", "runs"])
        #expect(try Self.entries(state, "runs") == ["2020"])
        #expect(try Self.entries(state, "inputs") == ["2020.csv"])
        #expect(try String(contentsOfFile: state.dataPath, encoding: .utf8) == "old\n")
    }

    @Test func recoveryMakesTheFiguresThoseOfTheLatestRun() throws {
        // Stopped after `latest` was replaced but before the journal was removed, with a
        // data.csv that holds the figures of another run: latest says 2021.
        let state = try Self.interruptedState(dataCSV: "old\n")
        try Data("2021\n".utf8).write(to: URL(fileURLWithPath: state.latestPath))
        try state.recover()
        #expect(try Self.entries(state, "runs") == ["2020", "2021"])
        #expect(try String(contentsOfFile: state.dataPath, encoding: .utf8) == "new\n")
    }

    @Test func latestMustNameARun() throws {
        let state = try Self.interruptedState(dataCSV: "old\n")
        try Data("newest\n".utf8).write(to: URL(fileURLWithPath: state.latestPath))
        let error = try #require(throws: BuurtError.self) { try state.recover() }
        #expect(error.kind == .data && error.message.hasPrefix("'newest' is not the name of a run"))
    }
}
