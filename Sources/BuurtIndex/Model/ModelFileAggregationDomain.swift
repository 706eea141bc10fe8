import Yams

/// Refusing, when the model is read, normalisations and aggregations of the replications that
/// can leave the aggregation's domain: a geometric or harmonic mean (or a generalised one with
/// p < 0) needs every normalised value > 0, a generalised mean with a p that is not a whole
/// number every value ≥ 0.
///
/// Replications use the `uncertainty: normalise:` alternatives (else the model's `normalise:`)
/// with the `uncertainty: aggregate:` alternatives (else the model's `aggregate:` and its
/// level rules). Every pair of a mean that needs values > 0 with a normalisation that can give
/// a value ≤ 0 is refused, unless `out_of_domain: skip` says to leave such replications out.
///
/// | normalisation | values > 0? |
/// | --- | --- |
/// | minmax [l, u], scope period or all | yes when l > 0 (the lowest value gets l) |
/// | minmax, scope reference | no: not clamped, a later year below the reference minimum gets less than l |
/// | zscore (m, s) | no: a value m/s sd below the average gets 0 or less |
/// | rank | yes (≥ 1) |
/// | borda, prank, dist2max, dist2ref, dist2targ | no: 0 for the lowest value |
/// | fracmax | no: 0 for a value of 0 |
/// | goalposts | no: 0 at or beyond the worse goalpost (clipped) |
///
/// The model's own normalisation with its own aggregation is also checked by the nominal run,
/// which names the unit, period and indicator of the first value ≤ 0.
extension ModelFileReader {
    /// The name of a mean that needs every value > 0 (geometric, harmonic, generalised with
    /// p < 0), or ≥ 0 (`zeroAllowed`: generalised with a p > 0 that is not a whole number).
    static func domainRequirement(_ method: AggregateMethod) -> (name: String, zeroAllowed: Bool)? {
        switch method {
        case .geometric: ("the geometric mean", false)
        case .harmonic: ("the harmonic mean", false)
        case .generalised(let p) where p < 0: ("the generalised mean with p < 0", false)
        case .generalised(let p) where p.rounded() != p: ("the generalised mean with p = \(formatNumber(p))", true)
        default: nil
        }
    }

    /// Why a normalisation can give some unit a value < 0, or `nil` when it cannot.
    static func negativeReason(_ p: NormaliseParameters) -> String? {
        switch p.method {
        case .minmax(let lower, _) where lower < 0:
            return "min-max to [\(formatNumber(lower)), …] gives \(formatNumber(lower)) to the lowest value"
        case .zscore, .fracmax:
            return nonPositiveReason(p)
        case .minmax, .dist2max, .dist2ref, .dist2targ:
            guard case .reference(let year) = p.scope else { return nil }
            return "under scope: reference the scale is fitted on \(year) and not clamped, so a value of another year below "
                + "\(year)'s minimum gets less than the scale's lowest value and can fall below 0"
        case .rank, .borda, .prank, .goalposts:
            return nil
        }
    }

    /// Why a normalisation can give some unit a value ≤ 0, or `nil` when it cannot.
    static func nonPositiveReason(_ p: NormaliseParameters) -> String? {
        switch p.method {
        case .minmax(let lower, _) where lower <= 0:
            return "min-max to [\(formatNumber(lower)), …] gives \(formatNumber(lower)) to the lowest value"
        case .minmax(let lower, _):
            guard case .reference(let year) = p.scope else { return nil }
            return "min-max under scope: reference takes the minimum and maximum of \(year) and is not clamped, so a value of "
                + "another year below \(year)'s minimum gets less than \(formatNumber(lower)) and can reach 0 or less"
        case .zscore(let mean, _) where mean <= 0:
            return "z-scores with mean \(formatNumber(mean)) are ≤ 0 for every value below the average"
        case .zscore(let mean, let sd):
            return "z-scores can be ≤ 0: a value more than \(formatNumber(mean / sd)) sd below the average gets 0 or less"
        case .rank: return nil
        case .borda: return "borda gives 0 to the lowest value"
        case .prank: return "prank gives 0 to the lowest value"
        case .dist2max: return "dist2max gives 0 to the lowest value"
        case .dist2ref: return "dist2ref gives 0 to the lowest value"
        case .dist2targ: return "dist2targ gives 0 to the lowest value"
        case .fracmax: return "fracmax (value / maximum) gives 0 to a value of 0, and less to a value of the other sign than the maximum"
        case .goalposts: return "goalposts give 0 to every value at or beyond the worse goalpost (values are clipped to [0, scale])"
        }
    }

