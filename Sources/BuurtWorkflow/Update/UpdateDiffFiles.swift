import BuurtIndex
import BuurtReport
import Foundation

/// `diff.md`, `diff.csv` and the manifest's ``DiffRecord`` of a run of an update state, made
/// from files alone (the previous run through its manifest, this run's figures and result
/// tables), so that `update` writes them and `verify` makes them again the same way.
enum RunDiffFiles {
    /// The result tables of a run that the comparison of two runs reads.
    static let comparedFiles = ["scores.csv", "priorities.csv", "themes.csv", "changes.csv"]

    /// The comparison files and their record.
    struct Made {
        var markdown: String
        var csv: String
        var record: DiffRecord
        /// `nil` for a state's first run.
        var diff: RunDiff?
    }

    /// The diff of run `run` of `project` (the state's model), whose figures are `figures`
    /// (its data input) and whose result tables are `after`, against `previous` (`nil` for
    /// the first run).
    ///
    /// The causes ``UpdateCause/newPeriod`` and ``UpdateCause/revision`` come from merging
    /// the previous run's figures with this run's (``FigureMerging``); `given` adds the
    /// model's and crosswalk's causes with their `differences`.
    /// - Throws: ``BuurtError`` when a file cannot be read as the run wrote it.
    static func make(
        run: String, project: IndexProject, figures: Data, after: [String: Data], previous: PreviousRunFiles?,
        given: [UpdateCause] = [], differences: [StateDifference] = []
    ) throws(BuurtError) -> Made {
        let language = ReportLanguage(code: project.file.language)
        let current = try table(figures, "inputs/\(run).csv", project)
        let issues = project.file.periodSeparabilityIssues
        guard let previous else {
            let first = RunDiffText.firstRun(run, rows: current.rows.count, periods: current.periods, issues: issues, language: language)
            return Made(markdown: first.markdown, csv: first.csv, record: DiffRecord(run: run, previous: nil, causes: [], differences: []), diff: nil)
        }
        // Figures of another layout (a new model's columns, which this model may not read) are
        // no new period and no revision.
        let before = try? table(previous.figures, "inputs/\(previous.name).csv", project)
        let merge = before.flatMap { $0.header == current.header ? try? FigureMerging.merge(state: $0, new: current, crosswalk: project.crosswalk) : nil }
            ?? FigureMerge(merged: current, addedRows: 0, addedPeriods: [], revisions: [])
        var causes: [UpdateCause] = []
        if !merge.addedPeriods.isEmpty { causes.append(.newPeriod) }
        if !merge.revisions.isEmpty { causes.append(.revision) }
        causes += given.filter { !causes.contains($0) }
        let model = project.model
        var diff = try RunDiff.compare(before: previous.results, after: after, previousRun: previous.name, run: run,
                                       index: model.root, top: project.file.priorities?.top ?? 5, merge: merge)
        diff.causes = causes
        diff.differences = differences
        diff.separabilityIssues = issues
        let record = DiffRecord(run: run, previous: DiffRecord.Previous(run: previous.name, manifestSHA256: previous.manifestSHA256),
                                causes: causes, differences: differences)
        return Made(markdown: RunDiffText.markdown(diff, model: model, language: language),
                    csv: RunDiffText.csv(diff, index: model.root), record: record, diff: diff)
    }

    private static func table(_ data: Data, _ file: String, _ project: IndexProject) throws(BuurtError) -> FigureTable {
        do {
            return try FigureTable.make(CSVReader.parse(Array(data), file: file), file: project.file, model: project.model)
        } catch {
            throw error.problems.first ?? BuurtError(.data, "cannot read the figures", at: SourceLocation(file: file))
        }
    }
}

extension OutputDirectory {
    /// Adds `diff.md` and `diff.csv` and adds the manifest again with them among its outputs
    /// and `made`'s record under `diff`.
    /// - Throws: `BuurtError` when the manifest added before cannot be read back or a file written.
    mutating func addDiff(_ made: RunDiffFiles.Made) throws(BuurtError) {
        guard let file = files.first(where: { $0.path == Manifest.fileName }) else {
            throw BuurtError(.internalFailure, "the run has no manifest to record its diff in")
        }
        var manifest = try Manifest.parse(try file.contents, file: Manifest.fileName)
        try add("diff.md", text: made.markdown)
        try add("diff.csv", text: made.csv)
        let added = files.filter { OutputVerification.annotations.contains($0.path) }.map { Manifest.Output(path: $0.path, sha256: $0.sha256) }
        manifest.outputs = (manifest.outputs.filter { !OutputVerification.annotations.contains($0.path) } + added)
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        manifest.diff = made.record
        try add(Manifest.fileName, text: manifest.text)
    }
}
