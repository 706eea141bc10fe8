import BuurtIndex
import Foundation

/// The measures of a row of `changes.csv` from a unit's scores in the periods of its window,
/// the same function for the nominal scores and for each replication's scores (so a band is
/// the band of the reported measure). With t the years and s the scores (NaN skipped):
/// - change: s_to − s_from (the first and last of two points);
/// - slope: Σ(t − t̄)(s − s̄) / Σ(t − t̄)², the OLS slope of s on t in points per year, over
///   the observed points (at least two; COINr's `get_trends` regresses likewise);
/// - cagr: (s_to / s_from)^(1 / (to − from)) − 1 from the window's two ends, as COINr's
///   `CAGR`; NaN when either end is missing or ≤ 0 (a growth rate of a score at or below
///   zero means nothing).
enum ChangeMeasures {
    /// - Complexity: O(points).
    static func value(_ measure: ChangeMeasure, years t: [Double], scores s: [Double]) -> Double {
        switch measure {
        case .change:
            guard t.count == 2 else { return .nan }
            return s[1] - s[0]
        case .cagr:
            guard t.count == 2, s[0] > 0, s[1] > 0, t[1] > t[0] else { return .nan }
            return pow(s[1] / s[0], 1 / (t[1] - t[0])) - 1
        case .slope:
            return slope(years: t, scores: s)
        }
    }

    /// The OLS slope over the points whose score is not NaN; NaN with fewer than two.
    static func slope(years t: [Double], scores s: [Double]) -> Double {
        var n = 0.0, st = 0.0, ss = 0.0
        for (x, y) in zip(t, s) where !y.isNaN {
            n += 1
            st += x
            ss += y
        }
        guard n >= 2 else { return .nan }
        let tm = st / n, sm = ss / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(t, s) where !y.isNaN {
            sxy += (x - tm) * (y - sm)
            sxx += (x - tm) * (x - tm)
        }
        return sxx > 0 ? sxy / sxx : .nan
    }

    /// The first row of each (unit, period) of a panel.
    struct RowLookup {
        private var rows: [String: [Int: Int]] = [:]

        init(_ panel: Panel) {
            for i in 0..<panel.rowCount {
                guard let p = panel.periods[i], rows[panel.unitCodes[i]]?[p] == nil else { continue }
                rows[panel.unitCodes[i], default: [:]][p] = i
            }
        }

        func row(_ unit: String, _ period: Int) -> Int? { rows[unit]?[period] }
    }
}
