import BuurtNumerics

/// Brings indicators onto a common scale (COINr 1.1.14 `n_*` functions).
///
/// Every formula works on x′ = direction · x, as COINr multiplies an indicator by its direction
/// before normalising. Missing values (NaN) stay missing. With `fit` taken from the same values:
///
/// - minmax(l, u): (x′ − min)/(max − min)·(u − l) + l
/// - zscore(m, s): (x′ − mean)/sd·s + m, sample sd
/// - rank: 1 + #{basis values < x′} (R `rank(ties.method = "min")` on the basis itself)
/// - borda: rank − 1;  prank: (rank − 1)/(n − 1)
/// - fracmax: x′/max;  dist2max: 1 − (max − x′)/(max − min)
/// - dist2ref: 1 − (ref − x′)/(ref − min), no cap (COINr `cap_max = FALSE`)
/// - dist2targ: (x′ − min)/(t′ − min), t′ = target · direction, no cap; for direction −1 this is
///   (max − x)/(max − target)
/// - goalposts(a): clip((x′ − l′)/(u′ − l′), 0, 1)·a with (l′, u′) = (l, u), or (−u, −l) for
///   direction −1, which gives (u − x)/(u − l)
///
/// On the ASEM example the results differ from COINr by at most 2e-15 (tolerance 1e-9).
public enum Normalise {
    /// Normalises `x` (direction already applied) with parameters fitted to `x` itself.
    ///
    /// - Parameters:
    ///   - referenceValue: dist2ref: the reference unit's value in `x`.
    ///   - target: dist2targ: the target, multiplied by the direction.
    ///   - goalposts: goalposts: `(l, u)`, or `(−u, −l)` for direction −1.
    /// - Throws: `BuurtError(.data)` as ``fit(_:method:referenceValue:target:goalposts:context:)``.
    /// - Complexity: O(n), O(n log n) for the rank methods.
    package static func vector(
        _ x: [Double], method: NormaliseMethod, referenceValue: Double? = nil, target: Double? = nil,
        goalposts: (lower: Double, upper: Double)? = nil
    ) throws(BuurtError) -> [Double] {
        let fitted = try fit(x, method: method, referenceValue: referenceValue, target: target, goalposts: goalposts)
        return vector(x, method: method, fit: fitted)
    }

    /// Normalises `x` (direction already applied) with parameters fitted elsewhere, e.g. on a
    /// reference period. Rank methods place each value among `fit.sorted`.
    /// - Complexity: O(n), O(n log m) for the rank methods with m basis values.
    package static func vector(_ x: [Double], method: NormaliseMethod, fit: NormaliseFit) -> [Double] {
        let f = transform(method, fit)
        return x.map(f)
    }

    /// The normalisation of one value under a fit; NaN maps to NaN.
    static func transform(_ method: NormaliseMethod, _ fit: NormaliseFit) -> (Double) -> Double {
        let lo = fit.min ?? .nan, hi = fit.max ?? .nan
        switch method {
        case .minmax, .zscore:
            let map = affine(method, fit)!
            return { map($0) }
        case .rank:
            return { x in x.isNaN ? x : Double(fit.sorted.lowerBound(of: x) + 1) }
        case .borda:
            return { x in x.isNaN ? x : Double(fit.sorted.lowerBound(of: x)) }
        case .prank:
            let denominator = Double(fit.count - 1)
            return { x in x.isNaN ? x : Double(fit.sorted.lowerBound(of: x)) / denominator }
        case .fracmax:
            return { $0 / hi }
        case .dist2max:
            return { 1 - (hi - $0) / (hi - lo) }
        case .dist2ref:
            let ref = fit.reference ?? .nan
            return { 1 - (ref - $0) / (ref - lo) }
        case .dist2targ:
            let t = fit.reference ?? .nan
            return { ($0 - lo) / (t - lo) }
        case .goalposts(let scale):
            let l = fit.lower ?? .nan, u = fit.upper ?? .nan
            return { x in
                if x.isNaN { return x }
                let y = (x - l) / (u - l)
                return Swift.min(Swift.max(y, 0), 1) * scale
            }
        }
    }

    /// The methods that are one affine map (``NormaliseAffineMap``): minmax(l, u) with
    /// (min, max − min, u − l, l), zscore(m, s) with (mean, sd, s, m); `nil` for the others.
    static func affine(_ method: NormaliseMethod, _ fit: NormaliseFit) -> NormaliseAffineMap? {
        switch method {
        case .minmax(let l, let u):
            let lo = fit.min ?? .nan, hi = fit.max ?? .nan
            return NormaliseAffineMap(centre: lo, spread: hi - lo, width: u - l, offset: l)
        case .zscore(let m, let s):
            return NormaliseAffineMap(centre: fit.mean ?? .nan, spread: fit.sd ?? .nan, width: s, offset: m)
        default:
            return nil
        }
    }
}

/// y = (x′ − centre)/spread·width + offset, evaluated in that order, so that a loop over many
/// values applies it without a closure call each and gives the closure's bits.
struct NormaliseAffineMap {
    let centre: Double, spread: Double, width: Double, offset: Double

    @inline(__always)
    func callAsFunction(_ x: Double) -> Double {
        (x - centre) / spread * width + offset
    }
}
