import BuurtIndex
import BuurtNumerics

/// The first-order and total sensitivity index of one uncertain input, with bootstrap bounds.
public struct SensitivityIndex: Sendable, Equatable {
    /// Position of the input in the design (0-based column).
    public var input: Int
    /// Sᵢ, the share of the output variance due to input i alone.
    public var firstOrder: Double
    /// S_Tᵢ, the share due to input i including all its interactions.
    public var total: Double
    /// 5 % and 95 % bootstrap percentiles of Sᵢ (NaN without bootstrap).
    public var firstOrderP05: Double
    public var firstOrderP95: Double
    /// 5 % and 95 % bootstrap percentiles of S_Tᵢ (NaN without bootstrap).
    public var totalP05: Double
    public var totalP95: Double

    public init(input: Int, firstOrder: Double, total: Double,
                firstOrderP05: Double = .nan, firstOrderP95: Double = .nan,
                totalP05: Double = .nan, totalP95: Double = .nan) {
        self.input = input
        self.firstOrder = firstOrder
        self.total = total
        self.firstOrderP05 = firstOrderP05
        self.firstOrderP95 = firstOrderP95
        self.totalP05 = totalP05
        self.totalP95 = totalP95
    }

    public static func == (x: SensitivityIndex, y: SensitivityIndex) -> Bool {
        func same(_ p: Double, _ q: Double) -> Bool { p == q || (p.isNaN && q.isNaN) }
        return x.input == y.input && same(x.firstOrder, y.firstOrder) && same(x.total, y.total)
            && same(x.firstOrderP05, y.firstOrderP05) && same(x.firstOrderP95, y.firstOrderP95)
            && same(x.totalP05, y.totalP05) && same(x.totalP95, y.totalP95)
    }
}

/// Sensitivity indices from the outputs of a ``SensitivityDesign``, with COINr's estimators
/// (`SA_estimate`, COINr 1.1.14):
///
/// - V = Σ(y − ȳ)²/(2N − 1) over the 2N values [y_A; y_B] (R's `var(c(yA, yB))`),
/// - Sᵢ = (1/N)·Σₖ y_B,k·(y_{A_B^(i)},k − y_A,k) / V (Saltelli et al. 2010),
/// - S_Tᵢ = (1/(2N))·Σₖ (y_A,k − y_{A_B^(i)},k)² / V (Jansen 1999).
///
/// An input the output does not depend on has y_{A_B^(i)} = y_A exactly, so every term is
/// exactly 0 and both indices are exactly 0 (also when V = 0, where the ratio would be 0/0):
/// a numerator that is exactly zero gives an index of exactly zero.
///
/// Bootstrap bounds: replicate b = 0…B−1 draws N row numbers with replacement from
/// `RandomStream(seed: seed, stream: bootstrapStreamBase + b)` (two rows per 64-bit word),
/// takes the same rows of y_A, y_B and every y_{A_B^(i)}, and recomputes V, Sᵢ and S_Tᵢ on them;
/// the bounds are the 5 % and 95 % quantiles (R type 7) of the B replicates. COINr resamples
/// each index's terms separately and keeps V at its full-sample value; resampling whole rows and
/// recomputing V also carries V's own sampling error and the correlation between numerator and V.
/// A replicate whose resampled V is 0 while its numerator is not is skipped.
public enum SensitivityEstimate {
    /// First random stream of the bootstrap (3·2⁶², apart from the design's 2⁶³ + k).
    public static let bootstrapStreamBase: UInt64 = 3 << 62

    /// - Parameters:
    ///   - yA: outputs at the rows of A (N values).
    ///   - yB: outputs at the rows of B (N values).
    ///   - yABi: `yABi[i]` = outputs at the rows of A_B^(i), one array of N values per input.
    ///   - bootstrap: number of bootstrap replicates B (0: bounds are NaN).
    ///   - seed: seed of the bootstrap streams.
    /// - Returns: one ``SensitivityIndex`` per input, in input order. A NaN output makes the
    ///   indices NaN; so does N = 0.
    /// - Complexity: O(N·d) for the indices, O(B·N·d) time and O(B·d) memory for the bounds.
    public static func compute(yA: [Double], yB: [Double], yABi: [[Double]], bootstrap: Int = 1000, seed: UInt64) -> [SensitivityIndex] {
        let terms = Terms(yA: yA, yB: yB, yABi: yABi)
        let d = terms.inputs
        var sums = [Double](repeating: 0, count: terms.width)
        for k in 0..<terms.count { terms.add(row: k, to: &sums) }
        var result = (0..<d).map { i in
            SensitivityIndex(input: i, firstOrder: terms.firstOrder(i, sums), total: terms.total(i, sums))
        }
        guard bootstrap > 0, terms.count > 0 else { return result }

        var firstOrder = [[Double]](repeating: [], count: d)
        var total = [[Double]](repeating: [], count: d)
        for b in 0..<bootstrap {
            var rng = RandomStream(seed: seed, stream: bootstrapStreamBase &+ UInt64(b))
            terms.resample(using: &rng, into: &sums)
            for i in 0..<d {
                let f = terms.firstOrder(i, sums), t = terms.total(i, sums)
                if !f.isNaN { firstOrder[i].append(f) }
                if !t.isNaN { total[i].append(t) }
            }
        }
        for i in 0..<d {
            result[i].firstOrderP05 = Descriptive.quantile(firstOrder[i], 0.05)
            result[i].firstOrderP95 = Descriptive.quantile(firstOrder[i], 0.95)
            result[i].totalP05 = Descriptive.quantile(total[i], 0.05)
            result[i].totalP95 = Descriptive.quantile(total[i], 0.95)
        }
        return result
    }
}

