import BuurtIndex
import BuurtNumerics

/// Which way a change goes when its 5-95 % band excludes 0 (scores: higher is better).
public enum ChangeDirection: String, Sendable, Equatable {
    case better, worse
}

/// What a row of `changes.csv` measures between its two periods.
public enum ChangeMeasure: String, Sendable, Equatable, CaseIterable {
    /// score_to − score_from (points).
    case change
    /// The OLS slope of the score on the year over the window's periods (points per year).
    case slope
    /// The compound annual growth rate (score_to / score_from)^(1/(to − from)) − 1.
    case cagr
}

/// The change of one unit's score in one group between two periods (a row of `changes.csv`).
/// A row depends only on (unit, from, to, group, measure, excluding) and the data of its
/// periods, not on the window that asked for it.
public struct ChangeRow: Sendable, Equatable {
    public var unit: String
    /// The unit's name in the later period.
    public var name: String
    public var from: Int
    public var to: Int
    /// The index or one of its dimensions.
    public var group: String
    public var scoreFrom: Double
    public var scoreTo: Double
    /// What ``change`` measures; its band is ``changeP05``…``changeP95``.
    public var measure: ChangeMeasure
    /// Indicators left out of the group (weight 0, the others renormalised) because a method
    /// break between the periods affects them, in model order; empty for the group as modelled.
    public var excluding: [String]
    /// scoreTo − scoreFrom, or the slope or CAGR (``measure``).
    public var change: Double
    /// 5 % and 95 % quantiles (R type 7) of the change over the replications; NaN without
    /// `uncertainty:` or when no replication scored the unit in both periods.
    public var changeP05: Double
    public var changeP95: Double
    /// `better` when changeP05 > 0, `worse` when changeP95 < 0, else `nil`.
    public var significant: ChangeDirection?
    /// The notes of the method breaks between the two periods that affect an indicator of the
    /// group, joined by "; "; `nil` when the comparison crosses none.
    public var breakNote: String?

    public init(unit: String, name: String, from: Int, to: Int, group: String, scoreFrom: Double, scoreTo: Double,
                change: Double, changeP05: Double = .nan, changeP95: Double = .nan,
                significant: ChangeDirection? = nil, breakNote: String? = nil,
                measure: ChangeMeasure = .change, excluding: [String] = []) {
        self.measure = measure
        self.excluding = excluding
        self.unit = unit
        self.name = name
        self.from = from
        self.to = to
        self.group = group
        self.scoreFrom = scoreFrom
        self.scoreTo = scoreTo
        self.change = change
        self.changeP05 = changeP05
        self.changeP95 = changeP95
        self.significant = significant
        self.breakNote = breakNote
    }

    public static func == (a: ChangeRow, b: ChangeRow) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.unit == b.unit && a.name == b.name && a.from == b.from && a.to == b.to && a.group == b.group
            && same(a.scoreFrom, b.scoreFrom) && same(a.scoreTo, b.scoreTo) && same(a.change, b.change)
            && same(a.changeP05, b.changeP05) && same(a.changeP95, b.changeP95)
            && a.significant == b.significant && a.breakNote == b.breakNote
            && a.measure == b.measure && a.excluding == b.excluding
    }

    /// The row's key: (unit, from, to, group, measure, excluding).
    public var key: String {
        [unit, String(from), String(to), group, measure.rawValue, excluding.joined(separator: " ")].joined(separator: "\u{1F}")
    }
}

/// The changes between pairs of periods for every unit scored in both, group by group, and
/// the trends over windows of periods.
public struct ChangeAnalysis: Sendable, Equatable {
    /// The pairs compared and the windows with a trend, sorted by (from, to).
    public var pairs: [PeriodPair]
    public var trends: [PeriodPair]
    /// The index first, then its dimensions.
    public var groups: [String]
    /// Per (from, to) in order: the changes (units in the order of their rows in the later
    /// period; per unit every group), the break-free changes, then the slopes and CAGRs.
    public var rows: [ChangeRow]
    /// The method breaks between the periods of any pair or window (whatever groups they touch).
    public var breaks: [MethodBreak]
    /// Replications behind the bands (`nil` without `uncertainty:`), and how many of them failed.
    public var replications: Int?
    public var failedReplications: Int = 0

    /// The first and last period compared.
    public var from: Int { (pairs + trends).map(\.from).min() ?? 0 }
    public var to: Int { (pairs + trends).map(\.to).max() ?? 0 }
    /// The pair a profile shows first: from the first to the last period compared, else the
    /// longest pair.
    public var headline: PeriodPair? {
        pairs.first { $0.from == from && $0.to == to } ?? pairs.max { ($0.to - $0.from, $1.from) < ($1.to - $1.from, $0.from) }
    }

    /// The rows of one (from, to) and measure; `breakFree` selects the rows with ``ChangeRow/excluding``.
    public func rows(_ pair: PeriodPair, _ measure: ChangeMeasure = .change, breakFree: Bool = false) -> [ChangeRow] {
        rows.filter { $0.from == pair.from && $0.to == pair.to && $0.measure == measure && $0.excluding.isEmpty != breakFree }
    }
}

extension ChangeAnalysis {
    /// The groups compared: the index and its children.
    public static func groups(of model: IndexModel) -> [String] {
        [model.root] + model.children(of: model.root)
    }

