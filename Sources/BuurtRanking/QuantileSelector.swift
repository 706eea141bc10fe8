/// Exact R type-7 quantiles of one sample by selection instead of a full sort: the per-unit
/// summary of the Monte Carlo engine, which takes three quantiles of R replications for every
/// unit (and two of every problem dimension's gaps).
///
/// Type 7 (R's default, ``BuurtNumerics/Descriptive/quantile(_:_:)``): with the n available values
/// in ascending order x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, h = (n − 1)p, l = ⌊h⌋, u = min(l + 1, n − 1),
/// Q(p) = x₍ₗ₎ + (h − l)(x₍ᵤ₎ − x₍ₗ₎). Only the order statistics at l and u are needed.
///
/// Floating-point samples: one pass finds the count, minimum and maximum (missing values are
/// first packed out when there are any), a second counts the values per bucket of a value-linear
/// grid b(x) = round((x − min)·B/(max − min)) (monotone in x, so buckets are ordered; B ≈ n/4),
/// a third gathers the few buckets holding wanted positions, which are then sorted (or, when
/// large, selected again the same way). Integer samples (ranks) are counted over their range
/// [min, max]. NaN (floating) or 0 (ranks: "no rank") values are skipped.
///
/// Scratch buffers are kept between calls (no allocation once warm, except for rare large
/// buckets); not for concurrent use.
/// - Complexity: O(n) expected per call (O(n + range) for ranks).
public struct QuantileSelector: Sendable {
    private var counts: [Int] = []
    private var buckets: [UInt32] = []
    private var slotOfBucket: [Int32] = []
    private var gathered: [Double] = []
    private var packed: [Double] = []

    public init() {}

