import BuurtIndex
import BuurtNumerics

/// How many nominal values lie outside their own 5–95 % band.
///
/// The nominal run is one point of the sampled space, not its centre: with alternatives that
/// all lie on one side of the nominal setting (say max_points 1 to 5 around a nominal 5) its
/// value can sit in a tail of the replications' distribution, or beyond it.
public struct NominalOutsideBands: Sendable, Equatable {
    /// Rows whose nominal index score lies outside [score_p05, score_p95], and rows with both.
    public var indexScores: Int
    public var indexScoresWithBand: Int
    /// Problem dimensions (list 2) whose nominal gap lies outside [gap_p05, gap_p95], and those with both.
    public var gaps: Int
    public var gapsWithBand: Int

    public init(indexScores: Int = 0, indexScoresWithBand: Int = 0, gaps: Int = 0, gapsWithBand: Int = 0) {
        self.indexScores = indexScores
        self.indexScoresWithBand = indexScoresWithBand
        self.gaps = gaps
        self.gapsWithBand = gapsWithBand
    }

    /// Counts over `result`'s rows and problem dimensions. A value within 1e-6 of the band's
    /// magnitude of a bound counts as inside (samples may be held in single precision).
    /// - Complexity: O(rows + dimensions).
    public static func count(_ result: UncertaintyResult) -> NominalOutsideBands {
        var counts = NominalOutsideBands()
        for u in result.units {
            guard let outside = outside(u.score, u.scoreP05, u.scoreP95) else { continue }
            counts.indexScoresWithBand += 1
            if outside { counts.indexScores += 1 }
        }
        for t in result.themes {
            guard let outside = outside(t.gap, t.gapP05, t.gapP95) else { continue }
            counts.gapsWithBand += 1
            if outside { counts.gaps += 1 }
        }
        return counts
    }

    /// `nil` when the value or a bound is missing.
    static func outside(_ x: Double, _ low: Double, _ high: Double) -> Bool? {
        guard x.isFinite, low.isFinite, high.isFinite else { return nil }
        let tolerance = 1e-6 * Swift.max(1, abs(low), abs(high))
        return x < low - tolerance || x > high + tolerance
    }
}

/// What the outputs state about the replications behind the bands: how many were run, which
/// were left out and why, and how many nominal values lie outside their own band.
public struct UncertaintyAccount: Sendable, Equatable {
    /// R, the replications of `uncertainty:`.
    public var replications: Int
    /// Replications left out of every band and list (their pipeline failed, e.g. a geometric
    /// mean meeting a value ≤ 0 under `out_of_domain: skip`), in replication order.
    public var leftOut: [ReplicationFailure]
    /// Replications left out of the change bands (`nil` without change bands).
    public var changesLeftOut: Int?
    /// Design rows left out of the sensitivity indices, of `sensitivityRows` (`nil` without a
    /// sensitivity analysis).
    public var sensitivityRowsLeftOut: Int?
    public var sensitivityRows: Int?
    public var outside: NominalOutsideBands

    public init(replications: Int, leftOut: [ReplicationFailure], changesLeftOut: Int? = nil, outside: NominalOutsideBands) {
        self.replications = replications
        self.leftOut = leftOut
        self.changesLeftOut = changesLeftOut
        self.outside = outside
    }

    /// The account of a Monte Carlo result, with the change bands' count from `changes`.
    public init(_ result: UncertaintyResult, changes: ChangeAnalysis? = nil) {
        self.init(replications: result.replications, leftOut: result.failures,
                  changesLeftOut: changes?.replications == nil ? nil : changes?.failedReplications,
                  outside: NominalOutsideBands.count(result))
    }

    /// The account of an uncertainty analysis: its Monte Carlo result's, with the design rows
    /// the sensitivity analysis left out.
    public init(_ outcome: UncertaintyOutcome, changes: ChangeAnalysis? = nil) {
        self.init(outcome.result, changes: changes)
        if outcome.sensitivity != nil {
            sensitivityRowsLeftOut = outcome.sensitivityRowsLeftOut
            sensitivityRows = outcome.sensitivityRows
        }
    }
}
