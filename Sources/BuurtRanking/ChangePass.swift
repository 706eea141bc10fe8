import BuurtIndex
import BuurtNumerics

/// The changes between two periods of a project (model key `changes:`).
///
/// The nominal changes come from the nominal run's final panel. Their bands come from the
/// replications of the uncertainty analysis itself (``UncertaintyAnalysis/run(project:aggregated:threads:progress:)``
/// passes them to ``UncertaintySummary``, see ``ChangeBands``): replication r scores a unit in
/// `from` and in `to` with the same draw r (`RandomStream(seed, r)`), so both scores come from the
/// same weights, alternatives and sampling stream, and change_r = s_to,r − s_from,r. The band is
/// the 5 % and 95 % quantile (R type 7) of change_r over the replications that scored the unit
/// in both periods; a failed replication counts for none.
///
/// **Scale.** A change is read on the scale of each replication's own settings: an alternative
/// that rescales each period on its own (`scope: period`) removes the city-wide trend from the
/// changes it scores. A replication whose values leave the domain of its aggregation (a
/// geometric mean meeting a value ≤ 0) fails and is counted in ``ChangeAnalysis/failedReplications``.
package enum ChangePass {
    /// The nominal changes of `project` (from `aggregated`, the nominal run's final panel),
    /// without bands. `nil` with `changes: none`, and when the data has fewer than two periods
    /// and the model names none.
    /// - Throws: `BuurtError(.data)` for `changes:` periods not in the data.
    /// - Complexity: O(rows + units × groups × breaks).
    package static func nominal(aggregated: Panel, project: IndexProject) throws(BuurtError) -> ChangeAnalysis? {
        let file = project.file
        if file.changes?.enabled == false { return nil }
        guard let (from, to) = try ChangeAnalysis.periods(file.changes, among: aggregated.periodList.compactMap { $0 },
                                                          at: file.keyLocation("changes")) else { return nil }
        return ChangeAnalysis.nominal(aggregated, model: project.model, from: from, to: to, breaks: file.breaks)
    }
}