    /// One refusal per pair of a normalisation that can give a value ≤ 0 with a mean that
    /// needs values > 0, among those the replications use. A problem sits at the aggregate
    /// alternative, else at the normalise alternative, else at `uncertainty`.
    mutating func checkAggregationDomain(
        normalise: [(value: NormaliseParameters, node: Node)], aggregate: [(value: AggregateMethod, node: Node)],
        nominal: PipelineSpec, uncertainty: Node
    ) {
        let normalisations: [(value: NormaliseParameters, key: String, node: Node?)] = normalise.isEmpty
            ? [(nominal.normalise, "normalise", nil)]
            : normalise.enumerated().map { ($0.element.value, "uncertainty.normalise[\($0.offset + 1)]", $0.element.node) }
        let levels = nominal.aggregate.levelRules.keys.sorted()
        let aggregations: [(value: AggregateMethod, key: String, node: Node?)] = aggregate.isEmpty
            ? [(nominal.aggregate.rule.method, "aggregate", nil)]
                + levels.map { (nominal.aggregate.levelRules[$0]!.method, "aggregate.levels.\($0)", nil) }
            : aggregate.enumerated().map { ($0.element.value, "uncertainty.aggregate[\($0.offset + 1)]", $0.element.node) }
        for a in aggregations {
            guard let (mean, zeroAllowed) = Self.domainRequirement(a.value) else { continue }
            for n in normalisations {
                guard let reason = zeroAllowed ? Self.negativeReason(n.value) : Self.nonPositiveReason(n.value) else { continue }
                let fixes = [
                    "use min-max with a range above 0 (such as [1, 100]) and scope: period, or rank, for \(n.key)",
                    a.node == nil ? "use another method for \(a.key)" : "drop \(a.key)",
                    "or state how to handle it with out_of_domain: skip under uncertainty (replications that meet a value ≤ 0 are "
                        + "then left out of the bands, and counted and named in uncertainty.csv, manifest.json and the report)",
                ]
                fail("\(n.key) (\(Self.describe(n.value))) with \(a.key) (\(Self.describe(a.value))) can leave the aggregation's domain: "
                    + "\(reason); \(mean) needs values \(zeroAllowed ? "≥" : ">") 0. Fix: \(fixes.joined(separator: "; "))",
                     at: a.node ?? n.node ?? uncertainty)
            }
        }
    }

    /// `zscore, mean 50, sd 10, scope reference 2017`.
    static func describe(_ p: NormaliseParameters) -> String {
        let method: String = switch p.method {
        case .minmax(let l, let u): "minmax, range [\(formatNumber(l)), \(formatNumber(u))]"
        case .zscore(let m, let s): "zscore, mean \(formatNumber(m)), sd \(formatNumber(s))"
        case .rank: "rank"
        case .borda: "borda"
        case .prank: "prank"
        case .fracmax: "fracmax"
        case .dist2max: "dist2max"
        case .dist2ref(let unit): "dist2ref, unit \(unit)"
        case .dist2targ: "dist2targ"
        case .goalposts(let scale): "goalposts, scale \(formatNumber(scale))"
        }
        let scope: String = switch p.scope {
        case .period: "scope period"
        case .all: "scope all"
        case .reference(let year): "scope reference \(year)"
        }
        return method + ", " + scope
    }

    /// `geometric`, `generalised, p -1`.
    static func describe(_ method: AggregateMethod) -> String {
        switch method {
        case .arithmetic: "arithmetic"
        case .geometric: "geometric"
        case .harmonic: "harmonic"
        case .generalised(let p): "generalised, p \(formatNumber(p))"
        case .copeland: "copeland"
        case .mazziottaPareto: "mpi"
        }
    }
}
