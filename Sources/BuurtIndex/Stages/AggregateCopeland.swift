extension Aggregate {
    /// Copeland scores within each period (COINr `a_copeland`).
    ///
    /// For units a and b, let W⁺ be the total weight of the children where a's value is higher
    /// and W⁻ where it is lower (ties and children missing for either unit count for neither).
    /// a beats b when W⁺ > W⁻ — the same as COINr's outranking entry
    /// e_ab = (W⁺ + ½·W_ties)/Σw exceeding ½ — and scores +1 (b −1); equal weights score 0.
    /// A unit's score is the sum over the other eligible units of its period.
    ///
    /// COINr fills half of its outranking matrix as e_ba = 1 − e_ab, which credits a comparison
    /// with a missing value to the unit later in code order; here such a comparison counts for
    /// neither unit, so the scores do not depend on row order. With complete data both agree.
    ///
    /// Rows that are not eligible are NaN and take part in no comparison.
    /// - Complexity: O(Σ units_p² · children) over the periods p.
    static func copeland(_ c: AggregateChildren, groups: [PeriodRows]) -> [Double] {
        var result = [Double](repeating: .nan, count: c.rows)
        let k = c.count
        for group in groups {
            let units = group.rows.filter { c.eligible[$0] }
            let m = units.count
            // Row-major copy so each comparison reads two short contiguous runs.
            var x = [Double](repeating: .nan, count: m * k)
            for (a, r) in units.enumerated() {
                for j in 0..<k { x[a * k + j] = c.value(r, j) }
            }
            var score = [Double](repeating: 0, count: m)
            for a in 0..<m {
                for b in (a + 1)..<m {
                    var higher = 0.0, lower = 0.0
                    for j in 0..<k {
                        let xa = x[a * k + j], xb = x[b * k + j]
                        if xa > xb { higher += c.weights[j] } else if xa < xb { lower += c.weights[j] }
                    }
                    if higher > lower {
                        score[a] += 1
                        score[b] -= 1
                    } else if lower > higher {
                        score[a] -= 1
                        score[b] += 1
                    }
                }
            }
            for (a, r) in units.enumerated() { result[r] = score[a] }
        }
        return result
    }
}
