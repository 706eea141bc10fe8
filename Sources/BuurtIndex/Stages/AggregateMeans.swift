import Foundation

extension Aggregate {
    /// The row-wise means.
    enum Mean {
        case arithmetic, geometric, harmonic
        case generalised(p: Double)
    }

    /// Row-wise weighted means over the available children (NaN skipped, weights renormalised):
    ///
    /// - arithmetic: Σwx/Σw (COINr `a_amean`)
    /// - geometric: exp(Σw·ln x/Σw), every x > 0 (COINr `a_gmean`)
    /// - harmonic: Σw/Σ(w/x), every x > 0 (COINr `a_hmean` refuses only x = 0; negative values
    ///   are refused here too, as they make the mean meaningless)
    /// - generalised: (Σw·x^p/Σw)^(1/p), p ≠ 0; x > 0 when p < 0 and x ≥ 0 when p is not an
    ///   integer. COINr `a_genmean` returns NA when any child is missing; here the missing
    ///   children are skipped, as for the other means.
    ///
    /// Rows that are not eligible, or whose available children all have weight 0, are NaN.
    /// - Throws: `BuurtError(.data)` naming unit, period and child for a value out of the domain.
    /// - Complexity: O(rows · children), reading each child column once.
    static func means(_ method: Mean, _ c: AggregateChildren) throws(BuurtError) -> [Double] {
        var num = [Double](repeating: 0, count: c.rows)
        var den = [Double](repeating: 0, count: c.rows)
        for k in 0..<c.count {
            let w = c.weights[k]
            let offset = c.offsets[k]
            switch method {
            case .arithmetic:
                for i in 0..<c.rows where c.eligible[i] {
                    let x = c.storage[offset + i]
                    if x.isNaN { continue }
                    num[i] += w * x
                    den[i] += w
                }
            case .geometric:
                for i in 0..<c.rows where c.eligible[i] {
                    let x = c.storage[offset + i]
                    if x.isNaN { continue }
                    if !(x > 0) { throw positiveValuesNeeded("geometric mean", c.describe(i, k)) }
                    num[i] += w * log(x)
                    den[i] += w
                }
            case .harmonic:
                for i in 0..<c.rows where c.eligible[i] {
                    let x = c.storage[offset + i]
                    if x.isNaN { continue }
                    if !(x > 0) { throw positiveValuesNeeded("harmonic mean", c.describe(i, k)) }
                    num[i] += w / x
                    den[i] += w
                }
            case .generalised(let p):
                let integral = p.rounded() == p
                for i in 0..<c.rows where c.eligible[i] {
                    let x = c.storage[offset + i]
                    if x.isNaN { continue }
                    if p < 0 && !(x > 0) {
                        throw positiveValuesNeeded("generalised mean with p = \(formatNumber(p))", c.describe(i, k))
                    }
                    if !integral && x < 0 {
                        throw BuurtError(.data, "generalised mean with p = \(formatNumber(p)) needs values ≥ 0: \(c.describe(i, k))"
                            + " — use an integer p or a normalisation without negative values")
                    }
                    num[i] += w * pow(x, p)
                    den[i] += w
                }
            }
        }

        var result = [Double](repeating: .nan, count: c.rows)
        for i in 0..<c.rows where c.eligible[i] && den[i] > 0 {
            switch method {
            case .arithmetic: result[i] = num[i] / den[i]
            case .geometric: result[i] = exp(num[i] / den[i])
            case .harmonic: result[i] = den[i] / num[i]
            case .generalised(let p):
                // A negative mean is only possible for odd integer p: take the real root.
                let m = num[i] / den[i]
                result[i] = m < 0 ? -pow(-m, 1 / p) : pow(m, 1 / p)
            }
        }
        return result
    }

    private static func positiveValuesNeeded(_ name: String, _ cell: String) -> BuurtError {
        BuurtError(.data, "\(name) needs positive values: \(cell) — use minmax with range [1, 100]")
    }
}
