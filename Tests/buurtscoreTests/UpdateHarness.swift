import Foundation
import BuurtReport
import BuurtIndex
import BuurtWorkflow

/// A demo update state in a scratch directory: the demo model (with fewer replications, so
/// that a run takes a few seconds), its 2017-2020 figures and the 2021 figures beside it.
struct UpdateHarness {
    let cli: CLIHarness

    static let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")

    /// The demo model with `replications: 1000` replaced by `replications`.
    init(replications: Int = 40) throws {
        try self.init(cli: CLIHarness(), replications: replications)
    }

    /// The demo files written into an existing scratch directory.
    init(cli: CLIHarness, replications: Int = 40) throws {
        self.cli = cli
        let model = try String(contentsOf: Self.demo.appendingPathComponent("model.yml"), encoding: .utf8)
        try cli.write("demo/model.yml", model.replacingOccurrences(of: "replications: 1000", with: "replications: \(replications)"))
        try cli.write("demo/data.csv", String(contentsOf: Self.demo.appendingPathComponent("data.csv"), encoding: .utf8))
        try cli.write("demo/crosswalk.csv", String(contentsOf: Self.demo.appendingPathComponent("crosswalk.csv"), encoding: .utf8))
        try cli.write("demo/buurten.geojson", String(contentsOf: Self.demo.appendingPathComponent("buurten.geojson"), encoding: .utf8))
        try cli.write("new2021.csv", String(contentsOf: Self.demo.appendingPathComponent("2021/data.csv"), encoding: .utf8))
    }

    /// `buurtscore update STATE --init --model demo/model.yml`.
    func initialise(_ state: String = "state") throws -> CLIHarness.Outcome {
        try cli.run(["update", state, "--init", "--model", "demo/model.yml", "--threads", "1"])
    }

    func update(_ state: String = "state", data: String = "new2021.csv", extra: [String] = []) throws -> CLIHarness.Outcome {
        try cli.run(["update", state, "--data", data, "--threads", "1"] + extra)
    }

    /// Every file under `state` (relative path → bytes), without the lock file.
    func snapshot(_ state: String = "state") throws -> [String: Data] {
        let root = URL(fileURLWithPath: cli.path(state)).resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
            if path == ".lock" { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    /// `buurtscore update STATE --data new2021.csv` (or `arguments` in place of `--data
    /// new2021.csv`) started and not waited for (to be killed).
    func launchUpdate(_ state: String, arguments: [String] = ["--data", "new2021.csv"], standardError: Any = FileHandle.nullDevice) throws -> Process {
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = ["update", state] + arguments + ["--threads", "1"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        return process
    }

    func copy(_ from: String, to: String) throws {
        try FileManager.default.copyItem(atPath: cli.path(from), toPath: cli.path(to))
    }

    /// A CSV file as rows of cells (no quoted cells in these files).
    func rows(_ path: String) throws -> [[String]] {
        try cli.read(path).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
