import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// What changed between two runs of an update state, read from their result files
/// (`scores.csv`, and with an uncertainty analysis `priorities.csv`, `themes.csv` and
/// `changes.csv`), and why (``causes``, ``differences``).
public struct RunDiff: Sendable, Equatable {
    /// One buurt's index rank: from the previous run's newest period to this run's newest
    /// period (or within one period when a run revised earlier figures).
    public struct RankMove: Sendable, Equatable {
        public var unit, name: String
        public var periodBefore, periodAfter: Int
        /// Ranks and scores; NaN when the buurt has no index in that period (screened out).
        public var rankBefore, rankAfter, scoreBefore, scoreAfter: Double
        /// rankBefore − rankAfter: positive = climbs towards rank 1 (better).
        public var move: Double { rankBefore - rankAfter }
    }

    /// A buurt entering or leaving the priority list's top k (priority ≤ k, lowest index first).
    public struct TopChange: Sendable, Equatable {
        public var unit, name: String
        public var entered: Bool
        /// Positions on the priority list; NaN when absent.
        public var priorityBefore, priorityAfter: Double
        public var pTopAfter: Double
    }

    /// A problem (dimension of a buurt) that became, or stopped being, significantly behind
    /// the reference (themes.csv `significant`: gap_p05 > 0).
    public struct ProblemChange: Sendable, Equatable {
        public var unit, name, group: String
        public var newlySignificant: Bool
        /// gap = reference − score, in the previous and this run's newest period (NaN when absent).
        public var gapBefore, gapAfter: Double
    }

    public var previousRun, run: String
    public var periodBefore, periodAfter: Int
    /// Every buurt whose rank differs, largest moves first.
    public var moves: [RankMove]
    /// Buurten in both runs' newest periods (the base of ``moves``).
    public var comparedUnits: Int
    /// Periods both runs have whose index changed (earlier periods recomputed, e.g. after revisions).
    public var recomputed: [RankMove]
    public var top: Int
    public var topChanges: [TopChange]
    public var problems: [ProblemChange]
    /// Whether both runs have the priority lists.
    public var hasLists: Bool
    /// Whether both runs' problem lists have gap bands (an uncertainty analysis), so that
    /// ``problems`` can compare their `significant` flags.
    public var hasBands = false
    /// The revisions the new figures made (accepted with --accept-revisions).
    public var revisions: [FigureRevision]
    public var addedRows: Int
    public var addedPeriods: [Int]
    /// Unit names by code (from this run's scores.csv).
    public var names: [String: String]
    /// Why this run differs from the previous one (empty for a state's first run).
    public var causes: [UpdateCause] = []
    /// What changed in the model or crosswalk between the two runs (``UpdateCause/model``, ``UpdateCause/crosswalk``).
    public var differences: [StateDifference] = []
    /// Verdicts about periods both runs have that the new run changed (`verdictChanges`):
    /// published verdicts that moved.
    public var verdicts: [VerdictChange] = []
    /// The model's settings under which adding a period moves earlier periods' results.
    public var separabilityIssues: [PeriodSeparabilityIssue] = []

