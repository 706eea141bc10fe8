import BuurtNumerics

/// Assembles the files of `buurtscore run` from a pipeline result.
public enum RunOutput {
    /// scores.csv, ranks.csv, analysis/*.csv and, with `includeStages`, stages/<stage>.csv.
    ///
    /// The multivariate analysis uses the normalised data of the latest period.
    /// - Throws: ``BuurtError`` when the analysis cannot be computed.
    public static func files(result: PipelineResult, project: IndexProject, includeStages: Bool) throws(BuurtError) -> OutputDirectory {
        let model = project.model
        let aggregated = result.aggregated
        var output = OutputDirectory()
        output.add("scores.csv", text: ResultTables.scores(aggregated, model: model))
        output.add("ranks.csv", text: ResultTables.ranks(aggregated, model: model))

        let normalised = result.panel(after: .normalised) ?? aggregated
        let analysis: GroupAnalysisResult
        do {
            analysis = try GroupAnalysis.run(normalised, model: model, period: normalised.periodList.last ?? nil)
        } catch let error as BuurtError {
            throw error
        } catch {
            throw BuurtError(.software, "multivariate analysis failed: \(error)")
        }
        output.add("analysis/reliability.csv", text: AnalysisTables.reliability(analysis))
        output.add("analysis/pca.csv", text: AnalysisTables.pca(analysis))
        output.add("analysis/weights_pca.csv", text: AnalysisTables.weights(analysis))

        if includeStages {
            for (name, panel) in result.stages {
                output.add("stages/\(name.rawValue).csv", text: ResultTables.stage(panel, name: name, model: model))
            }
        }
        return output
    }
}
