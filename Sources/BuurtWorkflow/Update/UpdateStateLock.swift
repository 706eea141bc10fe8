import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive access to an update state: an advisory lock (`flock`) on `STATE/.lock`, which
/// also holds the id of the process that has it (for the message another process gets).
///
/// The operating system releases the lock when the process ends in any way (also `kill -9`),
/// so a lock can never be left stale; the file itself stays. The file is never followed nor
/// truncated unless it is ours: a symbolic link, a hard link, anything but a regular file, or
/// a file holding anything but a process id line is refused and left as it is.
package final class UpdateStateLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock or fails at once.
    /// - Throws: ``BuurtError`` `.lock` (exit 75) when another process holds it, naming
    ///   that process; `.output` when the lock file cannot be opened or is not one this
    ///   program writes.
    package init(_ state: UpdateStateDirectory) throws(BuurtError) {
        let path = state.lockPath
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link, which this program never follows"
                : String(cString: strerror(errno))
            throw Self.refusal("cannot open the lock file: \(reason)", at: path)
        }
        if let problem = Self.problem(with: fd) {
            close(fd)
            throw Self.refusal(problem, at: path)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.contents(fd).trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            let who = holder.isEmpty ? "another process" : "process \(holder)"
            throw BuurtError(.lock, "\(who) is updating \(state.path); nothing was changed, try again when it has finished", at: SourceLocation(file: path))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    /// Why the open file is not a lock file of this program, `nil` when it is one: a regular
    /// file with one name, empty or holding a process id line.
    private static func problem(with fd: Int32) -> String? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return String(cString: strerror(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return "the lock file is not a regular file" }
        guard info.st_nlink == 1 else {
            return "the lock file is a hard link (\(info.st_nlink) names share its content), so writing it would change another file"
        }
        let text = contents(fd)
        let line = text.hasSuffix("\n") ? text.dropLast() : Substring(text)
        guard text.utf8.count < maximumSize, line.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "the lock file is not a lock file of this program (which holds only a process id)"
        }
        return nil
    }

    private static let maximumSize = 32

    /// The first bytes of the open file (up to ``maximumSize``).
    private static func contents(_ fd: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: maximumSize)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, maximumSize, 0) }
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }

    private static func refusal(_ reason: String, at path: String) -> BuurtError {
        BuurtError(.output, "\(reason); nothing was changed: remove or rename `.lock` if nothing of yours is in it, then run the update again",
                   at: SourceLocation(file: path))
    }
}
