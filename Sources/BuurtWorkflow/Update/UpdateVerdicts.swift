import BuurtIndex
import Foundation

extension RunDiff {
    /// A verdict about a period both runs have that differs between them: a published
    /// verdict that the new run moved.
    public struct VerdictChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            /// themes.csv `significant`: a dimension significantly behind the reference, or no longer.
            case problem
            /// priorities.csv `category`.
            case category
            /// Inside the priority list's top k (priority ≤ k), or no longer.
            case top
            /// changes.csv `significant`: a change over time significant, or no longer.
            case change
        }

        public var kind: Kind
        /// The period of the verdict (of a change: the period it runs to).
        public var period: Int
        public var unit, name: String
        /// The dimension (problem), `priority` (top, category), or the change's group, periods
        /// and further key columns (`index 2017–2020`, `index 2017–2020 measure=score`).
        public var item: String
        /// The verdict in each run, as the files have it: `true`/`false` (problem, change),
        /// the category, or the priority (top).
        public var before, after: String
    }

    /// Every verdict that differs between `before` and `after` in a period (or a change's
    /// pair of periods) both have, by kind, period, unit, item. Verdicts without bands (empty
    /// `significant`) are not compared.
    /// - Complexity: O(rows of the compared files).
    static func verdictChanges(before: [String: Data], after: [String: Data], previousRun: String, run: String, top: Int) throws(BuurtError) -> [VerdictChange] {
        func files(_ path: String) throws(BuurtError) -> (ResultFile, ResultFile)? {
            guard before[path] != nil, after[path] != nil else { return nil }
            return (try ResultFile(before, path, run: previousRun), try ResultFile(after, path, run: run))
        }
        var changes: [VerdictChange] = []
        /// Compares `value` of the rows with equal `key` (nil: not compared).
        func compare(_ kind: VerdictChange.Kind, _ pair: (ResultFile, ResultFile), key: (ResultFile.Row) -> String?,
                     period: (ResultFile.Row) -> Int?, item: (ResultFile.Row) -> String, value: (ResultFile.Row) -> String?,
                     differ: (String, String) -> Bool = { $0 != $1 }) {
            var old: [String: ResultFile.Row] = [:]
            for row in pair.0.rows { if let k = key(row) { old[k] = old[k] ?? row } }
            var seen = Set<String>()
            for row in pair.1.rows {
                guard let k = key(row), seen.insert(k).inserted, let was = old[k], let p = period(row),
                      let a = value(row), let b = value(was), differ(b, a) else { continue }
                changes.append(VerdictChange(kind: kind, period: p, unit: row["unit"], name: row["name"], item: item(row), before: b, after: a))
            }
        }
        func flag(_ row: ResultFile.Row) -> String? { row["significant"].isEmpty ? nil : row["significant"] }
        if let themes = try files("themes.csv") {
            compare(.problem, themes, key: { "\($0["unit"])\u{1F}\($0["period"])\u{1F}\($0["group"])" }, period: { Int($0["period"]) },
                    item: { $0["group"] }, value: flag)
        }
        if let priorities = try files("priorities.csv") {
            let key = { (row: ResultFile.Row) -> String? in "\(row["unit"])\u{1F}\(row["period"])" }
            if priorities.0.has("category"), priorities.1.has("category") {
                compare(.category, priorities, key: key, period: { Int($0["period"]) }, item: { _ in "category" }, value: { $0["category"] })
            }
            func inTop(_ priority: String) -> Bool { Double(priority).map { $0 <= Double(top) } ?? false }
            compare(.top, priorities, key: key, period: { Int($0["period"]) }, item: { _ in "priority" }, value: { $0["priority"] },
                    differ: { inTop($0) != inTop($1) })
        }
        if let pair = try files("changes.csv") {
            let extra = changeKeyColumns.filter { pair.0.has($0) && pair.1.has($0) }
            func item(_ row: ResultFile.Row) -> String {
                ([row["group"] + " " + row["from"] + "–" + row["to"]] + extra.map { "\($0)=\(row[$0])" }).joined(separator: " ")
            }
            compare(.change, pair, key: { row in (["unit", "from", "to", "group"] + extra).map { row[$0] }.joined(separator: "\u{1F}") },
                    period: { Int($0["to"]) }, item: item, value: flag)
        }
        let order = Dictionary(uniqueKeysWithValues: VerdictChange.Kind.allCases.enumerated().map { ($1, $0) })
        return changes.sorted { (order[$0.kind]!, $0.period, $0.unit, $0.item) < (order[$1.kind]!, $1.period, $1.unit, $1.item) }
    }

    /// Columns of changes.csv that, besides unit, from, to and group, tell its rows apart when both runs have them.
    static let changeKeyColumns = ["measure", "excluding"]
}
