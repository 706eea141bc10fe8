import BuurtIndex
import BuurtNumerics

/// Everything a model's `uncertainty:` key asks for: the Monte Carlo summary (bands, both
/// priority lists), and with `sensitivity: true` the variance-based indices and the removal of
/// each dimension.
public struct UncertaintyOutcome: Sendable {
    public var result: UncertaintyResult
    public var priorities: PrioritySpec
    /// Names of the uncertain inputs, in the engine's fixed order.
    public var inputNames: [String]
    public var sensitivity: [SensitivityIndex]?
    /// Design rows of the sensitivity analysis left out because a point of the row could not be
    /// evaluated (see ``SensitivityAnalysis/estimate(inputs:samples:seed:bootstrap:evaluate:)``).
    public var sensitivityRowsLeftOut = 0
    /// N, the rows of each block of the sensitivity design (0 without a sensitivity analysis).
    public var sensitivityRows = 0
    public var removal: [RemovalRow]?
}

/// Runs the uncertainty analysis of a loaded project.
public enum UncertaintyAnalysis {
    /// The uncertainty analysis and the changes between two periods, from one Monte Carlo run:
    /// the change bands come from the same replications as every other band.
    ///
    /// - Parameters:
    ///   - aggregated: the nominal run's final panel (the nominal changes).
    ///   - threads: worker threads; every result is identical for any count.
    ///   - progress: (finished, total) evaluations, for a progress bar.
    /// - Returns: `uncertainty` `nil` when the model has no `uncertainty:` key (the changes
    ///   then have no bands); `changes` `nil` as ``ChangePass/nominal(aggregated:project:)``.
    /// - Throws: the engine's, the nominal pipeline's or the changes' ``BuurtError``.
    public static func run(
        project: IndexProject, aggregated: Panel, threads: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(BuurtError) -> (uncertainty: UncertaintyOutcome?, changes: ChangeAnalysis?) {
        let changes = try ChangePass.nominal(aggregated: aggregated, project: project)
        guard let spec = project.file.uncertainty else { return (nil, changes) }
        let priorities = project.file.prioritySpec
        let engine = try UncertaintyEngine(
            panel: project.panel, model: project.model, spec: project.file.spec, uncertainty: spec,
            scoreCodes: try UncertaintySummary.scoreCodes(model: project.model, priorities: priorities, changes: changes != nil))
        let sensitivityRuns = spec.sensitivity ? spec.replications * (engine.inputNames.count + 2) : 0
        let total = spec.replications + sensitivityRuns
        let replications = spec.replications
        var monteCarlo: (@Sendable (Int, Int) -> Void)?
        if let progress {
            monteCarlo = { @Sendable done, all in progress(done * replications / max(all, 1), total) }
        }
        let summary = try UncertaintySummary.compute(
            engine: engine, priorities: priorities, changes: changes, threads: threads, progress: monteCarlo)
        var outcome = UncertaintyOutcome(
            result: summary.result, priorities: priorities, inputNames: engine.inputNames, sensitivity: nil, removal: nil)
        if spec.sensitivity {
            let estimate = try sensitivity(engine: engine, seed: spec.seed, samples: spec.replications, threads: threads) {
                progress?(spec.replications + $0, total)
            }
            outcome.sensitivity = estimate.indices
            outcome.sensitivityRowsLeftOut = estimate.rowsLeftOut
            outcome.sensitivityRows = spec.replications
            outcome.removal = try RemovalAnalysis.run(
                nominal: engine.nominal, model: project.model, spec: project.file.spec, parent: priorities.themesOf)
        }
        var banded = summary.changes
        if var rows = banded {
            try ChangePass.seriesBands(&rows, engine: engine, project: project, aggregated: aggregated, threads: threads)
            banded = rows
        }
        return (outcome, banded)
    }

    /// Saltelli/Jansen indices of every uncertain input; the output is the mean absolute shift
    /// of the index ranks against the nominal ranking (``meanAbsoluteRankShift(nominal:replication:periods:)``).
    static func sensitivity(
        engine: UncertaintyEngine, seed: UInt64, samples: Int, threads: Int, done: (Int) -> Void
    ) throws(BuurtError) -> (indices: [SensitivityIndex], rowsLeftOut: Int) {
        let rows = engine.rows
        let root = engine.scoreCodes.firstIndex(of: engine.model.root)!
        let nominal = rows.column(engine.model.root)!
        let periods = PeriodPartition(rows)
        var finished = 0
        do {
            return try SensitivityAnalysis.estimate(inputs: engine.inputNames.count, samples: samples, seed: seed) { points in
                let block = try engine.evaluate(points.map { engine.draw(sample: $0) }, threads: threads)
                finished += points.count
                done(finished)
                return (0..<points.count).map { d in
                    meanAbsoluteRankShift(nominal: nominal, replication: Array(block.scores(code: root, draw: d)), periods: periods)
                }
            }
        } catch let error as BuurtError {
            throw error
        } catch {
            throw BuurtError(.internalFailure, "sensitivity analysis failed: \(error)")
        }
    }
}
