import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtReport
import BuurtWorkflow
import Foundation

@main
struct Buurtscore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buurtscore",
        abstract: "Composite safety and liveability indices for neighbourhoods (buurten).",
        discussion: """
            Exit codes: 0 ok, 64 usage, 65 data error (verify: an input changed or an output \
            differs), 66 missing input (verify: no manifest.json), 73 cannot create output, 75 \
            another update of the same state is running, 130/143 interrupted (Ctrl-C/SIGTERM; \
            nothing partial is left).
            """,
        version: BuurtscoreLibrary.version,
        subcommands: [Run.self, Check.self, Verify.self, WhatIfCommand.self, Update.self, Synth.self]
    )

    /// One BLAS thread (its idle workers stopped): OpenBLAS results differ in the last bits
    /// across thread counts, and outputs must be identical on every rerun. Interrupts leave no partial output. Large
    /// buffers are reused rather than mapped afresh (``AllocatorPolicy``).
    static func main() {
        AllocatorPolicy.reuseLargeBlocks()
        BLASRuntime.stopIdleWorkers()
        Interrupts.install()
        main(nil)
    }
}

/// Options shared by the commands that read a model and its data.
struct ModelOptions: ParsableArguments {
    @Argument(help: "The model file (YAML).")
    var model: String

    @Option(help: "Data file (CSV) to use instead of the model's `data:`.")
    var data: String?

    @Option(help: "Decimal separator of the data: point, comma, or detect.")
    var decimal: DecimalSeparator = .detect

    /// - Parameter recordingDigests: whether the project keeps the SHA-256 of each input read (for a manifest).
    func loadProject(recordingDigests: Bool = true) throws -> IndexProject {
        try reportingFailures {
            try IndexProject.load(modelPath: model, dataPath: data, options: decimal.csvOptions, recordingDigests: recordingDigests)
        }
    }
}

extension DecimalSeparator: ExpressibleByArgument {}

/// Prints problems to standard error as `error: file:line:column: message` and exits with the
/// sysexits code of the first one.
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let errors as BuurtErrors {
        for problem in errors.problems { printError(problem.commandLineDescription) }
        throw ExitCode(errors.exitCode)
    } catch let error as BuurtError {
        printError(error.commandLineDescription)
        throw ExitCode(error.exitCode)
    }
}

/// Prints `error: message` on standard error, control characters escaped (``TerminalText``).
func printError(_ message: String) {
    // An error caused by an interrupt that is putting things back (a staging folder it removed,
    // a commit it refused) is not reported: the interrupt's handler names what became of each
    // folder and exits with 130 or 143.
    while StagingRegistry.isInterrupted { sleep(60) }
    PhaseStatus.endCurrent()
    FileHandle.standardError.write(Data("error: \(TerminalText.escaped(message))\n".utf8))
}
