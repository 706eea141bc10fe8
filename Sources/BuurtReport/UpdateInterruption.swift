import BuurtNumerics
import Foundation

/// The update state being changed by this process, so that a signal (Ctrl-C, SIGTERM) ends an
/// update with exactly the state before it, or lets it finish once its run is published.
///
/// An update changes its state only in ``step(_:)``s. ``interrupt(_:)`` waits for a running
/// step, undoes the update (``UpdateStateDirectory/recover()``, which the journal guides) and
/// keeps every further step from starting while its handler ends the process.
public enum UpdateInterruption {
    /// What an interruption found.
    public enum Outcome: Sendable {
        /// No update was running.
        case noUpdate
        /// The update of this state was undone (or had not changed anything yet).
        case undone(state: String)
        /// `latest` already names the new run: the update is published and only reports.
        case published
    }

    private struct Active: Sendable {
        var state: UpdateStateDirectory
        var published = false
    }

    /// Held during a step and while an interruption handles the update.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var active: Active?

    /// Marks `state` (whose lock this process holds) as the one being updated.
    static func begin(_ state: UpdateStateDirectory) {
        locked { active = Active(state: state) }
    }

    /// Marks the update as published (call it inside the step that publishes it): an
    /// interruption from now on lets it finish.
    static func publish() {
        active?.published = true
    }

    /// Ends the update that was not published (after an error that recovery undid).
    static func end() {
        locked { if active?.published == false { active = nil } }
    }

    /// Runs one change of the state: an interruption waits until it is done.
    static func step(_ body: () throws(BuurtError) -> Void) throws(BuurtError) {
        lock.lock()
        defer { lock.unlock() }
        try body()
    }

    /// Undoes a running update that is not published, then calls `handle` with the outcome;
    /// no step of the update starts before `handle` returns (meant to end the process).
    public static func interrupt(_ handle: (Outcome) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard let update = active else { return handle(.noUpdate) }
        if update.published { return handle(.published) }
        try? update.state.recover()
        handle(.undone(state: update.state.path))
    }

    private static func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }
}
