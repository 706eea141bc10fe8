extension Aggregate {
    /// Mazziotta–Pareto index within each period (De Muro, Mazziotta & Pareto 2011), the
    /// variant for composites where higher is better (MPI⁻, penalising unbalanced profiles).
    /// COINr has no such function.
    ///
    /// 1. Each child j is standardised over the units of the period where it is available:
    ///    z = 100 + 10·(x − M_j)/S_j, with M_j the mean and S_j the population standard
    ///    deviation (n denominator), as in the original method.
    /// 2. Per unit, over its available children with weights w (renormalised):
    ///    M_z = Σwz/Σw, S_z = √(Σw(z − M_z)²/Σw), cv = S_z/M_z, and MPI⁻ = M_z − S_z·cv.
    ///
    /// With equal weights this is the canonical MPI⁻. Directions were applied at normalisation,
    /// so every child is "higher is better" and the penalty is always subtracted.
    /// Rows that are not eligible are NaN.
    /// - Throws: `BuurtError(.data)` when a child has fewer than 2 available values, or no
    ///   variation, in a period.
    /// - Complexity: O(rows · children).
    static func mazziottaPareto(_ c: AggregateChildren, groups: [PeriodRows]) throws(BuurtError) -> [Double] {
        var result = [Double](repeating: .nan, count: c.rows)
        let k = c.count
        var mean = [Double](repeating: 0, count: k), sd = [Double](repeating: 0, count: k)
        for group in groups {
            let place = group.period.map { " in \($0)" } ?? ""
            for j in 0..<k {
                var n = 0, sum = 0.0
                for r in group.rows {
                    let x = c.value(r, j)
                    if !x.isNaN { n += 1; sum += x }
                }
                if n < 2 {
                    throw BuurtError(.data, "Mazziotta–Pareto aggregation needs at least 2 available values of \(c.names[j])\(place), found \(n)")
                }
                let m = sum / Double(n)
                var squares = 0.0
                for r in group.rows {
                    let x = c.value(r, j)
                    if !x.isNaN { squares += (x - m) * (x - m) }
                }
                if squares == 0 {
                    throw BuurtError(.data, "Mazziotta–Pareto aggregation needs variation, but \(c.names[j]) equals \(formatNumber(m)) for every unit\(place)")
                }
                mean[j] = m
                sd[j] = (squares / Double(n)).squareRoot()
            }
            for r in group.rows where c.eligible[r] {
                var sw = 0.0, swz = 0.0
                for j in 0..<k {
                    let x = c.value(r, j)
                    if x.isNaN { continue }
                    sw += c.weights[j]
                    swz += c.weights[j] * (100 + 10 * (x - mean[j]) / sd[j])
                }
                guard sw > 0 else { continue }
                let mz = swz / sw
                var ss = 0.0
                for j in 0..<k {
                    let x = c.value(r, j)
                    if x.isNaN { continue }
                    let d = 100 + 10 * (x - mean[j]) / sd[j] - mz
                    ss += c.weights[j] * d * d
                }
                let sz = (ss / sw).squareRoot()
                result[r] = mz - sz * (sz / mz)
            }
        }
        return result
    }
}
