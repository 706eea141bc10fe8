import BuurtIndex
import BuurtNumerics

/// Running sums of some score codes over positions, per draw of a block: code `codes[c]` under
/// block draw j adds to `sums[c · stride + j]` and counts its available positions in
/// `counts[c · stride + j]`.
struct ScoreSums {
    var codes: [Int]
    var sums: UnsafeMutablePointer<Double>
    var counts: UnsafeMutablePointer<Int>
    var stride: Int
}

/// The element-wise kernels of ``CompiledScorer``: branch-free loops the compiler vectorises
/// (2-wide in a portable build), each doing exactly the operations of the scalar definition.
extension CompiledScorer {
    /// column[i] ← column[i] · (1 / den[i]) where available[i] ≠ 0, else 0: the quotient as a
    /// product with the reciprocal, as ``scale(_:by:available:count:)`` takes it, so a position
    /// gets the same bits whichever of the two its block of positions uses. Every product is
    /// taken (a discarded one may be NaN), so the loop has no branch and vectorises.
    @inline(__always)
    static func scale(_ column: UnsafeMutablePointer<Double>, byReciprocalsOf den: UnsafePointer<Double>, available: UnsafePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            let q = column[i] * (1 / den[i])
            column[i] = available[i] != 0 ? q : 0
            i &+= 1
        }
    }

    /// column[i] ← column[i] · reciprocal where available[i] ≠ 0, else 0: the quotient by a
    /// denominator shared by the column as a product with its reciprocal (within 1 ulp of the
    /// quotient; a vector division costs several times a multiplication).
    @inline(__always)
    static func scale(_ column: UnsafeMutablePointer<Double>, by reciprocal: Double, available: UnsafePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            let q = column[i] * reciprocal
            column[i] = available[i] != 0 ? q : 0
            i &+= 1
        }
    }

    /// out[i] ← scores[i] where available[i] ≠ 0, else NaN.
    @inline(__always)
    static func select(_ scores: UnsafePointer<Double>, available: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            out[i] = available[i] != 0 ? scores[i] : .nan
            i &+= 1
        }
    }

    /// target[i] += weight · from[i].
    @inline(__always)
    static func addScaled(_ from: UnsafePointer<Double>, _ weight: Double, into target: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            target[i] += weight * from[i]
            i &+= 1
        }
    }

    /// target[i] += weight · from[i]².
    @inline(__always)
    static func addScaledSquares(_ from: UnsafePointer<Double>, _ weight: Double, into target: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            target[i] += weight * (from[i] * from[i])
            i &+= 1
        }
    }

    /// Mazziotta–Pareto from q1 = Σw z′/Σw and q2 = Σw z′²/Σw (z′ = z − 100): with
    /// M_z = 100 + q1 and S_z² = q2 − q1² (≥ 0), q1[i] ← M_z − S_z²/M_z where available, else 0.
    @inline(__always)
    static func mazziottaPareto(_ q1: UnsafeMutablePointer<Double>, squares q2: UnsafePointer<Double>, available: UnsafePointer<Double>, count: Int) {
        var i = 0
        while i < count {
            let m = 100 + q1[i]
            let variance = Swift.max(0, q2[i] - q1[i] * q1[i])
            let score = m - variance / m
            q1[i] = available[i] != 0 ? score : 0
            i &+= 1
        }
    }

    /// Adds each summed code's available scores at `range` to the running sums of the member
    /// draws, in position order (four draws at a time in SIMD pairs; a missing score is held as
    /// +0, and adding +0 to a sum that starts at +0 changes no bit), and the number of available
    /// positions to their counts. Member k's scores are buffer column `columns[k]` (column j
    /// starts at j · stride, position `range.lowerBound` at `origin`).
    func accumulate(
        _ alt: Alternative, draws members: [Int], columns: [Int], positions range: Range<Int>, origin: Int, stride: Int,
        into sums: ScoreSums, workspace w: Workspace
    ) {
        let t = range.count, a = range.lowerBound
        for (c, code) in sums.codes.enumerated() {
            let slot = outputSlots[code]
            var available = 0
            alt.available[slot].withUnsafeBufferPointer { flags in
                for i in 0..<t { available &+= flags[a + i] != 0 ? 1 : 0 }
            }
            let total = sums.sums + c * sums.stride, counts = sums.counts + c * sums.stride
            for m in members { counts[m] += available }
            func add(_ scores: UnsafePointer<Double>, drawStride: Int) {
                var k = 0
                while k < members.count {
                    let lanes = Swift.min(4, members.count - k)
                    let k1 = k + Swift.min(1, lanes - 1), k2 = k + Swift.min(2, lanes - 1), k3 = k + Swift.min(3, lanes - 1)
                    let c0 = scores + columns[k] * drawStride, c1 = scores + columns[k1] * drawStride
                    let c2 = scores + columns[k2] * drawStride, c3 = scores + columns[k3] * drawStride
                    let m0 = members[k], m1 = members[k1], m2 = members[k2], m3 = members[k3]
                    var s01 = SIMD2(total[m0], total[m1]), s23 = SIMD2(total[m2], total[m3])
                    for i in 0..<t {
                        s01 += SIMD2(c0[i], c1[i])
                        s23 += SIMD2(c2[i], c3[i])
                    }
                    total[m0] = s01[0]
                    if lanes > 1 { total[m1] = s01[1] }
                    if lanes > 2 { total[m2] = s23[0] }
                    if lanes > 3 { total[m3] = s23[1] }
                    k += lanes
                }
            }
            if let buffer = bufferOfSlot[slot] {
                // Variable scores: 0 where the aggregate is missing (see `divide`).
                w.buffers[buffer].withUnsafeBufferPointer { add($0.baseAddress! + origin, drawStride: stride) }
            } else {
                // Fixed scores, the same for every draw: missing ↦ 0.
                alt.values[slot].withUnsafeBufferPointer { add($0.baseAddress! + a, drawStride: 0) }
            }
        }
    }
}
