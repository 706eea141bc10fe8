import ArgumentParser
import BuurtNumerics
import BuurtReport
import Foundation

extension Buurtscore {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the index: scores, ranks and multivariate analysis.",
            discussion: """
                Writes scores.csv, ranks.csv and analysis/*.csv (with --stages also stages/*.csv)
                into the output directory, all at once: on any error nothing is written and an
                existing directory is left as it was.
                """)

        @OptionGroup var options: ModelOptions

        @Option(help: "Output directory.")
        var out: String = "out"

        @Flag(help: "Also write the data after every stage to stages/<stage>.csv.")
        var stages = false

        // Unconditional, so that `--top -1` reaches validate() instead of reading as an option.
        @Option(parsing: .unconditional, help: "Rows of the summary table printed at the end (0 for none).")
        var top: Int = 10

        @Flag(help: "Print nothing on success.")
        var quiet = false

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must be 0 or more, got \(top)") }
        }

        func run() throws {
            let project = try options.loadProject()
            try reportingFailures {
                let result = try project.run(keepIntermediate: stages)
                let output = try RunOutput.files(result: result, project: project, includeStages: stages)
                try output.write(to: out)
                if !quiet {
                    print("Results written to \(out)/: \(output.files.map(\.path).joined(separator: ", "))")
                    if top > 0 { print(SummaryTable.text(result.aggregated, model: project.model, top: top), terminator: "") }
                }
            }
        }
    }
}
