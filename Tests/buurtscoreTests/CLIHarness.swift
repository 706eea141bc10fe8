import Foundation
import Testing

/// Runs the built `buurtscore` executable in a scratch directory and captures its output.
struct CLIHarness {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root.
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository.
    static let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("peers/coinr-asem/README.md").path)
    }

    /// The Swift files of the library modules (`Sources/Buurt*`), relative to the package.
    static func librarySources() throws -> [String] {
        let sources = CLIHarness.projectRoot.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasPrefix("Buurt") }
        return modules.flatMap { module in
            (FileManager.default.subpaths(atPath: sources.appendingPathComponent(module).path) ?? [])
                .filter { $0.hasSuffix(".swift") }.map { "Sources/\(module)/\($0)" }
        }.sorted()
    }

    /// The executable built next to the test bundle.
    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("buurtscore").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("buurtscore")
    }

    /// A fresh scratch directory.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("buurtscore-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes a file into the scratch directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes raw bytes into the scratch directory and returns its path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// Runs `buurtscore` with `arguments`, working directory = the scratch directory.
    func run(_ arguments: [String]) throws -> Outcome {
        try run(program: Self.executable, arguments)
    }

    /// Runs `program` with `arguments` in the scratch directory.
    func run(program: URL, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is drained on its own thread: a child that fills one pipe while the
        // harness waits on the other would otherwise block both forever.
        nonisolated(unsafe) var stderrData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Names of entries in the scratch directory (to prove that no partial output appeared).
    func entries() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
    }
}
