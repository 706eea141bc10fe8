import BuurtReport
import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM while outputs are being written: the staging folders are
/// removed and an output directory that was being replaced keeps its old files; an update
/// state is put back as it was before the update; the program then exits with 130 (SIGINT)
/// or 143 (SIGTERM), as a shell reports a process killed by them. An update whose run is
/// already published (its `latest` moved) is not interrupted: it finishes and reports it.
enum Interrupts {
    /// Keeps the signal sources alive for the life of the program.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (signalNumber, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                UpdateInterruption.interrupt { outcome in
                    let message: String
                    switch outcome {
                    case .published: return
                    case .undone(let state): message = "the update of \(state) was undone; nothing was changed"
                    case .noUpdate: message = "output folders being written were removed"
                    }
                    StagingRegistry.restoreAll()
                    FileHandle.standardError.write(Data("\ninterrupted: \(message)\n".utf8))
                    exit(code)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
