/// Competition ranks of many score vectors in time linear in practice: the ranking kernel of the
/// Monte Carlo engine, which ranks every replication's scores within every period.
///
/// Same convention as ``competitionRanks(_:)`` (R `rank(-x, ties.method = "min")`): the highest
/// score gets rank 1, equal scores share the best rank, NaN gets no rank (written as 0 here).
/// −0 and +0 are equal.
///
/// Method (n available scores in [lo, hi]): each score x gets the order-preserving key
/// q = min(⌊(x − lo)·s⌋, 2ᵇ − 1), s = (2ᵇ − 1)/(hi − lo), where b = min(22, 32 − bits of the
/// largest index) — at least 16 bits for up to 65,536 scores (all keys 0 when the range is not
/// finite). Rounding makes q monotone in x, so equal
/// scores share a key and a larger key means a larger score. Key‖index words (32 bits) are
/// sorted by an LSD radix sort in two passes of b/2 bits (a pass is skipped when every key has
/// the same digit); runs of equal keys, where distinct scores were merged, are put in exact
/// order (insertion sort, or a comparison sort for long runs). Ranks are read off the ascending
/// order: a group of equal scores at sorted positions a…b of n gets rank n − b. Above 65,536
/// scores the keys are the order-preserving bit patterns of `Float(x)` and the words 64 bits.
///
/// A value keeps its scratch buffers between calls, so ranking allocates nothing once it has
/// seen the largest input. Not for concurrent use: give every worker its own.
///
/// - Complexity: O(n) per call, plus the exact ordering of merged keys (about n²/2ᵇ⁺¹ pairs).
public struct CompetitionRanker: Sendable {
    private var words: [UInt32] = []
    private var wordScratch: [UInt32] = []
    private var pairs: [UInt64] = []
    private var pairScratch: [UInt64] = []
    private var counts = [Int](repeating: 0, count: 3 * 2048)
    private var digitCounts: [UInt32] = []

