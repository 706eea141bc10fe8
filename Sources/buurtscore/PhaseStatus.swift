import Foundation

/// What a long run is doing, on standard error: once a phase has taken more than a second, a
/// line "reading data.csv … 3 s" is drawn and refreshed every second until the phase ends (then
/// it stays, with its final time). Only when standard error is a terminal and not `--quiet`, so
/// short runs, logs and scheduled jobs stay clean.
final class PhaseStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var phase: String?
    private var started = Date()
    private var drawn = false
    private let timer: DispatchSourceTimer

    /// `nil` when disabled (`--quiet`) or when standard error is not a terminal.
    init?(enabled: Bool) {
        guard enabled, isatty(FileHandle.standardError.fileDescriptor) == 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// The status line being drawn, so an error message can end it first.
    nonisolated(unsafe) private static weak var current: PhaseStatus?
    private static let currentLock = NSLock()

    /// Ends the phase of the status line in use, if any (before an error message is printed).
    static func endCurrent() {
        currentLock.lock()
        let status = current
        currentLock.unlock()
        status?.end()
    }

    /// Starts a phase (ending the previous one).
    func begin(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        endLocked()
        phase = name
        started = Date()
        Self.currentLock.lock()
        Self.current = self
        Self.currentLock.unlock()
    }

    /// Ends the current phase.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        endLocked()
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard let phase else { return }
        let seconds = Int(Date().timeIntervalSince(started))
        guard seconds >= 1 else { return }
        drawn = true
        FileHandle.standardError.write(Data("\r\(phase) … \(seconds) s".utf8))
    }

    private func endLocked() {
        if drawn, let phase {
            let seconds = Date().timeIntervalSince(started)
            FileHandle.standardError.write(Data("\r\(phase) … \(String(format: "%.1f", seconds)) s\n".utf8))
        }
        phase = nil
        drawn = false
    }
}
