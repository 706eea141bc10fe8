import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The short terminal table `buurtscore run` prints: the units most in need in the latest period.
public enum SummaryTable {
    /// `rank  unit  name  score` for the `top` rows of the latest period with the lowest index
    /// (the most in need), lowest first; rank 1 is still the highest score, as in `ranks.csv`.
    /// Names and codes have their control characters escaped (``TerminalText``). With
    /// `normalise` min-max on a reference period and a printed score outside its range, a last
    /// line says why such a score is not an error.
    public static func text(_ aggregated: Panel, model: IndexModel, top: Int, normalise: NormaliseParameters? = nil) -> String {
        let period = aggregated.periodList.last ?? nil
        let rows = aggregated.rows(in: period)
        guard let scores = aggregated.column(model.root), let ranks = aggregated.ranksWithinPeriods(of: model.root) else { return "" }
        let ordered = rows.filter { !ranks[$0].isNaN }.sorted { (-ranks[$0], $0) < (-ranks[$1], $1) }.prefix(top)
        let title = TerminalText.escaped(model.node(model.root)?.name ?? model.root) + (period.map { " \($0)" } ?? "")
        let names = ordered.map { TerminalText.escaped(aggregated.unitNames[$0]) }
        let nameWidth = min(36, max(4, names.map(\.count).max() ?? 4))
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? String(s.prefix(n)) : s + String(repeating: " ", count: n - s.count) }
        var text = "\(title): the \(ordered.count) most in need (lowest index first; rank 1 is the highest)\n"
        text += "rank  " + pad("unit", 12) + "  " + pad("name", nameWidth) + "  score\n"
        for (r, name) in zip(ordered, names) {
            let score = (scores[r] * 100).rounded() / 100
            text += pad(formatNumber(ranks[r]), 4) + "  " + pad(TerminalText.escaped(aggregated.unitCodes[r]), 12) + "  "
                + pad(name, nameWidth) + "  " + formatNumber(score) + "\n"
        }
        if let (lower, upper, year) = normalise?.fixedRange, ordered.contains(where: { scores[$0] < lower || scores[$0] > upper }) {
            text += "A score below \(formatNumber(lower)) or above \(formatNumber(upper)) is not an error: the scale is fixed on \(year), "
                + "so a unit that later scores worse than the worst (better than the best) of \(year) falls outside it.\n"
        }
        return text
    }
}
