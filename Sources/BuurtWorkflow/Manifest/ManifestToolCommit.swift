import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The git commit a program was built from.
package enum ToolCommit {
    /// Walks up from the folder of `executable` (symbolic links resolved) to the first folder
    /// holding `.git` and runs `git rev-parse HEAD` there; `-dirty` is appended when
    /// `git status --porcelain` lists changes. Returns `unknown` when no such folder exists
    /// (an installed copy of the program), when git is not installed, or when git fails.
    package static func lookup(executable: URL) -> String {
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
    ///
    /// git is found on `PATH` and started with `posix_spawn` (standard error to /dev/null), the
    /// output read from a close-on-exec pipe: about 5 ms a call, against ≈ 50 ms through
    /// Foundation's `Process` and `/usr/bin/env`, which a small model's whole run would notice.
    private static func git(_ arguments: [String], in folder: URL) -> String? {
        guard let git = executableOnPath("git") else { return nil }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([git, "-C", folder.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, git, &actions, nil, argv, environ)
        close(ends[1])
        defer { close(ends[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
            if n > 0 { output += chunk[0..<n] } else if n == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // Exited normally (no signal) with status 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// The first executable file `name` in the folders of `PATH`.
    private static func executableOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return String(candidate) }
        }
        return nil
    }
}
