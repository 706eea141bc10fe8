/// A score kept per row and replication: `Double`, or `Float` when R × rows doubles would not fit
/// the memory budget (bands are then reported to single precision, relative error ≤ 6·10⁻⁸).
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
final class ReplicationStore<Rank: StoredRank, Score: StoredScore>: Sendable {
    let positions: Range<Int>
    let replications: Int
    let dimensions: Int
    /// rank[(p − lower)·R + r]; 0 = no rank.
    let ranks: SharedBuffer<Rank>?
    /// score[(p − lower)·R + r].
    let scores: SharedBuffer<Score>?
    /// dimension score[((p − lower)·dims + d)·R + r].
    let themes: SharedBuffer<Score>?

    /// - Parameter reusing: a store whose buffers are reused when large enough (every sample of
    ///   the new range is overwritten by the pass that fills it), saving the allocation and the
    ///   first-touch page faults of hundreds of megabytes per period.
    init(positions: Range<Int>, replications: Int, index: Bool, dimensions: Int, reusing old: ReplicationStore? = nil) {
        self.positions = positions
        self.replications = replications
        self.dimensions = dimensions
        let n = positions.count * replications
        func buffer<T>(_ existing: SharedBuffer<T>?, _ count: Int, _ value: T) -> SharedBuffer<T> {
            if let existing, existing.count >= count { return existing }
            return SharedBuffer(count: count, repeating: value)
        }
        ranks = index ? buffer(old?.ranks, n, 0) : nil
        scores = index ? buffer(old?.scores, n, .nan) : nil
        themes = dimensions > 0 ? buffer(old?.themes, n * dimensions, .nan) : nil
    }

    /// Bytes per row and replication for a store of these types.
    static func bytesPerSample(index: Bool, dimensions: Int) -> Int {
        (index ? MemoryLayout<Rank>.size + MemoryLayout<Score>.size : 0) + dimensions * MemoryLayout<Score>.size
    }

    /// Copies a block's index samples (draws r0 ..< r0 + count; block-local ranks
    /// `blockRanks[j·T + i]` and scores `root[j·T + i]`, T the store's rows) into the per-row
    /// vectors.
    /// - Complexity: O(T · count), written row by row so each row's run is contiguous.
    func store(firstDraw r0: Int, count: Int, blockRanks: UnsafeBufferPointer<Rank>, root: UnsafePointer<Double>) {
        let t = positions.count
        let rr = replications
        guard let ranks, let scores else { return }
        // Blocks of 8 rows: each draw's 8 consecutive values (one cache line of scores) go to
        // 8 runs, which stay in cache while the draws advance.
        var i0 = 0
        while i0 < t {
            let i1 = Swift.min(t, i0 + 8)
            for j in 0..<count {
                let rankColumn = blockRanks.baseAddress! + j * t, scoreColumn = root + j * t
                for i in i0..<i1 {
                    ranks.pointer[i * rr + r0 + j] = rankColumn[i]
                    scores.pointer[i * rr + r0 + j] = Score(scoreColumn[i])
                }
            }
            i0 = i1
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

    func rankRun(_ i: Int) -> UnsafeBufferPointer<Rank> {
        UnsafeBufferPointer(start: ranks!.pointer + i * replications, count: replications)
    }

    func scoreRun(_ i: Int) -> UnsafeBufferPointer<Score> {
        UnsafeBufferPointer(start: scores!.pointer + i * replications, count: replications)
    }

    func themeRun(_ i: Int, _ d: Int) -> UnsafeBufferPointer<Score> {
        UnsafeBufferPointer(start: themes!.pointer + (i * dimensions + d) * replications, count: replications)
    }
}
