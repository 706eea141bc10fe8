import BuurtIndex
import BuurtNumerics

/// Theme statistics when no problem dimension depends on the weights (compiled path, weight
/// noise above the dimensions only): a dimension's score, and its reference, then take one value
/// per plan (combination of alternatives), so a row's gap sample consists of K atoms g_k with
/// multiplicities n_k (the replications that drew plan k and did not fail).
///
/// Type-7 quantiles of that sample follow from the atoms sorted by value and their cumulative
/// counts: the order statistic at position p is the atom whose cumulative range holds p. So the
/// results equal those of the per-replication samples exactly, at O(rows · dims · K log K).
enum FixedThemes {
    /// - Parameters:
    ///   - scores: per dimension, per plan, scores in layout order (nil: plan failed).
    static func statistics(
        plan: SummaryPlan, scores: [[[Double]?]], draws: [ReplicationDraw], failures: Set<Int>
    ) -> [Int: [ThemeStatistics]] {
        let engine = plan.engine
        let layout = engine.layout
        let dims = scores.count
        let k = scores.first?.count ?? 0
        var counts = [Int](repeating: 0, count: k)
        for (r, d) in draws.enumerated() where !failures.contains(r) { counts[engine.alternative(of: d)] += 1 }
        // reference[alternative][period][dimension], the mean in layout order (as the index pass takes it).
        let references: [[[Double]]] = (0..<k).map { a in
            layout.periods.map { p in
                (0..<dims).map { d in
                    guard let s = scores[d][a] else { return .nan }
                    var sum = 0.0, n = 0
                    for i in p.positions where !s[i].isNaN { sum += s[i]; n += 1 }
                    return n > 0 ? sum / Double(n) : .nan
                }
            }
        }
        var out: [Int: [ThemeStatistics]] = [:]
        for (periodIndex, period) in layout.periods.enumerated() {
            let reference = plan.referencePeriod[periodIndex]
            for position in period.positions {
                var worst = [Int](repeating: 0, count: dims)
                var comparable = 0
                var gaps = [[(value: Double, count: Int)]](repeating: [], count: dims)
                for a in 0..<k where counts[a] > 0 {
                    var largest = -Double.infinity
                    var g = [Double](repeating: .nan, count: dims)
                    for d in 0..<dims {
                        g[d] = references[a][reference][d] - (scores[d][a]?[position] ?? .nan)
                        if !g[d].isNaN { gaps[d].append((g[d], counts[a])) }
                        if g[d] > largest { largest = g[d] }
                    }
                    guard largest > -Double.infinity else { continue }
                    comparable += counts[a]
                    for d in 0..<dims where g[d] == largest { worst[d] += counts[a] }
                }
                out[layout.rowAt[position]] = (0..<dims).map { d in
                    let q = quantiles(gaps[d], [0.05, 0.95])
                    return ThemeStatistics(gapP05: q[0], gapP95: q[1],
                                           pWorst: comparable > 0 ? Double(worst[d]) / Double(comparable) : .nan)
                }
            }
        }
        return out
    }

    /// Type-7 quantiles of a sample given as atoms with multiplicities.
    static func quantiles(_ atoms: [(value: Double, count: Int)], _ probabilities: [Double]) -> [Double] {
        let n = atoms.reduce(0) { $0 + $1.count }
        guard n > 0 else { return probabilities.map { _ in .nan } }
        let sorted = atoms.sorted { $0.value < $1.value }
        func statistic(_ p: Int) -> Double {
            var below = 0
            for atom in sorted {
                below += atom.count
                if p < below { return atom.value }
            }
            return sorted[sorted.count - 1].value
        }
        return QuantileSelector.positions(count: n, probabilities).map { pos in
            let lo = statistic(pos.lower), hi = statistic(pos.upper)
            return lo + pos.fraction * (hi - lo)
        }
    }
}
