@testable import BuurtNumerics
import Foundation
import Testing

/// The ziggurat normal and the gamma and beta samplers built on it, against exact CDFs with the
/// Kolmogorov–Smirnov statistic: with fixed seeds, √N·D must stay below 1.95 (the 0.1 % point
/// of the Kolmogorov distribution).
@Suite struct ZigguratGammaTests {
    static let n = 100_000

    /// √N · sup |F_N(x) − F(x)| of the sample against `cdf`.
    static func ksStatistic(_ x: [Double], cdf: (Double) -> Double) -> Double {
        let s = x.sorted()
        let n = Double(s.count)
        var d = 0.0
        for (i, v) in s.enumerated() {
            let f = cdf(v)
            d = Swift.max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d * n.squareRoot()
    }

    /// The Beta(a, b) CDF by Simpson's rule on the log-density over 20,000 intervals (a, b ≥ 1,
    /// so the density is smooth), as a lookup with linear interpolation.
    static func betaCDF(_ a: Double, _ b: Double) -> (Double) -> Double {
        let steps = 20_000
        let logNorm = lgamma(a + b) - lgamma(a) - lgamma(b)
        func density(_ x: Double) -> Double {
            x <= 0 || x >= 1 ? 0 : exp(logNorm + (a - 1) * log(x) + (b - 1) * log1p(-x))
        }
        let h = 1.0 / Double(steps)
        var cdf = [0.0]
        for k in 0..<steps {
            let x0 = Double(k) * h
            cdf.append(cdf[k] + h / 6 * (density(x0) + 4 * density(x0 + h / 2) + density(x0 + h)))
        }
        return { x in
            guard x > 0 else { return 0 }
            guard x < 1 else { return 1 }
            let t = x / h, k = Int(t)
            return cdf[k] + (t - Double(k)) * (cdf[k + 1] - cdf[k])
        }
    }

    /// The layers meet the mode: the last layer's top, f(x₂₅₅) + v/x₂₅₅, is f(0) = 1, which is
    /// what r and v are chosen for (a wrong constant leaves a gap or an overlap there).
    @Test func zigguratLayersCloseAtTheMode() {
        let z = NormalZiggurat.shared
        let top = z.height[255] + NormalZiggurat.v / z.edge[255]
        #expect(abs(top - 1) < 1e-9, "top of the last layer: \(top)")
        // The base strip beyond r, (x₀ − r)·f(r), has the tail's area ∫_r^∞ f = √(2π)·erfc(r/√2)/2.
        let tail = (2 * Double.pi).squareRoot() * 0.5 * erfc(NormalZiggurat.r / 2.0.squareRoot())
        #expect(abs((z.edge[0] - NormalZiggurat.r) * z.height[1] - tail) < 1e-12)
        for i in 1..<256 { #expect(z.edge[i + 1] < z.edge[i]) }
    }

    @Test func zigguratNormalFollowsTheNormalCDF() {
        var g = SplitMix64(state: 5)
        let x = (0..<Self.n).map { _ in g.zigguratNormal() }
        let d = Self.ksStatistic(x) { 0.5 * erfc(-$0 / 2.0.squareRoot()) }
        #expect(d < 1.95, "√N·D = \(d)")
    }

    /// The tail beyond r (drawn by Marsaglia's method): P(|Z| > r) = erfc(r/√2) ≈ 2.58e-4, and
    /// beyond 4: erfc(4/√2) ≈ 6.33e-5. Counts of 4 million draws within 5 Poisson sds.
    @Test func zigguratNormalTailHasTheNormalMass() {
        var g = RandomStream(seed: 3, stream: 1)
        let count = 4_000_000
        var beyondR = 0, beyond4 = 0
        for _ in 0..<count {
            let z = abs(g.zigguratNormal())
            if z > NormalZiggurat.r { beyondR += 1 }
            if z > 4 { beyond4 += 1 }
        }
        for (observed, limit) in [(beyondR, NormalZiggurat.r), (beyond4, 4.0)] {
            let expected = Double(count) * erfc(limit / 2.0.squareRoot())
            #expect(abs(Double(observed) - expected) < 5 * expected.squareRoot(), "beyond \(limit): \(observed), expected \(expected)")
        }
    }

    /// Shapes of the sampling draws (c + ½ for counts 0…500) against the regularised lower
    /// incomplete gamma function.
    @Test(arguments: [0.5, 1.5, 20.5, 500.5])
    func gammaFollowsTheGammaCDF(shape k: Double) {
        var g = SplitMix64(state: UInt64(k * 10))
        let x = (0..<Self.n).map { _ in g.gamma(shape: k) }
        let d = Self.ksStatistic(x) { IncompleteGamma.regularizedLower(k, $0) }
        #expect(d < 1.95, "Gamma(\(k)): √N·D = \(d)")
    }

    /// Beta(x + ½, n − x + ½) of survey shares: 6 of 20, 300 of 1,000, 25 of 50.
    @Test(arguments: [(6.5, 14.5), (300.5, 700.5), (25.5, 25.5)])
    func betaFollowsTheBetaCDF(a: Double, b: Double) {
        var g = RandomStream(seed: 17, stream: UInt64(a))
        let x = (0..<Self.n).map { _ in g.beta(a, b) }
        let d = Self.ksStatistic(x, cdf: Self.betaCDF(a, b))
        #expect(d < 1.95, "Beta(\(a), \(b)): √N·D = \(d)")
    }

    /// Beta(½, b), a survey share with no successes: its first shape is drawn boosted
    /// (Gamma(½) = Gamma(1½)·u²). With x = s², F(x) = ∫₀^√x 2(1 − t²)^(b−1) dt / B(½, b), whose
    /// integrand is smooth, by Simpson's rule on 20,000 intervals of s.
    @Test(arguments: [20.5, 400.5])
    func betaWithAHalfShapeFollowsTheBetaCDF(b: Double) {
        let steps = 20_000, h = 1.0 / Double(steps)
        let logNorm = lgamma(0.5 + b) - lgamma(0.5) - lgamma(b)
        func density(_ t: Double) -> Double { 2 * exp(logNorm + (b - 1) * log1p(-t * t)) }
        var cdf = [0.0]
        for k in 0..<steps {
            let t0 = Double(k) * h
            cdf.append(cdf[k] + h / 6 * (density(t0) + 4 * density(t0 + h / 2) + density(t0 + h)))
        }
        var g = SplitMix64(state: UInt64(b * 2))
        let x = (0..<Self.n).map { _ in g.beta(0.5, b) }
        let d = Self.ksStatistic(x) { v in
            let t = v.squareRoot() / h, k = Swift.min(Int(t), steps - 1)
            return cdf[k] + (t - Double(k)) * (cdf[k + 1] - cdf[k])
        }
        #expect(abs(cdf[steps] - 1) < 1e-6, "total mass \(cdf[steps])")
        #expect(d < 1.95, "Beta(0.5, \(b)): √N·D = \(d)")
    }

    /// The squeeze without logarithms (``NormalZiggurat/decidedWithoutLogarithms(u:z2:d:t:)``)
    /// changes no draw: Marsaglia–Tsang with the logarithmic test alone, written out here, gives
    /// the same values bit for bit from the same generator, for small and large shapes.
    @Test(arguments: [0.5, 1.5, 4.5, 20.5, 500.5, 20_000.5])
    func squeezeWithoutLogarithmsKeepsEveryDraw(shape k: Double) {
        var g = SplitMix64(state: UInt64(k * 4) + 1), h = g
        let base = k < 1 ? k + 1 : k, d = base - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        func reference() -> Double {
            while true {
                let z = h.zigguratNormal()
                var v = 1 + c * z
                if v <= 0 { continue }
                v = v * v * v
                let u = h.uniform()
                let z2 = z * z
                if u < 1 - 0.0331 * z2 * z2 || log(u) < 0.5 * z2 + d * (1 - v + log(v)) {
                    return k < 1 ? d * v * pow(h.uniformPositive(), 1 / k) : d * v
                }
            }
        }
        var differ = 0
        for _ in 0..<200_000 where g.gamma(shape: k).bitPattern != reference().bitPattern { differ += 1 }
        #expect(differ == 0, "Gamma(\(k)): \(differ) draws differ")
        #expect(g.state == h.state, "both consumed the same values")
    }
}
