/// Competition ranks of many score vectors in time linear in practice: the ranking kernel of the
/// Monte Carlo engine, which ranks every replication's scores within every period.
///
/// Same convention as ``competitionRanks(_:)`` (R `rank(-x, ties.method = "min")`): the highest
/// score gets rank 1, equal scores share the best rank, NaN gets no rank (written as 0 here).
/// −0 and +0 are equal.
///
/// Method: each available score x is mapped to a 32-bit key that preserves order,
/// the bit pattern of `Float(x)` with the sign bit flipped for x ≥ 0 and all bits flipped for
/// x < 0 (so that unsigned comparison of keys follows the real order, and rounding to single
/// precision never reverses an order, it can only create equal keys). Key‖index pairs are sorted
/// by an LSD radix sort on the key (three passes of 11, 11 and 10 bits; a pass is skipped when
/// every key has the same digit). Runs of equal keys, where single precision merged distinct
/// doubles, are put in exact order by insertion sort on the doubles. Ranks are then read off
/// the ascending order: a group of equal scores at sorted positions a…b of n gets rank n − b.
///
/// A value keeps its scratch buffers between calls, so ranking allocates nothing once it has
/// seen the largest input. Not for concurrent use: give every worker its own.
///
/// - Complexity: O(n) per call plus the insertion sorts of merged keys (rare: only distinct
///   doubles within one single-precision step).
public struct CompetitionRanker: Sendable {
    private var pairs: [UInt64] = []
    private var scratch: [UInt64] = []
    private var counts = [Int](repeating: 0, count: 3 * 2048)

    public init(capacity: Int = 0) {
        pairs.reserveCapacity(capacity)
        scratch.reserveCapacity(capacity)
    }

    /// Ranks `scores` into `ranks` (same length; 0 for NaN).
    ///
    /// - Parameters:
    ///   - lowest: k for the "most in need" membership: scores whose ascending min-rank is ≤ k,
    ///     i.e. fewer than k available scores are strictly lower, are passed to `lowestMember`
    ///     (so ties at the k-th lowest score are all included). 0 = none.
    ///   - lowestMember: called with the index of each such score.
    /// - Returns: the number of available (non-NaN) scores.
    /// - Complexity: O(n).
    public mutating func rank<Rank: FixedWidthInteger & UnsignedInteger>(
        _ scores: UnsafeBufferPointer<Double>, into ranks: UnsafeMutableBufferPointer<Rank>,
        lowest k: Int = 0, lowestMember: (Int) -> Void = { _ in }
    ) -> Int {
        let n = sortAscending(scores)
        for i in 0..<ranks.count { ranks[i] = 0 }
        pairs.withUnsafeBufferPointer { sorted in
            var a = 0
            while a < n {
                let x = scores[Int(truncatingIfNeeded: sorted[a] & 0xFFFF_FFFF)]
                var b = a
                while b + 1 < n && scores[Int(truncatingIfNeeded: sorted[b + 1] & 0xFFFF_FFFF)] == x { b += 1 }
                let r = Rank(truncatingIfNeeded: n - b)
                for p in a...b {
                    let i = Int(truncatingIfNeeded: sorted[p] & 0xFFFF_FFFF)
                    ranks[i] = r
                    if a < k { lowestMember(i) }
                }
                a = b + 1
            }
        }
        return n
    }

    /// Competition ranks as `Double` (NaN for missing), equal to ``competitionRanks(_:)``.
    /// - Complexity: O(n).
    public mutating func ranks(_ values: [Double]) -> [Double] {
        var r = [UInt32](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { v in
            r.withUnsafeMutableBufferPointer { out in _ = rank(v, into: out) }
        }
        return r.map { $0 == 0 ? .nan : Double($0) }
    }

    /// The order-preserving 32-bit key of a non-NaN double (−0 and +0 share a key).
    static func key(_ x: Double) -> UInt32 {
        let bits = Float(x + 0).bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    /// Sorts key‖index pairs of the non-NaN scores into `pairs`, ascending by value.
    /// - Returns: the number of non-NaN scores.
    mutating func sortAscending(_ scores: UnsafeBufferPointer<Double>) -> Int {
        precondition(scores.count <= Int(UInt32.max), "too many scores to rank at once")
        pairs.removeAll(keepingCapacity: true)
        for i in 0..<scores.count where !scores[i].isNaN {
            pairs.append(UInt64(Self.key(scores[i])) << 32 | UInt64(i))
        }
        let n = pairs.count
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        guard n > 1 else { return n }
        let digits: [(shift: UInt64, mask: UInt64)] = [(32, 0x7FF), (43, 0x7FF), (54, 0x3FF)]
        counts.withUnsafeMutableBufferPointer { counts in
            counts.update(repeating: 0)
            pairs.withUnsafeBufferPointer { p in
                for v in p {
                    counts[Int((v >> 32) & 0x7FF)] += 1
                    counts[2048 + Int((v >> 43) & 0x7FF)] += 1
                    counts[4096 + Int(v >> 54)] += 1
                }
            }
            var inPairs = true
            for (d, digit) in digits.enumerated() {
                let base = d * 2048
                if counts[base + Int((pairs[0] >> digit.shift) & digit.mask)] == n { continue }
                var offset = 0
                for b in 0..<2048 {
                    let c = counts[base + b]
                    counts[base + b] = offset
                    offset += c
                }
                pairs.withUnsafeMutableBufferPointer { p in
                    scratch.withUnsafeMutableBufferPointer { s in
                        let (from, to) = inPairs ? (p, s) : (s, p)
                        for j in 0..<n {
                            let v = from[j]
                            let slot = base + Int((v >> digit.shift) & digit.mask)
                            to[counts[slot]] = v
                            counts[slot] += 1
                        }
                    }
                }
                inPairs.toggle()
            }
            if !inPairs { swap(&pairs, &scratch) }
        }
        orderMergedKeys(scores, count: n)
        return n
    }

    /// Insertion-sorts runs of equal keys by their exact double values.
    private mutating func orderMergedKeys(_ scores: UnsafeBufferPointer<Double>, count n: Int) {
        pairs.withUnsafeMutableBufferPointer { p in
            var a = 0
            while a < n {
                var b = a
                while b + 1 < n && p[b + 1] >> 32 == p[a] >> 32 { b += 1 }
                if b > a {
                    for j in (a + 1)...b {
                        let v = p[j]
                        let x = scores[Int(truncatingIfNeeded: v & 0xFFFF_FFFF)]
                        var m = j - 1
                        while m >= a && scores[Int(truncatingIfNeeded: p[m] & 0xFFFF_FFFF)] > x {
                            p[m + 1] = p[m]
                            m -= 1
                        }
                        p[m + 1] = v
                    }
                }
                a = b + 1
            }
        }
    }
}
