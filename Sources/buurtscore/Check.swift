import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtReport
import Foundation

extension Buurtscore {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a model and its data; print every problem found.")

        @OptionGroup var options: ModelOptions

        func run() throws {
            let project = try options.loadProject(recordingDigests: false)
            try reportingFailures {
                _ = try project.run(keepIntermediate: false)
            }
            print("\(TerminalText.escaped(options.model)): ok — \(project.model.indicators.count) indicators, "
                + "\(project.panel.rowCount) rows, \(Set(project.panel.unitCodes).count) units")
            // In the model's language, as the report and an update state's diff.md say it.
            if let note = RunDiffStrings(language: ReportLanguage(code: project.file.language)).separabilityNote(project.file.periodSeparabilityIssues) {
                print(TerminalText.escaped("note: " + note))
            }
        }
    }
}
