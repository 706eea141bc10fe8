import Foundation

/// The git commit a program was built from.
public enum ToolCommit {
    /// Walks up from the folder of `executable` (symbolic links resolved) to the first folder
    /// holding `.git` and runs `git rev-parse HEAD` there; `-dirty` is appended when
    /// `git status --porcelain` lists changes. Returns `unknown` when no such folder exists
    /// (an installed copy of the program), when git is not installed, or when git fails.
    public static func lookup(executable: URL) -> String {
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let fm = FileManager.default
        while !fm.fileExists(atPath: folder.appendingPathComponent(".git").path) {
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return "unknown" }
            folder = parent
        }
        guard let head = git(["rev-parse", "HEAD"], in: folder)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !head.isEmpty, head.allSatisfy(\.isHexDigit) else { return "unknown" }
        guard let status = git(["status", "--porcelain"], in: folder) else { return head }
        return status.isEmpty ? head : head + "-dirty"
    }

    /// Standard output of `git -C folder arguments…`, `nil` when git is missing or fails.
    private static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
