/// A setting of a model under which adding a period can change the results of the periods
/// before it: the scores, ranks and bands of earlier, published periods are recomputed from
/// the new period's figures too.
///
/// A model is *period-separable* when every stage computes each period from that period's
/// rows alone, or from one fixed reference period (`scope: reference`): then adding a period
/// leaves every earlier period's results as they were.
public struct PeriodSeparabilityIssue: Sendable, Equatable {
    /// Why the setting pools periods.
    public enum Reason: String, Sendable, Equatable {
        /// `impute: {by: all}`: the means or medians that fill a gap are taken over every period.
        case pooledImputation = "pooled_imputation"
        /// `impute: interpolate`: a gap is filled from the unit's next observation, which a new period can supply.
        case interpolation
        /// `normalise: {scope: all}`: the normalisation parameters are taken over every period.
        case pooledNormalisation = "pooled_normalisation"
    }

    /// The key of the model file, as written there (`impute.by: all`, `uncertainty.normalise[2].scope: all`).
    public var key: String
    public var reason: Reason

    public init(key: String, reason: Reason) {
        self.key = key
        self.reason = reason
    }
}

extension ModelFile {
    /// The settings that keep this model from being period-separable (see
    /// ``PeriodSeparabilityIssue``), in the order of the model file; empty when adding a
    /// period never moves an earlier period's results.
    ///
    /// Uncertainty alternatives count too: a band is computed from every replication.
    /// - Complexity: O(alternatives).
    public var periodSeparabilityIssues: [PeriodSeparabilityIssue] {
        var issues: [PeriodSeparabilityIssue] = []
        if let impute = spec.impute {
            if impute.method == .interpolate {
                issues.append(PeriodSeparabilityIssue(key: "impute.method: interpolate", reason: .interpolation))
            } else if impute.method != .none, impute.scope == .all {
                issues.append(PeriodSeparabilityIssue(key: "impute.by: all", reason: .pooledImputation))
            }
        }
        if spec.normalise.scope == .all {
            issues.append(PeriodSeparabilityIssue(key: "normalise.scope: all", reason: .pooledNormalisation))
        }
        guard let uncertainty else { return issues }
        for (k, method) in uncertainty.impute.enumerated() {
            if method == .interpolate {
                issues.append(PeriodSeparabilityIssue(key: "uncertainty.impute[\(k + 1)]: interpolate", reason: .interpolation))
            } else if method != .none, spec.impute?.scope == .all, spec.impute?.method == .interpolate {
                // The model's own `by: all` is reported above unless its method was interpolate.
                issues.append(PeriodSeparabilityIssue(key: "uncertainty.impute[\(k + 1)]: \(method.rawValue), impute.by: all", reason: .pooledImputation))
            }
        }
        // An alternative without its own scope takes the model's, reported above.
        for (k, alternative) in uncertainty.normalise.enumerated() where alternative.scope == .all && spec.normalise.scope != .all {
            issues.append(PeriodSeparabilityIssue(key: "uncertainty.normalise[\(k + 1)].scope: all", reason: .pooledNormalisation))
        }
        return issues
    }
}
