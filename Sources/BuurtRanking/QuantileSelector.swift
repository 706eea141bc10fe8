/// Exact R type-7 quantiles of one sample by selection instead of a full sort: the per-unit
/// summary of the Monte Carlo engine, which takes three quantiles of R replications for every
/// unit.
///
/// Type 7 (R's default, ``BuurtNumerics/Descriptive/quantile(_:_:)``): with the n available values
/// in ascending order x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, h = (n − 1)p, l = ⌊h⌋, u = min(l + 1, n − 1),
/// Q(p) = x₍ₗ₎ + (h − l)(x₍ᵤ₎ − x₍ₗ₎). Only the order statistics at l and u are needed.
///
/// Floating-point samples: one pass finds the minimum and maximum, a second counts the values
/// per bucket of a value-linear grid b(x) = min(⌊(x − min)·B/(max − min)⌋, B − 1) (monotone in
/// x, so buckets are ordered), the buckets holding the wanted positions are gathered in a third
/// pass and selected recursively (or sorted when small). Integer samples (ranks) are counted
/// over their range [min, max]. NaN (floating) or 0 (ranks: "no rank") values are skipped.
///
/// Scratch buffers are kept between calls; not for concurrent use.
/// - Complexity: O(n) expected per call (O(n + range) for ranks).
public struct QuantileSelector: Sendable {
    private var counts: [Int] = []
    private var gathered: [Double] = []
    private var slotOfBucket: [Int] = []

    public init() {}

    /// The type-7 quantiles at `probabilities` of the non-NaN values; NaN for each when none.
    public mutating func quantiles<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, _ probabilities: [Double]
    ) -> [Double] {
        var n = 0
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where !v.isNaN {
            let x = Double(v)
            n += 1
            if x < lo { lo = x }
            if x > hi { hi = x }
        }
        guard n > 0 else { return probabilities.map { _ in .nan } }
        let positions = Self.positions(count: n, probabilities)
        let wanted = Array(Set(positions.flatMap { [$0.lower, $0.upper] })).sorted()
        var found = [Int: Double]()
        if lo == hi {
            for p in wanted { found[p] = lo }
        } else {
            select(values, count: n, lo: lo, hi: hi, positions: wanted, into: &found)
        }
        return positions.map { found[$0.lower]! + $0.fraction * (found[$0.upper]! - found[$0.lower]!) }
    }

    /// The type-7 quantiles of ranks (0 = no rank, skipped), and their mean.
    public mutating func rankSummary<R: FixedWidthInteger & UnsignedInteger>(
        _ ranks: UnsafeBufferPointer<R>, _ probabilities: [Double]
    ) -> (quantiles: [Double], mean: Double) {
        var n = 0, sum = 0
        var lo = Int.max, hi = 0
        for r in ranks where r != 0 {
            let v = Int(r)
            n += 1
            sum += v
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        guard n > 0 else { return (probabilities.map { _ in .nan }, .nan) }
        let width = hi - lo + 1
        if counts.count < width { counts = [Int](repeating: 0, count: width) }
        counts.withUnsafeMutableBufferPointer { c in
            for j in 0..<width { c[j] = 0 }
            for r in ranks where r != 0 { c[Int(r) - lo] += 1 }
        }
        let positions = Self.positions(count: n, probabilities)
        let wanted = Array(Set(positions.flatMap { [$0.lower, $0.upper] })).sorted()
        var found = [Int: Double]()
        var below = 0, v = 0, w = 0
        while w < wanted.count {
            while below + counts[v] <= wanted[w] { below += counts[v]; v += 1 }
            found[wanted[w]] = Double(lo + v)
            w += 1
        }
        let q = positions.map { found[$0.lower]! + $0.fraction * (found[$0.upper]! - found[$0.lower]!) }
        return (q, Double(sum) / Double(n))
    }

    /// Order-statistic positions l, u and the fraction h − l of type 7.
    static func positions(count n: Int, _ probabilities: [Double]) -> [(lower: Int, upper: Int, fraction: Double)] {
        probabilities.map { p in
            let h = Double(n - 1) * p
            let l = Int(h.rounded(.down))
            return (l, Swift.min(l + 1, n - 1), h - Double(l))
        }
    }

    /// Finds the values at the ascending `positions` (0-based among the n non-NaN values, which
    /// all lie in [lo, hi], lo < hi).
    private mutating func select<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, count n: Int, lo: Double, hi: Double,
        positions: [Int], into found: inout [Int: Double]
    ) {
        let buckets = Swift.max(16, Swift.min(4096, n / 2))
        let scale = Double(buckets) / (hi - lo)
        @inline(__always) func bucket(_ x: Double) -> Int { Swift.min(Int((x - lo) * scale), buckets - 1) }

        if counts.count < buckets + 1 { counts = [Int](repeating: 0, count: buckets + 1) }
        if slotOfBucket.count < buckets { slotOfBucket = [Int](repeating: -1, count: buckets) }
        for b in 0...buckets { counts[b] = 0 }
        for v in values where !v.isNaN { counts[bucket(Double(v))] += 1 }
        // counts[b] becomes the number of values in buckets before b.
        var start = 0
        for b in 0..<buckets { let c = counts[b]; counts[b] = start; start += c }
        counts[buckets] = start

        // Buckets holding a wanted position, each with its gathered range.
        var targets: [(bucket: Int, first: Int, size: Int)] = []
        var p = 0
        for b in 0..<buckets where p < positions.count {
            let first = counts[b], size = counts[b + 1] - counts[b]
            guard size > 0, positions[p] < first + size else { continue }
            slotOfBucket[b] = targets.count
            targets.append((b, first, size))
            while p < positions.count && positions[p] < first + size { p += 1 }
        }
        var offsets = [Int](repeating: 0, count: targets.count)
        var total = 0
        for (t, target) in targets.enumerated() { offsets[t] = total; total += target.size }
        var local = [Double](repeating: 0, count: total)
        var fill = offsets
        for v in values where !v.isNaN {
            let x = Double(v)
            let s = slotOfBucket[bucket(x)]
            if s >= 0 { local[fill[s]] = x; fill[s] += 1 }
        }
        for target in targets { slotOfBucket[target.bucket] = -1 }

        for (t, target) in targets.enumerated() {
            let members = local[offsets[t]..<(offsets[t] + target.size)]
            let inside = positions.filter { $0 >= target.first && $0 < target.first + target.size }
            let mn = members.min()!, mx = members.max()!
            if mn == mx {
                for q in inside { found[q] = mn }
            } else if target.size <= 64 || target.size == n {
                let sorted = members.sorted()
                for q in inside { found[q] = sorted[q - target.first] }
            } else {
                var sub: [Int: Double] = [:]
                Array(members).withUnsafeBufferPointer { m in
                    select(m, count: target.size, lo: mn, hi: mx, positions: inside.map { $0 - target.first }, into: &sub)
                }
                for q in inside { found[q] = sub[q - target.first]! }
            }
        }
    }
}
