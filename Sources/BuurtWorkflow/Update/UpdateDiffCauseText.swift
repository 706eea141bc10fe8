import BuurtIndex
import BuurtNumerics
import BuurtReport

/// The parts of `diff.md` and `diff.csv` that say why a run differs from the previous one
/// (its causes and the model's and crosswalk's differences) and which published verdicts moved.
extension RunDiffText {
    /// A cause in words: `nieuw jaar 2021`, `new model`.
    static func cause(_ cause: UpdateCause, _ diff: RunDiff, _ t: RunDiffStrings) -> String {
        switch cause {
        case .newPeriod: t(.causeNewPeriod, diff.addedPeriods.map(String.init).joined(separator: ", "))
        case .revision: t(.causeRevision)
        case .model: t(.causeModel)
        case .crosswalk: t(.causeCrosswalk)
        }
    }

    /// A difference in words: `gewicht van Overlast 1 → 2`.
    static func difference(_ difference: StateDifference, model: IndexModel, _ t: RunDiffStrings) -> String {
        func node(_ code: String) -> String { model.node(code)?.name ?? code }
        return switch difference {
        case .weight(let code, let before, let after): t(.differenceWeight, node(code), t.number(before), t.number(after))
        case .nodeAdded(let code): t(.differenceNodeAdded, node(code))
        case .nodeRemoved(let code): t(.differenceNodeRemoved, code)
        case .setting(let key): t(.differenceSetting, key)
        case .mappingAdded(let from, let to): t(.differenceMappingAdded, from, to)
        case .mappingRemoved(let from, let to): t(.differenceMappingRemoved, from, to)
        }
    }

    /// The causes of a verdict change: the run's, a new period's with the settings that let it move earlier periods.
    static func verdictCause(_ diff: RunDiff, _ t: RunDiffStrings) -> String {
        diff.causes.map { c in
            let text = cause(c, diff, t)
            guard c == .newPeriod, !diff.separabilityIssues.isEmpty else { return text }
            return text + " (" + diff.separabilityIssues.map(\.key).joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }

    /// `## Oorzaken` with the causes and differences, the model's note when it cannot keep
    /// published results fixed, and `## Gewijzigde oordelen …` with every verdict of a
    /// published period that moved.
    static func causesAndVerdicts(_ diff: RunDiff, model: IndexModel, _ t: RunDiffStrings) -> String {
        var md = t(.causesTitle) + "\n\n"
        for c in diff.causes { md += "- " + cause(c, diff, t) + "\n" }
        for d in diff.differences { md += "  - " + difference(d, model: model, t) + "\n" }
        if let note = t.separabilityNote(diff.separabilityIssues) { md += "\n" + note + "\n" }
        md += "\n" + t(.verdictsTitle) + "\n\n"
        guard !diff.verdicts.isEmpty else { return md + t(.verdictsNone) + "\n" }
        md += t.count(diff.verdicts.count, one: .verdictsOne, many: .verdictsMany, String(diff.verdicts.count)) + "\n"
        md += "\n" + t(.verdictsHead) + "\n|---|---|---|---|---|---|---|---|\n"
        let because = verdictCause(diff, t)
        for v in diff.verdicts {
            let (kind, item, before, after) = verdictCells(v, diff: diff, model: model, t)
            md += "| \(v.period) | \(v.unit) | \(v.name) | \(kind) | \(item) | \(before) | \(after) | \(because) |\n"
        }
        return md
    }

    /// The verdict's kind, item, and value before and after, in words.
    private static func verdictCells(_ v: RunDiff.VerdictChange, diff: RunDiff, model: IndexModel, _ t: RunDiffStrings)
        -> (String, String, String, String) {
        func flag(_ value: String) -> String { value == "true" ? t(.yes) : value == "false" ? t(.no) : value }
        func group(_ code: String) -> String { model.node(code)?.name ?? code }
        switch v.kind {
        case .problem: return (t(.verdictProblem), group(v.item), flag(v.before), flag(v.after))
        case .category: return (t(.verdictCategory), "–", v.before, v.after)
        case .top:
            func position(_ p: String) -> String { t.rank(Double(p) ?? .nan) }
            return (t(.verdictTop, String(diff.top)), "–", position(v.before), position(v.after))
        case .change:
            let parts = v.item.split(separator: " ", maxSplits: 1).map(String.init)
            return (t(.verdictChange), ([group(parts[0])] + parts.dropFirst()).joined(separator: " "), flag(v.before), flag(v.after))
        }
    }

    /// diff.csv's rows of the causes (`cause`, item = the cause), the differences (`weight`,
    /// `node_added`, `node_removed`, `setting`, `mapping_added`, `mapping_removed`) and the
    /// verdicts that moved (`verdict_problem`, `verdict_category`, `verdict_top`,
    /// `verdict_change`; cause = the run's causes joined by `;`).
    static func causeRows(_ diff: RunDiff, into csv: inout CSVWriter) {
        for c in diff.causes {
            csv.appendRow(["cause", "", "", c.rawValue, "", "", "", c == .newPeriod ? diff.addedPeriods.map(String.init).joined(separator: ";") : "", ""])
        }
        for d in diff.differences {
            let row: [String] = switch d {
            case .weight(let code, let before, let after): ["weight", code, formatNumber(before), formatNumber(after)]
            case .nodeAdded(let code): ["node_added", code, "", ""]
            case .nodeRemoved(let code): ["node_removed", code, "", ""]
            case .setting(let key): ["setting", key, "", ""]
            case .mappingAdded(let from, let to): ["mapping_added", "", from, to]
            case .mappingRemoved(let from, let to): ["mapping_removed", "", from, to]
            }
            csv.appendRow([row[0], "", "", row[1], "", "", row[2], row[3], ""])
        }
        let causes = diff.causes.map(\.rawValue).joined(separator: ";")
        for v in diff.verdicts {
            let p = String(v.period)
            csv.appendRow(["verdict_\(v.kind.rawValue)", v.unit, v.name, v.item, p, p, v.before, v.after, causes])
        }
    }
}
