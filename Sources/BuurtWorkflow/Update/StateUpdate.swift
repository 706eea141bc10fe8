import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// Yearly recalculation: an update state (see `UpdateStateDirectory`) takes new figures,
/// checks them against what it has, recomputes, and writes a new run with its differences
/// from the previous one.
///
/// Both operations hold the state's lock (`UpdateStateLock`: `flock` on `STATE/.lock`)
/// throughout, first bring an interrupted update to a consistent state
/// (`UpdateStateDirectory.recover()`), and change nothing until every check has passed; the
/// new run becomes the state's latest by one atomic rename of `latest`.
///
/// Within one process, run one update at a time: what an interrupted update must undo is kept
/// in one process-wide record (so that a signal handler can undo it), which two concurrent
/// updates would share. Separate processes are kept apart by the state's lock.
public enum StateUpdate {
    /// Creates a state from a model and its data (initialisation): the first run is named by the
    /// newest period of the data.
    ///
    /// Running it again with the same model and data changes nothing (status `unchanged`),
    /// also after updates: the state's figures include the data.
    /// - Parameters:
    ///   - path: the state directory, new or empty (a `.lock` aside).
    ///   - modelPath: the model file; it and the metadata, crosswalk and map files it names are
    ///     copied into the state.
    ///   - dataPath: a data file in place of the model's `data:`; `nil` for the model's own.
    ///   - options: how the data's numbers are read.
    ///   - threads: worker threads of the run (``RunSettings/threads``; results do not depend on it).
    /// - Throws: `BuurtErrors`: the model's and data's problems (`.data`, `.missingInput`),
    ///   `.output` when the directory holds another state (remedy `BuurtError.Remedy.updateState`)
    ///   or other files, `.lock`
    ///   when another process holds the lock.
    public static func initialise(
        state path: String, modelPath: String, dataPath: String?, options: CSVOptions = CSVOptions(), threads: Int = 1
    ) throws(BuurtErrors) -> UpdateOutcome {
        try RunSettings.checkThreads(threads)
        let source = try IndexProject.load(modelPath: modelPath, dataPath: dataPath, options: options)
        let table = try CSVReader.read(path: source.dataPath, options: options)
        let unsorted = try FigureTable.make(table, file: source.file, model: source.model)
        let figures = unsorted.sorted(unitOrder: unsorted.rows.indices.map(unsorted.unit))
        let state = UpdateStateDirectory(path: path)
        let modelBytes = try single { try read(modelPath) }
        let companions = try single { try companionCopies(source, modelPath: modelPath) }
        // Errors in the state's copies are located in the user's own files.
        var originals = [state.modelPath: modelPath]
        for file in companions { originals[state.join(file.relative)] = file.source }
        let lock = try single {
            try UpdateInterruption.begin(state, created: missingFolders(path)) { () throws(BuurtError) in
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                } catch {
                    throw BuurtError(.output, "cannot create the state directory: \(error.localizedDescription)", at: SourceLocation(file: path))
                }
                return try UpdateStateLock(state)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        defer { UpdateInterruption.end() }
        return try single(locating: originals) {
            try UpdateInterruption.step { () throws(BuurtError) in try state.recover() }
            if let latest = try state.latest() {
                try state.checkDataFile()
                if try state.regularFile("model.yml", remedy: "restore the model the state was created with") == modelBytes, try alreadyHolds(figures, state, source) {
                    return UpdateOutcome(status: .unchanged, state: path, run: latest, addedRows: 0, addedPeriods: [], revisions: [])
                }
                throw BuurtError(.output, "this directory already holds an update state (latest run \(latest)) with another model or without these figures; choose a new directory, or update this state with the new figures",
                                 at: SourceLocation(file: state.latestPath), remedy: .updateState(directory: path))
            }
            try checkEmpty(state)
            let run = RunName(period: figures.periods.last ?? 0)
            let journal = UpdateJournal(run: run, isInitialisation: true, created: ["model.yml"] + companions.map(\.relative))
            try writeRun(state, journal, figures: figures, compute: computation(threads)) { () throws(BuurtError) in
                try AtomicFile.write(modelBytes, to: state.modelPath)
                for file in companions { try AtomicFile.write(file.data, to: state.join(file.relative)) }
            } annotate: { outputs throws(BuurtError) in
                try outputs.addDiff(RunDiffFiles.make(run: run.description, project: source, figures: read(state.inputPath(run)), after: [:], previous: nil))
            }
            return UpdateOutcome(status: .created, state: path, run: run, addedRows: figures.rows.count, addedPeriods: figures.periods, revisions: [])
        }
    }

    /// Adds the figures in `dataPath` to the state and writes a new run with `diff.md` and
    /// `diff.csv` against the previous one (``update(state:changes:acceptRevisions:options:threads:)``
    /// with figures only).
    ///
    /// The new file must have the state's columns, and each new period the units of the
    /// latest one (`FigureMerging`). Figures the state has already are ignored, so the same
    /// update twice gives status `unchanged` the second time. Changed cells of published
    /// periods give status `refused` (nothing written) unless `acceptRevisions`.
    /// - Parameters:
    ///   - path: the state directory.
    ///   - dataPath: the new figures (CSV), with the state's columns.
    ///   - acceptRevisions: recompute with changed cells of published periods instead of
    ///     refusing them.
    ///   - options: how the new file's numbers are read.
    ///   - threads: worker threads of the run (``RunSettings/threads``; results do not depend on it).
    /// - Throws: `BuurtErrors`: `.missingInput` when the directory holds no state (remedy
    ///   `BuurtError.Remedy.createUpdateState`) or the file is missing, `.data` with every problem of the new figures, `.lock` when another
    ///   process holds the lock, `.output` when the run cannot be written. Nothing is
    ///   changed on any error.
    public static func update(
        state path: String, dataPath: String, acceptRevisions: Bool, options: CSVOptions = CSVOptions(), threads: Int = 1
    ) throws(BuurtErrors) -> UpdateOutcome {
        try update(state: path, changes: StateChanges(data: dataPath), acceptRevisions: acceptRevisions, options: options, threads: threads)
    }

    /// Computes the run of `project` with `settings` into `output`, which goes to `outputDirectory`.
    typealias ComputeRun = (_ project: IndexProject, _ settings: RunSettings, _ outputDirectory: String, _ output: inout OutputDirectory) throws(BuurtError) -> Void

    /// The run a state's runs use: ``RunResults/add(to:outputDirectory:progress:)`` of the computed run.
    static func computation(_ threads: Int) -> (threads: Int, run: ComputeRun) {
        (threads, { project, settings, outputDirectory, output throws(BuurtError) in
            try compute(project, settings: settings, progress: nil).add(to: &output, outputDirectory: outputDirectory)
        })
    }

    /// ``update(state:dataPath:acceptRevisions:options:threads:)`` with the run's computation given
    /// (a test replaces it to fail at a chosen point).
    static func update(
        state path: String, dataPath: String, acceptRevisions: Bool, options: CSVOptions, compute: (threads: Int, run: ComputeRun)
    ) throws(BuurtErrors) -> UpdateOutcome {
        try update(state: path, changes: StateChanges(data: dataPath), acceptRevisions: acceptRevisions, options: options, compute: compute)
    }

    /// Whether the state's figures include `figures` unchanged (so initialisation has nothing to do).
    private static func alreadyHolds(_ figures: FigureTable, _ state: UpdateStateDirectory, _ project: IndexProject) throws(BuurtError) -> Bool {
        guard let published = try? FigureTable.load(path: state.dataPath, file: project.file, model: project.model),
              published.header == figures.header else { return false }
        return (try? FigureMerging.merge(state: published, new: figures))?.isEmpty ?? false
    }

    /// Writes the run of `journal`, each change a step an interruption waits for: the journal,
    /// `prepare` (--init's model, an update's new version), `inputs/<run>.csv`; the run
    /// computed from that file with the model `modelPath` (default the state's first;
    /// the manifest records both) with `annotate` adding the comparison files, into a temporary
    /// folder renamed to `runs/<run>`; `data.csv`; then `latest` is replaced (the commit) and
    /// the journal removed. On an error before the commit, recovery (guided by the journal)
    /// removes all of it again, so a thrown error means nothing was published.
    static func writeRun(
        _ state: UpdateStateDirectory, _ journal: UpdateJournal, figures: FigureTable, model modelPath: String? = nil, compute: (threads: Int, run: ComputeRun),
        prepare: () throws(BuurtError) -> Void = {}, annotate: (inout OutputDirectory) throws(BuurtError) -> Void
    ) throws(BuurtError) {
        let run = journal.run
        do {
            try UpdateInterruption.step { () throws(BuurtError) in try journal.write(to: state) }
            try UpdateInterruption.step { () throws(BuurtError) in try prepare() }
            try UpdateInterruption.step { () throws(BuurtError) in try AtomicFile.write(figures.text, to: state.inputPath(run)) }
            let computed = ManifestPath.join(state.runsPath, TemporaryName.make(run.description, .tmp))
            try computeRun(state, run, model: modelPath ?? state.modelPath, into: computed, compute: compute, annotate: annotate)
            try UpdateInterruption.step { () throws(BuurtError) in try moveIntoPlace(computed, state.runPath(run)) }
            try UpdateInterruption.step { () throws(BuurtError) in try AtomicFile.write(figures.text, to: state.dataPath) }
            try UpdateInterruption.step { () throws(BuurtError) in
                try AtomicFile.write(run.description + "\n", to: state.latestPath)
                UpdateInterruption.publish()
            }
        } catch {
            do {
                try UpdateInterruption.step { () throws(BuurtError) in try state.recover() }
            } catch let undo {
                throw BuurtError(error.kind, "\(error.message); undoing the update failed too (\(undo.description)): the next update finishes undoing it",
                                 at: error.location, remedy: error.remedy)
            }
            throw error
        }
        // Published: a journal left behind names the latest run, which recovery removes.
        try? FileManager.default.removeItem(atPath: state.join(UpdateJournal.fileName))
    }

    /// The run computed from `inputs/<run>.csv` into `folder` (as ``OutputDirectory/writing(to:_:)``).
    private static func computeRun(
        _ state: UpdateStateDirectory, _ run: RunName, model modelPath: String, into folder: String, compute: (threads: Int, run: ComputeRun),
        annotate: (inout OutputDirectory) throws(BuurtError) -> Void
    ) throws(BuurtError) {
        // The settings of `buurtscore run MODEL --data inputs/<run>.csv`.
        let settings = RunSettings(model: modelPath, data: state.inputPath(run), threads: compute.threads)
        let project: IndexProject
        do {
            project = try loadProject(settings, progress: nil)
        } catch {
            throw error.problems.first ?? BuurtError(.data, "cannot load the figures", at: SourceLocation(file: state.inputPath(run)))
        }
        try OutputDirectory.writing(to: folder, claim: .run(of: project)) { outputs throws(BuurtError) in
            try compute.run(project, settings, state.runPath(run), &outputs)
            try annotate(&outputs)
        }
    }

    private static func moveIntoPlace(_ source: String, _ target: String) throws(BuurtError) {
        guard rename(source, target) == 0 else {
            throw BuurtError(.output, "cannot rename the computed run into place: \(String(cString: strerror(errno)))", at: SourceLocation(file: target))
        }
    }

    /// The files the model names besides its data (COINr metadata, crosswalk, map), to be copied
    /// beside the state's model under the same relative paths.
    static func companionCopies(_ project: IndexProject, modelPath: String) throws(BuurtError) -> [(relative: String, source: String, data: Data)] {
        var copies: [(relative: String, source: String, data: Data)] = []
        for (role, path) in [("metadata", project.file.metadataPath), ("crosswalk", project.file.crosswalkPath), ("map", project.file.map?.path)] {
            guard let path else { continue }
            let relative = ManifestPath.recorded(path, modelFile: modelPath)
            guard !relative.hasPrefix(".."), !relative.hasPrefix("/"), relative != "model.yml" else {
                throw BuurtError(.usage, "the \(role) file \(path) must lie in the model's folder (or below it) to be copied into the state",
                                 at: SourceLocation(file: modelPath))
            }
            copies.append((relative, path, try read(path)))
        }
        return copies
    }

    /// A state is created only in an empty directory (recovery has removed what a stopped
    /// --init left): no file of the user's is ever overwritten.
    private static func checkEmpty(_ state: UpdateStateDirectory) throws(BuurtError) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
        let foreign = entries.filter { $0 != ".lock" }.sorted()
        guard foreign.isEmpty else {
            throw BuurtError(.output, "the directory is not empty (\(foreign.prefix(5).joined(separator: ", "))\(foreign.count > 5 ? ", …" : "")); create a state in a new or empty directory",
                             at: SourceLocation(file: state.path))
        }
    }

