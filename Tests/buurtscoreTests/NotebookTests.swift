import Foundation
import Testing

/// The worked examples in `notebooks-md/*.md` are executable: each fenced ```console block
/// holds commands (lines starting with `$ `), each followed by its expected output.
///
/// The commands of a notebook run one after another with `/bin/sh -c` in a fresh copy of the
/// repository's `datasets/`, `notebooks-md/` and `Examples/scheduled-update/` (working directory = that copy's root), with
/// the built `buurtscore` first on the PATH. The output compared is standard output, then
/// standard error, then `[exit N]` when the status is not 0; trailing spaces and trailing
/// empty lines are ignored. A notebook containing `<!-- notebook: needs ../shared -->` reads
/// the reference data beside the repository and is skipped when that is absent.
///
/// `BUURTSCORE_REWRITE_NOTEBOOKS=1 swift test --filter NotebookTests` writes the actual
/// outputs into the notebooks instead of comparing (review the change with `git diff`).
@Suite struct NotebookTests {
    static let folder = CLIHarness.projectRoot.appendingPathComponent("notebooks-md")
    static let rewrite = ProcessInfo.processInfo.environment["BUURTSCORE_REWRITE_NOTEBOOKS"] == "1"

    static var notebooks: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func everyNotebookHasConsoleBlocks() throws {
        #expect(!Self.notebooks.isEmpty)
        for name in Self.notebooks {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!NotebookBlocks.parse(text).commands.isEmpty, "\(name) has no ```console block with a `$ ` command")
        }
    }

    @Test(arguments: notebooks)
    func notebookCommandsGiveTheirRecordedOutput(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        if text.contains("<!-- notebook: needs ../shared -->"), !CLIHarness.sharedAvailable {
            print("\(name): skipped, ../shared (the reference data beside the repository) is absent")
            return
        }
        let notebook = NotebookBlocks.parse(text)
        let sandbox = try NotebookSandbox()
        defer { sandbox.remove() }
        var actual: [String] = []
        for command in notebook.commands {
            let output = try sandbox.run(command.line)
            actual.append(output)
            if !Self.rewrite {
                #expect(output == command.expected, "\(name), `$ \(command.line)`:\n\(NotebookBlocks.firstDifference(command.expected, output))")
            }
        }
        if Self.rewrite {
            let updated = notebook.replacingOutputs(actual)
            if updated != text { try Data(updated.utf8).write(to: url) }
        }
    }
}

/// The console blocks of a notebook.
struct NotebookBlocks {
    struct Command {
        var line: String
        var expected: String
        /// Lines of the notebook holding the expected output (half-open), for rewriting.
        var outputLines: Range<Int>
    }

    var lines: [String]
    var commands: [Command]

    static func parse(_ text: String) -> NotebookBlocks {
        let lines = text.components(separatedBy: "\n")
        var commands: [Command] = []
        var inBlock = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if !inBlock {
                inBlock = line.trimmingCharacters(in: .whitespaces) == "```console"
                i += 1
                continue
            }
            if line.hasPrefix("```") {
                inBlock = false
                i += 1
                continue
            }
            if line.hasPrefix("$ ") {
                var j = i + 1
                while j < lines.count, !lines[j].hasPrefix("$ "), !lines[j].hasPrefix("```") { j += 1 }
                commands.append(Command(line: String(line.dropFirst(2)), expected: normalised(lines[(i + 1)..<j].joined(separator: "\n")),
                                        outputLines: (i + 1)..<j))
                i = j
                continue
            }
            i += 1
        }
        return NotebookBlocks(lines: lines, commands: commands)
    }

    /// Trailing spaces of each line and trailing empty lines removed.
    static func normalised(_ output: String) -> String {
        var lines = output.components(separatedBy: "\n").map { line -> String in
            var s = Substring(line)
            while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
            return String(s)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The notebook text with each command's expected output replaced.
    func replacingOutputs(_ outputs: [String]) -> String {
        var result = lines
        for (command, output) in zip(commands, outputs).reversed() {
            let replacement = output.isEmpty ? [] : output.components(separatedBy: "\n")
            result.replaceSubrange(command.outputLines, with: replacement)
        }
        return result.joined(separator: "\n")
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for k in 0..<max(e.count, a.count) where k >= e.count || k >= a.count || e[k] != a[k] {
            return "first difference at output line \(k + 1)\n  expected: \(k < e.count ? e[k] : "(no such line)")\n  actual:   \(k < a.count ? a[k] : "(no such line)")\n--- actual output ---\n\(actual)"
        }
        return "(same)"
    }
}

/// A scratch copy of `datasets/`, `notebooks-md/` and the scheduled-update example (and `../shared` linked beside it).
struct NotebookSandbox {
    let root: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-notebook-\(UUID().uuidString)")
        root = base.appendingPathComponent("repo")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["datasets", "notebooks-md", "Examples/scheduled-update"] {
            let target = root.appendingPathComponent(folder)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: CLIHarness.projectRoot.appendingPathComponent(folder), to: target)
        }
        if CLIHarness.sharedAvailable {
            try fm.createSymbolicLink(at: base.appendingPathComponent("shared"), withDestinationURL: CLIHarness.shared)
        }
    }

    /// Removes the copy: first the link to ../shared (the link only, never what it points to),
    /// then, only when the link is gone, the rest.
    func remove() {
        let base = root.deletingLastPathComponent()
        let link = base.appendingPathComponent("shared").path
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) != nil { _ = unlink(link) }
        guard (try? FileManager.default.attributesOfItem(atPath: link)) == nil else { return }
        try? FileManager.default.removeItem(at: base)
    }

    /// Runs one command line; returns stdout, stderr and `[exit N]` (see ``NotebookTests``).
    func run(_ line: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLIHarness.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        // Standard error goes to a file, so that neither stream can block the command.
        let errorFile = root.deletingLastPathComponent().appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        try process.run()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorData = try Data(contentsOf: errorFile)
        try FileManager.default.removeItem(at: errorFile)
        var text = String(decoding: outputData, as: UTF8.self) + String(decoding: errorData, as: UTF8.self)
        if process.terminationStatus != 0 { text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "[exit \(process.terminationStatus)]" }
        return NotebookBlocks.normalised(text)
    }
}
