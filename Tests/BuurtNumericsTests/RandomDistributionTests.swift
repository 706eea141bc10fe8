import BuurtNumerics
import Foundation
import Testing

/// Moment checks with fixed seeds. The mean must lie within 5 standard errors σ/√N of its
/// expectation and the sample variance within 5 standard errors √((μ₄ − σ⁴)/N) of σ².
@Suite struct RandomDistributionTests {
    static let n = 200_000

    struct Moments {
        var mean: Double
        var variance: Double
    }

    static func moments(_ x: [Double]) -> Moments {
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
        return Moments(mean: mean, variance: variance)
    }

    /// Checks mean and variance against theory; `mu4` is the fourth central moment.
    static func expectMoments(_ x: [Double], mean: Double, variance: Double, mu4: Double, _ label: String) {
        let m = moments(x)
        let n = Double(x.count)
        let seMean = (variance / n).squareRoot()
        let seVar = ((mu4 - variance * variance) / n).squareRoot()
        #expect(abs(m.mean - mean) < 5 * seMean, "\(label): mean \(m.mean), expected \(mean) ± \(5 * seMean)")
        #expect(abs(m.variance - variance) < 5 * seVar, "\(label): variance \(m.variance), expected \(variance) ± \(5 * seVar)")
    }

    /// Pearson χ² of observed counts against a pmf over 0…max (tail lumped into the last cell,
    /// cells with expectation < 5 merged); must stay below df + 5√(2 df).
    static func expectPMF(_ draws: [Int], pmf: (Int) -> Double, max: Int, _ label: String) {
        var observed = [Double](repeating: 0, count: max + 1)
        for k in draws { observed[min(k, max)] += 1 }
        var expected = (0..<max).map { pmf($0) * Double(draws.count) }
        expected.append(Double(draws.count) - expected.reduce(0, +))
        var chi2 = 0.0
        var cells = 0
        var o = 0.0, e = 0.0
        for k in 0...max {
            o += observed[k]
            e += expected[k]
            if e >= 5 {
                chi2 += (o - e) * (o - e) / e
                cells += 1
                o = 0
                e = 0
            }
        }
        let df = Double(cells - 1)
        #expect(cells > 10, "\(label): too few cells")
        #expect(chi2 < df + 5 * (2 * df).squareRoot(), "\(label): χ² = \(chi2) on \(df) df")
    }

    static func poissonPMF(_ lambda: Double) -> (Int) -> Double {
        { (k: Int) -> Double in
            let x = Double(k)
            return exp(-lambda + x * log(lambda) - lgamma(x + 1))
        }
    }

    static func binomialPMF(_ n: Int, _ p: Double) -> (Int) -> Double {
        let logNFactorial: Double = lgamma(Double(n) + 1)
        return { (k: Int) -> Double in
            let x = Double(k), rest = Double(n - k)
            let logChoose: Double = logNFactorial - lgamma(x + 1) - lgamma(rest + 1)
            return exp(logChoose + x * log(p) + rest * log1p(-p))
        }
    }

    @Test func uniformHasFiftyThreeBitsAndUniformMoments() {
        var g = RandomStream(seed: 1, stream: 0)
        let x = (0..<Self.n).map { _ in g.uniform() }
        #expect(x.allSatisfy { $0 >= 0 && $0 < 1 })
        // k·2⁻⁵³ is an exact multiple of 2⁻⁵³.
        #expect(x.prefix(1000).allSatisfy { ($0 * 0x1p53).rounded() == $0 * 0x1p53 })
        // Mean ½, variance 1/12, μ₄ = 1/80.
        Self.expectMoments(x, mean: 0.5, variance: 1.0 / 12, mu4: 1.0 / 80, "uniform")
        // Seed 0 stream 0: first value is (0xe169c58d6627e8d5 >> 11)·2⁻⁵³.
        var z = RandomStream(seed: 0, stream: 0)
        #expect(z.uniform() == Double(UInt64(0xe169_c58d_6627_e8d5) >> 11) * 0x1p-53)
    }

