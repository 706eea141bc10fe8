import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// A changed cell of a period that was already published.
public struct FigureRevision: Sendable, Equatable {
    public var unit: String
    public var period: Int
    public var column: String
    /// The published cell (empty = missing); `nil` when the unit had no row in that period.
    public var old: String?
    /// The new cell (empty = missing).
    public var new: String

    public init(unit: String, period: Int, column: String, old: String?, new: String) {
        self.unit = unit
        self.period = period
        self.column = column
        self.old = old
        self.new = new
    }
}

/// New figures merged into the accumulated ones.
package struct FigureMerge: Sendable, Equatable {
    /// The accumulated figures with the new ones, ordered by unit then period.
    package var merged: FigureTable
    /// Rows of periods that were not published before.
    package var addedRows: Int
    /// Those periods, ascending.
    package var addedPeriods: [Int]
    /// Cells of published periods that the new figures change, by unit, period, then column order.
    package var revisions: [FigureRevision]

    /// Whether the new figures change nothing.
    package var isEmpty: Bool { addedRows == 0 && revisions.isEmpty }
}

/// Checks new figures against the accumulated ones and merges them.
package enum FigureMerging {
    /// The new file must have the same columns as the accumulated figures (any order).
    ///
    /// - Throws: ``BuurtErrors`` (`.data`) naming every missing and every new column; a new
    ///   column that resembles a missing one is reported as a probable renaming.
    package static func checkColumns(_ new: CSVTable, expected header: [String]) throws(BuurtErrors) {
        let missing = header.filter { new.columnIndex($0) == nil }
        let added = new.header.filter { !header.contains($0) }
        guard !missing.isEmpty || !added.isEmpty else { return }
        var problems: [BuurtError] = []
        var renamedFrom: [String: String] = [:]
        for column in added {
            let close = missing.filter { renamedFrom.values.contains($0) == false }
                .min { EditDistance.between(column, $0) < EditDistance.between(column, $1) }
            if let close, EditDistance.between(column, close) <= max(2, close.count / 3) { renamedFrom[column] = close }
        }
        for column in missing where !renamedFrom.values.contains(column) {
            problems.append(BuurtError(.data, "column '\(column)' of the accumulated figures is missing", at: new.headerLocation()))
        }
        for column in added {
            let j = new.columnIndex(column)
            if let old = renamedFrom[column] {
                problems.append(BuurtError(.data, "column '\(column)' is new and '\(old)' is missing: renamed? Use the name '\(old)' as in the accumulated figures",
                                           at: new.headerLocation(column: j)))
            } else {
                problems.append(BuurtError(.data, "column '\(column)' is new: it is not in the accumulated figures (the figures of an update state keep their columns; a model with new indicators uses columns the figures have)",
                                           at: new.headerLocation(column: j)))
            }
        }
        problems.append(BuurtError(
            .data, "the columns differ from the accumulated figures (\(missing.count) missing, \(added.count) new); nothing was changed",
            at: new.headerLocation()))
        throw BuurtErrors(problems)
    }

    /// Merges `new` into `state`.
    ///
    /// Rows of a period the state does not have yet are added; they must cover exactly the
    /// units of the state's latest period (a missing unit, an unknown unit, and an unknown
    /// unit with the name of a missing one — a re-coded buurt — are errors). Rows of a
    /// published period that equal the published ones are ignored (so an update can be
    /// repeated); any other cell of a published period, and a row a published period lacked,
    /// is a ``FigureRevision``. A period that is new but older than the latest one is refused.
    /// A unit of the latest period that `crosswalk` maps in that period stands for the units
    /// it maps onto: a re-coded buurt is expected under its new code.
    /// - Throws: ``BuurtErrors`` (`.data`) listing every period and unit problem, at its row in `new`.
    /// - Complexity: O((rows of state + rows of new) × columns + crosswalk entries).
    package static func merge(state: FigureTable, new: FigureTable, crosswalk: Crosswalk? = nil) throws(BuurtErrors) -> FigureMerge {
        let published = Set(state.periods)
        let latest = state.periods.last
        let latestRows = state.rows.indices.filter { state.period($0) == latest }
        var latestUnits: [String: String] = [:]
        for r in latestRows {
            let targets = (crosswalk?.entries ?? []).filter { entry in
                entry.fromCode == state.unit(r) && latest.map { (entry.periodFrom...entry.periodTo).contains($0) } == true
            }.map(\.toCode)
            for code in targets.isEmpty ? [state.unit(r)] : targets where latestUnits[code] == nil { latestUnits[code] = state.name(r) }
        }
        let knownUnits = Set(state.rows.indices.map(state.unit))
        let stateRows = state.rowIndex
        let columnOf = Dictionary(uniqueKeysWithValues: new.header.enumerated().map { ($1, $0) })
        var problems: [BuurtError] = []
        var revisions: [FigureRevision] = []
        var merged = state
        var added: [Int] = []

        for r in new.rows.indices {
            let key = FigureKey(unit: new.unit(r), period: new.period(r))
            let cells = state.header.map { new.rows[r][columnOf[$0]!] }
            if let s = stateRows[key] {
                for (j, column) in state.header.enumerated() where state.rows[s][j] != cells[j] {
                    revisions.append(FigureRevision(unit: key.unit, period: key.period, column: column, old: state.rows[s][j], new: cells[j]))
                    merged.rows[s][j] = cells[j]
                }
            } else if published.contains(key.period) {
                guard knownUnits.contains(key.unit) else {
                    problems.append(BuurtError(.data, "unit '\(key.unit)' (\(new.name(r))) in period \(key.period) is not in the accumulated figures", at: new.location(row: r)))
                    continue
                }
                for (j, column) in state.header.enumerated() where j != state.unitColumn && j != state.periodColumn && !cells[j].isEmpty {
                    revisions.append(FigureRevision(unit: key.unit, period: key.period, column: column, old: nil, new: cells[j]))
                }
                merged.rows.append(cells)
                merged.lineNumbers.append(0)
            } else {
                added.append(r)
                merged.rows.append(cells)
                merged.lineNumbers.append(0)
            }
        }
        let addedPeriods = Set(added.map(new.period)).sorted()
        for period in addedPeriods {
            if let latest, period < latest, let first = added.first(where: { new.period($0) == period }) {
                problems.append(BuurtError(.data, "period \(period) is not in the accumulated figures and older than the latest period \(latest): periods are added in order, each after the latest",
                                           at: new.location(row: first)))
                continue
            }
            problems += unitProblems(new, rows: added.filter { new.period($0) == period }, period: period,
                                     expected: latestUnits, latest: latest ?? period)
        }
        guard problems.isEmpty else {
            problems.append(BuurtError(.data, "the units of the new figures differ from the accumulated ones; nothing was changed", at: SourceLocation(file: new.file)))
            throw BuurtErrors(problems)
        }
        let unitOrder = state.rows.indices.map(state.unit)
        revisions.sort { ($0.unit, $0.period) < ($1.unit, $1.period) }
        return FigureMerge(merged: merged.sorted(unitOrder: unitOrder), addedRows: added.count, addedPeriods: addedPeriods, revisions: revisions)
    }

    /// Units of a new period against those of the latest published period.
    private static func unitProblems(_ new: FigureTable, rows: [Int], period: Int, expected: [String: String], latest: Int) -> [BuurtError] {
        let present = Set(rows.map(new.unit))
        let missing = expected.keys.filter { !present.contains($0) }.sorted()
        let missingByName = Dictionary(missing.map { (expected[$0]!, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [BuurtError] = []
        for r in rows where expected[new.unit(r)] == nil {
            if let old = missingByName[new.name(r)] {
                problems.append(BuurtError(.data, "unit '\(new.unit(r))' (\(new.name(r))) in period \(period) is new and '\(old)' with the same name is missing: re-coded? Use the code '\(old)' or a crosswalk",
                                           at: new.location(row: r)))
            } else {
                problems.append(BuurtError(.data, "unit '\(new.unit(r))' (\(new.name(r))) in period \(period) is new: it is not among the \(expected.count) units of \(latest)",
                                           at: new.location(row: r)))
            }
        }
        let recoded = Set(rows.compactMap { expected[new.unit($0)] == nil ? missingByName[new.name($0)] : nil })
        for code in missing where !recoded.contains(code) {
            problems.append(BuurtError(.data, "unit '\(code)' (\(expected[code]!)) of \(latest) has no row for period \(period)", at: SourceLocation(file: new.file)))
        }
        return problems
    }
}
