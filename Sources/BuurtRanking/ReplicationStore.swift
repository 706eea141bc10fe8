/// A score kept per row and replication: `Double`, or `Float` when R × rows doubles would not fit
/// the memory budget or exceed 1 GiB (``SummaryPlan/doubleLimit``; bands are then reported to
/// single precision, relative error ≤ 6·10⁻⁸).
protocol StoredScore: BinaryFloatingPoint, Sendable {
    /// A statistic of stored values as reported: as it is for `Double`; for `Float` the
    /// shortest decimal of its single-precision value (so files show 41.23457, not 41.2345695495605).
    static func reported(_ x: Double) -> Double
}

extension Double: StoredScore {
    static func reported(_ x: Double) -> Double { x }
}

extension Float: StoredScore {
    static func reported(_ x: Double) -> Double {
        x.isFinite ? Double(Float(x).description) ?? x : x
    }
}

/// A rank kept per row and replication: `UInt16` while periods have at most 65,535 rows.
typealias StoredRank = FixedWidthInteger & UnsignedInteger & Sendable

/// Per-row Monte Carlo samples of a range of layout positions, one contiguous vector of R
/// replications per row (and per dimension), filled block by block by parallel workers that
/// own disjoint replication columns.
///
/// The index samples (ranks and scores) are kept in blocks of B replications, the blocks of the
/// index pass: row i's replications b·B ..< (b + 1)·B lie together at ((b·T + i)·B), so a block
/// is written as one contiguous region (not one short piece in each of T rows far apart), and a
/// row's R samples are gathered from R/B pieces when it is summarised.
final class ReplicationStore<Rank: StoredRank, Score: StoredScore>: Sendable {
    let positions: Range<Int>
    let replications: Int
    let dimensions: Int
    /// Replications per block of the index samples.
    let blockSize: Int
    /// rank[((r / B)·T + p − lower)·B + r mod B]; 0 = no rank.
    let ranks: SharedBuffer<Rank>?
    /// score[((r / B)·T + p − lower)·B + r mod B].
    let scores: SharedBuffer<Score>?
    /// dimension score[((p − lower)·dims + d)·R + r].
    let themes: SharedBuffer<Score>?

    /// - Parameters:
    ///   - reusing: a store whose buffers are reused when large enough (every sample of the new
    ///     range is overwritten by the pass that fills it), saving the allocation and the
    ///     first-touch page faults of hundreds of megabytes per period.
    ///   - threads: workers that fill new buffers (``SharedBuffer/init(count:repeating:threads:)``).
    init(
        positions: Range<Int>, replications: Int, index: Bool, dimensions: Int, blockSize: Int = 1,
        reusing old: ReplicationStore? = nil, threads: Int = 1
    ) {
        self.positions = positions
        self.replications = replications
        self.dimensions = dimensions
        self.blockSize = Swift.max(1, blockSize)
        let n = positions.count * replications
        let blocked = positions.count * ((replications + self.blockSize - 1) / self.blockSize) * self.blockSize
        func buffer<T>(_ existing: SharedBuffer<T>?, _ count: Int, _ value: T) -> SharedBuffer<T> {
            if let existing, existing.count >= count { return existing }
            return SharedBuffer(count: count, repeating: value, threads: threads)
        }
        ranks = index ? buffer(old?.ranks, blocked, 0) : nil
        scores = index ? buffer(old?.scores, blocked, .nan) : nil
        themes = dimensions > 0 ? buffer(old?.themes, n * dimensions, .nan) : nil
    }

    /// Bytes per row and replication for a store of these types.
    static func bytesPerSample(index: Bool, dimensions: Int) -> Int {
        (index ? MemoryLayout<Rank>.size + MemoryLayout<Score>.size : 0) + dimensions * MemoryLayout<Score>.size
    }

    /// Copies a block's index samples (draws r0 ..< r0 + count, r0 a multiple of the block size;
    /// block-local ranks `blockRanks[j·T + i]` and scores `root[j·T + i]`, T the store's rows)
    /// into the block's region.
    /// - Complexity: O(T · count), written sequentially, 8 rows at a time (one cache line of
    ///   each score column read per draw).
    func store(firstDraw r0: Int, count: Int, blockRanks: UnsafeBufferPointer<Rank>, root: UnsafePointer<Double>) {
        let t = positions.count, size = blockSize
        guard let ranks, let scores else { return }
        precondition(r0 % size == 0 && count <= size, "a store block is one block of the index pass")
        let rankBlock = ranks.pointer + (r0 / size) * t * size, scoreBlock = scores.pointer + (r0 / size) * t * size
        // Ranks and scores as two separate sweeps (two write streams instead of four), with
        // unchecked index arithmetic: every index is below t · size by construction.
        let rankSource = blockRanks.baseAddress!
        var i0 = 0
        while i0 < t {
            let i1 = Swift.min(t, i0 &+ 8)
            for j in 0..<count {
                let column = rankSource + j &* t
                var i = i0
                while i < i1 { rankBlock[i &* size &+ j] = column[i]; i &+= 1 }
            }
            i0 = i1
        }
        i0 = 0
        while i0 < t {
            let i1 = Swift.min(t, i0 &+ 8)
            for j in 0..<count {
                let column = root + j &* t
                var i = i0
                while i < i1 { scoreBlock[i &* size &+ j] = Score(column[i]); i &+= 1 }
            }
            i0 = i1
        }
    }

    /// Gathers row i's R ranks and R scores (replication order) into `ranks` and `scores`
    /// (scores only when `ranks` is nil).
    func gather(_ i: Int, ranks rankOut: UnsafeMutablePointer<Rank>?, scores scoreOut: UnsafeMutablePointer<Score>) {
        let t = positions.count, size = blockSize
        guard let ranks, let scores else { return }
        var r0 = 0
        while r0 < replications {
            let count = Swift.min(size, replications - r0)
            let offset = ((r0 / size) * t + i) * size
            rankOut.map { ($0 + r0).update(from: ranks.pointer + offset, count: count) }
            (scoreOut + r0).update(from: scores.pointer + offset, count: count)
            r0 += count
        }
    }

    /// Copies a block's dimension scores (draws r0 ..< r0 + count, code `themeSlots[d]` of
    /// `output` for dimension d, whose rows are the store's rows from the first) into the
    /// per-row vectors.
    /// - Complexity: O(rows · count · dims).
    func store(themesOf r0: Int, count: Int, output: ScoreOutput, themeSlots: [Int]) {
        let rr = replications
        guard let themes else { return }
        for (d, slot) in themeSlots.enumerated() {
            let column = output.column(code: slot, draw: 0)
            let t = output.rowCount
            for i in 0..<t {
                let run = themes.pointer + (i * dimensions + d) * rr + r0
                for j in 0..<count { run[j] = Score(column[j * t + i]) }
            }
        }
    }

    func themeRun(_ i: Int, _ d: Int) -> UnsafeBufferPointer<Score> {
        UnsafeBufferPointer(start: themes!.pointer + (i * dimensions + d) * replications, count: replications)
    }
}
