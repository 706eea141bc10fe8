import BuurtNumerics
import BuurtReport
import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM while outputs are being written: the staging folders are
/// removed and an output directory that was being replaced keeps its old files (an output
/// whose final renames had begun is completed first); each folder is named with what became of
/// it, and the program exits with 130 (SIGINT) or 143 (SIGTERM), as a shell reports a process
/// killed by them.
enum Interrupts {
    /// Keeps the signal sources alive for the life of the program.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (signalNumber, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let folders = StagingRegistry.restoreAll().map { "interrupted: \(TerminalText.escaped($0))\n" }
                FileHandle.standardError.write(Data(("\n" + (folders.isEmpty ? "interrupted\n" : folders.joined())).utf8))
                exit(code)
            }
            source.resume()
            sources.append(source)
        }
    }
}
