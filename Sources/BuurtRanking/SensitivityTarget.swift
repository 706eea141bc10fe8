import BuurtIndex
import BuurtNumerics

/// The rows of each period of a panel (unit × period rows), grouped once so that ranking a
/// replication within periods needs no regrouping.
package struct PeriodPartition: Sendable, Equatable {
    /// Row numbers of each period (in row order), periods ascending, rows without a period last.
    package let groups: [[Int]]
    /// The number of rows.
    package let rowCount: Int

    /// Groups rows by their period (``PeriodRows/grouping(_:)``).
    /// - Complexity: O(rows + periods log periods).
    package init(periods: [Int?]) {
        self.groups = PeriodRows.grouping(periods).map(\.rows)
        self.rowCount = periods.count
    }

    /// The period groups of a panel's rows.
    package init(_ panel: Panel) {
        self.init(periods: panel.periods)
    }

    /// Competition ranks (``competitionRanks(_:)``) of `scores` within each period, in row order.
    /// - Complexity: O(n log n).
    package func ranks(_ scores: [Double]) -> [Double] {
        var ranks = [Double](repeating: .nan, count: scores.count)
        for rows in groups {
            for (k, r) in competitionRanks(rows.map { scores[$0] }).enumerated() { ranks[rows[k]] = r }
        }
        return ranks
    }
}

/// The sensitivity target, as COINr's `get_sensitivity`: the mean absolute rank shift of a
/// replication against the nominal ranking,
///
///     mean over units of |rank_replication − rank_nominal|,
///
/// where ranks are competition ranks within the period (highest score = 1, ties share the best
/// rank) and units without a rank in either ranking (NaN score) are skipped (`na.rm = TRUE`).
/// COINr has one period; with several, the mean is taken within each period and then averaged
/// over the periods, each period weighing equally (a period without any unit ranked in both is
/// left out). NaN when no period has such a unit.
///
/// - Parameters:
///   - nominal: nominal scores, one per row.
///   - replication: the replication's scores for the same rows.
///   - periods: the rows of each period.
/// - Complexity: O(n log n).
package func meanAbsoluteRankShift(nominal: [Double], replication: [Double], periods: PeriodPartition) -> Double {
    meanAbsoluteRankShift(nominalRanks: periods.ranks(nominal), replicationRanks: periods.ranks(replication), periods: periods)
}

/// ``meanAbsoluteRankShift(nominal:replication:periods:)`` on ranks already taken within periods
/// (NaN = unranked), so the nominal ranks are computed once for all replications.
/// - Complexity: O(n).
package func meanAbsoluteRankShift(nominalRanks: [Double], replicationRanks: [Double], periods: PeriodPartition) -> Double {
    var total = 0.0
    var periodCount = 0
    for rows in periods.groups {
        var sum = 0.0
        var units = 0
        for r in rows {
            let shift = abs(replicationRanks[r] - nominalRanks[r])
            if shift.isNaN { continue }
            sum += shift
            units += 1
        }
        guard units > 0 else { continue }
        total += sum / Double(units)
        periodCount += 1
    }
    return periodCount > 0 ? total / Double(periodCount) : .nan
}
