import BuurtIndex
import BuurtNumerics

/// Competition ranks ("1224"): the highest value gets rank 1, tied values share the best
/// (lowest) rank, missing values (NaN) get no rank. Equals R's
/// `rank(-x, ties.method = "min", na.last = "keep")`.
///
/// - Returns: ranks as `Double` with NaN for missing input.
/// - Complexity: O(n log n).
public func competitionRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.filter { !values[$0].isNaN }.sorted { values[$0] > values[$1] }
    var ranks = [Double](repeating: .nan, count: values.count)
    var k = 0
    while k < order.count {
        var end = k
        while end + 1 < order.count && values[order[end + 1]] == values[order[k]] { end += 1 }
        for m in k...end { ranks[order[m]] = Double(k + 1) }
        k = end + 1
    }
    return ranks
}

extension Panel {
    /// Ranks of the column `code` within each period (rank 1 = highest score), in row order.
    /// - Complexity: O(n log n) per period.
    public func ranksWithinPeriods(of code: String) -> [Double]? {
        column(code).map { PeriodPartition(self).ranks($0) }
    }
}
