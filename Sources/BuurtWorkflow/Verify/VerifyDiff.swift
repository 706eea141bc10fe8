import BuurtIndex
import Foundation

/// Making a run's `diff.md` and `diff.csv` again for `verify`, from the previous run its
/// manifest records (``DiffRecord``): the previous run's manifest by its hash, its result
/// tables and figures by that manifest's hashes, and this run's re-run result tables.
enum DiffVerification {
    /// What re-making the comparison gave.
    enum Outcome {
        /// The two files as the re-run makes them.
        case files([String: Data])
        /// The previous run is not what this run compared with (changed, missing, a link): the message.
        case previousRunChanged(String)
    }

    /// Re-makes the comparison files of the run in `directory`.
    /// - Parameters:
    ///   - record: the manifest's `diff`.
    ///   - project: the re-run's model and data.
    ///   - figures: the bytes of the run's data input (checked against the manifest).
    ///   - rerun: the re-run's files.
    /// - Throws: ``BuurtError`` `.data` (a bad manifest) when a recorded run name is not one,
    ///   the previous path is not `../<run>`, or the causes are not the ones the runs give.
    static func remake(
        _ record: DiffRecord, manifestPath: String, directory: String, project: IndexProject, figures: Data, rerun: [String: Data]
    ) throws(BuurtError) -> Outcome {
        var previous: PreviousRunFiles?
        for (field, name) in [("diff.run", record.run), ("diff.previous.run", record.previous?.run)] {
            guard let name, RunName(name)?.description != name else { continue }
            throw Manifest.bad(field, "is '\(name)', which is not the name of a run (a year, or a year with -r<k>)", file: manifestPath)
        }
        if let recorded = record.previous {
            guard recorded.path == "../\(recorded.run)" else {
                throw Manifest.bad("diff.previous.path", "is '\(recorded.path)', expected '../\(recorded.run)' (a run beside this one)", file: manifestPath)
            }
            do {
                previous = try PreviousRunFiles.read(beside: directory, name: recorded.run, expectedManifestSHA256: recorded.manifestSHA256)
            } catch {
                return .previousRunChanged(error.description)
            }
        }
        let after = rerun.filter { RunDiffFiles.comparedFiles.contains($0.key) }
        let made = try RunDiffFiles.make(run: record.run, project: project, figures: figures, after: after, previous: previous,
                                         given: record.causes.filter { $0 == .model || $0 == .crosswalk }, differences: record.differences)
        guard made.record == record else {
            throw Manifest.bad("diff.causes", "is [\(record.causes.map(\.rawValue).joined(separator: ", "))] but the runs give "
                + "[\(made.record.causes.map(\.rawValue).joined(separator: ", "))]", file: manifestPath)
        }
        return .files(["diff.md": Data(made.markdown.utf8), "diff.csv": Data(made.csv.utf8)])
    }
}
