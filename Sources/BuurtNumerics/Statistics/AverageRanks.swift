/// Ranks with ties given the mean of the ranks they span (R's `rank(ties.method = "average")`).
enum AverageRanks {
    /// 1-based average ranks of `x`, which must contain no NaN. Example: [10, 20, 10] → [1.5, 3, 1.5].
    /// - Complexity: O(n log n).
    static func of(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && x[order[end + 1]] == x[order[start]] { end += 1 }
            // positions start...end (0-based) share the mean of ranks start+1 ... end+1
            let shared = Double(start + end + 2) / 2
            for p in start...end { ranks[order[p]] = shared }
            start = end + 1
        }
        return ranks
    }
}
