/// The parameters a normalisation takes from its basis values (the rows its scope selects),
/// with the indicator's direction already applied. Only the fields the method uses are set.
///
/// | method | fields |
/// | --- | --- |
/// | minmax, dist2max | `min`, `max` |
/// | zscore | `mean`, `sd` (sample, n − 1) |
/// | rank, borda, prank | `sorted` |
/// | fracmax | `max` |
/// | dist2ref | `min`, `reference` (the reference unit's value) |
/// | dist2targ | `min`, `reference` (target × direction) |
/// | goalposts | `lower`, `upper` (direction applied, so `lower < upper`) |
public struct NormaliseFit: Sendable, Equatable {
    /// Number of available (non-missing) basis values.
    public var count: Int
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    /// Sample standard deviation (n − 1 denominator), as R's `sd`.
    public var sd: Double?
    /// dist2ref: the reference unit's value; dist2targ: the target; both direction applied.
    public var reference: Double?
    public var lower: Double?
    public var upper: Double?
    /// The available basis values in ascending order (rank methods only, empty otherwise).
    public var sorted: [Double]

    public init(
        count: Int, min: Double? = nil, max: Double? = nil, mean: Double? = nil, sd: Double? = nil,
        reference: Double? = nil, lower: Double? = nil, upper: Double? = nil, sorted: [Double] = []
    ) {
        self.count = count
        self.min = min
        self.max = max
        self.mean = mean
        self.sd = sd
        self.reference = reference
        self.lower = lower
        self.upper = upper
        self.sorted = sorted
    }
}

extension Normalise {
    /// Fits `method` to the basis values (direction already applied; NaN = missing).
    ///
    /// - Parameters:
    ///   - referenceValue: dist2ref only — the reference unit's value, direction applied.
    ///   - target: dist2targ only — the target, direction applied (COINr `use_iMeta`: target × direction).
    ///   - goalposts: goalposts only — direction applied, i.e. `(l, u)` for direction +1 and
    ///     `(−u, −l)` for direction −1 (COINr `get_iMeta_norm_paras`).
    ///   - context: names the indicator and period in error messages, e.g. "indicator Tariff, 2018".
    /// - Throws: `BuurtError(.data)` when the method cannot be applied: fewer than 2 available
    ///   values (minmax, zscore, prank, dist2max), none (fracmax, dist2ref, dist2targ), zero range
    ///   (minmax, dist2max), zero variance (zscore), zero maximum (fracmax), a missing reference
    ///   value or target or one equal to the minimum, missing or empty goalposts, and values
    ///   whose range or sum is not a finite double.
    /// - Complexity: O(n), O(n log n) for the rank methods.
    public static func fit(
        _ basis: [Double], method: NormaliseMethod, referenceValue: Double? = nil, target: Double? = nil,
        goalposts: (lower: Double, upper: Double)? = nil, context: String = "the values"
    ) throws(BuurtError) -> NormaliseFit {
        func fail(_ message: String) -> BuurtError { BuurtError(.data, "\(context): \(message)") }
        let constantHint = "; a constant indicator cannot tell units apart: check the data, or leave the indicator out of the model"
        var count = 0, lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for x in basis where !x.isNaN {
            count += 1
            sum += x
            if x < lo { lo = x }
            if x > hi { hi = x }
        }
        // Figures near the limit of double precision would make the range or the mean
        // infinite and every normalised value 0, NaN or ±∞ without a word.
        if count > 0, !(hi - lo).isFinite || !sum.isFinite {
            throw fail("values from \(formatNumber(lo)) to \(formatNumber(hi)) are too large to compute with (their range or sum is "
                + "beyond about 1.8e308); check the figures, or express them in larger units")
        }
        func require(_ n: Int, _ name: String) throws(BuurtError) {
            if count < n {
                throw fail("\(name) needs at least \(n) available value\(n == 1 ? "" : "s"), found \(count)")
            }
        }
        func requireRange(_ name: String) throws(BuurtError) {
            if hi == lo {
                throw fail("\(name) needs a range, but every available value equals \(formatNumber(lo))\(constantHint)")
            }
        }

        switch method {
        case .minmax:
            try require(2, "min-max normalisation")
            try requireRange("min-max normalisation")
            return NormaliseFit(count: count, min: lo, max: hi)
        case .dist2max:
            try require(2, "distance to maximum")
            try requireRange("distance to maximum")
            return NormaliseFit(count: count, min: lo, max: hi)
        case .zscore:
            try require(2, "z-score normalisation")
            // Two-pass mean with R's correction step, then the sample variance.
            var mean = sum / Double(count), correction = 0.0
            for x in basis where !x.isNaN { correction += x - mean }
            mean += correction / Double(count)
            var squares = 0.0
            for x in basis where !x.isNaN { squares += (x - mean) * (x - mean) }
            let sd = (squares / Double(count - 1)).squareRoot()
            if sd == 0 {
                throw fail("z-score normalisation needs variation, but every available value equals \(formatNumber(lo))\(constantHint)")
            }
            return NormaliseFit(count: count, mean: mean, sd: sd)
        case .rank, .borda:
            return NormaliseFit(count: count, sorted: basis.filter { !$0.isNaN }.sorted())
        case .prank:
            try require(2, "percentile rank")
            return NormaliseFit(count: count, sorted: basis.filter { !$0.isNaN }.sorted())
        case .fracmax:
            try require(1, "fraction of maximum")
            if hi == 0 { throw fail("fraction of maximum needs a non-zero maximum, but the maximum is 0") }
            return NormaliseFit(count: count, max: hi)
        case .dist2ref(let unit):
            try require(1, "distance to reference")
            guard let ref = referenceValue, !ref.isNaN else {
                throw fail("distance to reference needs a value for reference unit \(unit), but it is missing")
            }
            if ref == lo {
                throw fail("distance to reference needs reference unit \(unit) above the minimum, but it has the minimum value \(formatNumber(lo))")
            }
            return NormaliseFit(count: count, min: lo, reference: ref)
        case .dist2targ:
            try require(1, "distance to target")
            guard let t = target, !t.isNaN else {
                throw fail("distance to target needs a target in the model, but none is given")
            }
            if t == lo {
                throw fail("distance to target needs a target different from the worst available value, but they are equal")
            }
            return NormaliseFit(count: count, min: lo, reference: t)
        case .goalposts:
            guard let g = goalposts else {
                throw fail("goalpost normalisation needs goalposts (lower and upper) in the model, but none are given")
            }
            if !(g.lower < g.upper) {
                throw fail("goalpost normalisation needs the lower goalpost below the upper one, got \(formatNumber(g.lower)) and \(formatNumber(g.upper))")
            }
            return NormaliseFit(count: count, lower: g.lower, upper: g.upper)
        }
    }
}
