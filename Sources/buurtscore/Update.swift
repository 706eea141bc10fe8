import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtReport
import BuurtWorkflow
import Foundation

extension Buurtscore {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a period's figures, a new model or a new crosswalk to an update state and recompute (yearly recalculation).",
            discussion: """
                STATE holds model.yml (with the files it names: crosswalk, map, metadata), the \
                accumulated figures (data.csv), inputs/<run>.csv, one folder per run (runs/2020, \
                runs/2021, …; computed as `buurtscore run` does, with diff.md and diff.csv against \
                the previous run) and `latest`, the name of the newest run. \
                `--init --model MODEL` creates it from a model and its data.

                `--model NEW.yml` (a revised model: weights, indicators, any setting) and \
                `--crosswalk CW.csv` (re-coded buurten) give the state a new version, kept in \
                versions/<run>/ (model.yml and the files it names) beside the earlier ones, which \
                are never changed: every run still verifies. Either makes a new run, with or \
                without --data (2021-r2 without a new period, 2022 with one). The new model must \
                fit the state's figures (exit 65 otherwise, nothing changed). A crosswalk that maps \
                a unit of the latest period onto a new code lets the new figures use that code. \
                The run's manifest records the update: the previous run, its causes (new_period, \
                revision, model, crosswalk) and the differences (weights with old and new value, \
                indicators and groups added or removed, other settings changed, crosswalk mappings \
                added or removed); --json prints them too. A model and crosswalk equal byte for \
                byte to the latest run's, without new figures, is "nothing new" (exit 0).

                The new figures must have the state's columns and, for a new period, the units of \
                the latest period; figures the state already has are ignored ("nothing new", exit 0). \
                Changed figures of a published period are refused (exit 65) unless \
                --accept-revisions; a new period older than the latest is refused (exit 65). \
                --init needs a new or empty directory. An interrupted update (a kill, Ctrl-C, \
                SIGTERM) leaves the previous state, and the next update tidies up; it removes only \
                what an interrupted update provably left and refuses a state whose `latest`, \
                runs or data.csv disagree (exit 65, nothing changed). A non-zero exit means \
                nothing was published. Prints one line (or with --json one JSON object) on \
                standard output. \
                A run folder is written as `buurtscore run` writes its output directory, under the \
                same rules: an existing runs/<run> that is not an earlier output is never replaced.

                Exit codes: 0 ok or nothing new, 64 usage, 65 the figures do not fit or revise \
                published ones, a new model or crosswalk does not fit the figures, or the state is inconsistent, 66 no such state or file, 73 cannot \
                write (also: STATE/.lock is not this program's lock file), 75 another update of \
                STATE is running, 130/143 interrupted (the update was undone).
                """)

        @Argument(help: "The state directory.")
        var state: String

        @Option(help: "The new figures (CSV with the state's columns).")
        var data: String?

        @Flag(name: .customLong("init"), help: "Create STATE from --model (and its data, or --data) instead of updating it.")
        var initialise = false

        @Option(help: "The model file: with --init the state's model, else a new version of it.")
        var model: String?

        @Option(help: "A new crosswalk (from_code,to_code,period_from,period_to,share) in place of the model's.")
        var crosswalk: String?

        @Flag(help: "Recompute with figures that change already published periods.")
        var acceptRevisions = false

        @Flag(help: "Print one JSON object instead of the summary line.")
        var json = false

        @Flag(help: "Print nothing on success.")
        var quiet = false

        @Option(help: "Decimal separator of the new figures: point, comma, or detect.")
        var decimal: DecimalSeparator = .detect

        @Option(help: "Worker threads for the uncertainty analysis (results are identical for any count).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard (1...RunSettings.maximumThreads).contains(threads) else {
                throw ValidationError("--threads must be from 1 to \(RunSettings.maximumThreads), got \(threads)")
            }
            if initialise {
                guard model != nil else { throw ValidationError("--init needs --model MODEL") }
                guard !acceptRevisions else { throw ValidationError("--accept-revisions applies to an update, not to --init") }
                guard crosswalk == nil else { throw ValidationError("--crosswalk applies to an update; with --init the model's `crosswalk:` names it") }
            } else {
                guard data != nil || model != nil || crosswalk != nil else {
                    throw ValidationError("give the new figures with --data FILE, a new model with --model FILE or a new crosswalk with --crosswalk FILE (or create the state with --init --model MODEL)")
                }
            }
        }

        func run() throws {
            let csv = decimal.csvOptions
            let outcome: UpdateOutcome
            do {
                if initialise {
                    outcome = try StateUpdate.initialise(state: state, modelPath: model!, dataPath: data, options: csv, threads: threads)
                } else {
                    outcome = try StateUpdate.update(state: state, changes: StateChanges(data: data, model: model, crosswalk: crosswalk),
                                                     acceptRevisions: acceptRevisions, options: csv, threads: threads)
                }
            } catch {
                if json { print(UpdateFailure.json(error)) }
                for problem in error.problems { printError(problem.commandLineDescription) }
                throw ExitCode(error.exitCode)
            }
            if outcome.status == .refused {
                if json { print(outcome.json) } else { print(TerminalText.escaped(outcome.commandLineSummary)) }
                let lines = outcome.revisionLines.map { "revised: \(TerminalText.escaped($0))\n" }.joined()
                FileHandle.standardError.write(Data(lines.utf8))
                throw ExitCode(BuurtError.Kind.data.exitCode)
            }
            if json { print(outcome.json) } else if !quiet { print(TerminalText.escaped(outcome.commandLineSummary)) }
        }
    }
}

/// `{"status":"error","exit_code":65,"problems":[…]}` for --json.
enum UpdateFailure {
    static func json(_ errors: BuurtErrors) -> String {
        "{\"status\":\"error\",\"exit_code\":\(errors.exitCode),\"problems\":["
            + errors.problems.map { JSONString.quoted($0.commandLineDescription) }.joined(separator: ",") + "]}"
    }
}
