import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// What an update gives a state: new figures, a new model version, a new crosswalk, or any
/// combination (at least one).
public struct StateChanges: Sendable, Equatable {
    /// New figures (CSV with the state's columns).
    public var data: String?
    /// A new model file (its metadata, crosswalk and map files are taken with it).
    public var model: String?
    /// A new crosswalk file, in place of the one the (new or current) model names.
    public var crosswalk: String?

    public init(data: String? = nil, model: String? = nil, crosswalk: String? = nil) {
        self.data = data
        self.model = model
        self.crosswalk = crosswalk
    }
}

extension StateUpdate {
    /// Gives the state new figures, a new version of its model, a new crosswalk, or several
    /// of these, and writes a new run with `diff.md` and `diff.csv` against the previous one
    /// and the update's record in its manifest (`diff`: previous run, causes, differences).
    ///
    /// A new model or crosswalk becomes a new version, `versions/<run>/` (model.yml and the
    /// files it names), from which the run is computed; the files of earlier versions are
    /// never changed, so every earlier run still verifies. The new version must fit the state's
    /// figures (its columns, units and periods). Nothing new (the figures are there already,
    /// and the model and crosswalk equal the latest run's byte for byte) gives status
    /// `unchanged` and writes nothing; revisions without `acceptRevisions` give `refused`.
    /// - Parameters:
    ///   - path: the state directory.
    ///   - changes: what the state is given.
    ///   - acceptRevisions: recompute with changed cells of published periods instead of refusing them.
    ///   - options: how the new figures' numbers are read.
    ///   - threads: worker threads of the run (``RunSettings/threads``; results do not depend on it).
    /// - Throws: `BuurtErrors` as ``update(state:dataPath:acceptRevisions:options:threads:)``;
    ///   `.data` for a model or crosswalk that does not fit the figures, located in the given file;
    ///   `.usage` when `changes` gives nothing. Nothing is changed on any error.
    public static func update(
        state path: String, changes: StateChanges, acceptRevisions: Bool, options: CSVOptions = CSVOptions(), threads: Int = 1
    ) throws(BuurtErrors) -> UpdateOutcome {
        try RunSettings.checkThreads(threads)
        return try update(state: path, changes: changes, acceptRevisions: acceptRevisions, options: options, compute: computation(threads))
    }

    /// ``update(state:changes:acceptRevisions:options:threads:)`` with the run's computation given
    /// (a test replaces it to fail at a chosen point).
    static func update(
        state path: String, changes: StateChanges, acceptRevisions: Bool, options: CSVOptions, compute: (threads: Int, run: ComputeRun)
    ) throws(BuurtErrors) -> UpdateOutcome {
        guard changes.data != nil || changes.model != nil || changes.crosswalk != nil else {
            throw BuurtErrors([BuurtError(.usage, "give new figures, a model or a crosswalk to update \(path) with", at: SourceLocation(file: path))])
        }
        let state = UpdateStateDirectory(path: path)
        guard [state.latestPath, state.runsPath, state.inputsPath, state.join(UpdateJournal.fileName)].contains(where: UpdateStateDirectory.exists) else {
            throw BuurtErrors([BuurtError(.missingInput, "\(path) is not an update state (it has no file `latest`)",
                                          at: SourceLocation(file: path), remedy: .createUpdateState(directory: path))])
        }
        let lock = try single { try UpdateInterruption.begin(state) { () throws(BuurtError) in try UpdateStateLock(state) } }
        defer { withExtendedLifetime(lock) {} }
        defer { UpdateInterruption.end() }
        try single { try state.checkDataFile() }
        try single { try UpdateInterruption.step { () throws(BuurtError) in try state.recover() } }
        guard let latest = try single({ try state.latest() }) else {
            throw BuurtErrors([BuurtError(.missingInput, "\(path) is not an update state (it has no run)",
                                          at: SourceLocation(file: state.latestPath), remedy: .createUpdateState(directory: path))])
        }
        try single { try state.checkModel(of: latest) }
        let folder = try single { try state.modelFolder(of: latest) }
        let current = try IndexProject.load(modelPath: state.modelPath(in: folder), dataPath: state.dataPath)
        let change = try StateVersionChange.make(current: current, currentModelPath: state.modelPath(in: folder),
                                                 modelPath: changes.model, crosswalkPath: changes.crosswalk, dataPath: state.dataPath)
        let target = change?.project ?? current
        let published = try FigureTable.load(path: state.dataPath, file: target.file, model: target.model)
        var merge = FigureMerge(merged: published, addedRows: 0, addedPeriods: [], revisions: [])
        if let dataPath = changes.data {
            let newTable = try CSVReader.read(path: dataPath, options: options)
            try FigureMerging.checkColumns(newTable, expected: published.header)
            let newFigures = try FigureTable.make(newTable, file: target.file, model: target.model)
            merge = try FigureMerging.merge(state: published, new: newFigures, crosswalk: target.crosswalk)
        }
        var outcome = UpdateOutcome(status: .unchanged, state: path, run: latest, addedRows: merge.addedRows,
                                    addedPeriods: merge.addedPeriods, revisions: merge.revisions)
        outcome.given = [(changes.model, "this model"), (changes.crosswalk, "this crosswalk"), (changes.data, "these figures")].filter { $0.0 != nil }.map(\.1)
        if merge.isEmpty, change == nil { return outcome }
        if !merge.revisions.isEmpty, !acceptRevisions {
            outcome.status = .refused
            return outcome
        }
        let run = RunName.next(period: merge.merged.periods.last ?? latest.period, after: latest)
        let versionFolder = change == nil ? folder : state.versionFolder(run)
        let journal = UpdateJournal(run: run, isInitialisation: false, created: change == nil ? [] : [versionFolder])
        return try single(locating: change?.originals(in: state, folder: versionFolder) ?? [:]) {
            try writeRun(state, journal, figures: merge.merged, model: state.modelPath(in: versionFolder), compute: compute) { () throws(BuurtError) in
                try change?.write(to: state, run: run)
            } annotate: { outputs throws(BuurtError) in
                let previous = try PreviousRunFiles.read(beside: state.runPath(run), name: latest.description, expectedManifestSHA256: nil)
                var after: [String: Data] = [:]
                for file in outputs.files where RunDiffFiles.comparedFiles.contains(file.path) { after[file.path] = try file.contents }
                let made = try RunDiffFiles.make(run: run.description, project: target, figures: read(state.inputPath(run)), after: after,
                                                 previous: previous, given: change?.causes ?? [], differences: change?.differences ?? [])
                try outputs.addDiff(made)
                outcome.diff = made.diff
            }
            outcome.status = .updated
            outcome.run = run
            outcome.previousRun = latest
            return outcome
        }
    }
}