    /// One pair: `spec`'s window resolved against `periods` (first and last period by default).
    /// `nil` when there are fewer than two periods and `spec` names none.
    /// - Throws: `BuurtError(.data)` as ``ResolvedChanges/resolve(_:among:at:)``.
    public static func periods(_ spec: ChangeSpec?, among periods: [Int], at location: SourceLocation? = nil) throws(BuurtError) -> (from: Int, to: Int)? {
        try ResolvedChanges.resolve(spec, among: periods, at: location)?.pairs.first.map { ($0.from, $0.to) }
    }

    /// The nominal changes of one pair (no bands, no trends, no break-free rows).
    public static func nominal(_ aggregated: Panel, model: IndexModel, from: Int, to: Int, breaks: [MethodBreak]) -> ChangeAnalysis {
        nominal(aggregated, model: model, changes: ResolvedChanges(pairs: [PeriodPair(from: from, to: to)], periods: [from, to]), breaks: breaks)
    }

    /// The nominal rows (no bands) of every unit with a row in both periods of each pair and
    /// window: changes, break-free changes from `breakFree` (the final panel of the model
    /// without each list of ``BreakFree/exclusions(_:breaks:model:)``), slopes and CAGRs.
    /// - Complexity: O(keys · (rows + units × groups × (breaks + periods))).
    public static func nominal(_ aggregated: Panel, model: IndexModel, changes: ResolvedChanges, breaks: [MethodBreak],
                               breakFree: [[String]: Panel] = [:]) -> ChangeAnalysis {
        let groups = groups(of: model)
        let keys = Set(changes.pairs + changes.trends).sorted()
        let crossed = breaks.filter { b in keys.contains { b.separates($0.from, $0.to) } }
        var rows: [ChangeRow] = []
        for key in keys {
            let crossing = breaks.filter { $0.separates(key.from, key.to) }
            let notes = groups.map { g -> String? in
                let under = Set(model.indicators(under: g))
                let hit = crossing.filter { !under.isDisjoint(with: $0.indicators) }.map(\.note)
                return hit.isEmpty ? nil : hit.joined(separator: "; ")
            }
            if changes.pairs.contains(key) {
                rows += block(aggregated, groups: groups.indices.map { (groups[$0], notes[$0], []) }, key, [key.from, key.to], .change)
                let left = BreakFree.excluded(crossing)
                if !left.isEmpty, let panel = breakFree[BreakFree.ordered(left, model)] {
                    let eligible = BreakFree.groups(groups, left: left, model: model)
                    rows += block(panel, groups: eligible.map { g in (g.group, notes[groups.firstIndex(of: g.group)!], g.excluding) },
                                  key, [key.from, key.to], .change)
                }
            }
            if changes.trends.contains(key) {
                let window = changes.periods(in: key)
                for measure in [ChangeMeasure.slope, .cagr] {
                    rows += block(aggregated, groups: groups.indices.map { (groups[$0], notes[$0], []) }, key,
                                  measure == .slope ? window : [key.from, key.to], measure)
                }
            }
        }
        return ChangeAnalysis(pairs: changes.pairs, trends: changes.trends, groups: groups, rows: rows, breaks: crossed)
    }

    /// The rows of one key and measure from `panel`: per unit with a row in both ends (in the
    /// order of the `to` rows), per group, the measure over the unit's scores in `years`.
    private static func block(_ panel: Panel, groups: [(group: String, note: String?, excluding: [String])], _ key: PeriodPair,
                              _ years: [Int], _ measure: ChangeMeasure) -> [ChangeRow] {
        let columns = groups.map { panel.column($0.group) ?? [] }
        let lookup = ChangeMeasures.RowLookup(panel)
        var rows: [ChangeRow] = []
        for (i, j) in pairs(panel, from: key.from, to: key.to) {
            let unit = panel.unitCodes[j]
            let points = years.compactMap { y in lookup.row(unit, y).map { (year: y, row: $0) } }
            for (g, group) in groups.enumerated() {
                let column = columns[g]
                let a = column.isEmpty ? .nan : column[i], b = column.isEmpty ? .nan : column[j]
                let value = ChangeMeasures.value(measure, years: points.map { Double($0.year) },
                                                 scores: points.map { column.isEmpty ? .nan : column[$0.row] })
                rows.append(ChangeRow(unit: unit, name: panel.unitNames[j], from: key.from, to: key.to, group: group.group,
                                      scoreFrom: a, scoreTo: b, change: value, breakNote: group.note,
                                      measure: measure, excluding: group.excluding))
            }
        }
        return rows
    }

    /// (row in `from`, row in `to`) of every unit with a row in both, in the order of the `to` rows.
    static func pairs(_ panel: Panel, from: Int, to: Int) -> [(Int, Int)] {
        var fromRow: [String: Int] = [:]
        for i in 0..<panel.rowCount where panel.periods[i] == from && fromRow[panel.unitCodes[i]] == nil {
            fromRow[panel.unitCodes[i]] = i
        }
        var seen = Set<String>()
        return (0..<panel.rowCount).compactMap { j in
            guard panel.periods[j] == to, seen.insert(panel.unitCodes[j]).inserted, let i = fromRow[panel.unitCodes[j]] else { return nil }
            return (i, j)
        }
    }
}
