import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// What a run is doing, for a progress display. Events come in this order, one at a time (the
/// `replications` events from whichever worker thread finished the work).
public enum RunProgress: Sendable {
    /// Reading the model and its data (the name of the data file given in the settings, else of
    /// the model file).
    case reading(String)
    /// The inputs are read; what the reader noticed in them (``RunResults/warnings``).
    case read(warnings: [String])
    /// Computing the nominal index.
    case computing
    /// Evaluations of the uncertainty analysis finished, of the total.
    case replications(done: Int, total: Int)
    /// Making tables, the report and the workbook.
    case writing
}

/// Computes a run: reads the model and its data, runs the pipeline, the multivariate analysis,
/// the uncertainty analysis and the changes. Nothing is written.
///
/// The result depends on the settings and the files' bytes alone: equal inputs give equal
/// results for any ``RunSettings/threads`` (BLAS is pinned to one thread for the whole process;
/// the work is spread over ``RunSettings/threads`` threads of the run's own).
/// - Throws: `BuurtErrors` with every problem found in the model and the data; one problem
///   when the computation fails.
public func run(_ settings: RunSettings, progress: (@Sendable (RunProgress) -> Void)? = nil) throws(BuurtErrors) -> RunResults {
    let project = try loadProject(settings, progress: progress)
    return try single { () throws(BuurtError) in try compute(project, settings: settings, progress: progress) }
}

/// Computes a run and writes its files into `directory` all at once (``RunResults/write(to:)``);
/// the directory is checked before the computation starts, so a refused directory costs nothing.
/// - Returns: the results and the paths of the files written, relative to `directory`.
/// - Throws: `BuurtErrors` as ``run(_:progress:)``, or with the one problem of writing.
public func run(
    _ settings: RunSettings, writingTo directory: String, progress: (@Sendable (RunProgress) -> Void)? = nil
) throws(BuurtErrors) -> (results: RunResults, files: [String]) {
    let project = try loadProject(settings, progress: progress)
    return try single { () throws(BuurtError) in
        try OutputDirectory.writing(to: directory, claim: .run(of: project)) { output throws(BuurtError) in
            let results = try compute(project, settings: settings, progress: progress)
            try results.add(to: &output, outputDirectory: directory, progress: progress)
            return (results, output.files.map(\.path))
        }
    }
}

/// The model, metadata, crosswalk and data of `settings`, with the SHA-256 of every file read.
func loadProject(_ settings: RunSettings, progress: (@Sendable (RunProgress) -> Void)?) throws(BuurtErrors) -> IndexProject {
    try RunSettings.checkThreads(settings.threads)
    progress?(.reading((settings.data ?? settings.model).split(separator: "/").last.map(String.init) ?? "data"))
    let project = try IndexProject.load(modelPath: settings.model, dataPath: settings.data, options: settings.csvOptions)
    progress?(.read(warnings: project.warnings))
    return project
}

/// The computation of a run on a loaded project.
/// - Throws: ``BuurtError`` of the pipeline, the analysis or the uncertainty engine.
func compute(
    _ project: IndexProject, settings: RunSettings, progress: (@Sendable (RunProgress) -> Void)?
) throws(BuurtError) -> RunResults {
    // One BLAS thread: the results' bits must not depend on OpenBLAS's thread count.
    BLASRuntime.pinSingleThread()
    progress?(.computing)
    let pipeline = try project.run(keepIntermediate: settings.stages)
    let normalised = pipeline.panel(after: .normalised) ?? pipeline.aggregated
    let analysis: GroupAnalysisResult
    do {
        analysis = try GroupAnalysis.run(normalised, model: project.model, period: normalised.periodList.last ?? nil)
    } catch let error as BuurtError {
        throw error
    } catch {
        throw BuurtError(.internalFailure, "multivariate analysis failed: \(error)")
    }
    var seeded = project
    if let seed = settings.seed { seeded.file.uncertainty?.seed = seed }
    var replications: (@Sendable (Int, Int) -> Void)?
    if let progress { replications = { @Sendable done, total in progress(.replications(done: done, total: total)) } }
    let (uncertainty, changes) = try UncertaintyAnalysis.run(
        project: seeded, aggregated: pipeline.aggregated, threads: settings.threads, progress: replications)
    let strengths = StrengthsWeaknesses.rows(
        pipeline.aggregated, model: project.model, reference: (project.file.priorities ?? PrioritySpec()).reference)
    // Without an uncertainty analysis the lists come from the nominal scores, once, for the
    // files and the report alike.
    let spec = project.file.prioritySpec
    let lists = uncertainty == nil && spec.enabled ? NominalLists(pipeline.aggregated, model: project.model, spec: spec) : nil
    return RunResults(settings: settings, project: project, pipeline: pipeline, analysis: analysis,
                      uncertainty: uncertainty, changes: changes, strengths: strengths, nominalLists: lists)
}

/// `body`'s error as a list of one problem.
func single<T>(_ body: () throws(BuurtError) -> T) throws(BuurtErrors) -> T {
    do {
        return try body()
    } catch {
        throw BuurtErrors([error])
    }
}
