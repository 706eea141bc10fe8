import Foundation

/// The transforms of the quasi-arithmetic means of ``CompiledScorer``: f and f⁻¹ per value, and
/// f⁻¹ over a column with a vectorised exponential.
extension CompiledScorer {
    /// f(x): x, ln x, 1/x or x^p.
    @inline(__always)
    static func forward(_ x: Double, _ mean: Mean) -> Double {
        switch mean {
        case .arithmetic, .mazziottaPareto: return x
        case .geometric: return log(x)
        case .harmonic: return 1 / x
        case .power(let p): return pow(x, p)
        }
    }

    /// f⁻¹(q): q, exp q, 1/q, or the real p-th root (negative for a negative q).
    @inline(__always)
    static func inverse(_ q: Double, _ mean: Mean) -> Double {
        switch mean {
        case .arithmetic, .mazziottaPareto: return q
        case .geometric: return exp(q)
        case .harmonic: return 1 / q
        case .power(let p): return q < 0 ? -pow(-q, 1 / p) : pow(q, 1 / p)
        }
    }

    /// q[i] ← f⁻¹(q[i]) where available, else 0; the geometric mean's exponential two values at
    /// a time (``exponential(_:table:)``).
    static func invert(_ q: UnsafeMutablePointer<Double>, _ mean: Mean, available: UnsafePointer<Double>, count: Int) {
        guard mean == .geometric else {
            for i in 0..<count { q[i] = available[i] != 0 ? inverse(q[i], mean) : 0 }
            return
        }
        let table = exponentialTable
        var i = 0
        while i + 1 < count {
            let value = exponential(SIMD2(q[i], q[i + 1]), table: table)
            q[i] = available[i] != 0 ? value[0] : 0
            q[i + 1] = available[i + 1] != 0 ? value[1] : 0
            i &+= 2
        }
        if i < count { q[i] = available[i] != 0 ? exponential(SIMD2(q[i], 0), table: table)[0] : 0 }
    }

    /// e^x lane by lane (``exponential(_:table:)`` with the shared table).
    static func exponential(_ x: SIMD2<Double>) -> SIMD2<Double> {
        exponential(x, table: exponentialTable)
    }

    /// 2^(j/64), j = 0…63, each the double nearest the exact value (computed to 60 digits).
    /// Written once when first used and only read afterwards, so sharing it is safe.
    nonisolated(unsafe) static let exponentialTable: UnsafePointer<Double> = {
        let values: [Double] = [
        0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0, 0x1.0874518759bc8p+0,
        0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0, 0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0,
        0x1.172b83c7d517bp+0, 0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
        0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0, 0x1.2d285a6e4030bp+0,
        0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0, 0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0,
        0x1.3dea64c123422p+0, 0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
        0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0, 0x1.56f4736b527dap+0,
        0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0, 0x1.6247eb03a5585p+0, 0x1.6623882552225p+0,
        0x1.6a09e667f3bcdp+0, 0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
        0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0, 0x1.868d99b4492edp+0,
        0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0, 0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0,
        0x1.9c49182a3f090p+0, 0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
        0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0, 0x1.bcc1e904bc1d2p+0,
        0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0, 0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0,
        0x1.d5818dcfba487p+0, 0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
        0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0, 0x1.fa7c1819e90d8p+0
        ]
        let table = UnsafeMutablePointer<Double>.allocate(capacity: values.count)
        table.initialize(from: values, count: values.count)
        return UnsafePointer(table)
    }()

    /// e^x lane by lane, within about 1 ulp of `exp` (Tang's method): x = (64m + j)·ln 2/64 + r
    /// with |r| ≤ ln 2/128 (k = 64m + j rounded to nearest-even by adding 1.5 · 2^52, whose unit
    /// in the last place is 1, so k sits in the low bits of the sum and no float-to-integer
    /// conversion is made; ln 2/64 split in a high part exact under multiplication by k and a
    /// low part), e^x = 2^m · (T_j + T_j·(e^r − 1)) with T_j = 2^(j/64) from `table` and e^r − 1
    /// by its Taylor polynomial to degree 6 (remainder below 3·10⁻²⁰). Lanes beyond ±708 (and
    /// NaN) take `exp` itself.
    /// - Complexity: O(1), branch-free in range: 7 multiply-adds, two table loads.
    @inline(__always)
    static func exponential(_ x: SIMD2<Double>, table: UnsafePointer<Double>) -> SIMD2<Double> {
        guard abs(x[0]) <= 708, abs(x[1]) <= 708 else { return SIMD2(exp(x[0]), exp(x[1])) }
        let ln2High = 1.08304246962234173e-02, ln2Low = 2.57280462232766939e-14  // ln 2/64
        let shifter = SIMD2<Double>(repeating: 6_755_399_441_055_744)  // 1.5 · 2^52
        let shifted = x * 92.332482616893656 + shifter  // 64/ln 2
        let k = shifted - shifter
        let r = (x - k * ln2High) - k * ln2Low
        var p = SIMD2<Double>(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r
        let n = unsafeBitCast(shifted, to: SIMD2<Int64>.self) &- unsafeBitCast(shifter, to: SIMD2<Int64>.self)
        let j = n & 63, m = n &>> 6
        let t = SIMD2(table[Int(truncatingIfNeeded: j[0])], table[Int(truncatingIfNeeded: j[1])])
        let scale = unsafeBitCast((m &+ 1023) &<< 52, to: SIMD2<Double>.self)
        return (t + t * p) * scale
    }
}
