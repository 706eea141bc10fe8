import Foundation
import Synchronization

/// The output directories being written right now (staging folder, target, and the old target
/// while it is moved aside), so that a program interrupted by a signal can put things back:
/// ``restoreAll()`` removes every staging folder and returns an old target that was moved
/// aside to its place. Nothing a user had is lost and no half-written folder stays behind.
public enum StagingRegistry {
    struct Entry: Sendable, Hashable {
        let staging: String
        let retired: String
        let target: String
    }

    private static let entries = Mutex<Set<Entry>>([])

    static func register(_ entry: Entry) {
        entries.withLock { _ = $0.insert(entry) }
    }

    static func unregister(_ entry: Entry) {
        entries.withLock { _ = $0.remove(entry) }
    }

    /// The staging folders currently registered (for tests and messages).
    public static var stagingFolders: [String] {
        entries.withLock { $0.map(\.staging).sorted() }
    }

    /// Removes every registered staging folder; where a target was moved aside and not yet
    /// replaced, moves it back. Safe to call from any thread, once the writing thread is
    /// no longer trusted to finish (the program exits right after).
    public static func restoreAll() {
        let all = entries.withLock { current -> Set<Entry> in
            let taken = current
            current.removeAll()
            return taken
        }
        let fm = FileManager.default
        for entry in all {
            try? fm.removeItem(atPath: entry.staging)
            if !fm.fileExists(atPath: entry.target), fm.fileExists(atPath: entry.retired) {
                try? fm.moveItem(atPath: entry.retired, toPath: entry.target)
            }
        }
    }
}
