import Foundation

/// The tables of Marsaglia & Tsang's ziggurat for the standard normal (J. Stat. Softw. 5(8),
/// 2000) with 256 layers of equal area v under f(x) = exp(−x²/2) on x ≥ 0.
///
/// Layer 0 is the base: [0, x₀] × [0, f(r)] with x₀ = v/f(r), of which [0, r) lies under f and
/// the rest stands for the tail beyond r. Layer i ≥ 1 is [0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)] with
/// x₁ = r, f(xᵢ₊₁) = f(xᵢ) + v/xᵢ and x₂₅₆ = 0, so every layer has area v. The constants
/// r = 3.6541528853610088 and v = 0.00492867323399 make the layers close at the mode.
///
/// The tables live in one allocation made once per process and never freed, so a draw reads
/// them without reference counting. A loop of many draws takes ``shared`` once and draws through
/// it (``normal(using:)``, ``gamma(_:scale:using:)``, ``beta(_:_:using:)``), which spares a
/// look-up of the tables per variate.
public struct NormalZiggurat: @unchecked Sendable {
    @usableFromInline static let r = 3.654_152_885_361_008_8
    static let v = 0.004_928_673_233_99
    public static let shared = NormalZiggurat()

    /// Right edge xᵢ of layer i, i = 0…256 (x₂₅₆ = 0).
    @usableFromInline let edge: UnsafePointer<Double>
    /// The 257 layer edges x₀ … x₂₅₆ (for a vectorised sampler that must take the same steps).
    package var edges: UnsafePointer<Double> { edge }
    /// f(xᵢ), i = 0…256 (f(x₂₅₆) = 1; entry 0 is not used).
    @usableFromInline let height: UnsafePointer<Double>

    private init() {
        var edge = [Double](repeating: 0, count: 257)
        var height = [Double](repeating: 0, count: 257)
        let fr = Foundation.exp(-0.5 * Self.r * Self.r)
        edge[0] = Self.v / fr
        height[0] = fr
        edge[1] = Self.r
        height[1] = fr
        for i in 1..<255 {
            height[i + 1] = height[i] + Self.v / edge[i]
            edge[i + 1] = (-2 * Foundation.log(height[i + 1])).squareRoot()
        }
        edge[256] = 0
        height[256] = 1
        let tables = UnsafeMutablePointer<Double>.allocate(capacity: 2 * 257)
        tables.initialize(from: edge + height, count: 2 * 257)
        self.edge = UnsafePointer(tables)
        self.height = UnsafePointer(tables + 257)
    }
}

extension NormalZiggurat {
    /// Standard normal by the ziggurat, exact: one 64-bit value picks the layer (low 8 bits),
    /// the sign (bit 8) and x = u·xᵢ with u from the top 53 bits; x < xᵢ₊₁ is accepted at once
    /// (about 99 % of draws), else layer 0 draws from the tail (Marsaglia 1964: a = −ln u₁/r,
    /// b = −ln u₂ until 2b > a², r + a) and the others accept x when
    /// f(xᵢ) + u′·(f(xᵢ₊₁) − f(xᵢ)) < f(x).
    /// - Complexity: O(1) expected; about 1.02 values of the generator per draw.
    @inlinable @inline(__always)
    public func normal<G: RandomNumberGenerator>(using g: inout G) -> Double {
        while true {
            let w = g.next()
            let i = Int(truncatingIfNeeded: w & 255)
            let sign: Double = w & 256 == 0 ? 1 : -1
            let x = Double(w >> 11) * 0x1p-53 * edge[i]
            if x < edge[i + 1] { return sign * x }
            if i == 0 {
                var a: Double, b: Double
                repeat {
                    a = -Foundation.log(g.uniformPositive()) / NormalZiggurat.r
                    b = -Foundation.log(g.uniformPositive())
                } while b + b <= a * a
                return sign * (NormalZiggurat.r + a)
            }
            let y = height[i] + g.uniform() * (height[i + 1] - height[i])
            if y < Foundation.exp(-0.5 * x * x) { return sign * x }
        }
    }
}

extension RandomNumberGenerator {
    /// Standard normal by the ziggurat (``NormalZiggurat/normal(using:)``), exact.
    /// - Complexity: O(1) expected; about 1.02 values of the generator per draw.
    @inlinable
    public mutating func zigguratNormal() -> Double {
        NormalZiggurat.shared.normal(using: &self)
    }
}
