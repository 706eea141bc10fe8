import BuurtIndex
import BuurtNumerics

/// The Monte Carlo summary of one row (a unit in a period): its nominal score and rank and
/// their distribution over the replications (`uncertainty.csv`).
///
/// Ranks follow `scores.csv` (within the period, highest score = 1, ties share the best rank);
/// quantiles are R's type 7 over the replications in which the row has a score.
public struct UnitUncertainty: Sendable, Equatable {
    /// Row of the nominal aggregated panel.
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    /// Nominal index score and rank (NaN when the row has no index score).
    public var score: Double
    public var rank: Double
    public var rankMean: Double
    public var rankMedian: Double
    public var rankP05: Double
    public var rankP95: Double
    public var scoreP05: Double
    public var scoreP50: Double
    public var scoreP95: Double
    /// P(the row is among the k lowest scores of its period), k = `priorities.top`: among the
    /// k most in need (ties at the k-th lowest score all count).
    public var pTop: Double
    /// Replications in which the row has a score (the denominator of the statistics).
    public var replications: Int

    public init(
        row: Int, unit: String, name: String, period: Int?, score: Double, rank: Double, rankMean: Double,
        rankMedian: Double, rankP05: Double, rankP95: Double, scoreP05: Double, scoreP50: Double,
        scoreP95: Double, pTop: Double, replications: Int
    ) {
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.score = score
        self.rank = rank
        self.rankMean = rankMean
        self.rankMedian = rankMedian
        self.rankP05 = rankP05
        self.rankP95 = rankP95
        self.scoreP05 = scoreP05
        self.scoreP50 = scoreP50
        self.scoreP95 = scoreP95
        self.pTop = pTop
        self.replications = replications
    }
}

/// List 1, "which buurten first": within each period (ascending), rows by nominal index score
/// ascending (lowest = most in need = priority 1; equal scores keep row order). Rows without
/// an index score are not listed.
public struct PriorityRow: Sendable, Equatable {
    /// 1, 2, … within the period.
    public var priority: Int
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    public var score: Double
    public var rank: Double
    public var rankP05: Double
    public var rankP95: Double
    public var pTop: Double
    /// The label of the first category whose `below` exceeds the score (`priorities.categories`).
    public var category: String?

    public init(
        priority: Int, row: Int, unit: String, name: String, period: Int?, score: Double, rank: Double,
        rankP05: Double, rankP95: Double, pTop: Double, category: String?
    ) {
        self.priority = priority
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.score = score
        self.rank = rank
        self.rankP05 = rankP05
        self.rankP95 = rankP95
        self.pTop = pTop
        self.category = category
    }
}

/// List 2, "which problems first, per buurt": one problem dimension of one row.
///
/// gap = reference − score (positive: the buurt is behind); reference is the mean of the
/// dimension over the rows of the same period (or of the reference period) in the same
/// replication. Within a row, problems are ordered by nominal gap, largest first.
public struct ThemeRow: Sendable, Equatable {
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    /// 1 = the largest nominal gap of this row.
    public var priority: Int
    /// The dimension's code.
    public var group: String
    public var score: Double
    public var reference: Double
    public var gap: Double
    public var gapP05: Double
    public var gapP95: Double
    /// P(this dimension has the largest gap of the row), over replications with any gap
    /// (tied largest gaps each count).
    public var pWorst: Double
    /// gap_p05 > 0: behind the reference in at least 95 % of the replications.
    public var significant: Bool

    public init(row: Int, unit: String, name: String, period: Int?, priority: Int, group: String, score: Double,
                reference: Double, gap: Double, gapP05: Double = .nan, gapP95: Double = .nan, pWorst: Double = .nan,
                significant: Bool = false) {
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.priority = priority
        self.group = group
        self.score = score
        self.reference = reference
        self.gap = gap
        self.gapP05 = gapP05
        self.gapP95 = gapP95
        self.pWorst = pWorst
        self.significant = significant
    }

    /// Field-wise equality, NaN equal to NaN (bands are NaN without replications).
    public static func == (a: ThemeRow, b: ThemeRow) -> Bool {
        a.row == b.row && a.unit == b.unit && a.name == b.name && a.period == b.period && a.priority == b.priority
            && a.group == b.group && a.significant == b.significant
            && zip([a.score, a.reference, a.gap, a.gapP05, a.gapP95, a.pWorst], [b.score, b.reference, b.gap, b.gapP05, b.gapP95, b.pWorst])
            .allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}

/// Everything the Monte Carlo run produces.
public struct UncertaintyResult: Sendable, Equatable {
    /// One per nominal row, in row order.
    public var units: [UnitUncertainty]
    public var priorities: [PriorityRow]
    /// Ordered as list 1 (rows without an index score last, in row order), problems by priority.
    public var themes: [ThemeRow]
    /// Replications whose pipeline failed; their scores are left out of every statistic.
    public var failures: [ReplicationFailure]
    public var replications: Int

    public init(units: [UnitUncertainty], priorities: [PriorityRow], themes: [ThemeRow], failures: [ReplicationFailure], replications: Int) {
        self.units = units
        self.priorities = priorities
        self.themes = themes
        self.failures = failures
        self.replications = replications
    }
}
