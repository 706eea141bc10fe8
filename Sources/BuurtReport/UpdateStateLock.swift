import BuurtNumerics
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
/// so a lock can never be left stale; the file itself stays.
public final class UpdateStateLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock or fails at once.
    /// - Throws: ``BuurtError`` `.tempFail` (exit 75) when another process holds it, naming
    ///   that process; `.cannotCreate` when the lock file cannot be opened.
    public init(_ state: UpdateStateDirectory) throws(BuurtError) {
        let path = state.lockPath
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw BuurtError(.cannotCreate, "cannot open the lock file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            let who = holder.isEmpty ? "another process" : "process \(holder)"
            throw BuurtError(.tempFail, "\(who) is updating \(state.path); nothing was changed, try again when it has finished", at: SourceLocation(file: path))
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
}
