import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// `strengths.csv`: `unit,name,period,kind,position,indicator,dimension,score,reference,difference`,
/// per unit and period (in the panel's order) its strengths (`kind` `strength`, position 1 =
/// furthest above the city) and then its weaknesses (`weakness`, 1 = furthest below), as
/// ``StrengthsWeaknesses`` lists them. `period` is empty for data without periods.
public enum StrengthTables {
    public static let header = ["unit", "name", "period", "kind", "position", "indicator", "dimension", "score",
                                "reference", "difference"]

    /// - Complexity: O(rows).
    public static func strengths(_ rows: [StrengthRow]) -> String {
        var csv = CSVWriter(header: header)
        csv.reserveCapacity(rows.count * 90)
        for r in rows {
            for text in [r.unit, r.name, r.period.map(String.init) ?? "", r.kind.rawValue, String(r.position), r.indicator,
                         r.dimension] {
                csv.appendText(text)
            }
            for x in [r.score, r.reference, r.difference] { csv.appendNumber(x) }
            csv.endRow()
        }
        return csv.text
    }
}