    public init(capacity: Int = 0) {
        words.reserveCapacity(capacity)
        wordScratch.reserveCapacity(capacity)
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
    package mutating func rank<Rank: FixedWidthInteger & UnsignedInteger>(
        _ scores: UnsafeBufferPointer<Double>, into ranks: UnsafeMutableBufferPointer<Rank>,
        lowest k: Int = 0, lowestMember: (Int) -> Void = { _ in }
    ) -> Int {
        precondition(ranks.count == scores.count, "one rank per score")
        for i in 0..<ranks.count { ranks[i] = 0 }
        if scores.count <= 1 << 16 {
            let (n, indexBits) = sortPacked(scores)
            words.withUnsafeMutableBufferPointer { sorted in
                Self.assign(sorted, count: n, indexBits: indexBits, orderRuns: true, scores, ranks, k, lowestMember)
            }
            return n
        }
        let n = sortWide(scores)
        pairs.withUnsafeMutableBufferPointer { sorted in
            Self.assign(sorted, count: n, indexBits: 32, orderRuns: false, scores, ranks, k, lowestMember)
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

    /// Walks the ascending order: groups of equal scores get rank n − (last position).
    /// Different keys mean different scores; only runs of equal keys are compared exactly, and
    /// with `orderRuns` they are first put in ascending order of the exact scores.
    private static func assign<Word: FixedWidthInteger & UnsignedInteger, Rank: FixedWidthInteger & UnsignedInteger>(
        _ sorted: UnsafeMutableBufferPointer<Word>, count n: Int, indexBits: Int, orderRuns: Bool,
        _ scores: UnsafeBufferPointer<Double>, _ ranks: UnsafeMutableBufferPointer<Rank>, _ k: Int,
        _ lowestMember: (Int) -> Void
    ) {
        let mask: Word = (1 << indexBits) - 1
        @inline(__always) func index(_ p: Int) -> Int { Int(truncatingIfNeeded: sorted[p] & mask) }
        var a = 0
        while a < n {
            let key = sorted[a] &>> Word(indexBits)
            var e = a
            while e + 1 < n && sorted[e + 1] &>> Word(indexBits) == key { e += 1 }
            if e == a {
                // A key of its own: a score of its own.
                let i = index(a)
                ranks[i] = Rank(truncatingIfNeeded: n - a)
                if a < k { lowestMember(i) }
                a += 1
                continue
            }
            if orderRuns {
                orderRun(UnsafeMutableBufferPointer(rebasing: sorted[a...e]), mask: mask, scores)
            }
            var g = a
            while g <= e {
                var b = g
                let x = scores[index(g)]
                while b + 1 <= e && scores[index(b + 1)] == x { b += 1 }
                let r = Rank(truncatingIfNeeded: n - b)
                for p in g...b {
                    let i = index(p)
                    ranks[i] = r
                    if g < k { lowestMember(i) }
                }
                g = b + 1
            }
            a = e + 1
        }
    }

    /// Puts a run of words with equal keys in ascending order of their exact scores: insertion
    /// sort for short runs, a comparison sort for long ones.
    private static func orderRun<Word: FixedWidthInteger>(
        _ w: UnsafeMutableBufferPointer<Word>, mask: Word, _ scores: UnsafeBufferPointer<Double>
    ) {
        @inline(__always) func score(_ v: Word) -> Double { scores[Int(truncatingIfNeeded: v & mask)] }
        if w.count > 32 {
            var run = w
            run.sort { score($0) < score($1) }
            return
        }
        for j in 1..<w.count {
            let v = w[j]
            let x = score(v)
            var m = j - 1
            while m >= 0 && score(w[m]) > x {
                w[m + 1] = w[m]
                m -= 1
            }
            w[m + 1] = v
        }
    }

    /// Sorts quantised-key‖index words of the non-NaN scores into `words`, ascending by key
    /// (equal keys, where distinct scores were merged, are ordered later by ``assign``).
    /// - Returns: the number of non-NaN scores and the bits the index takes.
    private mutating func sortPacked(_ scores: UnsafeBufferPointer<Double>) -> (Int, Int) {
        var lo0 = Double.infinity, hi0 = -Double.infinity, lo1 = Double.infinity, hi1 = -Double.infinity
        var available0 = 0, available1 = 0
        var i = 0
        let count = scores.count
        while i + 1 < count {
            let x = scores[i], y = scores[i + 1]
            lo0 = x < lo0 ? x : lo0
            hi0 = x > hi0 ? x : hi0
            lo1 = y < lo1 ? y : lo1
            hi1 = y > hi1 ? y : hi1
            available0 &+= x == x ? 1 : 0
            available1 &+= y == y ? 1 : 0
            i += 2
        }
        if i < count {
            let x = scores[i]
            lo0 = x < lo0 ? x : lo0
            hi0 = x > hi0 ? x : hi0
            available0 &+= x == x ? 1 : 0
        }
        let lo = Swift.min(lo0, lo1), hi = Swift.max(hi0, hi1)
        let available = available0 + available1
        let indexBits = UInt32(Swift.max(1, Int.bitWidth - Swift.max(count - 1, 1).leadingZeroBitCount))
        let keyBits = Swift.min(22, 32 - indexBits)  // two radix digits of at most 11 bits
        let maxKey = Double((1 << keyBits) - 1)
        let range = hi - lo
        // Keys round((x − lo)·scale) ∈ 0…maxKey, read from the low mantissa bits after adding
        // 1.5·2⁵² (no checked conversion); equal scores share a key, larger keys mean larger scores.
        let scale = range > 0 && range.isFinite ? maxKey / range : 0
        let magic = 6_755_399_441_055_744.0
        if words.count < count { words = [UInt32](repeating: 0, count: count) }
        if wordScratch.count < count { wordScratch = [UInt32](repeating: 0, count: count) }
        if digitCounts.count < 4096 { digitCounts = [UInt32](repeating: 0, count: 4096) }
        let lowBits = keyBits / 2, highBits = keyBits - lowBits
        let lowMask = UInt32((1 << lowBits) - 1), highMask = UInt32((1 << highBits) - 1)
        let lowShift = indexBits, highShift = indexBits + lowBits
        let keyMask = UInt32((1 << keyBits) - 1)
        var n = 0
        digitCounts.withUnsafeMutableBufferPointer { counts in
            let c = counts.baseAddress!
            c.update(repeating: 0, count: 4096)
            words.withUnsafeMutableBufferPointer { w in
                let w = w.baseAddress!
                @inline(__always) func word(_ x: Double, _ i: Int) -> UInt32 {
                    let q = UInt32(truncatingIfNeeded: ((x - lo) * scale + magic).bitPattern) & keyMask
                    return q &<< indexBits | UInt32(truncatingIfNeeded: i)
                }
                if available == count {
                    for i in 0..<count {
                        let v = word(scores[i], i)
                        w[i] = v
                        c[Int(truncatingIfNeeded: (v &>> lowShift) & lowMask)] &+= 1
                        c[2048 &+ Int(truncatingIfNeeded: (v &>> highShift) & highMask)] &+= 1
                    }
                    n = count
                } else {
                    for i in 0..<count {
                        let x = scores[i]
                        if x.isNaN { continue }
                        let v = word(x, i)
                        w[n] = v
                        n &+= 1
                        c[Int(truncatingIfNeeded: (v &>> lowShift) & lowMask)] &+= 1
                        c[2048 &+ Int(truncatingIfNeeded: (v &>> highShift) & highMask)] &+= 1
                    }
                }
            }
        guard n > 1 else { return }
            var inWords = true
            for (base, shift, mask, width) in [(0, lowShift, lowMask, lowBits), (2048, highShift, highMask, highBits)] {
                if c[base + Int((words[0] >> shift) & mask)] == UInt32(n) { continue }
                var offset: UInt32 = 0
                for b in 0..<(1 << width) {
                    let k = c[base + b]
                    c[base + b] = offset
                    offset &+= k
                }
                words.withUnsafeMutableBufferPointer { w in
                    wordScratch.withUnsafeMutableBufferPointer { s in
                        let (from, to) = inWords ? (w.baseAddress!, s.baseAddress!) : (s.baseAddress!, w.baseAddress!)
                        let counts = c + base
                        for j in 0..<n {
                            let v = from[j]
                            let slot = Int(truncatingIfNeeded: (v &>> shift) & mask)
                            to[Int(truncatingIfNeeded: counts[slot])] = v
                            counts[slot] &+= 1
                        }
                    }
                }
                inWords.toggle()
            }
            if !inWords { swap(&words, &wordScratch) }
        }
        return (n, Int(indexBits))
    }

    /// Above 65,536 scores: Float-bit keys in 64-bit words, three passes of 11, 11 and 10 bits.
    private mutating func sortWide(_ scores: UnsafeBufferPointer<Double>) -> Int {
        precondition(scores.count <= Int(UInt32.max), "too many scores to rank at once")
        pairs.removeAll(keepingCapacity: true)
        for i in 0..<scores.count where !scores[i].isNaN {
            let bits = Float(scores[i] + 0).bitPattern
            let key = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            pairs.append(UInt64(key) << 32 | UInt64(i))
        }
        let n = pairs.count
        if pairScratch.count < n { pairScratch = [UInt64](repeating: 0, count: n) }
        guard n > 1 else { return n }
        counts.withUnsafeMutableBufferPointer { counts in
            counts.update(repeating: 0)
            for v in pairs {
                counts[Int((v >> 32) & 0x7FF)] += 1
                counts[2048 + Int((v >> 43) & 0x7FF)] += 1
                counts[4096 + Int(v >> 54)] += 1
            }
            var inPairs = true
            for (d, (shift, mask)) in [(UInt64(32), UInt64(0x7FF)), (43, 0x7FF), (54, 0x3FF)].enumerated() {
                let base = d * 2048
                if counts[base + Int((pairs[0] >> shift) & mask)] == n { continue }
                var offset = 0
                for b in 0..<2048 {
                    let c = counts[base + b]
                    counts[base + b] = offset
                    offset += c
                }
                pairs.withUnsafeMutableBufferPointer { p in
                    pairScratch.withUnsafeMutableBufferPointer { s in
                        let (from, to) = inPairs ? (p, s) : (s, p)
                        for j in 0..<n {
                            let v = from[j]
                            let slot = base + Int((v >> shift) & mask)
                            to[counts[slot]] = v
                            counts[slot] += 1
                        }
                    }
                }
                inPairs.toggle()
            }
            if !inPairs { swap(&pairs, &pairScratch) }
        }
        pairs.withUnsafeMutableBufferPointer { p in
            Self.orderEqualKeys(p, count: n, key: { $0 >> 32 }, score: { scores[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)] })
        }
        return n
    }

    /// Puts each run of equal keys in ascending order of the exact scores: insertion sort for
    /// short runs, a comparison sort for long ones.
    private static func orderEqualKeys<Word: FixedWidthInteger>(
        _ w: UnsafeMutableBufferPointer<Word>, count n: Int, key: (Word) -> Word, score: (Word) -> Double
    ) {
        var a = 0
        while a < n {
            var b = a
            let k = key(w[a])
            while b + 1 < n && key(w[b + 1]) == k { b += 1 }
            if b - a >= 32 {
                var run = UnsafeMutableBufferPointer(rebasing: w[a...b])
                run.sort { score($0) < score($1) }
            } else if b > a {
                for j in (a + 1)...b {
                    let v = w[j]
                    let x = score(v)
                    var m = j - 1
                    while m >= a && score(w[m]) > x {
                        w[m + 1] = w[m]
                        m -= 1
                    }
                    w[m + 1] = v
                }
            }
            a = b + 1
        }
    }
}
