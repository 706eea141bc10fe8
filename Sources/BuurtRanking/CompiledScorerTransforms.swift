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
    /// a time (``exponential(_:)``).
    static func invert(_ q: UnsafeMutablePointer<Double>, _ mean: Mean, available: UnsafePointer<Double>, count: Int) {
        guard mean == .geometric else {
            for i in 0..<count { q[i] = available[i] != 0 ? inverse(q[i], mean) : 0 }
            return
        }
        var i = 0
        while i + 1 < count {
            let value = exponential(SIMD2(q[i], q[i + 1]))
            q[i] = available[i] != 0 ? value[0] : 0
            q[i + 1] = available[i + 1] != 0 ? value[1] : 0
            i &+= 2
        }
        if i < count { q[i] = available[i] != 0 ? exponential(SIMD2(q[i], 0))[0] : 0 }
    }

    /// e^x lane by lane, within about 1 ulp of `exp`: x = k·ln 2 + r with |r| ≤ ln 2 / 2
    /// (ln 2 split in a high part exact under multiplication by k and a low part), e^r by its
    /// Taylor polynomial to degree 13 (remainder below 1e-17), times 2^k from the exponent bits.
    /// Lanes beyond ±708 (and NaN) take `exp` itself.
    /// - Complexity: O(1), branch-free in range.
    @inline(__always)
    static func exponential(_ x: SIMD2<Double>) -> SIMD2<Double> {
        guard abs(x[0]) <= 708, abs(x[1]) <= 708 else { return SIMD2(exp(x[0]), exp(x[1])) }
        let ln2High = 6.93147180369123816490e-01, ln2Low = 1.90821492927058770002e-10
        // k = x / ln 2 rounded to the nearest integer, ties to even, as `rint` rounds it: adding
        // and subtracting 1.5·2⁵² rounds any |y| < 2⁵¹ so (two instructions, no library call).
        let shifter = SIMD2<Double>(repeating: 6_755_399_441_055_744)
        let k = (x * 1.44269504088896338700 + shifter) - shifter
        let r = (x - k * ln2High) - k * ln2Low
        var p = SIMD2<Double>(repeating: 1.0 / 6_227_020_800)  // 1/13!
        p = p * r + 2.08767569878681e-09  // 1/12!
        p = p * r + 2.505210838544172e-08  // 1/11!
        p = p * r + 2.755731922398589e-07  // 1/10!
        p = p * r + 2.7557319223985893e-06  // 1/9!
        p = p * r + 2.48015873015873e-05  // 1/8!
        p = p * r + 0.0001984126984126984  // 1/7!
        p = p * r + 0.001388888888888889  // 1/6!
        p = p * r + 0.008333333333333333  // 1/5!
        p = p * r + 0.041666666666666664  // 1/4!
        p = p * r + 0.16666666666666666  // 1/3!
        p = p * r + 0.5  // 1/2!
        p = p * r + 1.0  // 1/1!
        p = p * r + 1.0  // 1/0!
        let bits = (SIMD2(Int64(k[0]), Int64(k[1])) &+ 1023) &<< 52
        return p * unsafeBitCast(bits, to: SIMD2<Double>.self)
    }
}
