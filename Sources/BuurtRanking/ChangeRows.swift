import BuurtIndex
import BuurtNumerics

/// Which way a change goes when its 5-95 % band excludes 0 (scores: higher is better).
public enum ChangeDirection: String, Sendable, Equatable {
    case better, worse
}

/// The change of one unit's score in one group between two periods (a row of `changes.csv`).
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
    /// scoreTo − scoreFrom.
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
                significant: ChangeDirection? = nil, breakNote: String? = nil) {
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
    }
}

/// The changes between two periods for every unit scored in both, group by group.
public struct ChangeAnalysis: Sendable, Equatable {
    public var from: Int
    public var to: Int
    /// The index first, then its dimensions.
    public var groups: [String]
    /// Units in the order of their rows in the later period; per unit every group.
    public var rows: [ChangeRow]
    /// The method breaks between the two periods (whatever groups they touch).
    public var breaks: [MethodBreak]
    /// Replications behind the bands (`nil` without `uncertainty:`), and how many of them failed.
    public var replications: Int?
    public var failedReplications: Int = 0
}

extension ChangeAnalysis {
    /// The groups compared: the index and its children.
    public static func groups(of model: IndexModel) -> [String] {
        [model.root] + model.children(of: model.root)
    }

    /// The two periods: `spec`'s, defaulting to the first and last period of `periods`.
    /// `nil` when there are fewer than two periods and `spec` names none.
    /// - Throws: `BuurtError(.data)` when a period of `spec` is not among `periods`.
    public static func periods(_ spec: ChangeSpec?, among periods: [Int], at location: SourceLocation? = nil) throws(BuurtError) -> (from: Int, to: Int)? {
        let sorted = periods.sorted()
        guard spec?.from != nil || spec?.to != nil || sorted.count >= 2 else { return nil }
        let listed = sorted.map(String.init).joined(separator: ", ")
        for (key, year) in [("from", spec?.from), ("to", spec?.to)] {
            if let year, !sorted.contains(year) {
                throw BuurtError(.data, "changes: \(key) \(year) is not a period of the scored data (periods: \(listed.isEmpty ? "none" : listed))", at: location)
            }
        }
        guard let from = spec?.from ?? sorted.first, let to = spec?.to ?? sorted.last, from != to else {
            throw BuurtError(.data, "changes need two different periods; the scored data has \(listed.isEmpty ? "none" : listed)", at: location)
        }
        return (from, to)
    }

    /// The nominal changes (no bands) of every unit with a row in both periods.
    /// - Complexity: O(rows + units × groups × breaks).
    public static func nominal(_ aggregated: Panel, model: IndexModel, from: Int, to: Int, breaks: [MethodBreak]) -> ChangeAnalysis {
        let groups = groups(of: model)
        let crossing = breaks.filter { $0.separates(from, to) }
        let notes = groups.map { g -> String? in
            let under = Set(model.indicators(under: g))
            let hit = crossing.filter { !under.isDisjoint(with: $0.indicators) }.map(\.note)
            return hit.isEmpty ? nil : hit.joined(separator: "; ")
        }
        let columns = groups.map { aggregated.column($0) ?? [] }
        var rows: [ChangeRow] = []
        for (i, j) in pairs(aggregated, from: from, to: to) {
            for (g, group) in groups.enumerated() {
                let a = columns[g].isEmpty ? .nan : columns[g][i], b = columns[g].isEmpty ? .nan : columns[g][j]
                rows.append(ChangeRow(unit: aggregated.unitCodes[j], name: aggregated.unitNames[j], from: from, to: to, group: group,
                                      scoreFrom: a, scoreTo: b, change: b - a, breakNote: notes[g]))
            }
        }
        return ChangeAnalysis(from: from, to: to, groups: groups, rows: rows, breaks: crossing)
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