    /// Compares the files of two runs.
    /// - Parameters:
    ///   - before, after: result files by relative path (as ``OutputDirectory``): scores.csv,
    ///     and when the runs have them priorities.csv, themes.csv and changes.csv.
    ///   - index: the code of the index (column of scores.csv).
    ///   - top: the k of the priority list (the model's `priorities.top`).
    /// - Throws: ``BuurtError`` `.data` when a result file cannot be read.
    package static func compare(
        before: [String: Data], after: [String: Data], previousRun: String, run: String, index: String, top: Int,
        merge: FigureMerge
    ) throws(BuurtError) -> RunDiff {
        let scoresBefore = try ResultFile(before, "scores.csv", run: previousRun)
        let scoresAfter = try ResultFile(after, "scores.csv", run: run)
        let periodBefore = scoresBefore.newestPeriod, periodAfter = scoresAfter.newestPeriod
        func rankTable(_ file: ResultFile, _ period: Int) -> [String: (name: String, rank: Double, score: Double)] {
            Dictionary(file.rows(in: period).map { ($0["unit"], ($0["name"], $0.number("rank"), $0.number(index))) }, uniquingKeysWith: { a, _ in a })
        }
        let ranksBefore = rankTable(scoresBefore, periodBefore), ranksAfter = rankTable(scoresAfter, periodAfter)
        let compared = ranksAfter.keys.filter { ranksBefore[$0] != nil }
        var moves: [RankMove] = []
        for unit in compared {
            let b = ranksBefore[unit]!, a = ranksAfter[unit]!
            guard !(a.rank.isNaN && b.rank.isNaN), a.rank != b.rank else { continue }
            moves.append(RankMove(unit: unit, name: a.name, periodBefore: periodBefore, periodAfter: periodAfter,
                                  rankBefore: b.rank, rankAfter: a.rank, scoreBefore: b.score, scoreAfter: a.score))
        }
        moves.sort { (-abs($0.move.isNaN ? .infinity : $0.move), $0.unit) < (-abs($1.move.isNaN ? .infinity : $1.move), $1.unit) }

        var recomputed: [RankMove] = []
        // The newest period is in `moves` already (also when a revision run has the same newest period).
        for period in Set(scoresBefore.periods).intersection(scoresAfter.periods).sorted() where period != periodAfter {
            let b = rankTable(scoresBefore, period), a = rankTable(scoresAfter, period)
            for unit in a.keys.sorted() {
                guard let old = b[unit], let new = a[unit] else { continue }
                let same = (old.score == new.score || (old.score.isNaN && new.score.isNaN)) && (old.rank == new.rank || (old.rank.isNaN && new.rank.isNaN))
                if !same {
                    recomputed.append(RankMove(unit: unit, name: new.name, periodBefore: period, periodAfter: period,
                                               rankBefore: old.rank, rankAfter: new.rank, scoreBefore: old.score, scoreAfter: new.score))
                }
            }
        }

        var diff = RunDiff(previousRun: previousRun, run: run, periodBefore: periodBefore, periodAfter: periodAfter, moves: moves,
                           comparedUnits: compared.count, recomputed: recomputed, top: top, topChanges: [], problems: [], hasLists: false,
                           revisions: merge.revisions, addedRows: merge.addedRows, addedPeriods: merge.addedPeriods,
                           names: Dictionary(scoresAfter.rows.map { ($0["unit"], $0["name"]) }, uniquingKeysWith: { a, _ in a }))
        diff.verdicts = try verdictChanges(before: before, after: after, previousRun: previousRun, run: run, top: top)
        guard before["priorities.csv"] != nil, after["priorities.csv"] != nil else { return diff }
        diff.hasLists = true
        diff.topChanges = try topChanges(before: ResultFile(before, "priorities.csv", run: previousRun), periodBefore,
                                         after: ResultFile(after, "priorities.csv", run: run), periodAfter, top: top)
        if before["themes.csv"] != nil, after["themes.csv"] != nil {
            let themesBefore = try ResultFile(before, "themes.csv", run: previousRun), themesAfter = try ResultFile(after, "themes.csv", run: run)
            // Lists from the nominal run (no uncertainty analysis) leave `significant` empty.
            diff.hasBands = [(themesBefore, periodBefore), (themesAfter, periodAfter)].allSatisfy { file, period in
                file.rows(in: period).first.map { !$0["significant"].isEmpty } ?? false
            }
            if diff.hasBands {
                diff.problems = problemChanges(before: themesBefore, periodBefore, after: themesAfter, periodAfter)
            }
        }
        return diff
    }

