import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// What an update (or the initialisation) of a state did, with its one-line summary and JSON form.
public struct UpdateOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The state was created (``StateUpdate/initialise(state:modelPath:dataPath:options:threads:)``) with its first run.
        case created
        /// New figures were added and a new run written.
        case updated
        /// The figures were there already; nothing was written.
        case unchanged
        /// The figures revise published periods and `acceptRevisions` was not set; nothing was written.
        case refused
    }

    public var status: Status
    /// The state directory as given.
    public var state: String
    /// The run written (created, updated) or the latest run (unchanged, refused).
    public var run: RunName
    /// The run before it (updated only).
    public var previousRun: RunName?
    public var addedRows: Int
    public var addedPeriods: [Int]
    public var revisions: [FigureRevision]
    /// The comparison with the previous run (updated only), with the update's causes and differences.
    public var diff: RunDiff?
    /// What the update was given, as the "nothing new" line names it (`this model`,
    /// `this crosswalk`, `these figures`).
    public var given = ["these figures"]

    /// Folder of ``run`` as a path under the state.
    public var runFolder: String { ManifestPath.join(state, "runs/\(run)") }

    /// One line for the terminal. A refusal says what the figures revise and that nothing was
    /// changed; an update with `acceptRevisions` recomputes with them.
    public var summary: String {
        switch status {
        case .created:
            return "created \(state): run \(run) with \(addedRows) rows for \(periodList(addedPeriods)) in \(runFolder)"
        case .unchanged:
            return "nothing new: \(state) already has \(given.joined(separator: " and ")) (latest run \(run))"
        case .refused:
            let periods = Set(revisions.map(\.period)).sorted()
            return "refused: the figures revise \(revisions.count) published \(revisions.count == 1 ? "cell" : "cells") of \(periodList(periods)); nothing was changed"
        case .updated:
            var text = "updated \(state): run \(run) in \(runFolder)"
            var parts: [String] = []
            if !addedPeriods.isEmpty { parts.append("\(addedRows) rows added for \(periodList(addedPeriods))") }
            if !revisions.isEmpty { parts.append("\(revisions.count) \(revisions.count == 1 ? "cell" : "cells") revised") }
            if let diff {
                parts += [UpdateCause.model, .crosswalk].filter(diff.causes.contains).map { "new \($0.rawValue)" }
            }
            text += " (" + parts.joined(separator: ", ") + ")"
            guard let diff else { return text }
            text += "; \(diff.moves.count) of \(diff.comparedUnits) buurten changed rank"
            if diff.hasLists {
                let entered = diff.topChanges.filter(\.entered).count
                text += ", \(entered) entered and \(diff.topChanges.count - entered) left the top \(diff.top)"
                if diff.hasBands { text += ", \(diff.problems.filter(\.newlySignificant).count) problems newly significant" }
            }
            if !diff.verdicts.isEmpty {
                text += "; \(diff.verdicts.count) \(diff.verdicts.count == 1 ? "verdict" : "verdicts") of published periods changed (diff.md lists them)"
            }
            return text
        }
    }

    /// One JSON object: status, state, run, previous_run, rows_added, periods_added,
    /// revisions (unit, period, column, old, new), and for an update causes (`new_period`,
    /// `revision`, `model`, `crosswalk`), differences (as the manifest's `diff.differences`), rank_changes,
    /// entered_top, left_top, newly_significant, no_longer_significant (unit codes, or
    /// `unit:dimension` for problems), published_verdicts_changed (``RunDiff/verdicts``).
    public var json: String {
        var fields: [(String, String)] = [
            ("status", q(status.rawValue)), ("state", q(state)), ("run", q(run.description)),
            ("run_folder", q(runFolder)),
            ("previous_run", previousRun.map { q($0.description) } ?? "null"),
            ("rows_added", String(addedRows)), ("periods_added", "[" + addedPeriods.map(String.init).joined(separator: ",") + "]"),
            ("revisions", "[" + revisions.map { r in
                "{\"unit\":\(q(r.unit)),\"period\":\(r.period),\"column\":\(q(r.column)),\"old\":\(r.old.map(q) ?? "null"),\"new\":\(q(r.new))}"
            }.joined(separator: ",") + "]"),
        ]
        if let diff {
            func list(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ",") + "]" }
            fields.append(("causes", list(diff.causes.map(\.rawValue))))
            fields.append(("differences", "[" + diff.differences.map(\.json.compactText).joined(separator: ",") + "]"))
            fields.append(("rank_changes", String(diff.moves.count)))
            fields.append(("entered_top", list(diff.topChanges.filter(\.entered).map(\.unit))))
            fields.append(("left_top", list(diff.topChanges.filter { !$0.entered }.map(\.unit))))
            fields.append(("newly_significant", list(diff.problems.filter(\.newlySignificant).map { "\($0.unit):\($0.group)" })))
            fields.append(("no_longer_significant", list(diff.problems.filter { !$0.newlySignificant }.map { "\($0.unit):\($0.group)" })))
            fields.append(("published_verdicts_changed", String(diff.verdicts.count)))
        }
        return "{" + fields.map { "\(q($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The revisions as lines `unit period column: old → new`, for the refusal message.
    public var revisionLines: [String] {
        revisions.map { r in
            "\(r.unit) \(r.period) \(r.column): \(r.old.map { $0.isEmpty ? "(empty)" : $0 } ?? "(no row)") → \(r.new.isEmpty ? "(empty)" : r.new)"
        }
    }

    private func periodList(_ periods: [Int]) -> String { periods.map(String.init).joined(separator: ", ") }
    private func q(_ s: String) -> String { JSONString.quoted(s) }
}
