import Foundation

/// A progress bar on standard error for long computations: drawn only when standard error is a
/// terminal, and only once the work has taken more than a second, so short runs and logs stay clean.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var drawn = false
    private var lastPercent = -1

    /// `nil` when disabled (`--quiet`) or when standard error is not a terminal.
    init?(enabled: Bool, label: String) {
        guard enabled, isatty(FileHandle.standardError.fileDescriptor) == 1 else { return nil }
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total > 0, Date().timeIntervalSince(start) > 1 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        drawn = true
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)% (\(done)/\(total))".utf8))
    }

    /// Ends the bar's line, when one was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
