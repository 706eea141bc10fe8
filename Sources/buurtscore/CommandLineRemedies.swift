import BuurtIndex
import BuurtWorkflow

/// The tool's commands for what the library's messages describe as actions: a library message
/// names no option or command, so the tool appends the one that carries out an error's
/// ``BuurtError/remedy`` (and the option that accepts refused revisions).
extension BuurtError.Remedy {
    /// The command that carries out the remedy, as appended to the error's line.
    var commandLineHint: String {
        switch self {
        case .createUpdateState(let directory): "create one with `buurtscore update \(directory) --init --model MODEL`"
        case .updateState(let directory): "add figures with `buurtscore update \(directory) --data FILE`"
        }
    }
}

extension BuurtError {
    /// The error as the tool prints it: ``description``, then `; ` and the command of its remedy.
    var commandLineDescription: String {
        remedy.map { "\(description); \($0.commandLineHint)" } ?? description
    }
}

extension UpdateOutcome {
    /// ``summary``; a refusal ends with the option that recomputes with the revisions.
    var commandLineSummary: String {
        status == .refused ? summary + " (--accept-revisions recomputes with them)" : summary
    }
}
