import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

extension RunResults {
    /// Writes the files of the run into `directory` all at once, as ``add(to:outputDirectory:progress:)``
    /// lists them: on any error nothing is written and an existing directory is left as it was;
    /// an existing directory is only replaced when it is an earlier output (`OutputClaim.run(of:)`).
    /// - Returns: the paths written, relative to `directory`, `manifest.json` last.
    /// - Throws: `BuurtErrors` with one problem of kind `.output` when the directory is refused or
    ///   cannot be written.
    @discardableResult
    public func write(to directory: String) throws(BuurtErrors) -> [String] {
        try single { () throws(BuurtError) in
            try OutputDirectory.writing(to: directory, claim: .run(of: project)) { output throws(BuurtError) in
                try add(to: &output, outputDirectory: directory)
                return output.files.map(\.path)
            }
        }
    }

    /// Adds every file of the run to `output`, each as soon as it is made: scores.csv,
    /// ranks.csv, analysis/*.csv; with an uncertainty analysis uncertainty.csv and (not with
    /// `priorities: none`) priorities.csv and themes.csv, sensitivity.csv and removal.csv when
    /// computed; changes.csv with two periods or more; report.md and report.html (with the
    /// weight explorer); with ``RunSettings/stages`` stages/<stage>.csv; with
    /// ``RunSettings/workbook`` results.xlsx; and manifest.json last (it hashes the others).
    /// - Parameters:
    ///   - output: the output the files are added to.
    ///   - outputDirectory: where the files are (to be) written; the manifest records
    ///     the model's location relative to it.
    ///   - progress: told ``RunProgress/writing`` before the first file.
    /// - Throws: `BuurtError` when a file cannot be made or written.
    public func add(
        to output: inout OutputDirectory, outputDirectory: String, progress: (@Sendable (RunProgress) -> Void)? = nil
    ) throws(BuurtError) {
        progress?(.writing)
        let aggregated = scores
        try output.add("scores.csv", text: ResultTables.scores(aggregated, model: model))
        try output.add("ranks.csv", text: ResultTables.ranks(aggregated, model: model))
        try output.add("analysis/reliability.csv", text: AnalysisTables.reliability(analysis))
        try output.add("analysis/pca.csv", text: AnalysisTables.pca(analysis))
        try output.add("analysis/weights_pca.csv", text: AnalysisTables.weights(analysis))
        if let uncertainty {
            try UncertaintyTables.add(uncertainty.result, priorities: uncertainty.priorities, periods: aggregated.hasPeriods, to: &output)
            if let indices = uncertainty.sensitivity {
                try output.add("sensitivity.csv", text: SensitivityTables.sensitivity(indices, inputNames: uncertainty.inputNames))
            }
            if let removal = uncertainty.removal {
                try output.add("removal.csv", text: SensitivityTables.removal(removal))
            }
        }
        if let changes { try output.add("changes.csv", text: ChangeTables.changes(changes)) }
        if settings.stages {
            for (name, panel) in pipeline.stages {
                try output.add("stages/\(name.rawValue).csv", text: ResultTables.stage(panel, name: name, model: model))
            }
        }
        try output.addReport(reportInput)
        if settings.workbook { try output.addWorkbook(model: model) }
        try output.addManifest(project: project, settings: settings.recorded, tool: .current, blas: .current,
                               outputDirectory: outputDirectory, account: account)
    }

    /// The report's input: the nominal run, the analysis, and the uncertainty lists when there are any.
    var reportInput: ReportInput {
        var input = ReportInput(
            language: settings.language, model: model, file: project.file, result: pipeline, analysis: analysis,
            dataPath: project.dataPath)
        if let outcome = uncertainty, outcome.priorities.enabled {
            let bands = Dictionary(outcome.result.units.map { ($0.row, ($0.scoreP05, $0.scoreP95)) }, uniquingKeysWith: { a, _ in a })
            input.priorities = outcome.result.priorities.map { p in
                ReportPriority(priority: p.priority, unit: p.unit, name: p.name, period: p.period, score: p.score, rank: p.rank,
                               rankP05: p.rankP05, rankP95: p.rankP95, pTop: p.pTop, category: p.category,
                               scoreP05: bands[p.row]?.0 ?? .nan, scoreP95: bands[p.row]?.1 ?? .nan)
            }
            input.themes = outcome.result.themes
        }
        if let outcome = uncertainty {
            input.sensitivity = outcome.sensitivity?.map { ReportSensitivity($0, inputNames: outcome.inputNames) }
            input.removal = outcome.removal
            input.replications = outcome.result.replications
        }
        input.changes = changes
        input.uncertaintyAccount = account
        input.warnings = warnings
        input.map = project.map
        // Large data: the explorer embeds the latest period only, to keep the page light.
        let latest = scores.periodList.last ?? nil
        let periods = scores.rowCount > 5000 ? latest.map { [$0] } : nil
        input.appendixHTML = WeightExplorer.html(
            result: pipeline, project: project, language: input.language.rawValue, periods: periods)
        return input
    }
}
