import BuurtIndex
import BuurtNumerics

/// The N(d + 2) Monte Carlo design for variance-based sensitivity indices (Saltelli et al. 2010,
/// "Variance based sensitivity analysis of model output", Comput. Phys. Commun. 181, 259–270).
///
/// Two independent base samples A and B (N × d, every entry U(0, 1)) give the design points
///
/// - block 0: the N rows of A,
/// - block 1: the N rows of B,
/// - block 1 + i (i = 1…d): the rows of A_B^(i), which is A with column i taken from B,
///
/// in that order — the order of COINr's `SA_sample`. Each coordinate u ∈ [0, 1) of a point is one
/// uncertain input; the caller maps it to a value (for a list of K alternatives: index
/// min(⌊u·K⌋, K − 1)).
///
/// Row k of A and B comes from `RandomStream(seed: seed, stream: designStreamBase + k)` alone:
/// its first d uniforms are A's row k, the next d are B's row k. The design is therefore a pure
/// function of (inputs, samples, seed), and any row can be recomputed on its own. The stream
/// numbers start at 2⁶³, far above the streams 0…R−1 of the uncertainty replications, so the
/// two analyses never share random numbers.
package struct SensitivityDesign: Sendable, Equatable {
    /// First random stream of the design (2⁶³); row k uses stream `designStreamBase + k`.
    package static let designStreamBase: UInt64 = 1 << 63

    /// d, the number of uncertain inputs.
    package let inputs: Int
    /// N, the number of rows of each base sample.
    package let samples: Int
    package let seed: UInt64
    /// A and B, row-major N × d.
    private let a: [Double]
    private let b: [Double]

    /// Draws A and B.
    /// - Complexity: O(N·d) time and memory.
    package init(inputs: Int, samples: Int, seed: UInt64) {
        let d = Swift.max(inputs, 0)
        let n = Swift.max(samples, 0)
        self.inputs = d
        self.samples = n
        self.seed = seed
        var a = [Double](repeating: 0, count: n * d)
        var b = [Double](repeating: 0, count: n * d)
        for k in 0..<n {
            var rng = RandomStream(seed: seed, stream: Self.designStreamBase &+ UInt64(k))
            for i in 0..<d { a[k * d + i] = rng.uniform() }
            for i in 0..<d { b[k * d + i] = rng.uniform() }
        }
        self.a = a
        self.b = b
    }

    /// The number of blocks, d + 2.
    package var blockCount: Int { inputs + 2 }

    /// The number of design points, N(d + 2).
    package var pointCount: Int { samples * blockCount }

    /// Row k of A.
    package func rowA(_ k: Int) -> [Double] { Array(a[k * inputs..<(k + 1) * inputs]) }

    /// Row k of B.
    package func rowB(_ k: Int) -> [Double] { Array(b[k * inputs..<(k + 1) * inputs]) }

    /// Row k of block `block` (0 = A, 1 = B, 1 + i = A_B^(i) for input i = 1…d).
    package func point(block: Int, row k: Int) -> [Double] {
        if block == 1 { return rowB(k) }
        var x = rowA(k)
        if block >= 2 { x[block - 2] = b[k * inputs + block - 2] }
        return x
    }

    /// Design point j (0 ≤ j < N(d + 2)) in the order of the blocks.
    package func point(_ j: Int) -> [Double] {
        point(block: j / samples, row: j % samples)
    }

    /// The N points of one block.
    package func block(_ block: Int) -> [[Double]] {
        (0..<samples).map { point(block: block, row: $0) }
    }

    /// All N(d + 2) points in order.
    package var points: [[Double]] {
        (0..<blockCount).flatMap { block($0) }
    }
}
