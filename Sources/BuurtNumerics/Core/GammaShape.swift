import Foundation

/// The shape k of a Gamma(k) draw with the constant of Marsaglia & Tsang's sampler computed
/// once: the drawn shape is k′ = k for k ≥ 1 and k′ = k + 1 for k < 1 (then boosted by
/// u^(1/k)), with d = k′ − ⅓ and c = 1/√(9d). Many draws of one shape (a cell redrawn in every
/// replication) then cost no square root or division each.
public struct GammaShape: Sendable, Equatable {
    /// k.
    public let shape: Double
    /// 1/√(9d).
    @usableFromInline let c: Double

    /// - Complexity: O(1).
    @inlinable
    public init(_ shape: Double) {
        self.shape = shape
        c = 1 / (9 * Self.d(shape)).squareRoot()
    }

    /// d = k′ − ⅓ of `shape` (see the type).
    @inlinable @inline(__always)
    static func d(_ shape: Double) -> Double {
        (shape < 1 ? shape + 1 : shape) - 1.0 / 3
    }
}

extension NormalZiggurat {
    /// Gamma(k, scale) with density x^(k−1) e^(−x/θ) / (Γ(k) θ^k); mean kθ, variance kθ².
    ///
    /// Marsaglia & Tsang (2000): with d and c of ``GammaShape``, accept d·v, v = (1 + c z)³,
    /// z from ``normal(using:)``, when ln u < z²/2 + d − d v + d ln v (squeeze u < 1 − 0.0331 z⁴
    /// first, which accepts nearly every draw without a logarithm). For k < 1 the draw of
    /// shape k + 1 is boosted: Gamma(k) = Gamma(k + 1)·u^(1/k), u a further uniform in (0, 1].
    /// - Complexity: O(1) expected; about two values of the generator per draw (acceptance
    ///   ≥ 95 %, rising towards 1 with k), three for k < 1.
    @inlinable @inline(__always)
    public func gamma<G: RandomNumberGenerator>(_ k: GammaShape, scale: Double = 1, using g: inout G) -> Double {
        let d = GammaShape.d(k.shape)
        var x: Double
        while true {
            let z = normal(using: &g)
            var v = 1 + k.c * z
            if v <= 0 { continue }
            v = v * v * v
            let u = g.uniform()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 || Foundation.log(u) < 0.5 * z2 + d * (1 - v + Foundation.log(v)) {
                x = d * v * scale
                break
            }
        }
        return k.shape < 1 ? x * Foundation.pow(g.uniformPositive(), 1 / k.shape) : x
    }

    /// Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) drawn in that order; mean a/(a + b).
    /// - Complexity: O(1) expected; about four values of the generator per draw.
    @inlinable @inline(__always)
    public func beta<G: RandomNumberGenerator>(_ a: GammaShape, _ b: GammaShape, using g: inout G) -> Double {
        let x = gamma(a, using: &g)
        let y = gamma(b, using: &g)
        return x / (x + y)
    }
}
