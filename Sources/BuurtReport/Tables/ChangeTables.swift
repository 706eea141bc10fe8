import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// `changes.csv`: `unit,name,from,to,group,measure,excluding,score_from,score_to,change,change_p05,change_p95,significant,break`,
/// per (from, to) the changes (`measure` change), the break-free changes (`excluding` lists the
/// indicators left out, separated by spaces), the trend slopes (points per year) and CAGRs, each
/// per unit (in the order of the later period) for the index and each of its dimensions. `change`
/// holds the measure, change_p05/p95 its band (empty without `uncertainty:`); `significant` is
/// `better`, `worse` or empty; `break` holds the notes of the method breaks between the periods
/// that touch an indicator of the group.
public enum ChangeTables {
    public static let header = ["unit", "name", "from", "to", "group", "measure", "excluding", "score_from", "score_to", "change",
                                "change_p05", "change_p95", "significant", "break"]

    public static func changes(_ analysis: ChangeAnalysis) -> String {
        var csv = CSVWriter(header: header)
        for r in analysis.rows {
            for text in [r.unit, r.name, String(r.from), String(r.to), r.group, r.measure.rawValue, r.excluding.joined(separator: " ")] {
                csv.appendText(text)
            }
            for x in [r.scoreFrom, r.scoreTo, r.change, r.changeP05, r.changeP95] { csv.appendNumber(x) }
            csv.appendText(r.significant?.rawValue ?? "")
            csv.appendText(r.breakNote ?? "")
            csv.endRow()
        }
        return csv.text
    }
}
