import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtRanking
import Foundation

extension Buurtscore {
    struct WhatIfCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Recompute the index with other weights and print how the ranks shift.",
            discussion: """
                Each --weight CODE=VALUE replaces the weight of a dimension (or any aggregate or
                indicator) of the model; weights are relative to their siblings. The table lists
                the units of one period, largest rank shifts first: a positive shift means the
                unit climbs towards rank 1 with the changed weights.
                """)

        @OptionGroup var options: ModelOptions

        @Option(name: .customLong("weight"), help: ArgumentHelp("A changed weight, e.g. crime=2 (repeatable; 0,5 is read as 0.5).", valueName: "code=value"))
        var weights: [String] = []

        @Option(help: "The period to show (default: the latest).")
        var period: Int?

        @Option(parsing: .unconditional, help: "Rows printed, largest shifts first (0 prints every unit).")
        var top: Int = 20

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
                print(WhatIfTable.text(rows, model: model, changes: changes, period: shown, top: top), terminator: "")
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

/// The terminal table of `buurtscore whatif`.
enum WhatIfTable {
    /// A title naming the changed weights, a one-line summary, then
    /// `unit  name  rank (published → new)  shift  score (published → new)`, largest shifts first.
    /// Names and codes have their control characters escaped (``TerminalText``).
    static func text(_ rows: [RankShift], model: IndexModel, changes: [String: Double], period: Int?, top: Int) -> String {
        let title = TerminalText.escaped(model.node(model.root)?.name ?? model.root) + (period.map { " \($0)" } ?? "")
        func order(_ code: String) -> Int { model.nodes.firstIndex { $0.code == code } ?? model.nodes.count }
        let changed = changes.keys.sorted { (order($0), $0) < (order($1), $1) }
            .map { "\(TerminalText.escaped($0)) \(formatNumber(model.node($0)?.weight ?? .nan)) → \(formatNumber(changes[$0]!))" }
        var text = "\(title): ranks with changed weights (\(changed.joined(separator: ", ")))\n"
        let moved = rows.filter { !$0.shift.isNaN && $0.shift != 0 }.count
        text += "\(moved) of \(rows.count) units change rank; a positive shift climbs towards rank 1.\n"
        let ordered = WhatIf.largestFirst(rows)
        let shown = (top == 0 ? ordered : Array(ordered.prefix(top))).map(\.escapedForTerminal)
        let unitWidth = max(4, shown.map(\.unit.count).max() ?? 4)
        let nameWidth = min(36, max(4, shown.map(\.name.count).max() ?? 4))
        // Names are cut to their column; codes and numbers never are.
        func cut(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func padLeft(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        func rank(_ r: Double) -> String { r.isNaN ? "–" : formatNumber(r) }
        func score(_ s: Double) -> String { s.isNaN ? "–" : String(format: "%.2f", s) }
        func shiftText(_ r: RankShift) -> String { r.shift.isNaN ? "–" : (r.shift > 0 ? "+" : "") + formatNumber(r.shift) }
        let rankWidth = max(3, shown.map { max(rank($0.publishedRank).count, rank($0.rank).count) }.max() ?? 3)
        let shiftWidth = max(5, shown.map { shiftText($0).count }.max() ?? 5)
        text += pad("unit", unitWidth) + "  " + pad("name", nameWidth) + "  " + pad("rank", 2 * rankWidth + 3) + "  "
            + padLeft("shift", shiftWidth) + "  score\n"
        for r in shown {
            text += pad(r.unit, unitWidth) + "  " + pad(cut(r.name, nameWidth), nameWidth) + "  "
                + padLeft(rank(r.publishedRank), rankWidth) + " → " + pad(rank(r.rank), rankWidth) + "  "
                + padLeft(shiftText(r), shiftWidth) + "  " + score(r.publishedScore) + " → " + score(r.score) + "\n"
        }
        if shown.count < ordered.count { text += "(\(ordered.count - shown.count) more; --top 0 prints all)\n" }
        return text
    }
}

extension RankShift {
    /// This row with its unit code and name escaped for the terminal.
    var escapedForTerminal: RankShift {
        var row = self
        row.unit = TerminalText.escaped(unit)
        row.name = TerminalText.escaped(name)
        return row
    }
}
