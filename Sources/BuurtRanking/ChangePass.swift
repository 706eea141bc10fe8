import BuurtIndex
import BuurtNumerics

/// The changes between periods of a project (model key `changes:`).
///
/// The windows of `changes:` are resolved against the periods of the data
/// (``ResolvedChanges``). The nominal rows come from the nominal run's final panel (and, for
/// the break-free rows, from the final panel of the reweighted model, ``BreakFree``). The bands
/// of the changes come from the replications of the uncertainty analysis itself
/// (``UncertaintyAnalysis/run(project:aggregated:threads:progress:)`` passes them to
/// ``UncertaintySummary``, see ``ChangeBands``): replication r scores a unit in `from` and in
/// `to` with the same draw r (`RandomStream(seed, r)`), so both scores come from the same
/// weights, alternatives and sampling stream, and change_r = s_to,r − s_from,r. The band is
/// the 5 % and 95 % quantile (R type 7) of change_r over the replications that scored the unit
/// in both periods; a failed replication counts for none. Slopes, CAGRs and break-free changes
/// take their bands from the same draws (``ChangeSeriesBands``).
///
/// A row depends only on its unit, periods, group, measure and left-out indicators and on the
/// data of its periods (when the stages before aggregation do not pool periods): adding a
/// later period leaves the rows of every pair that still exists unchanged.
///
/// **Scale.** A change is read on the scale of each replication's own settings: an alternative
/// that rescales each period on its own (`scope: period`) removes the city-wide trend from the
/// changes it scores. A replication whose values leave the domain of its aggregation (a
/// geometric mean meeting a value ≤ 0) fails and is counted in ``ChangeAnalysis/failedReplications``.
package enum ChangePass {
    /// The resolved windows of `project` among the periods of `aggregated`; `nil` with
    /// `changes: none` and when the data has fewer than two periods and the model names none.
    /// - Throws: `BuurtError(.data)` as ``ResolvedChanges/resolve(_:among:at:)``.
    package static func resolved(aggregated: Panel, project: IndexProject) throws(BuurtError) -> ResolvedChanges? {
        let file = project.file
        if file.changes?.enabled == false { return nil }
        return try ResolvedChanges.resolve(file.changes, among: aggregated.periodList.compactMap { $0 }, at: file.keyLocation("changes"))
    }

    /// The nominal rows of `project` (from `aggregated`, the nominal run's final panel),
    /// without bands; `nil` as ``resolved(aggregated:project:)``.
    /// - Throws: `BuurtError(.data)` for windows that do not resolve, or the break-free pipeline's error.
    /// - Complexity: O(pairs · (rows + units × groups × breaks)) plus one pipeline run per
    ///   list of left-out indicators.
    package static func nominal(aggregated: Panel, project: IndexProject) throws(BuurtError) -> ChangeAnalysis? {
        guard let changes = try resolved(aggregated: aggregated, project: project) else { return nil }
        return ChangeAnalysis.nominal(aggregated, model: project.model, changes: changes, breaks: project.file.breaks,
                                      breakFree: try BreakFree.panels(project, changes: changes))
    }

    /// The bands of the slopes, CAGRs and break-free changes of `analysis`, from the draws of
    /// `engine` (the project's engine) and of an engine per list of left-out indicators.
    /// - Throws: an engine's `BuurtError`.
    package static func seriesBands(_ analysis: inout ChangeAnalysis, engine: UncertaintyEngine, project: IndexProject,
                                    aggregated: Panel, threads: Int) throws(BuurtError) {
        guard let changes = try resolved(aggregated: aggregated, project: project), let spec = project.file.uncertainty else { return }
        let draws = (0..<spec.replications).map { engine.draw(replication: $0) }
        // The trends the summary could not take from its stored samples.
        let trends = analysis.rows.indices.filter { k in
            let row = analysis.rows[k]
            return row.measure != .change && row.excluding.isEmpty && row.changeP05.isNaN
        }
        try ChangeSeriesBands.apply(&analysis, rows: trends, engine: engine, draws: draws, threads: threads)
        let breaks = project.file.breaks, model = project.model
        for list in BreakFree.exclusions(changes, breaks: breaks, model: model) {
            let rows = analysis.rows.indices.filter { k in
                let row = analysis.rows[k]
                return !row.excluding.isEmpty
                    && BreakFree.ordered(BreakFree.excluded(breaks.filter { $0.separates(row.from, row.to) }), model) == list
            }
            var codes: [String] = []
            for k in rows where !codes.contains(analysis.rows[k].group) { codes.append(analysis.rows[k].group) }
            let reduced = try UncertaintyEngine(panel: project.panel, model: BreakFree.model(model, excluding: list),
                                                spec: project.file.spec, uncertainty: spec, scoreCodes: codes)
            try ChangeSeriesBands.apply(&analysis, rows: rows, engine: reduced, draws: draws, threads: threads)
        }
    }
}