    /// The type-7 quantiles at `probabilities` of the non-NaN values; NaN for each when none.
    package mutating func quantiles<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, _ probabilities: [Double]
    ) -> [Double] {
        // Count, minimum and maximum in four independent chains (NaN never wins a comparison).
        var lo0 = Double.infinity, lo1 = Double.infinity, hi0 = -Double.infinity, hi1 = -Double.infinity
        var n0 = 0, n1 = 0
        var i = 0
        let count = values.count
        while i + 1 < count {
            let x = Double(values[i]), y = Double(values[i + 1])
            n0 &+= x == x ? 1 : 0
            n1 &+= y == y ? 1 : 0
            lo0 = x < lo0 ? x : lo0
            hi0 = x > hi0 ? x : hi0
            lo1 = y < lo1 ? y : lo1
            hi1 = y > hi1 ? y : hi1
            i += 2
        }
        if i < count {
            let x = Double(values[i])
            n0 &+= x == x ? 1 : 0
            lo0 = x < lo0 ? x : lo0
            hi0 = x > hi0 ? x : hi0
        }
        return quantiles(values, probabilities, count: n0 + n1, lo: Swift.min(lo0, lo1), hi: Swift.max(hi0, hi1))
    }

    /// ``quantiles(_:_:)`` when the caller already knows the number `n` of non-NaN values and
    /// their minimum `lo` and maximum `hi`.
    mutating func quantiles<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, _ probabilities: [Double], count n: Int, lo: Double, hi: Double
    ) -> [Double] {
        let count = values.count
        guard n > 0 else { return probabilities.map { _ in .nan } }
        let positions = Self.positions(count: n, probabilities)
        var wanted = Self.wanted(positions)
        var found = [Double](repeating: lo, count: wanted.count)
        if lo < hi {
            if n == count {
                select(values, lo: lo, hi: hi, positions: &wanted, found: &found)
            } else {
                if packed.count < n { packed = [Double](repeating: 0, count: n) }
                var m = 0
                packed.withUnsafeMutableBufferPointer { p in
                    for v in values where !v.isNaN { p[m] = Double(v); m += 1 }
                }
                let copy = packed
                packed = []
                copy.withUnsafeBufferPointer { p in
                    select(UnsafeBufferPointer(rebasing: p[0..<n]), lo: lo, hi: hi, positions: &wanted, found: &found)
                }
                packed = copy
            }
        }
        return Self.interpolate(positions, wanted, found)
    }

    /// The type-7 quantiles of ranks (0 = no rank, skipped), and their mean.
    package mutating func rankSummary<R: FixedWidthInteger & UnsignedInteger>(
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
    /// values, none NaN, all in [lo, hi], lo < hi).
    private mutating func select<T: BinaryFloatingPoint>(
        _ values: UnsafeBufferPointer<T>, lo: Double, hi: Double, positions: inout [Int], found: inout [Double]
    ) {
        let n = values.count
        let width = Swift.max(16, Swift.min(4096, n / 4))
        let scale = Double(width) / (hi - lo)
        guard scale.isFinite && scale > 0 && (hi - lo).isFinite else {
            // Ranges near the limits of Double: sort a copy.
            let sorted = values.map { Double($0) }.sorted()
            for (w, p) in positions.enumerated() { found[w] = sorted[p] }
            return
        }
        // round((x − lo)·scale) ∈ 0…width without a checked conversion: adding 1.5·2⁵² puts the
        // rounded integer in the low mantissa bits.
        let magic = 6_755_399_441_055_744.0
        @inline(__always) func bucket(_ x: Double) -> Int {
            Int(truncatingIfNeeded: ((x - lo) * scale + magic).bitPattern & 0xFFFF_FFFF)
        }
        if buckets.count < width + 1 { buckets = [UInt32](repeating: 0, count: width + 1) }
        if slotOfBucket.count < width + 1 { slotOfBucket = [Int32](repeating: -1, count: width + 1) }
        if gathered.count < n { gathered = [Double](repeating: 0, count: n) }

        // Targets: (bucket, first position in it, size, offset into `gathered`); at most one per position.
        var targets: [(bucket: Int, first: Int, size: Int, offset: Int)] = []
        targets.reserveCapacity(positions.count)
        buckets.withUnsafeMutableBufferPointer { c in
            slotOfBucket.withUnsafeMutableBufferPointer { slot in
                gathered.withUnsafeMutableBufferPointer { g in
                    for b in 0...width { c[b] = 0 }
                    for v in values { c[bucket(Double(v))] &+= 1 }
                    var start = 0, p = 0, offset = 0
                    for b in 0...width where p < positions.count {
                        let size = Int(c[b])
                        if size > 0 && positions[p] < start + size {
                            slot[b] = Int32(targets.count)
                            targets.append((b, start, size, offset))
                            offset += size
                            while p < positions.count && positions[p] < start + size { p += 1 }
                        }
                        start += size
                    }
                    // Reuse the counts as fill pointers of the gathered regions.
                    for (t, target) in targets.enumerated() { c[t] = UInt32(target.offset) }
                    for v in values {
                        let x = Double(v)
                        let s = Int(slot[bucket(x)])
                        if s >= 0 {
                            g[Int(c[s])] = x
                            c[s] &+= 1
                        }
                    }
                    for target in targets { slot[target.bucket] = -1 }
                }
            }
        }

        for target in targets {
            let first = target.first, size = target.size
            var inside: [Int] = []
            for w in positions.indices where positions[w] >= first && positions[w] < first + size { inside.append(w) }
            if size <= 64 {
                gathered.withUnsafeMutableBufferPointer { g in
                    let region = g.baseAddress! + target.offset
                    for j in 1..<Swift.max(size, 1) {
                        let v = region[j]
                        var m = j - 1
                        while m >= 0 && region[m] > v {
                            region[m + 1] = region[m]
                            m -= 1
                        }
                        region[m + 1] = v
                    }
                    for w in inside { found[w] = region[positions[w] - first] }
                }
                continue
            }
            let members = Array(gathered[target.offset..<(target.offset + size)])
            let mn = members.min()!, mx = members.max()!
            if mn == mx {
                for w in inside { found[w] = mn }
            } else {
                var local = inside.map { positions[$0] - first }
                var values = [Double](repeating: 0, count: local.count)
                var inner = QuantileSelector()
                members.withUnsafeBufferPointer { m in
                    inner.select(m, lo: mn, hi: mx, positions: &local, found: &values)
                }
                for (k, w) in inside.enumerated() { found[w] = values[k] }
            }
        }
    }
}
