import Foundation

/// Random variates drawn from any generator (normally a ``RandomStream``).
///
/// Every method consumes a deterministic amount of the stream *given its outcomes* (rejection
/// samplers loop), so results are reproducible from the generator's state alone. Parameters are
/// the caller's responsibility: they come from code, not from user files.
extension RandomNumberGenerator {
    /// Uniform on [0, 1) with 53 random bits: k·2⁻⁵³ for k uniform in 0…2⁵³−1.
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform on (0, 1]: 1 − ``uniform()``, safe to take the logarithm of.
    @inlinable
    public mutating func uniformPositive() -> Double {
        1 - uniform()
    }

    /// Standard normal by Box–Muller: √(−2 ln u₁)·cos(2π u₂), u₁ ∈ (0, 1]. Exact up to
    /// floating point; the sine partner is discarded so every call uses exactly two uniforms.
    public mutating func standardNormal() -> Double {
        let r = (-2 * Foundation.log(uniformPositive())).squareRoot()
        return r * Foundation.cos(2 * Double.pi * uniform())
    }

    /// Normal with the given mean and standard deviation.
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * standardNormal()
    }

    /// Gamma(shape, scale) with density x^(k−1) e^(−x/θ) / (Γ(k) θ^k); mean kθ, variance kθ²,
    /// by Marsaglia & Tsang (``NormalZiggurat/gamma(_:scale:using:)``).
    /// - Complexity: O(1) expected; about two values of the generator per draw.
    @inlinable
    public mutating func gamma(shape: Double, scale: Double = 1) -> Double {
        NormalZiggurat.shared.gamma(GammaShape(shape), scale: scale, using: &self)
    }

    /// Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) drawn in that order; mean a/(a + b).
    @inlinable
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        NormalZiggurat.shared.beta(GammaShape(a), GammaShape(b), using: &self)
    }

    /// Poisson(mean) count.
    ///
    /// Mean < 10: inversion by sequential search from 0 (pmf recurrence p(k) = p(k−1)·λ/k;
    /// about λ + 1 steps). Mean ≥ 10: Hörmann's PTRS transformed rejection with squeeze (1993),
    /// exact, about 1.1 uniform pairs per variate. A mean ≤ 0 gives 0.
    public mutating func poisson(mean lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda < 10 { return poissonByInversion(lambda) }
        return poissonPTRS(lambda)
    }

    /// Binomial(n, p) count of successes, exact.
    ///
    /// With p' = min(p, 1 − p): n·p' < 10 uses inversion (sequential search, pmf recurrence
    /// f(k+1) = f(k)·(n − k)/(k + 1)·p'/(1 − p')); otherwise Hörmann's BTRS transformed rejection
    /// (1993) accepting on the exact log-pmf ratio via `lgamma`. For p > ½ the count of failures is
    /// drawn and n minus it returned.
    public mutating func binomial(count n: Int, probability p: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        let flipped = p > 0.5
        let q = flipped ? 1 - p : p
        let k = Double(n) * q < 10 ? binomialByInversion(n, q) : binomialBTRS(n, q)
        return flipped ? n - k : k
    }

    private mutating func poissonByInversion(_ lambda: Double) -> Int {
        var u = uniform()
        var k = 0
        var pk = Foundation.exp(-lambda)
        while u > pk {
            u -= pk
            k += 1
            pk *= lambda / Double(k)
            if pk == 0 { break }  // rounding left u above the total mass: stop in the far tail
        }
        return k
    }

    private mutating func poissonPTRS(_ lambda: Double) -> Int {
        let logLambda = Foundation.log(lambda)
        let b = 0.931 + 2.53 * lambda.squareRoot()
        let a = -0.059 + 0.02483 * b
        let logInvAlpha = Foundation.log(1.1239 + 1.1328 / (b - 3.4))
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = Foundation.log(v) + logInvAlpha - Foundation.log(a / (us * us) + b)
            if lhs <= -lambda + k * logLambda - Foundation.lgamma(k + 1) { return Int(k) }
        }
    }

    private mutating func binomialByInversion(_ n: Int, _ p: Double) -> Int {
        let odds = p / (1 - p)
        var u = uniform()
        var k = 0
        var fk = Foundation.exp(Double(n) * Foundation.log1p(-p))
        while u > fk && k < n {
            u -= fk
            fk *= Double(n - k) / Double(k + 1) * odds
            k += 1
        }
        return k
    }

    private mutating func binomialBTRS(_ n: Int, _ p: Double) -> Int {
        let nd = Double(n)
        let q = 1 - p
        let spq = (nd * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = nd * p + 0.5
        let vr = 0.92 - 4.2 / b
        let logAlpha = Foundation.log((2.83 + 5.1 / b) * spq)
        let logOdds = Foundation.log(p / q)
        let m = ((nd + 1) * p).rounded(.down)
        let logPmfMode = -Foundation.lgamma(m + 1) - Foundation.lgamma(nd - m + 1) + m * logOdds
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > nd { continue }
            if us >= 0.07 && v <= vr { return Int(k) }
            let lhs = Foundation.log(v) + logAlpha - Foundation.log(a / (us * us) + b)
            let logPmfRatio = -Foundation.lgamma(k + 1) - Foundation.lgamma(nd - k + 1) + k * logOdds - logPmfMode
            if lhs <= logPmfRatio { return Int(k) }
        }
    }
}
