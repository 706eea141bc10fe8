import BuurtIndex
import BuurtWorkflow
import Foundation

/// What `run` shows while it works, on standard error: the phase status line, the reader's
/// warnings and the uncertainty progress bar (each only when not `--quiet`; the status line and
/// bar only on a terminal).
final class RunDisplay: Sendable {
    private let quiet: Bool
    private let status: PhaseStatus?
    private let bar: ProgressBar?

    init(quiet: Bool) {
        self.quiet = quiet
        status = PhaseStatus(enabled: !quiet)
        bar = ProgressBar(enabled: !quiet, label: "uncertainty")
    }

    /// The progress handler for ``BuurtWorkflow/run(_:writingTo:progress:)``.
    var progress: @Sendable (RunProgress) -> Void {
        { [self] event in
            switch event {
            case .reading(let file):
                status?.begin("reading \(file)")
            case .read(let warnings):
                status?.end()
                guard !quiet else { return }
                for warning in warnings { FileHandle.standardError.write(Data("warning: \(TerminalText.escaped(warning))\n".utf8)) }
            case .computing:
                status?.begin("computing the index")
            case .replications(let done, let total):
                status?.end()
                bar?.update(done, of: total)
            case .writing:
                status?.end()
                bar?.finish()
                status?.begin("report and tables")
            }
        }
    }

    /// Ends the last phase.
    func finish() { status?.end() }
}
