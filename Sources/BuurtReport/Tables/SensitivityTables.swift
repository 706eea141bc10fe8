import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The sensitivity and removal analysis tables.
public enum SensitivityTables {
    /// `sensitivity.csv`: `input,first_order,total,first_order_p05,first_order_p95,total_p05,total_p95`,
    /// one row per uncertain input in design order; missing bounds are empty cells.
    /// - Parameter inputNames: the name of each design column (`indices[k].input` indexes it).
    public static func sensitivity(_ indices: [SensitivityIndex], inputNames: [String]) -> String {
        var csv = CSVWriter(header: ["input", "first_order", "total", "first_order_p05", "first_order_p95", "total_p05", "total_p95"])
        for s in indices {
            let name = inputNames.indices.contains(s.input) ? inputNames[s.input] : "input \(s.input + 1)"
            csv.appendRow([name] + [s.firstOrder, s.total, s.firstOrderP05, s.firstOrderP95, s.totalP05, s.totalP95].map(formatNumber))
        }
        return csv.text
    }

    /// `removal.csv`: `dimension,mean_abs_rank_shift,max_abs_rank_shift`, one row per removed dimension.
    public static func removal(_ rows: [RemovalRow]) -> String {
        var csv = CSVWriter(header: ["dimension", "mean_abs_rank_shift", "max_abs_rank_shift"])
        for r in rows {
            csv.appendRow([r.dimension, formatNumber(r.meanAbsoluteRankShift), formatNumber(r.maxAbsoluteRankShift)])
        }
        return csv.text
    }
}
