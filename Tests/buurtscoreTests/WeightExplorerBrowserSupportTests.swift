import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// Headless Chromium (the Debian package `chromium`, which `make test` installs), run as a plain
/// process: `--dump-dom` prints the page's DOM after its scripts ran.
enum HeadlessChromium {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` on PATH (or `$CHROMIUM`).
    static let binary: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    static let skipReason: Comment =
        "no chromium binary on PATH: the weight explorer browser tests are skipped (make test installs the Debian package chromium)"

    /// The serialised DOM of `url` after its scripts ran. Each call uses its own profile
    /// directory, so calls may run side by side.
    /// - Throws: when Chromium cannot start, exits with an error, or takes longer than 120 s.
    static func dumpDOM(_ url: URL, fragment: String) throws -> String {
        let binary = try #require(binary)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000", "--dump-dom",
            url.absoluteString + "#" + fragment,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationStatus == 0 else {
            throw BrowserFailure("chromium exited with \(process.terminationStatus): \(String(decoding: stderr.suffix(2000), as: UTF8.self))")
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}

struct BrowserFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What the page wrote into `<pre id="explorer-state">`.
struct ExplorerPageState {
    var weights: [Double]
    var recomputable: Bool
    var publishedMismatches: Int
    var error: String?
    var disabledControls: Bool
    /// The notice about an ignored link, the printed command and the page's address fragment.
    var notice: String
    var command: String
    var hash: String
    /// The table's rows of the chosen period, top first (data row numbers).
    var order: [Int]
    /// Per data row: the recomputed rank lies outside the published band (nil: no band or rank).
    var outside: [Bool?]
    /// Per data row: (rank, score), NaN for null.
    var rows: [(rank: Double, score: Double)]

    /// Reads the state from a dumped DOM. Numbers are read with `Double(String)`, which rounds
    /// correctly, so a shortest round-trip number from `JSON.stringify` gives back the same double.
    init(dom: String) throws {
        guard let start = dom.range(of: "<pre id=\"explorer-state\" hidden=\"\">") ?? dom.range(of: "<pre id=\"explorer-state\" hidden>"),
              let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw BrowserFailure("no explorer-state element in the page: \(dom.prefix(500))")
        }
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        guard !json.isEmpty, let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw BrowserFailure("the page wrote no state (did its script fail?)")
        }
        recomputable = object["recomputable"] as? Bool ?? false
        publishedMismatches = object["publishedMismatches"] as? Int ?? -1
        error = object["error"] as? String
        disabledControls = object["disabledControls"] as? Bool ?? false
        notice = object["notice"] as? String ?? ""
        command = object["command"] as? String ?? ""
        hash = object["hash"] as? String ?? ""
        order = object["order"] as? [Int] ?? []
        outside = (object["outside"] as? [Any] ?? []).map { $0 as? Bool }
        weights = Self.numbers(in: Self.slice(json, from: "\"weights\":[", to: "]"))
        let rowNumbers = Self.numbers(in: Self.slice(json, from: "\"rows\":[", to: "]]") + "]")
        rows = stride(from: 0, to: rowNumbers.count - 1, by: 2).map { (rowNumbers[$0], rowNumbers[$0 + 1]) }
    }

    private static func slice(_ s: String, from open: String, to close: String) -> String {
        guard let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) else { return "" }
        return String(s[a.upperBound..<b.lowerBound])
    }

    /// The numbers and nulls of a flat or nested JSON array body, in order (null → NaN).
    private static func numbers(in body: String) -> [Double] {
        body.split(whereSeparator: { $0 == "," || $0 == "[" || $0 == "]" }).map { token in
            let t = token.trimmingCharacters(in: .whitespaces)
            return t == "null" ? .nan : (Double(t) ?? .nan)
        }
    }
}

/// A model, its published run and its explorer page on disk.
struct ExplorerFixture: Sendable {
    var project: IndexProject
    var nominal: PipelineResult
    var page: URL
    var modelPath: String

    static func make(modelPath: String, name: String) throws -> ExplorerFixture {
        let project = try IndexProject.load(modelPath: modelPath)
        let nominal = try project.run(keepIntermediate: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-explorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("\(name).html")
        try Data(WeightExplorer.page(result: nominal, project: project).utf8).write(to: page)
        return ExplorerFixture(project: project, nominal: nominal, page: page, modelPath: modelPath)
    }

    /// The model's weights in the page's order: depth first below the index, in model order.
    static func nodeOrder(_ model: IndexModel) -> [String] {
        var out: [String] = []
        func visit(_ code: String) {
            out.append(code)
            model.children(of: code).forEach(visit)
        }
        model.children(of: model.root).forEach(visit)
        return out
    }

    static let demoModel = CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path

    /// The demo model: 19 buurten × 2017-2020, equal weights, arithmetic, screened rows dropped.
    static let demo = Result { try make(modelPath: demoModel, name: "demo") }

    /// The demo without imputation or screening and with `min_coverage: 0.6` at the index; the
    /// four crime indicators are blanked in every 7th row (5 of 6 dimensions left: renormalised)
    /// and the cohesion, victimisation and unsafety questions in every 11th row (3 of 6 left:
    /// 0.5 < 0.6, no index).
    static let gaps = Result { try make(modelPath: try writeVariant("gaps", aggregate: "{method: arithmetic, min_coverage: 0.6}", blankGaps: true, scope: "reference, reference: 2017"), name: "gaps") }

    /// The demo data with a geometric index: the page cannot recompute it.
    static let geometric = Result {
        try make(modelPath: try writeVariant("geometric", aggregate: "{method: arithmetic, levels: {3: {method: geometric}}}", blankGaps: false, scope: "period"), name: "geometric")
    }

    /// Writes a variant of the demo (tree, columns, denominate and treat as the demo; minmax to
    /// [1, 100] with the given scope; no impute or screen) and returns its model path.
    static func writeVariant(_ name: String, aggregate: String, blankGaps: Bool, scope: String) throws -> String {
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        let model = try String(contentsOf: demo.appendingPathComponent("model.yml"), encoding: .utf8)
        let tree = try #require(model.range(of: "# Counts are divided")).lowerBound
        let stages = """
            denominate: {scale: 1}
            treat: {method: winsorise, max_points: 5, max_skew: 2, max_kurtosis: 3.5}
            normalise: {method: minmax, range: [1, 100], scope: \(scope)}
            aggregate: \(aggregate)

            """
        var lines = try String(contentsOf: demo.appendingPathComponent("data.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if blankGaps {
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func blank(_ codes: [String], every step: Int, from first: Int) {
                let columns = codes.compactMap { header.firstIndex(of: $0) }
                for i in stride(from: first, to: lines.count, by: step) {
                    var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    for j in columns { cells[j] = "" }
                    lines[i] = cells.joined(separator: ",")
                }
            }
            blank(["burglary", "theft", "violence", "vandalism"], every: 7, from: 4)
            blank(["know_each_other", "get_along", "feel_at_home", "victim_any", "victim_property", "victim_violence",
                   "unsafe_sometimes", "unsafe_evening", "unsafe_home"], every: 11, from: 6)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data((model[..<tree] + stages).utf8).write(to: directory.appendingPathComponent("model.yml"))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("data.csv"))
        try FileManager.default.copyItem(at: demo.appendingPathComponent("buurten.geojson"), to: directory.appendingPathComponent("buurten.geojson"))
        return directory.appendingPathComponent("model.yml").path
    }
}
