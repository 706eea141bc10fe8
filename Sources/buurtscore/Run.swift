import ArgumentParser
import BuurtIndex
import BuurtReport
import BuurtWorkflow
import Foundation

extension Buurtscore {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the index: scores, ranks and multivariate analysis.",
            discussion: """
                Writes scores.csv, ranks.csv and analysis/*.csv (with --stages also stages/*.csv, \
                with --xlsx also results.xlsx) and manifest.json into the output directory, all at \
                once: on any error nothing is written and an existing directory is left as it was. \
                `buurtscore verify DIR` checks the outputs against manifest.json.

                The output directory is only replaced when it is ours: it is refused (exit 73) when \
                it is or holds an input (model, data, metadata, crosswalk; symbolic links \
                followed), when it exists, is not empty and is not an earlier output (no \
                manifest.json of ours, or files that manifest does not list), and when it is a \
                mount point. Hidden leftovers of a killed run beside it (.DIR.partial-*, \
                .DIR.previous-*) are tidied first.
                """)

        @OptionGroup var options: ModelOptions

        @Option(help: "Output directory.")
        var out: String = "out"

        @Flag(help: "Also write the data after every stage to stages/<stage>.csv.")
        var stages = false

        @Flag(help: "Also write the result tables and the model tree to results.xlsx.")
        var xlsx = false

        // Unconditional, so that `--top -1` reaches validate() instead of reading as an option.
        @Option(parsing: .unconditional, help: "Rows of the summary printed at the end, the units most in need of the latest period (0 for none).")
        var top: Int = 10

        @Flag(help: "Print nothing on success (and no progress bar).")
        var quiet = false

        @Option(help: "Worker threads for the uncertainty analysis (results are identical for any count; default: the number of cores).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Seed of the uncertainty analysis instead of the model's `uncertainty: seed:` (recorded in the manifest; no effect without `uncertainty:`).")
        var seed: UInt64?

        @Option(help: "Report language: nl or en (default: the model's `language:`, else nl).")
        var lang: ReportLanguage?

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must be 0 or more, got \(top)") }
            guard (1...RunSettings.maximumThreads).contains(threads) else {
                throw ValidationError("--threads must be from 1 to \(RunSettings.maximumThreads), got \(threads)")
            }
        }

        /// The typed settings of this command line.
        var settings: RunSettings {
            RunSettings(model: options.model, data: options.data, decimal: options.decimal, stages: stages, workbook: xlsx,
                        language: lang, threads: threads, seed: seed)
        }

        func run() throws {
            Manifest.Tool.lookUpInBackground()
            let display = RunDisplay(quiet: quiet)
            let (results, paths) = try reportingFailures {
                try BuurtWorkflow.run(settings, writingTo: out, progress: display.progress)
            }
            display.finish()
            if !quiet {
                print("Results written to \(TerminalText.escaped(out))/: \(paths.joined(separator: ", "))")
                if top > 0 { print(SummaryTable.text(results.scores, model: results.model, top: top,
                                                    normalise: results.project.file.spec.normalise), terminator: "") }
            }
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
