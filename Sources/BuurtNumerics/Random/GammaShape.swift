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

    /// Marsaglia & Tsang's d and c of this shape, as ``NormalZiggurat/gamma(_:scale:using:)``
    /// uses them (for a vectorised sampler that must take the same steps).
    public var constants: (d: Double, c: Double) { (Self.d(shape), c) }

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
    /// z from ``normal(using:)``, when ln u < z²/2 + d − d v + d ln v: the squeeze
    /// u < 1 − 0.0331 z⁴ accepts about 92 % of draws without a logarithm, the second squeeze
    /// (``decidedWithoutLogarithms(u:z2:d:t:)``) decides most of the rest. For k < 1 the draw of
    /// shape k + 1 is boosted: Gamma(k) = Gamma(k + 1)·u^(1/k), u a further uniform in (0, 1].
    /// - Complexity: O(1) expected; about two values of the generator per draw (acceptance
    ///   ≥ 95 %, rising towards 1 with k), three for k < 1.
    @inlinable @inline(__always)
    public func gamma<G: RandomNumberGenerator>(_ k: GammaShape, scale: Double = 1, using g: inout G) -> Double {
        let d = GammaShape.d(k.shape)
        var x: Double
        while true {
            let z = normal(using: &g)
            let t = k.c * z
            var v = 1 + t
            if v <= 0 { continue }
            v = v * v * v
            let u = g.uniform()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2
                || Self.decidedWithoutLogarithms(u: u, z2: z2, d: d, t: t)
                    ?? (Foundation.log(u) < 0.5 * z2 + d * (1 - v + Foundation.log(v))) {
                x = d * v * scale
                break
            }
        }
        return k.shape < 1 ? x * Foundation.pow(g.uniformPositive(), 1 / k.shape) : x
    }

    /// A second squeeze, decided as the logarithms would decide it (`nil`: undecided). With
    /// w = u − 1 ≤ 0 and t = c·z (v = (1 + t)³, 9dc² = 1), for |t| < ½:
    ///
    ///     ln u ∈ [w − w²/2 + w³/3 − ¼|w|⁴/(1 − |w|), w − w²/2]
    ///     z²/2 + d(1 − v + ln v) = z²/2 − 4.5dt² + d(−¾t⁴ + ⅗t⁵ + R),  |R| ≤ ½|t|⁶/(1 − |t|)
    ///
    /// (the series of ln(1 + w) and of 3 ln(1 + t) − 3t − 3t² − t³). It accepts (rejects) only
    /// when the bounds of the two sides are apart by more than 10⁻⁹·(1 + z²) + 10⁻¹³·d, far
    /// above the rounding of either side, so the accepted draws, and hence the stream, are
    /// exactly those of the test with logarithms. It runs on the draws the first squeeze leaves
    /// (about 8 %) and decides most of them from shape 3 on.
    @inlinable @inline(__always)
    static func decidedWithoutLogarithms(u: Double, z2: Double, d: Double, t: Double) -> Bool? {
        let a = Swift.abs(t)
        guard a < 0.5 else { return nil }
        let w = u - 1, t2 = t * t, t4 = t2 * t2
        let centre = (0.5 * z2 - 4.5 * d * t2) + d * t4 * (-0.75 + 0.6 * t), spread = 0.5 * d * t4 * t2 / (1 - a)
        let margin = 1e-9 * (1 + z2) + 1e-13 * d, logUpper = w - 0.5 * w * w
        if logUpper < centre - spread - margin { return true }
        let w2 = w * w
        if logUpper + w2 * w / 3 - 0.25 * w2 * w2 / (1 + w) > centre + spread + margin { return false }
        return nil
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
