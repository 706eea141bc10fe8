import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// `diff.md` and `diff.csv` of a run of an update state.
package enum RunDiffText {
    /// `change,unit,name,item,period_before,period_after,before,after,cause`, one row per change:
    /// `input_revised` (item = column; before/after = the published and the new cell),
    /// `rank` (item = index; ranks from the previous run's newest period to this run's),
    /// `score_recomputed` and `rank_recomputed` (an earlier period both runs have),
    /// `entered_top` and `left_top` (item = priority; positions on the priority list),
    /// `newly_significant` and `no_longer_significant` (item = the dimension; before/after = gaps),
    /// after the causes, differences and moved verdicts of ``causeRows(_:into:)``; `cause` is
    /// filled on the verdict rows.
    package static func csv(_ diff: RunDiff, index: String) -> String {
        var csv = CSVWriter(header: header)
        causeRows(diff, into: &csv)
        for r in diff.revisions {
            csv.appendRow(["input_revised", r.unit, diff.names[r.unit] ?? "", r.column, String(r.period), String(r.period), r.old ?? "", r.new, ""])
        }
        for m in diff.moves {
            csv.appendRow(["rank", m.unit, m.name, index, String(m.periodBefore), String(m.periodAfter), formatNumber(m.rankBefore), formatNumber(m.rankAfter), ""])
        }
        for m in diff.recomputed {
            let p = String(m.periodAfter)
            if m.scoreBefore != m.scoreAfter, !(m.scoreBefore.isNaN && m.scoreAfter.isNaN) {
                csv.appendRow(["score_recomputed", m.unit, m.name, index, p, p, formatNumber(m.scoreBefore), formatNumber(m.scoreAfter), ""])
            }
            if m.rankBefore != m.rankAfter, !(m.rankBefore.isNaN && m.rankAfter.isNaN) {
                csv.appendRow(["rank_recomputed", m.unit, m.name, index, p, p, formatNumber(m.rankBefore), formatNumber(m.rankAfter), ""])
            }
        }
        for t in diff.topChanges {
            csv.appendRow([t.entered ? "entered_top" : "left_top", t.unit, t.name, "priority", String(diff.periodBefore), String(diff.periodAfter),
                           formatNumber(t.priorityBefore), formatNumber(t.priorityAfter), ""])
        }
        for p in diff.problems {
            csv.appendRow([p.newlySignificant ? "newly_significant" : "no_longer_significant", p.unit, p.name, p.group,
                           String(diff.periodBefore), String(diff.periodAfter), formatNumber(p.gapBefore), formatNumber(p.gapAfter), ""])
        }
        return csv.text
    }

    /// The changes in words and tables, for people, in `language` (the state's: its runs
    /// report in the model's `language:`). Ranks, scores and gaps use the language's decimal
    /// separator, as the report does; revised cells are shown as the files have them.
    package static func markdown(_ diff: RunDiff, model: IndexModel, language: ReportLanguage) -> String {
        let t = RunDiffStrings(language: language)
        let index = model.node(model.root)?.name ?? model.root
        func group(_ code: String) -> String { model.node(code)?.name ?? code }
        var md = t(.title, diff.run, diff.previousRun) + "\n\n" + causesAndVerdicts(diff, model: model, t) + "\n" + t(.figuresTitle) + "\n\n"
        let added = diff.addedPeriods.isEmpty ? t(.noNewPeriod)
            : t.count(diff.addedRows, one: .addedOne, many: .addedMany, String(diff.addedRows), diff.addedPeriods.map(String.init).joined(separator: ", "))
        md += t.count(diff.revisions.count, one: .revisedOne, many: .revisedMany, added, String(diff.revisions.count)) + "\n"
        if !diff.revisions.isEmpty {
            md += "\n" + t(.revisionsHead) + "\n|---|---|---|---|---|\n"
            for r in diff.revisions {
                md += "| \(r.unit) | \(r.period) | \(r.column) | \(r.old.map { $0.isEmpty ? t(.emptyCell) : $0 } ?? t(.noRow)) | \(r.new.isEmpty ? t(.emptyCell) : r.new) |\n"
            }
        }
        let span = diff.periodBefore == diff.periodAfter ? t(.samePeriod, String(diff.periodAfter)) : "\(diff.periodBefore) → \(diff.periodAfter)"
        md += "\n" + t(.ranksTitle, index, span) + "\n\n"
        md += t.count(diff.moves.count, one: .movedOne, many: .movedMany, String(diff.moves.count), String(diff.comparedUnits)) + "\n"
        let before = String(diff.periodBefore), after = String(diff.periodAfter)
        if !diff.moves.isEmpty {
            md += "\n" + t(.movesHead, before, after) + "\n|---|---|---|---|---|---|---|\n"
            for m in diff.moves {
                md += "| \(m.unit) | \(m.name) | \(t.rank(m.rankBefore)) | \(t.rank(m.rankAfter)) | \(t.signed(m.move)) | \(t.score(m.scoreBefore)) | \(t.score(m.scoreAfter)) |\n"
            }
        }
        if !diff.recomputed.isEmpty {
            md += "\n" + t(.recomputedTitle) + "\n\n"
            md += t.count(diff.recomputed.count, one: .recomputedOne, many: .recomputedMany, String(diff.recomputed.count)) + "\n"
            md += "\n" + t(.recomputedHead) + "\n|---|---|---|---|---|\n"
            for m in diff.recomputed {
                md += "| \(m.unit) | \(m.name) | \(m.periodAfter) | \(t.rank(m.rankBefore)) → \(t.rank(m.rankAfter)) | \(t.score(m.scoreBefore)) → \(t.score(m.scoreAfter)) |\n"
            }
        }
        guard diff.hasLists else { return md + "\n" + t(.noLists) + "\n" }
        md += "\n" + t(.prioritiesTitle, String(diff.top)) + "\n\n"
        func names(_ list: [RunDiff.TopChange]) -> String {
            list.isEmpty ? t(.nobody) : list.map { t(.priorityMove, $0.name, $0.unit, t.rank($0.priorityBefore), t.rank($0.priorityAfter)) }.joined(separator: ", ")
        }
        md += t(.entered, names(diff.topChanges.filter(\.entered))) + "\n" + t(.left, names(diff.topChanges.filter { !$0.entered })) + "\n"
        guard diff.hasBands else { return md + "\n" + t(.noBands) + "\n" }
        md += "\n" + t(.problemsTitle) + "\n\n"
        let newly = diff.problems.filter(\.newlySignificant).count
        md += t(.problemCounts, String(newly), String(diff.problems.count - newly)) + "\n"
        if !diff.problems.isEmpty {
            md += "\n" + t(.problemsHead, before, after) + "\n|---|---|---|---|---|---|\n"
            for p in diff.problems {
                let change = t(p.newlySignificant ? .newlySignificant : .noLongerSignificant)
                md += "| \(p.unit) | \(p.name) | \(group(p.group)) | \(change) | \(t.score(p.gapBefore)) | \(t.score(p.gapAfter)) |\n"
            }
        }
        return md
    }

    /// The files of a state's first run, in `language`: nothing to compare with.
    /// `issues`: the model's settings that keep it from fixing published results (a note when any).
    package static func firstRun(_ run: String, rows: Int, periods: [Int], issues: [PeriodSeparabilityIssue], language: ReportLanguage) -> (markdown: String, csv: String) {
        let list = periods.map(String.init).joined(separator: ", ")
        let t = RunDiffStrings(language: language)
        let note = t.separabilityNote(issues).map { "\n" + $0 + "\n" } ?? ""
        return (t.count(rows, one: .firstRunOne, many: .firstRunMany, run, String(rows), list) + "\n" + note, CSVWriter(header: header).text)
    }

    /// The columns of diff.csv.
    static let header = ["change", "unit", "name", "item", "period_before", "period_after", "before", "after", "cause"]
}
