/// The Philox4x32-10 counter-based block function (Salmon, Moraes, Dror & Shaw, "Parallel random
/// numbers: as easy as 1, 2, 3", SC11; the Random123 library).
///
/// A pure function of a 128-bit counter and a 64-bit key: block *i* of a stream can be computed
/// without computing blocks 0…*i*−1, so Monte Carlo replications can be run in any order, on any
/// thread, and still get the same numbers. Each round multiplies two counter words by fixed odd
/// constants, swaps the high/low halves in a Feistel network and xors in the round key; the key is
/// bumped by the Weyl constants (golden ratio, √3 − 1) between rounds.
///
/// Output equals the Random123 `kat_vectors` for `philox4x32 10` bit for bit.
public struct Philox4x32: Sendable, Equatable {
    /// The two 32-bit key words.
    public var key: (UInt32, UInt32)

    /// Round multipliers and Weyl key increments (Random123 `PHILOX_M4x32_*`, `PHILOX_W32_*`).
    static let multiplier0: UInt64 = 0xD251_1F53
    static let multiplier1: UInt64 = 0xCD9E_8D57
    static let weyl0: UInt32 = 0x9E37_79B9
    static let weyl1: UInt32 = 0xBB67_AE85

    /// A generator keyed with two explicit 32-bit words (as in the Random123 test vectors).
    public init(key: (UInt32, UInt32)) {
        self.key = key
    }

    /// A generator keyed by a 64-bit seed: low word first.
    public init(seed: UInt64) {
        self.key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The 10-round block for an explicit 4-word counter.
    public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= Self.weyl0
                k.1 &+= Self.weyl1
            }
            let p0 = Self.multiplier0 &* UInt64(c.0)
            let p1 = Self.multiplier1 &* UInt64(c.2)
            c = (
                UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0,
                UInt32(truncatingIfNeeded: p1),
                UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1,
                UInt32(truncatingIfNeeded: p0)
            )
        }
        return c
    }

    /// The block at position `index` of stream `stream`: counter words are
    /// (index low, index high, stream low, stream high).
    public func block(stream: UInt64, index: UInt64) -> (UInt32, UInt32, UInt32, UInt32) {
        block((
            UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32),
            UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32)
        ))
    }

    public static func == (a: Philox4x32, b: Philox4x32) -> Bool {
        a.key == b.key
    }
}

/// A reproducible random number stream identified by `(seed, stream)` alone.
///
/// Stream *r* (for example Monte Carlo replication *r*, or synthetic unit *r*) produces the same
/// numbers whatever other streams exist, in whatever order or on whatever thread they run. Each
/// Philox block yields two `UInt64` values (words 0‖1, then 2‖3, low word first); the block index
/// counts up from `start`. A stream has 2⁶⁴ blocks, far beyond any use.
///
/// - Complexity: O(1) per value, no allocation.
public struct RandomStream: RandomNumberGenerator, Sendable {
    public let generator: Philox4x32
    public let stream: UInt64
    /// Index of the next block to compute.
    public private(set) var blockIndex: UInt64
    private var buffered: UInt64 = 0
    private var hasBuffered = false

    /// - Parameters:
    ///   - seed: the user's seed (the Philox key).
    ///   - stream: which independent stream (the high half of the Philox counter).
    ///   - start: first block index, to resume a stream part-way (default 0).
    public init(seed: UInt64, stream: UInt64, start: UInt64 = 0) {
        self.generator = Philox4x32(seed: seed)
        self.stream = stream
        self.blockIndex = start
    }

    public mutating func next() -> UInt64 {
        if hasBuffered {
            hasBuffered = false
            return buffered
        }
        let b = generator.block(stream: stream, index: blockIndex)
        blockIndex &+= 1
        buffered = UInt64(b.2) | UInt64(b.3) << 32
        hasBuffered = true
        return UInt64(b.0) | UInt64(b.1) << 32
    }
}
