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
    /// ranks.csv, analysis/*.csv; without an uncertainty analysis (not with `priorities: none`)
    /// priorities.csv and themes.csv from the nominal lists (``nominalLists``, band columns
    /// empty); with one uncertainty.csv and (not with `priorities: none`) priorities.csv and
    /// themes.csv, sensitivity.csv and removal.csv when computed; changes.csv with two periods
    /// or more; with ``RunSettings/stages`` stages/<stage>.csv; strengths.csv; report.md and
    /// report.html (with the weight explorer); with
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
        if let nominalLists {
            try UncertaintyTables.addLists(nominalLists.priorities, nominalLists.themes, bands: false,
                                           priorities: project.file.prioritySpec, periods: aggregated.hasPeriods, to: &output)
        }
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
        try output.add("strengths.csv", text: StrengthTables.strengths(strengths))
        try output.addReport(reportInput)
        if settings.workbook { try output.addWorkbook(model: model, language: language) }
        try output.addManifest(project: project, settings: settings.recorded, tool: .current, blas: .current,
                               outputDirectory: outputDirectory, account: account)
    }

    /// The language of the report and the workbook: ``RunSettings/language``, else the model's
    /// `language:`, else Dutch.
    var language: ReportLanguage { settings.language ?? ReportLanguage(code: project.file.language) }

    /// The report's input: the nominal run, the analysis, and the lists the files hold (the
    /// uncertainty lists, else the nominal ones).
    var reportInput: ReportInput {
        var input = ReportInput(
            language: settings.language, model: model, file: project.file, result: pipeline, analysis: analysis,
            dataPath: project.dataPath)
        if let outcome = uncertainty, outcome.priorities.enabled {
            let bands = Dictionary(outcome.result.units.map { ($0.row, ($0.scoreP05, $0.scoreP95)) }, uniquingKeysWith: { a, _ in a })
            input.priorities = outcome.result.priorities.map { p in
                ReportPriority(p, scoreP05: bands[p.row]?.0 ?? .nan, scoreP95: bands[p.row]?.1 ?? .nan)
            }
            input.themes = outcome.result.themes
        }
        if let nominalLists {
            input.priorities = nominalLists.priorities.map { ReportPriority($0) }
            input.themes = nominalLists.themes
        }
        if let outcome = uncertainty {
            input.sensitivity = outcome.sensitivity?.map { ReportSensitivity($0, inputNames: outcome.inputNames) }
            input.removal = outcome.removal
            input.replications = outcome.result.replications
        }
        input.changes = changes
        input.strengths = strengths
        input.uncertaintyAccount = account
        input.warnings = warnings
        input.map = project.map
        // Large data: the explorer embeds the latest period only, to keep the page light.
        let latest = scores.periodList.last ?? nil
        let periods = scores.rowCount > 5000 ? latest.map { [$0] } : nil
        // Each row's published rank band, when there is an uncertainty analysis.
        let bands = uncertainty.map { outcome in
            var band = [(low: Double, high: Double)](repeating: (.nan, .nan), count: pipeline.aggregated.rowCount)
            for u in outcome.result.units where band.indices.contains(u.row) { band[u.row] = (u.rankP05, u.rankP95) }
            return band
        }
        input.appendixHTML = WeightExplorer.html(
            result: pipeline, project: project, language: input.language.rawValue, periods: periods, bands: bands)
        return input
    }
}
