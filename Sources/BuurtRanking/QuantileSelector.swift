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
/// x, so buckets are ordered), a third gathers the few buckets holding wanted positions, which
/// are then sorted (or, when large, selected again the same way). Integer samples (ranks) are
/// counted over their range [min, max]. NaN (floating) or 0 (ranks: "no rank") values are skipped.
///
/// Scratch buffers are kept between calls (no allocation once warm); not for concurrent use.
/// - Complexity: O(n) expected per call (O(n + range) for ranks).
public struct QuantileSelector: Sendable {
    private var counts: [Int] = []
    private var slotOfBucket: [Int] = []
    private var gathered: [Double] = []

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
        var wanted = Self.wanted(positions)
        var found = [Double](repeating: lo, count: wanted.count)
        if lo < hi {
            select(values, count: n, lo: lo, hi: hi, positions: &wanted, found: &found)
        }
        return Self.interpolate(positions, wanted, found)
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
        let positions = Self.positions(count: n, probabilities)
        let wanted = Self.wanted(positions)
        var found = [Double](repeating: 0, count: wanted.count)
        counts.withUnsafeMutableBufferPointer { c in
            for j in 0..<width { c[j] = 0 }
            for r in ranks where r != 0 { c[Int(r) - lo] += 1 }
            var below = 0, v = 0
            for (w, p) in wanted.enumerated() {
                while below + c[v] <= p { below += c[v]; v += 1 }
                found[w] = Double(lo + v)
            }
        }
        return (Self.interpolate(positions, wanted, found), Double(sum) / Double(n))
    }

    /// Order-statistic positions l, u and the fraction h − l of type 7.
    static func positions(count n: Int, _ probabilities: [Double]) -> [(lower: Int, upper: Int, fraction: Double)] {
        probabilities.map { p in
            let h = Double(n - 1) * p
            let l = Int(h.rounded(.down))
            return (l, Swift.min(l + 1, n - 1), h - Double(l))
        }
    }

    /// The distinct positions needed, ascending.
    private static func wanted(_ positions: [(lower: Int, upper: Int, fraction: Double)]) -> [Int] {
        var w: [Int] = []
        w.reserveCapacity(2 * positions.count)
        for p in positions { w.append(p.lower); w.append(p.upper) }
        w.sort()
        var out: [Int] = []
        out.reserveCapacity(w.count)
        for p in w where out.last != p { out.append(p) }
        return out
    }

    private static func interpolate(_ positions: [(lower: Int, upper: Int, fraction: Double)], _ wanted: [Int], _ found: [Double]) -> [Double] {
        func value(_ p: Int) -> Double { found[wanted.firstIndex(of: p)!] }
        return positions.map { value($0.lower) + $0.fraction * (value($0.upper) - value($0.lower)) }
    }

    /// Fills `found[w]` with the value at ascending position `positions[w]` (0-based among the
    /// n non-NaN values, all in [lo, hi], lo < hi).
    private mutating func select<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, count n: Int, lo: Double, hi: Double,
        positions: inout [Int], found: inout [Double]
    ) {
        let buckets = Swift.max(16, Swift.min(2048, n / 4))
        let scale = Double(buckets) / (hi - lo)
        if counts.count < buckets + 1 { counts = [Int](repeating: 0, count: buckets + 1) }
        if slotOfBucket.count < buckets { slotOfBucket = [Int](repeating: -1, count: buckets) }
        if gathered.count < n { gathered = [Double](repeating: 0, count: n) }

        // Targets: (bucket, first position in it, size, offset into `gathered`).
        var targets: [(bucket: Int, first: Int, size: Int, offset: Int)] = []
        counts.withUnsafeMutableBufferPointer { c in
            slotOfBucket.withUnsafeMutableBufferPointer { slot in
                gathered.withUnsafeMutableBufferPointer { g in
                    for b in 0...buckets { c[b] = 0 }
                    for v in values where !v.isNaN { c[Swift.min(Int((Double(v) - lo) * scale), buckets - 1)] += 1 }
                    var start = 0, p = 0, offset = 0
                    for b in 0..<buckets where p < positions.count {
                        let size = c[b]
                        if size > 0 && positions[p] < start + size {
                            slot[b] = targets.count
                            targets.append((b, start, size, offset))
                            offset += size
                            while p < positions.count && positions[p] < start + size { p += 1 }
                        }
                        start += size
                    }
                    // Reuse the counts as fill pointers of the gathered regions.
                    for (t, target) in targets.enumerated() { c[t] = target.offset }
                    for v in values where !v.isNaN {
                        let x = Double(v)
                        let s = slot[Swift.min(Int((x - lo) * scale), buckets - 1)]
                        if s >= 0 { g[c[s]] = x; c[s] += 1 }
                    }
                    for target in targets { slot[target.bucket] = -1 }
                }
            }
        }

        for target in targets {
            let members = Array(gathered[target.offset..<(target.offset + target.size)])
            let inside = positions.indices.filter { positions[$0] >= target.first && positions[$0] < target.first + target.size }
            let mn = members.min()!, mx = members.max()!
            if mn == mx {
                for w in inside { found[w] = mn }
            } else if target.size <= 64 {
                let sorted = members.sorted()
                for w in inside { found[w] = sorted[positions[w] - target.first] }
            } else {
                var local = inside.map { positions[$0] - target.first }
                var values = [Double](repeating: 0, count: local.count)
                members.withUnsafeBufferPointer { m in
                    select(m, count: target.size, lo: mn, hi: mx, positions: &local, found: &values)
                }
                for (k, w) in inside.enumerated() { found[w] = values[k] }
            }
        }
    }
}
