import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// `diff.md` and `diff.csv` of a run of an update state.
package enum RunDiffText {
    /// `change,unit,name,item,period_before,period_after,before,after`, one row per change:
    /// `input_revised` (item = column; before/after = the published and the new cell),
    /// `rank` (item = index; ranks from the previous run's newest period to this run's),
    /// `score_recomputed` and `rank_recomputed` (an earlier period both runs have),
    /// `entered_top` and `left_top` (item = priority; positions on the priority list),
    /// `newly_significant` and `no_longer_significant` (item = the dimension; before/after = gaps).
    package static func csv(_ diff: RunDiff, index: String) -> String {
        var csv = CSVWriter(header: ["change", "unit", "name", "item", "period_before", "period_after", "before", "after"])
        for r in diff.revisions {
            csv.appendRow(["input_revised", r.unit, diff.names[r.unit] ?? "", r.column, String(r.period), String(r.period), r.old ?? "", r.new])
        }
        for m in diff.moves {
            csv.appendRow(["rank", m.unit, m.name, index, String(m.periodBefore), String(m.periodAfter), formatNumber(m.rankBefore), formatNumber(m.rankAfter)])
        }
        for m in diff.recomputed {
            let p = String(m.periodAfter)
            if m.scoreBefore != m.scoreAfter, !(m.scoreBefore.isNaN && m.scoreAfter.isNaN) {
                csv.appendRow(["score_recomputed", m.unit, m.name, index, p, p, formatNumber(m.scoreBefore), formatNumber(m.scoreAfter)])
            }
            if m.rankBefore != m.rankAfter, !(m.rankBefore.isNaN && m.rankAfter.isNaN) {
                csv.appendRow(["rank_recomputed", m.unit, m.name, index, p, p, formatNumber(m.rankBefore), formatNumber(m.rankAfter)])
            }
        }
        for t in diff.topChanges {
            csv.appendRow([t.entered ? "entered_top" : "left_top", t.unit, t.name, "priority", String(diff.periodBefore), String(diff.periodAfter),
                           formatNumber(t.priorityBefore), formatNumber(t.priorityAfter)])
        }
        for p in diff.problems {
            csv.appendRow([p.newlySignificant ? "newly_significant" : "no_longer_significant", p.unit, p.name, p.group,
                           String(diff.periodBefore), String(diff.periodAfter), formatNumber(p.gapBefore), formatNumber(p.gapAfter)])
        }
        return csv.text
    }

    /// The changes in words and tables, for people.
    package static func markdown(_ diff: RunDiff, model: IndexModel) -> String {
        let index = model.node(model.root)?.name ?? model.root
        func group(_ code: String) -> String { model.node(code)?.name ?? code }
        func rank(_ x: Double) -> String { x.isNaN ? "–" : formatNumber(x) }
        func score(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.2f", x) }
        func signed(_ x: Double) -> String { x.isNaN ? "–" : (x > 0 ? "+" : "") + formatNumber(x) }
        var md = "# Run \(diff.run) against run \(diff.previousRun)\n\n"
        md += "## Figures\n\n"
        let added = diff.addedPeriods.isEmpty ? "no new period" : "\(diff.addedRows) rows added for \(diff.addedPeriods.map(String.init).joined(separator: ", "))"
        md += "\(added); \(diff.revisions.count) published \(diff.revisions.count == 1 ? "cell" : "cells") revised.\n"
        if !diff.revisions.isEmpty {
            md += "\n| unit | period | column | published | new |\n|---|---|---|---|---|\n"
            for r in diff.revisions { md += "| \(r.unit) | \(r.period) | \(r.column) | \(r.old.map { $0.isEmpty ? "(empty)" : $0 } ?? "(no row)") | \(r.new.isEmpty ? "(empty)" : r.new) |\n" }
        }
        let span = diff.periodBefore == diff.periodAfter ? "\(diff.periodAfter), before and after" : "\(diff.periodBefore) → \(diff.periodAfter)"
        md += "\n## Ranks (\(index), \(span))\n\n"
        md += "\(diff.moves.count) of \(diff.comparedUnits) buurten changed rank; a positive move climbs towards rank 1.\n"
        if !diff.moves.isEmpty {
            md += "\n| unit | name | rank \(diff.periodBefore) | rank \(diff.periodAfter) | move | score \(diff.periodBefore) | score \(diff.periodAfter) |\n|---|---|---|---|---|---|---|\n"
            for m in diff.moves {
                md += "| \(m.unit) | \(m.name) | \(rank(m.rankBefore)) | \(rank(m.rankAfter)) | \(signed(m.move)) | \(score(m.scoreBefore)) | \(score(m.scoreAfter)) |\n"
            }
        }
        if !diff.recomputed.isEmpty {
            md += "\n## Earlier periods recomputed\n\n\(diff.recomputed.count) index \(diff.recomputed.count == 1 ? "score" : "scores") of earlier periods changed.\n"
            md += "\n| unit | name | period | rank | score |\n|---|---|---|---|---|\n"
            for m in diff.recomputed {
                md += "| \(m.unit) | \(m.name) | \(m.periodAfter) | \(rank(m.rankBefore)) → \(rank(m.rankAfter)) | \(score(m.scoreBefore)) → \(score(m.scoreAfter)) |\n"
            }
        }
        guard diff.hasLists else {
            md += "\nThe model has no uncertainty analysis, so there are no priority lists to compare.\n"
            return md
        }
        md += "\n## Priority list: top \(diff.top)\n\n"
        let entered = diff.topChanges.filter(\.entered), left = diff.topChanges.filter { !$0.entered }
        func names(_ list: [RunDiff.TopChange]) -> String {
            list.isEmpty ? "none" : list.map { "\($0.name) (\($0.unit), priority \(rank($0.priorityBefore)) → \(rank($0.priorityAfter)))" }.joined(separator: ", ")
        }
        md += "Entered: \(names(entered)).\nLeft: \(names(left)).\n"
        guard diff.hasBands else {
            md += "\nThe model has no uncertainty analysis, so no problem is significantly behind the reference and there are no problems to compare.\n"
            return md
        }
        md += "\n## Problems (dimensions significantly behind the reference)\n\n"
        let newly = diff.problems.filter(\.newlySignificant), gone = diff.problems.filter { !$0.newlySignificant }
        md += "\(newly.count) newly significant, \(gone.count) no longer significant.\n"
        if !diff.problems.isEmpty {
            md += "\n| unit | name | dimension | change | gap \(diff.periodBefore) | gap \(diff.periodAfter) |\n|---|---|---|---|---|---|\n"
            for p in diff.problems {
                md += "| \(p.unit) | \(p.name) | \(group(p.group)) | \(p.newlySignificant ? "newly significant" : "no longer significant") | \(score(p.gapBefore)) | \(score(p.gapAfter)) |\n"
            }
        }
        return md
    }

    /// The files of a state's first run: nothing to compare with.
    package static func firstRun(_ run: String, rows: Int, periods: [Int]) -> (markdown: String, csv: String) {
        let list = periods.map(String.init).joined(separator: ", ")
        return ("# Run \(run)\n\nFirst run of this state: \(rows) rows for \(list); there is no previous run to compare with.\n",
                CSVWriter(header: ["change", "unit", "name", "item", "period_before", "period_after", "before", "after"]).text)
    }
}
