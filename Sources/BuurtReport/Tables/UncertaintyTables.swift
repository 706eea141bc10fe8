import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The CSV tables of a Monte Carlo run (`uncertainty:` in the model). Numbers are shortest
/// round-trip decimals, missing values empty cells; `period` appears when the data has periods.
public enum UncertaintyTables {
    /// `uncertainty.csv`: per row of the nominal run, in row order,
    /// `unit,name[,period],score,rank,rank_mean,rank_median,rank_p05,rank_p95,score_p05,score_p50,score_p95,p_top,replications`;
    /// `replications` is the number of replications the row's statistics come from (R less
    /// those left out, see ``UncertaintyResult/failures``, and those without the row).
    public static func uncertainty(_ result: UncertaintyResult, periods: Bool) -> String {
        var csv = CSVWriter(header: key(periods) + [
            "score", "rank", "rank_mean", "rank_median", "rank_p05", "rank_p95", "score_p05", "score_p50", "score_p95", "p_top",
            "replications",
        ])
        for u in result.units {
            csv.appendRow(cells(u.unit, u.name, u.period, periods) + [
                u.score, u.rank, u.rankMean, u.rankMedian, u.rankP05, u.rankP95, u.scoreP05, u.scoreP50, u.scoreP95, u.pTop,
            ].map(formatNumber) + [String(u.replications)])
        }
        return csv.text
    }

    /// `priorities.csv`, list 1 in order:
    /// `priority,unit,name[,period],score,rank,rank_p05,rank_p95,p_top[,category]`.
    /// - Parameter categories: write the `category` column (the model defines categories).
    public static func priorities(_ result: UncertaintyResult, periods: Bool, categories: Bool) -> String {
        priorities(result.priorities, periods: periods, categories: categories)
    }

    /// `priorities.csv` of these rows (unknown bands and p_top as empty cells).
    public static func priorities(_ rows: [PriorityRow], periods: Bool, categories: Bool) -> String {
        var csv = CSVWriter(header: ["priority"] + key(periods) + ["score", "rank", "rank_p05", "rank_p95", "p_top"]
            + (categories ? ["category"] : []))
        for p in rows {
            csv.appendRow([String(p.priority)] + cells(p.unit, p.name, p.period, periods)
                + [p.score, p.rank, p.rankP05, p.rankP95, p.pTop].map(formatNumber)
                + (categories ? [p.category ?? ""] : []))
        }
        return csv.text
    }

    /// `themes.csv`, list 2 in order:
    /// `unit,name[,period],priority,group,score,reference,gap,gap_p05,gap_p95,p_worst,significant`
    /// (`significant` is `true` when gap_p05 > 0).
    public static func themes(_ result: UncertaintyResult, periods: Bool) -> String {
        themes(result.themes, periods: periods, bands: true)
    }

    /// `themes.csv` of these rows; without `bands` (nominal lists) `significant` is empty, as
    /// are the unknown gap bands and p_worst.
    public static func themes(_ rows: [ThemeRow], periods: Bool, bands: Bool) -> String {
        var csv = CSVWriter(header: key(periods) + [
            "priority", "group", "score", "reference", "gap", "gap_p05", "gap_p95", "p_worst", "significant",
        ])
        for t in rows {
            csv.appendRow(cells(t.unit, t.name, t.period, periods) + [String(t.priority), t.group]
                + [t.score, t.reference, t.gap, t.gapP05, t.gapP95, t.pWorst].map(formatNumber)
                + [bands ? (t.significant ? "true" : "false") : ""])
        }
        return csv.text
    }

    private static func key(_ periods: Bool) -> [String] {
        periods ? ["unit", "name", "period"] : ["unit", "name"]
    }

    private static func cells(_ unit: String, _ name: String, _ period: Int?, _ periods: Bool) -> [String] {
        periods ? [unit, name, period.map(String.init) ?? ""] : [unit, name]
    }
}
