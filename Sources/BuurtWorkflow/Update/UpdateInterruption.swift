import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The update state being changed by this process, so that a signal (Ctrl-C, SIGTERM) ends an
/// update with exactly the state before it, or lets it finish once its run is published.
///
/// An update changes its state only in ``step(_:)``s, and writes its run folder through
/// ``StagingRegistry``. ``interrupt(_:)`` waits for a running step, stops the run's writing
/// (``StagingRegistry/restoreAll()``), undoes the update (``UpdateStateDirectory/recover()``,
/// which the journal guides, then removes the folders `--init` created) and keeps every
/// further step from starting while its handler ends the process.
package enum UpdateInterruption {
    /// What an interruption found.
    package enum Outcome: Sendable {
        /// No update was running.
        case noUpdate
        /// The update of this state was undone (or had not changed anything yet).
        case undone(state: String)
        /// Undoing the update of this state failed for `reason`; the next update finishes it.
        case notUndone(state: String, reason: String)
        /// `latest` already names the new run: the update is published and only reports.
        case published
    }

    private struct Active: Sendable {
        var state: UpdateStateDirectory
        var published = false
        /// Folders created for the state (`--init`), deepest first.
        var created: [String]
    }

    /// Held during a step and while an interruption handles the update.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var active: Active?

    /// Takes the state's lock with `acquire` and marks `state` as the one being updated, as one
    /// step: an interruption waits for it and then undoes the update.
    /// - Parameter created: the folders `acquire` creates, deepest first; an undo (and
    ///   ``end()`` of an unpublished update) removes each that holds nothing but `.lock`.
    static func begin<T>(_ state: UpdateStateDirectory, created: [String] = [], _ acquire: () throws(BuurtError) -> T) throws(BuurtError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = try acquire()
        active = Active(state: state, created: created)
        return value
    }

    /// Marks the update as published (call it inside the step that publishes it): an
    /// interruption from now on lets it finish.
    static func publish() {
        active?.published = true
    }

    /// Ends the update; one that was not published (after an error that recovery undid)
    /// also removes the folders it created.
    static func end() {
        lock.lock()
        defer { lock.unlock() }
        guard let update = active, !update.published else { return }
        removeCreated(update)
        active = nil
    }

    /// Runs one change of the state: an interruption waits until it is done.
    static func step(_ body: () throws(BuurtError) -> Void) throws(BuurtError) {
        lock.lock()
        defer { lock.unlock() }
        try body()
    }

    /// Undoes a running update that is not published, then calls `handle` with the outcome;
    /// no step of the update starts before `handle` returns (meant to end the process).
    package static func interrupt(_ handle: (Outcome) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard let update = active else { return handle(.noUpdate) }
        if update.published { return handle(.published) }
        // The run's writers are stopped first, so that nothing is written behind the undo.
        _ = StagingRegistry.restoreAll()
        do {
            try update.state.recover()
        } catch {
            return handle(.notUndone(state: update.state.path, reason: error.description))
        }
        removeCreated(update)
        handle(.undone(state: update.state.path))
    }

    /// Removes the folders the update created that are empty but for the state's `.lock`.
    private static func removeCreated(_ update: Active) {
        for folder in update.created {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if folder == update.state.path, entries == [".lock"] { unlink(update.state.lockPath) }
            guard rmdir(folder) == 0 else { return }
        }
    }
}
