/// The colour classes of a choropleth map: equal intervals between the lowest and the highest
/// score of one index or dimension over every period (one scale per code, so the maps of the
/// periods compare), the lowest class in the strongest colour (the buurten most in need).
///
/// With bounds b₀ < b₁ < … < b₅ (bₖ = lo + k·(hi − lo)/5), a score s is in class k when
/// bₖ ≤ s < bₖ₊₁, the highest score in the last class. Class k has the colour
/// mix(light, dark, (4 − k)/4), each channel rounded: class 0 is ``dark``, class 4 ``light``.
struct ChartMapClasses: Sendable, Equatable {
    static let count = 5
    /// The colour of the highest class (least in need) and of the lowest (most in need).
    static let light = (254, 240, 217)
    static let dark = (165, 15, 21)

    /// ``count`` + 1 ascending bounds.
    let bounds: [Double]

    /// Classes spanning the finite values of `scores` ([0, 1] when there are none; a single
    /// value v spans [v, v + 1]).
    init(scores: [Double]) {
        let finite = scores.filter(\.isFinite)
        let lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if hi <= lo { hi = lo + 1 }
        bounds = (0...Self.count).map { k in k == Self.count ? hi : lo + Double(k) * (hi - lo) / Double(Self.count) }
    }

    /// The class of a score (0 = lowest), `nil` for NaN.
    func index(of score: Double) -> Int? {
        guard score.isFinite else { return nil }
        return (1..<Self.count).last { score >= bounds[$0] } ?? 0
    }

    /// `#rrggbb` of class `k`.
    static func colour(_ k: Int) -> String {
        let t = Double(count - 1 - k) / Double(count - 1)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return ChartColor.hex(mix(light.0, dark.0), mix(light.1, dark.1), mix(light.2, dark.2))
    }

    /// The fill of a score: its class's colour, `nil` for NaN (hatched as "no score").
    func colour(of score: Double) -> String? {
        index(of: score).map(Self.colour)
    }
}
