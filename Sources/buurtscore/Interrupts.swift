import BuurtIndex
import BuurtNumerics
import BuurtReport
import BuurtWorkflow
import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM while outputs are being written: the staging folders are
/// removed and an output directory that was being replaced keeps its old files (an output
/// whose final renames had begun is completed first), each folder named with what became of
/// it; an update state is put back as it was before the update; the program then exits with
/// 130 (SIGINT) or 143 (SIGTERM), as a shell reports a process killed by them. An update whose
/// run is already published (its `latest` moved) is not interrupted: it finishes and reports it.
enum Interrupts {
    /// Keeps the signal sources alive for the life of the program.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (signalNumber, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                UpdateInterruption.interrupt { outcome in
                    let update: String?
                    switch outcome {
                    case .published: return
                    case .undone(let state): update = "the update of \(TerminalText.escaped(state)) was undone; nothing was changed"
                    case .notUndone(let state, let reason):
                        update = "the update of \(TerminalText.escaped(state)) was stopped, but undoing it failed (\(TerminalText.escaped(reason))): the next update finishes undoing it"
                    case .noUpdate: update = nil
                    }
                    let folders = StagingRegistry.restoreAll().map(TerminalText.escaped)
                    let lines = update.map { [$0] } ?? (folders.isEmpty ? [] : folders)
                    let text = lines.isEmpty ? "interrupted\n" : lines.map { "interrupted: \($0)\n" }.joined()
                    FileHandle.standardError.write(Data(("\n" + text).utf8))
                    exit(code)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
