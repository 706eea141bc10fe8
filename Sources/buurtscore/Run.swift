import ArgumentParser
import BuurtRanking
import BuurtNumerics
import BuurtReport
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
        @Option(parsing: .unconditional, help: "Rows of the summary table printed at the end (0 for none).")
        var top: Int = 10

        @Flag(help: "Print nothing on success (and no progress bar).")
        var quiet = false

        @Option(help: "Worker threads for the uncertainty analysis (results are identical for any count; default: the number of cores).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Report language: nl or en (default: the model's `language:`, else nl).")
        var lang: ReportLanguageOption?

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must be 0 or more, got \(top)") }
            guard (1...RunSettings.maximumWorkerThreads).contains(threads) else {
                throw ValidationError("--threads must be from 1 to \(RunSettings.maximumWorkerThreads), got \(threads)")
            }
        }

        func run() throws {
            Manifest.Tool.lookUpInBackground()
            let status = PhaseStatus(enabled: !quiet)
            status?.begin("reading \((options.data ?? options.model as String).split(separator: "/").last.map(String.init) ?? "data")")
            let project = try options.loadProject()
            status?.end()
            if !quiet {
                for warning in project.warnings { FileHandle.standardError.write(Data("warning: \(TerminalText.escaped(warning))\n".utf8)) }
            }
            try reportingFailures {
                let (result, paths) = try OutputDirectory.writing(to: out, claim: .run(of: project)) { output throws(BuurtError) in
                    let result = try outputs(of: project, into: &output, status: status)
                    return (result, output.files.map(\.path))
                }
                if !quiet {
                    print("Results written to \(TerminalText.escaped(out))/: \(paths.joined(separator: ", "))")
                    if top > 0 { print(SummaryTable.text(result.aggregated, model: project.model, top: top), terminator: "") }
                }
            }
        }

        /// Adds every file of the run to `output`, `manifest.json` last (it hashes the others).
        /// `verify` calls this with an output kept in memory to repeat a recorded run.
        func outputs(
            of project: IndexProject, into output: inout OutputDirectory, status: PhaseStatus? = nil
        ) throws(BuurtError) -> PipelineResult {
            status?.begin("computing the index")
            let result = try project.run(keepIntermediate: stages)
            status?.end()
            let bar = ProgressBar(enabled: !quiet, label: "uncertainty")
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { @Sendable done, total in bar.update(done, of: total) } }
            let (uncertainty, changes) = try UncertaintyAnalysis.run(
                project: project, aggregated: result.aggregated, threads: threads, progress: progress)
            bar?.finish()
            status?.begin("report and tables")
            try RunOutput.add(result: result, project: project, includeStages: stages,
                              uncertainty: uncertainty, changes: changes, language: lang?.language, to: &output)
            if xlsx { try output.addWorkbook(model: project.model) }
            try output.addManifest(project: project, settings: settings, tool: .current, blas: .current, outputDirectory: out,
                                   account: uncertainty.map { UncertaintyAccount($0, changes: changes) })
            status?.end()
            return result
        }

        /// The options recorded in the manifest (BLAS is pinned to one thread in `main`).
        var settings: RunSettings {
            RunSettings(stages: stages, xlsx: xlsx, data: options.data.map { ManifestPath.recorded($0, modelFile: options.model) },
                        decimal: options.decimal.rawValue, language: lang?.rawValue, workerThreads: threads)
        }
    }
}

/// `--lang nl|en`.
enum ReportLanguageOption: String, ExpressibleByArgument, CaseIterable {
    case nl, en

    var language: ReportLanguage { self == .en ? .en : .nl }
}
