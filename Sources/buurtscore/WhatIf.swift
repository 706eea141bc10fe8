import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

extension Buurtscore {
    struct WhatIfCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Recompute the index with other weights and print how the ranks shift.",
            discussion: """
                Each --weight CODE=VALUE replaces the weight of a dimension (or any aggregate or \
                indicator) of the model; weights are relative to their siblings. The table lists \
                the units of one period, largest rank shifts first: a positive shift means the \
                unit climbs towards rank 1 with the changed weights. The table is in Dutch or \
                English, as the report (--lang), with the decimal comma in Dutch.
                """)

        @OptionGroup var options: ModelOptions

        @Option(name: .customLong("weight"), help: ArgumentHelp("A changed weight, e.g. crime=2 (repeatable; 0,5 is read as 0.5).", valueName: "code=value"))
        var weights: [String] = []

        @Option(help: "The period to show (default: the latest).")
        var period: Int?

        @Option(parsing: .unconditional, help: "Rows printed, largest shifts first (0 prints every unit).")
        var top: Int = 20

        @Option(help: "Table language: nl or en (default: the model's `language:`, else nl).")
        var lang: ReportLanguage?

        func validate() throws {
            guard !weights.isEmpty else { throw ValidationError("give at least one --weight CODE=VALUE, e.g. --weight crime=2") }
            guard top >= 0 else { throw ValidationError("--top must be 0 or more, got \(top)") }
            var seen = Set<String>()
            for argument in weights {
                let (code, _) = try Self.parseWeight(argument)
                guard seen.insert(code).inserted else { throw ValidationError("--weight \(argument): the weight of '\(code)' is given twice") }
            }
        }

        /// `crime=2` → ("crime", 2); a decimal comma is accepted.
        static func parseWeight(_ given: String) throws -> (String, Double) {
            let argument = TerminalText.escaped(given)
            guard let eq = argument.firstIndex(of: "=") else {
                throw ValidationError("--weight \(argument): expected CODE=VALUE, e.g. crime=2")
            }
            let code = argument[..<eq].trimmingCharacters(in: .whitespaces)
            let text = argument[argument.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { throw ValidationError("--weight \(argument): the code before '=' is empty") }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                throw ValidationError("--weight \(argument): the weight '\(text)' is not a number")
            }
            if CSVReader.roundsToZero(text, value: value) {
                throw ValidationError("--weight \(argument): the weight '\(text)' is too small for a double; write 0 for nothing")
            }
            guard value >= 0 else { throw ValidationError("--weight \(argument): a weight must be 0 or more, got \(text)") }
            return (code, value)
        }

        func run() throws {
            let project = try options.loadProject(recordingDigests: false)
            let changes = Dictionary(uniqueKeysWithValues: try weights.map(Self.parseWeight))
            try reportingFailures {
                let model = project.model
                try checkCodes(changes.keys.sorted(), model: model)
                if let problem = try model.withWeights(changes).weightProblems().first {
                    throw BuurtError(.usage, "--weight: \(problem.message)")
                }
                let shown = try chosenPeriod(project.panel)
                let nominal = try project.run(keepIntermediate: true)
                let shifts = try WhatIf.rankShifts(nominal: nominal, model: model, spec: project.file.spec, weights: changes)
                let rows = shifts.filter { $0.period == shown }
                let language = lang ?? ReportLanguage(code: project.file.language)
                print(WhatIfTable.text(rows, model: model, changes: changes, period: shown, top: top, showAll: "--top 0", language: language),
                      terminator: "")
            }
        }

        /// Every code must be an indicator or aggregate of the model (usage error, with a suggestion).
        private func checkCodes(_ codes: [String], model: IndexModel) throws(BuurtError) {
            let tree = model.nodes.filter { $0.kind == .indicator || $0.kind == .aggregate }.map(\.code)
            for code in codes where !tree.contains(code) {
                let dimensions = model.children(of: model.root)
                var message = "--weight \(code)=…: '\(code)' is not a dimension, aggregate or indicator of the model"
                if let close = tree.min(by: { EditDistance.between(code, $0) < EditDistance.between(code, $1) }), EditDistance.between(code, close) <= max(1, close.count / 3) {
                    message += "; did you mean '\(close)'?"
                }
                message += " The dimensions are: \(dimensions.joined(separator: ", "))."
                throw BuurtError(.usage, message, at: SourceLocation(file: options.model))
            }
        }

        /// `--period`, which must occur in the data, or the latest period.
        private func chosenPeriod(_ panel: Panel) throws(BuurtError) -> Int? {
            let periods = panel.periodList
            guard let period else { return periods.last ?? nil }
            guard panel.hasPeriods else {
                throw BuurtError(.usage, "--period \(period): the data has no period column")
            }
            guard periods.contains(period) else {
                throw BuurtError(.usage, "--period \(period) is not in the data; its periods are \(periods.compactMap { $0 }.map(String.init).joined(separator: ", "))")
            }
            return period
        }
    }
}
