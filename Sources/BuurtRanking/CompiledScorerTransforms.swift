import CVectorMath
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

    /// q[i] ← f⁻¹(q[i]) where available, else 0; the geometric mean's exponential by the
    /// vectorised kernel `buurt_exp_masked` (Tang's table method, within about 1 ulp of `exp`,
    /// 8 or 4 lanes at a time where the processor has AVX-512 or AVX2, the same bits any way).
    static func invert(_ q: UnsafeMutablePointer<Double>, _ mean: Mean, available: UnsafePointer<Double>, count: Int) {
        guard mean == .geometric else {
            for i in 0..<count { q[i] = available[i] != 0 ? inverse(q[i], mean) : 0 }
            return
        }
        buurt_exp_masked(q, available, count)
    }
}
