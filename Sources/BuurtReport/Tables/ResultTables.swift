import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The CSV tables `buurtscore run` writes, as text. Rows keep the panel's order; numbers are
/// shortest round-trip decimals, missing values empty cells.
public enum ResultTables {
    /// The identifying header cells: `unit,name` and `period` when the data has periods.
    static func keyHeader(_ panel: Panel) -> [String] {
        panel.hasPeriods ? ["unit", "name", "period"] : ["unit", "name"]
    }

    /// Appends the identifying cells of `row` (unit, name, and period when the data has
    /// periods) to the row being built.
    static func appendKeyCells(_ panel: Panel, row: Int, to csv: inout CSVWriter) {
        csv.appendText(panel.unitCodes[row])
        csv.appendText(panel.unitNames[row])
        if panel.hasPeriods { csv.appendText(panel.periods[row].map(String.init) ?? "") }
    }

    /// `unit,name[,period],<codes…>` with the values of the given columns.
    public static func table(_ panel: Panel, columns codes: [String]) -> String {
        table(panel, header: codes, columns: codes.map { panel.column($0) ?? [] })
    }

    static func table(_ panel: Panel, header: [String], columns: [[Double]]) -> String {
        var csv = CSVWriter(header: keyHeader(panel) + header)
        csv.reserveCapacity(panel.rowCount * (40 + 12 * columns.count))
        for row in 0..<panel.rowCount {
            appendKeyCells(panel, row: row, to: &csv)
            for column in columns { csv.appendNumber(column[row]) }
            csv.endRow()
        }
        return csv.text
    }

    /// `scores.csv`: every aggregate (root first), then `rank`, the root's rank within its period.
    public static func scores(_ aggregated: Panel, model: IndexModel) -> String {
        let codes = model.aggregatesTopDown
        let columns = codes.map { aggregated.column($0) ?? [] }
        return table(aggregated, header: codes + ["rank"],
                     columns: columns + [aggregated.ranksWithinPeriods(of: model.root) ?? []])
    }

    /// `ranks.csv`: the layout of `scores.csv` with the within-period rank of every aggregate.
    public static func ranks(_ aggregated: Panel, model: IndexModel) -> String {
        let codes = model.aggregatesTopDown
        let ranks = codes.map { aggregated.ranksWithinPeriods(of: $0) ?? [] }
        return table(aggregated, header: codes + ["rank"], columns: ranks + [ranks[0]])
    }

    /// A `stages/<stage>.csv` table: the model's indicators, and after aggregation its aggregates.
    public static func stage(_ panel: Panel, name: StageName, model: IndexModel) -> String {
        let codes = model.indicators + (name == .aggregated ? model.aggregatesBottomUp : [])
        return table(panel, columns: codes)
    }
}