    static func read(_ path: String) throws(BuurtError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuurtError(.missingInput, "cannot read this file", at: SourceLocation(file: path))
        }
        return data
    }

    /// Runs `body`, turning a single `BuurtError` into `BuurtErrors`; a problem located in
    /// a key of `originals` is located in its value instead (a copy's line is the original's).
    static func single<T>(locating originals: [String: String] = [:], _ body: () throws -> T) throws(BuurtErrors) -> T {
        let errors: BuurtErrors
        do {
            return try body()
        } catch let error as BuurtError {
            errors = BuurtErrors([error])
        } catch let many as BuurtErrors {
            errors = many
        } catch {
            errors = BuurtErrors([BuurtError(.internalFailure, "\(error)")])
        }
        throw BuurtErrors(errors.problems.map { problem in
            var problem = problem
            if let file = problem.location?.file, let original = originals[file] { problem.location?.file = original }
            return problem
        })
    }

    /// The folders that creating `path` makes: `path` and its missing parents, deepest first.
    private static func missingFolders(_ path: String) -> [String] {
        var folders: [String] = []
        var folder = path
        while !folder.isEmpty, !UpdateStateDirectory.exists(folder) {
            folders.append(folder)
            // Drop the trailing slashes, then the last name (the parent keeps its slash).
            folder = String(folder.reversed().drop { $0 == "/" }.drop { $0 != "/" }.reversed())
        }
        return folders
    }
}