/// The per-row terms of the estimators, so that the full sample and every bootstrap replicate
/// are plain sums over (possibly repeated) rows.
///
/// Row k holds `width` = 2 + 2d numbers: c_A + c_B, c_A² + c_B² (c = y − ȳ, ȳ over all 2N
/// values: V is shift-invariant and centring avoids cancellation in Σc² − (Σc)²/(2N)), then
/// y_B·(y_{A_B^(i)} − y_A) and (y_A − y_{A_B^(i)})² for each input, exactly 0 where
/// y_{A_B^(i)} = y_A.
private struct Terms {
    let count: Int
    let inputs: Int
    let width: Int
    let rows: [Double]

    init(yA: [Double], yB: [Double], yABi: [[Double]]) {
        let n = yA.count
        precondition(yB.count == n && yABi.allSatisfy { $0.count == n }, "every output block needs N values")
        count = n
        inputs = yABi.count
        width = 2 + 2 * inputs
        let mean = (yA.reduce(0, +) + yB.reduce(0, +)) / Double(2 * n)
        var rows = [Double](repeating: 0, count: n * width)
        for k in 0..<n {
            let a = yA[k] - mean, b = yB[k] - mean
            rows[k * width] = a + b
            rows[k * width + 1] = a * a + b * b
        }
        for (i, y) in yABi.enumerated() {
            for k in 0..<n where y[k] != yA[k] {  // equal: both terms stay exactly 0, whatever y_B is
                let change = y[k] - yA[k]
                rows[k * width + 2 + i] = yB[k] * change
                rows[k * width + 2 + inputs + i] = change * change
            }
        }
        self.rows = rows
    }

    func add(row k: Int, to sums: inout [Double]) {
        for j in 0..<width { sums[j] += rows[k * width + j] }
    }

    /// Sums over N rows drawn with replacement. Each 64-bit random word gives two rows, one per
    /// 32-bit half h: row = ⌊h·N/2³²⌋ (Lemire's multiply-shift; bias below N/2³²).
    /// - Complexity: O(N·width), no allocation.
    func resample(using rng: inout RandomStream, into sums: inout [Double]) {
        let n = UInt64(count), w = width
        rows.withUnsafeBufferPointer { r in
            sums.withUnsafeMutableBufferPointer { s in
                for j in 0..<w { s[j] = 0 }
                var word: UInt64 = 0
                for k in 0..<count {
                    let half: UInt64
                    if k & 1 == 0 {
                        word = rng.next()
                        half = word & 0xFFFF_FFFF
                    } else {
                        half = word >> 32
                    }
                    let base = Int((half &* n) >> 32) * w
                    for j in 0..<w { s[j] += r[base + j] }
                }
            }
        }
    }

    /// V over the 2N values (n − 1 denominator); NaN when N = 0.
    func variance(_ sums: [Double]) -> Double {
        guard count > 0 else { return .nan }
        let m = Double(2 * count)
        return (sums[1] - sums[0] * sums[0] / m) / (m - 1)
    }

    func firstOrder(_ i: Int, _ sums: [Double]) -> Double { ratio(sums[2 + i] / Double(count), sums) }
    func total(_ i: Int, _ sums: [Double]) -> Double { ratio(sums[2 + inputs + i] / Double(2 * count), sums) }

    /// numerator/V; exactly 0 for a zero numerator; NaN when V is 0 or not finite otherwise.
    private func ratio(_ numerator: Double, _ sums: [Double]) -> Double {
        if numerator == 0 { return 0 }
        let v = variance(sums)
        return v > 0 && v.isFinite ? numerator / v : .nan
    }
}
