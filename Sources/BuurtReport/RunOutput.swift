import BuurtNumerics
import BuurtRanking

/// Assembles the files of `buurtscore run` from a pipeline result.
public enum RunOutput {
    /// Adds scores.csv, ranks.csv, analysis/*.csv, with an uncertainty outcome uncertainty.csv,
    /// priorities.csv, themes.csv (not with `priorities: none`; sensitivity.csv, removal.csv
    /// when it has them), with `changes` changes.csv,
    /// report.md and report.html (with the weight explorer), and with `includeStages`
    /// stages/<stage>.csv to `output`, each written as soon as it is made. The manifest and
    /// workbook are added by the caller.
    ///
    /// The multivariate analysis uses the normalised data of the latest period.
    /// - Throws: ``BuurtError`` when the analysis cannot be computed or a file cannot be written.
    public static func add(
        result: PipelineResult, project: IndexProject, includeStages: Bool,
        uncertainty: UncertaintyOutcome? = nil, changes: ChangeAnalysis? = nil, language: ReportLanguage? = nil,
        to output: inout OutputDirectory
    ) throws(BuurtError) {
        let model = project.model
        let aggregated = result.aggregated
        try output.add("scores.csv", text: ResultTables.scores(aggregated, model: model))
        try output.add("ranks.csv", text: ResultTables.ranks(aggregated, model: model))

        let normalised = result.panel(after: .normalised) ?? aggregated
        let analysis: GroupAnalysisResult
        do {
            analysis = try GroupAnalysis.run(normalised, model: model, period: normalised.periodList.last ?? nil)
        } catch let error as BuurtError {
            throw error
        } catch {
            throw BuurtError(.software, "multivariate analysis failed: \(error)")
        }
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
        if includeStages {
            for (name, panel) in result.stages {
                try output.add("stages/\(name.rawValue).csv", text: ResultTables.stage(panel, name: name, model: model))
            }
        }
        var input = reportInput(result: result, project: project, analysis: analysis, uncertainty: uncertainty, language: language)
        input.changes = changes
        input.uncertaintyAccount = uncertainty.map { UncertaintyAccount($0, changes: changes) }
        input.warnings = project.warnings
        try output.addReport(input)
    }

    /// The report's input: the nominal run, the analysis, and the uncertainty lists when there are any.
    static func reportInput(
        result: PipelineResult, project: IndexProject, analysis: GroupAnalysisResult,
        uncertainty: UncertaintyOutcome?, language: ReportLanguage?
    ) -> ReportInput {
        var input = ReportInput(
            language: language, model: project.model, file: project.file, result: result, analysis: analysis,
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
        // Large data: the explorer embeds the latest period only, to keep the page light.
        let aggregated = result.aggregated
        let latest = aggregated.periodList.last ?? nil
        let periods = aggregated.rowCount > 5000 ? latest.map { [$0] } : nil
        input.appendixHTML = WeightExplorer.html(
            result: result, project: project, language: input.language == .en ? "en" : "nl", periods: periods)
        return input
    }
}
