import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
import Synchronization

/// The output directories being written right now (staging folder, target, and the old target
/// while it is moved aside), so that a program interrupted by a signal can put things back:
/// ``restoreAll()`` removes every staging folder and returns an old target that was moved
/// aside to its place. Nothing a user had is lost and no half-written folder stays behind.
///
/// The renames that put an output in place run inside ``committing(_:_:)``, which
/// ``restoreAll()`` waits for: an interrupt sees either the old target (the renames have not
/// begun) or the new one (they are done), never the moment in between.
package enum StagingRegistry {
    struct Entry: Sendable, Hashable {
        let staging: String
        let retired: String
        let target: String
    }

    private struct State {
        var writing: Set<Entry> = []
        /// Targets this process put in place.
        var completed: [String] = []
        /// Set by ``restoreAll()``: nothing more may be staged or committed.
        var interrupted = false
    }

    private static let state = Mutex(State())

    /// Runs `body` (creating `entry`'s staging folder or a folder in it) unless an interrupt
    /// has begun, and registers `entry` when `body` succeeds.
    /// - Throws: what `body` throws; `.output` at the target once interrupted.
    static func staging<T>(_ entry: Entry, _ body: () throws(BuurtError) -> T) throws(BuurtError) -> T {
        try state.withLock { (current: inout State) throws(BuurtError) -> T in
            guard !current.interrupted else { throw interruptedError(entry) }
            let value = try body()
            current.writing.insert(entry)
            return value
        }
    }

    /// Runs `body`, the renames that put `entry`'s staging folder in place of its target, so
    /// that ``restoreAll()`` waits until they are done; on success `entry` is complete.
    /// - Throws: what `body` throws; `.output` at the target once interrupted.
    static func committing(_ entry: Entry, _ body: () throws(BuurtError) -> Void) throws(BuurtError) {
        try state.withLock { (current: inout State) throws(BuurtError) in
            guard !current.interrupted else { throw interruptedError(entry) }
            try body()
            current.writing.remove(entry)
            current.completed.append(entry.target)
        }
    }

    /// Whether an interrupt has begun putting things back (waits while it does). Errors the
    /// writing thread meets from then on are the interrupt's doing, not the user's.
    package static var isInterrupted: Bool {
        state.withLock { $0.interrupted }
    }

    static func unregister(_ entry: Entry) {
        state.withLock { _ = $0.writing.remove(entry) }
    }

    /// The staging folders currently registered (for tests and messages).
    package static var stagingFolders: [String] {
        state.withLock { $0.writing.map(\.staging).sorted() }
    }

    /// Removes every registered staging folder; where a target was moved aside and not yet
    /// replaced, moves it back. From then on nothing is staged or committed. Safe to call from
    /// any thread; the program is to exit right after.
    /// - Returns: one line per output folder of this process: left as it was, or complete.
    package static func restoreAll() -> [String] {
        state.withLock { current -> [String] in
            current.interrupted = true
            let lines = current.writing.sorted { $0.target < $1.target }.map(restore)
                + current.completed.map { "\($0): written completely before the interrupt" }
            current.writing.removeAll()
            return lines
        }
    }

    /// Removes `entry`'s staging folder and, when its target was moved aside and not replaced,
    /// moves the old target back.
    /// - Returns: what became of the target, for the interrupt message.
    static func restore(_ entry: Entry) -> String {
        let fm = FileManager.default
        // Renamed first, then removed: a writer thread that is still adding a file can no
        // longer reach the folder by its path, so it cannot recreate it behind the removal.
        let discarded = URL(fileURLWithPath: entry.staging).deletingLastPathComponent()
            .appendingPathComponent(TemporaryName.make(URL(fileURLWithPath: entry.target).lastPathComponent, .partial)).path
        let gone = Foundation.rename(entry.staging, discarded) == 0
        try? fm.removeItem(atPath: gone ? discarded : entry.staging)
        if !fm.fileExists(atPath: entry.target), fm.fileExists(atPath: entry.retired) {
            do {
                try FileRename.rename(entry.retired, to: entry.target, naming: entry.target)
            } catch {
                return "\(entry.target): not written; the earlier output is kept as \(entry.retired) (\(error.message)): rename it back"
            }
        }
        return "\(entry.target): not written; what was there is left as it was"
    }

    private static func interruptedError(_ entry: Entry) -> BuurtError {
        BuurtError(.output, "interrupted: the output is not written", at: SourceLocation(file: entry.target))
    }
}