    /// Buurten with priority ≤ `top` in one period but not the other, by priority.
    static func topChanges(before: ResultFile, _ periodBefore: Int, after: ResultFile, _ periodAfter: Int, top: Int) -> [TopChange] {
        func positions(_ file: ResultFile, _ period: Int) -> [String: (name: String, priority: Double, pTop: Double)] {
            Dictionary(file.rows(in: period).map { ($0["unit"], ($0["name"], $0.number("priority"), $0.number("p_top"))) }, uniquingKeysWith: { a, _ in a })
        }
        let b = positions(before, periodBefore), a = positions(after, periodAfter)
        func inTop(_ p: Double?) -> Bool { p.map { $0 <= Double(top) } ?? false }
        var changes: [TopChange] = []
        for unit in Set(a.keys).union(b.keys) where inTop(a[unit]?.priority) != inTop(b[unit]?.priority) {
            changes.append(TopChange(unit: unit, name: a[unit]?.name ?? b[unit]!.name, entered: inTop(a[unit]?.priority),
                                     priorityBefore: b[unit]?.priority ?? .nan, priorityAfter: a[unit]?.priority ?? .nan,
                                     pTopAfter: a[unit]?.pTop ?? .nan))
        }
        return changes.sorted { ($0.entered ? 0 : 1, $0.entered ? $0.priorityAfter : $0.priorityBefore, $0.unit)
            < ($1.entered ? 0 : 1, $1.entered ? $1.priorityAfter : $1.priorityBefore, $1.unit) }
    }

    /// Problems whose `significant` flag differs between the two newest periods.
    static func problemChanges(before: ResultFile, _ periodBefore: Int, after: ResultFile, _ periodAfter: Int) -> [ProblemChange] {
        struct Key: Hashable { var unit, group: String }
        func flags(_ file: ResultFile, _ period: Int) -> [Key: (name: String, significant: Bool, gap: Double)] {
            Dictionary(file.rows(in: period).map { (Key(unit: $0["unit"], group: $0["group"]), ($0["name"], $0["significant"] == "true", $0.number("gap"))) },
                       uniquingKeysWith: { a, _ in a })
        }
        let b = flags(before, periodBefore), a = flags(after, periodAfter)
        var changes: [ProblemChange] = []
        for key in Set(a.keys).union(b.keys) where (a[key]?.significant ?? false) != (b[key]?.significant ?? false) {
            changes.append(ProblemChange(unit: key.unit, name: a[key]?.name ?? b[key]!.name, group: key.group,
                                         newlySignificant: a[key]?.significant ?? false,
                                         gapBefore: b[key]?.gap ?? .nan, gapAfter: a[key]?.gap ?? .nan))
        }
        return changes.sorted { ($0.newlySignificant ? 0 : 1, $0.unit, $0.group) < ($1.newlySignificant ? 0 : 1, $1.unit, $1.group) }
    }
}

/// A result CSV of a run, read by column name.
struct ResultFile {
    struct Row {
        let cells: [String]
        let columns: [String: Int]
        subscript(_ column: String) -> String { columns[column].map { cells[$0] } ?? "" }
        func number(_ column: String) -> Double { Double(self[column]) ?? .nan }
    }

    let rows: [Row]

    init(_ files: [String: Data], _ path: String, run: String) throws(BuurtError) {
        guard let data = files[path] else {
            throw BuurtError(.missingInput, "run \(run) has no \(path)", at: SourceLocation(file: path))
        }
        let table: CSVTable
        do {
            table = try CSVReader.parse(Array(data), file: "runs/\(run)/\(path)")
        } catch {
            throw error.problems.first ?? BuurtError(.data, "cannot read", at: SourceLocation(file: path))
        }
        let columns = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        rows = table.rows.map { Row(cells: $0, columns: columns) }
        header = Set(table.header)
    }

    private let header: Set<String>

    /// Whether the file has this column.
    func has(_ column: String) -> Bool { header.contains(column) }

    var periods: [Int] { Set(rows.compactMap { Int($0["period"]) }).sorted() }
    var newestPeriod: Int { periods.last ?? 0 }
    func rows(in period: Int) -> [Row] { rows.filter { Int($0["period"]) == period } }
}