    @Test func standardNormalMomentsAndTails() {
        var g = RandomStream(seed: 2, stream: 0)
        let x = (0..<Self.n).map { _ in g.standardNormal() }
        Self.expectMoments(x, mean: 0, variance: 1, mu4: 3, "normal")
        // P(|Z| < 1.959964) = 0.95, binomial standard error √(0.95·0.05/N).
        let inside = Double(x.filter { abs($0) < 1.959964 }.count) / Double(x.count)
        #expect(abs(inside - 0.95) < 5 * (0.95 * 0.05 / Double(x.count)).squareRoot())
    }

    @Test(arguments: [0.5, 2.5, 9.0])
    func gammaMoments(shape k: Double) {
        // Gamma(k, θ = 2): mean kθ, variance kθ², μ₄ = 3k(k + 2)θ⁴.
        var g = RandomStream(seed: 3, stream: UInt64(k * 10))
        let x = (0..<Self.n).map { _ in g.gamma(shape: k, scale: 2) }
        #expect(x.allSatisfy { $0 > 0 })
        Self.expectMoments(x, mean: 2 * k, variance: 4 * k, mu4: 3 * k * (k + 2) * 16, "gamma(\(k))")
    }

    @Test func betaMoments() {
        // Beta(2, 5): mean 2/7, variance ab/((a+b)²(a+b+1)) = 10/392;
        // μ₄ = 3ab(ab(a+b−6) + 2(a+b)²) / ((a+b)⁴(a+b+1)(a+b+2)(a+b+3)) = 3·10·(10 + 98)/(2401·8·9·10).
        var g = RandomStream(seed: 4, stream: 0)
        let x = (0..<Self.n).map { _ in g.beta(2, 5) }
        #expect(x.allSatisfy { $0 > 0 && $0 < 1 })
        Self.expectMoments(x, mean: 2.0 / 7, variance: 10.0 / 392, mu4: 3.0 * 10 * 108 / (2401 * 8 * 9 * 10), "beta")
    }

    @Test(arguments: [0.7, 3.0, 9.5, 10.0, 45.0, 1000.0])
    func poissonMomentsAndDistribution(mean lambda: Double) {
        // Poisson(λ): mean λ, variance λ, μ₄ = λ(1 + 3λ).
        var g = RandomStream(seed: 5, stream: UInt64(lambda * 10))
        let draws = (0..<Self.n).map { _ in g.poisson(mean: lambda) }
        Self.expectMoments(draws.map(Double.init), mean: lambda, variance: lambda, mu4: lambda * (1 + 3 * lambda), "poisson(\(lambda))")
        if lambda >= 3 {
            Self.expectPMF(draws, pmf: Self.poissonPMF(lambda), max: Int(lambda + 6 * lambda.squareRoot()), "poisson(\(lambda))")
        }
    }

    @Test(arguments: [(20, 0.3), (1000, 0.005), (400, 0.35), (400, 0.9), (35, 0.5), (100_000, 0.2)])
    func binomialMomentsAndDistribution(n: Int, p: Double) {
        // Binomial(n, p): mean np, variance npq, μ₄ = npq(1 + 3(n − 2)pq).
        var g = RandomStream(seed: 6, stream: UInt64(n) &* 1000 &+ UInt64(p * 1000))
        let draws = (0..<Self.n).map { _ in g.binomial(count: n, probability: p) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= n })
        let npq = Double(n) * p * (1 - p)
        Self.expectMoments(draws.map(Double.init), mean: Double(n) * p, variance: npq,
                           mu4: npq * (1 + 3 * Double(n - 2) * p * (1 - p)), "binomial(\(n), \(p))")
        if n <= 1000 {
            Self.expectPMF(draws, pmf: Self.binomialPMF(n, p), max: n, "binomial(\(n), \(p))")
        }
    }

    @Test func degenerateParametersGiveTheirOnlyValue() {
        var g = RandomStream(seed: 7, stream: 0)
        #expect(g.poisson(mean: 0) == 0)
        #expect(g.binomial(count: 10, probability: 0) == 0)
        #expect(g.binomial(count: 10, probability: 1) == 10)
        #expect(g.binomial(count: 0, probability: 0.5) == 0)
    }
}
