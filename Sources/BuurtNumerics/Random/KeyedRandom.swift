/// Stable 64-bit hashing of the keys a random draw is tied to (unit codes, periods, indicator
/// codes), identical on every run and platform (unlike Swift's `Hasher`, which is seeded per
/// process).
///
/// Text is hashed with FNV-1a over its UTF-8 bytes, h ← (h ⊕ byte)·0x100000001b3 from
/// 0xcbf29ce484222325, then finished with ``mix(_:)``; two keys are combined as
/// mix(a·φ ⊕ b), φ = 0x9E3779B97F4A7C15 (odd, so the map is a bijection in b for each a and
/// the order of the keys matters).
public enum StableHash {
    /// The SplitMix64 finaliser: z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9, z ← (z ⊕ z≫27)·0x94D049BB133111EB,
    /// z ⊕ z≫31. A bijection of UInt64 whose output bits each depend on every input bit.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of a text's UTF-8 bytes.
    /// - Complexity: O(bytes).
    public static func text(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return mix(h)
    }

    /// The hash of an optional period (`nil`, data without periods, has its own value).
    public static func period(_ p: Int?) -> UInt64 {
        mix(p.map { UInt64(bitPattern: Int64($0)) } ?? 0x8000_0000_0000_0000)
    }

    /// The ordered combination of two hashes.
    @inlinable @inline(__always)
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix((a &* 0x9E37_79B9_7F4A_7C15) ^ b)
    }
}

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014):
/// state ← state + 0x9E3779B97F4A7C15, output ``StableHash/mix(_:)`` of the state.
///
/// A small, fast generator for a short stream whose starting state is itself a hash of what
/// the stream is for (see the sampling draws of the uncertainty engine): two streams only
/// share values when their starting states lie within a few steps of each other, which for
/// hashed 64-bit states has negligible probability.
///
/// - Complexity: O(1) per value, no allocation.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable
    public init(state: UInt64) {
        self.state = state
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.mix(state)
    }
}
