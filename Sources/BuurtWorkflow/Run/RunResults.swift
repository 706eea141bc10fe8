import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// Everything one run computed, as values: the project it read, the nominal scores and ranks with
/// every stage's data and record, the multivariate analysis, the uncertainty analysis (bands,
/// priority lists, themes, sensitivity), the changes between periods and the strengths and
/// weaknesses per indicator.
///
/// ``add(to:outputDirectory:progress:)`` and ``write(to:)`` turn it into the files of a run.
public struct RunResults: Sendable {
    /// The settings the run was computed with.
    public internal(set) var settings: RunSettings
    /// The model, the data as read and the paths and digests of the files behind them.
    public internal(set) var project: IndexProject
    /// The nominal pipeline: the data after every stage, and what each stage did.
    public internal(set) var pipeline: PipelineResult
    /// Reliability, principal components and PCA weights of each group, on the normalised
    /// data of the latest period.
    public internal(set) var analysis: GroupAnalysisResult
    /// The uncertainty analysis; `nil` when the model has no `uncertainty:` key.
    public internal(set) var uncertainty: UncertaintyOutcome?
    /// The changes between two periods, by default the first and the last (`changes:`), with
    /// bands when there is an uncertainty analysis; `nil` with a single period or `changes: none`.
    public internal(set) var changes: ChangeAnalysis?
    /// Per unit and period the indicators furthest above and below the city reference
    /// (`StrengthsWeaknesses` of BuurtRanking, its `defaultCount` (3) of each, against
    /// `priorities.reference`): `strengths.csv` and the profiles of the report.
    public internal(set) var strengths: [StrengthRow]
    /// The priority lists from the nominal scores: without an uncertainty analysis (and not
    /// with `priorities: none`), else `nil`.
    public internal(set) var nominalLists: NominalLists?

    /// The final panel: every indicator's normalised value and every aggregate's score, per unit
    /// and period (the ranks of `ranks.csv` are `scores.ranksWithinPeriods(of: model.root)` of
    /// BuurtRanking).
    public var scores: Panel { pipeline.aggregated }
    /// The model tree with the weights the run used.
    public var model: IndexModel { project.model }
    /// The priority list: the units most in need per period, with rank bands and p_top (NaN
    /// without an uncertainty analysis, where the list comes from the nominal scores); empty
    /// with `priorities: none`.
    public var priorities: [PriorityRow] {
        if let nominalLists { return nominalLists.priorities }
        guard let uncertainty, uncertainty.priorities.enabled else { return [] }
        return uncertainty.result.priorities
    }
    /// Score and rank bands of every unit (and period); empty without an uncertainty analysis.
    public var bands: [UnitUncertainty] { uncertainty?.result.units ?? [] }
    /// What the reader noticed in the inputs (dropped units, imputed cells, …), in the order found.
    public var warnings: [String] { project.warnings }
    /// The seed the uncertainty analysis used (``RunSettings/seed``, else the model's); `nil`
    /// without an uncertainty analysis. Replication r is recomputable from (seed, r) alone.
    public var seed: UInt64? { project.file.uncertainty.map { settings.seed ?? $0.seed } }
    /// What came of the replications: those left out and the nominal scores outside their own band.
    public var account: UncertaintyAccount? { uncertainty.map { UncertaintyAccount($0, changes: changes) } }
}
