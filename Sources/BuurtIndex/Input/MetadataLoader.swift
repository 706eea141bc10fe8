/// Reads index metadata in COINr's `iMeta` layout.
///
/// Columns (any order, names matched case-insensitively; other columns are ignored):
/// - `iCode` (required): node code. `iName`: display name (defaults to the code).
/// - `Type` (required): `Indicator`, `Aggregate`, `Group`, `Denominator` or `Other`, any case.
/// - `Parent`: parent aggregate code. `Denominator`: the column an indicator is divided by.
/// - `Direction`: `1` or `-1`; required for indicators when the column exists, `1` otherwise.
/// - `Weight`: a number, `1` when missing. `Target`, `Scale`: optional numbers.
/// - `GoalpostLower`, `GoalpostUpper`: optional numbers, both or neither. `Unit`: text.
/// - `Level`: optional; when given for an indicator or aggregate it must equal the node's height
///   in the tree (indicators 1, an aggregate one more than its highest child).
///
/// Missing cells are empty, `NA`, `.` or `-`, as in data files.
public enum MetadataLoader {
    /// Metadata rows as model nodes, in file order.
    /// - Throws: ``BuurtErrors`` listing every problem at `file:line:column`.
    public static func load(_ table: CSVTable) throws(BuurtErrors) -> [ModelNode] {
        var problems: [BuurtError] = []
        let columns = MetadataColumns(table: table, problems: &problems)
        guard problems.isEmpty else { throw BuurtErrors(problems) }
        var nodes: [ModelNode] = []
        var levels: [(row: Int, code: String, level: Int)] = []
        for r in table.rows.indices {
            var reader = MetadataRowReader(table: table, row: r, columns: columns)
            if let node = reader.node() {
                nodes.append(node)
                if let level = reader.level, node.kind == .indicator || node.kind == .aggregate {
                    levels.append((r, node.code, level))
                }
            }
            problems += reader.problems
        }
        guard problems.isEmpty else { throw BuurtErrors(problems) }
        if let levelColumn = columns.level, let model = try? IndexModel(nodes: nodes, source: table.file) {
            for (row, code, level) in levels {
                guard let height = model.height[code], height != level else { continue }
                problems.append(BuurtError(
                    .data, "Level of '\(code)' is \(level) but its height in the tree is \(height) (indicators are level 1, an aggregate is one above its highest child)",
                    at: table.location(row: row, column: levelColumn)))
            }
        }
        guard problems.isEmpty else { throw BuurtErrors(problems) }
        return nodes
    }

    /// ``load(_:)`` followed by ``IndexModel/init(nodes:source:)``; a `Parent` that names no
    /// row is reported at its cell (with a suggestion when a code is close).
    /// - Parameter denominating: what the model's `denominate:` key says, see
    ///   ``MetadataDenominators/check(_:nodes:denominate:)``; `nil` skips that check.
    public static func loadModel(_ table: CSVTable, denominating: MetadataDenominators.Request? = nil) throws(BuurtErrors) -> IndexModel {
        let nodes = try load(table)
        let model: IndexModel
        do {
            model = try IndexModel(nodes: nodes, source: table.file)
        } catch {
            throw BuurtErrors(locatingUndefinedParents(error.problems, nodes: nodes, table: table))
        }
        // After the tree's own problems: a broken tree is reported as such first.
        if let denominating { try MetadataDenominators.check(table, nodes: nodes, denominate: denominating) }
        return model
    }

    /// `problems` with each "parent 'P' of 'C' is not defined" moved to the Parent cell of C's
    /// row (rows and nodes correspond one to one once ``load(_:)`` succeeded).
    private static func locatingUndefinedParents(_ problems: [BuurtError], nodes: [ModelNode], table: CSVTable) -> [BuurtError] {
        guard nodes.count == table.rows.count,
              let parentColumn = table.header.firstIndex(where: { $0.lowercased() == "parent" }) else { return problems }
        let codes = nodes.map(\.code)
        var located: [String: BuurtError] = [:]
        for (row, node) in nodes.enumerated() {
            guard let parent = node.parent, !parent.isEmpty, !codes.contains(parent) else { continue }
            let message = "parent '\(parent)' of '\(node.code)' is not defined"
            let aggregates = nodes.filter { $0.kind == .aggregate }.map(\.code)
            located[message] = BuurtError(
                .data, message + ModelFileReader.suggestion(for: parent, among: aggregates, listAll: false),
                at: table.location(row: row, column: parentColumn))
        }
        return problems.map { located[$0.message] ?? $0 }
    }
}

/// Header indices of the metadata columns.
struct MetadataColumns {
    var code = 0, type = 0
    var name, level, parent, direction, weight, denominator, target, unit, scale, goalpostLower, goalpostUpper: Int?

    init(table: CSVTable, problems: inout [BuurtError]) {
        var index: [String: Int] = [:]
        for (j, name) in table.header.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = j }
        func required(_ name: String) -> Int {
            if let j = index[name.lowercased()] { return j }
            problems.append(BuurtError(
                .data, "the metadata has no '\(name)' column (expected COINr columns iCode, iName, Level, Parent, Direction, Weight, Type, Denominator, Target)",
                at: table.headerLocation()))
            return 0
        }
        code = required("iCode")
        type = required("Type")
        name = index["iname"]
        level = index["level"]
        parent = index["parent"]
        direction = index["direction"]
        weight = index["weight"]
        denominator = index["denominator"]
        target = index["target"]
        unit = index["unit"]
        scale = index["scale"]
        goalpostLower = index["goalpostlower"]
        goalpostUpper = index["goalpostupper"]
    }
}

/// Reads one metadata row, collecting its problems.
struct MetadataRowReader {
    let table: CSVTable
    let row: Int
    let columns: MetadataColumns
    var problems: [BuurtError] = []
    /// The row's `Level`, when given and valid.
    var level: Int?

    init(table: CSVTable, row: Int, columns: MetadataColumns) {
        self.table = table
        self.row = row
        self.columns = columns
    }

    mutating func node() -> ModelNode? {
        let code = text(columns.code)
        if code == nil { fail("missing iCode; every row needs a code", columns.code) }
        let label = code.map { "'\($0)'" } ?? "row at line \(table.lineNumbers[row])"
        let kind = self.kind(label)
        let direction = self.direction(label, kind: kind)
        let weight = number(columns.weight, "weight", label) ?? 1
        let target = number(columns.target, "target", label)
        let scale = number(columns.scale, "scale", label)
        let lower = number(columns.goalpostLower, "GoalpostLower", label)
        let upper = number(columns.goalpostUpper, "GoalpostUpper", label)
        if (lower == nil) != (upper == nil), let given = lower == nil ? columns.goalpostUpper : columns.goalpostLower {
            fail("\(label) has only one goalpost; give both GoalpostLower and GoalpostUpper, or neither", given)
        }
        level = wholeNumber(columns.level, "Level", label)
        guard let code, let kind else { return nil }
        return ModelNode(
            code: code, name: text(columns.name), kind: kind, parent: text(columns.parent),
            direction: direction, weight: weight, denominator: text(columns.denominator), scale: scale,
            target: target, goalposts: lower.flatMap { l in upper.map { (lower: l, upper: $0) } },
            unit: text(columns.unit))
    }

    private mutating func fail(_ message: String, _ column: Int) {
        problems.append(BuurtError(.data, message, at: table.location(row: row, column: column)))
    }

    /// The trimmed cell, `nil` when the column is absent or the cell is a missing token.
    private func text(_ column: Int?) -> String? {
        guard let column else { return nil }
        let cell = CSVReader.trimmed(table.cell(row: row, column: column))
        return CSVReader.missingTokens.contains(cell) ? nil : cell
    }

    private mutating func kind(_ label: String) -> NodeKind? {
        guard let type = text(columns.type) else {
            fail("missing Type for \(label); expected Indicator, Aggregate, Group, Denominator or Other", columns.type)
            return nil
        }
        guard let kind = NodeKind.allCases.first(where: { $0.rawValue.lowercased() == type.lowercased() }) else {
            fail("unknown Type '\(type)' for \(label); expected Indicator, Aggregate, Group, Denominator or Other", columns.type)
            return nil
        }
        return kind
    }

    private mutating func direction(_ label: String, kind: NodeKind?) -> Double {
        guard let column = columns.direction else { return 1 }
        guard let cell = text(column) else {
            if kind == .indicator { fail("missing Direction for indicator \(label); expected 1 (higher is better) or -1 (lower is better)", column) }
            return 1
        }
        guard case .number(let d) = CSVReader.parseNumber(cell, decimalComma: table.decimalComma), d == 1 || d == -1 else {
            fail("Direction of \(label) must be 1 or -1, got '\(cell)'", column)
            return 1
        }
        return d
    }

    /// An optional number cell; reports text that is not a number.
    private mutating func number(_ column: Int?, _ what: String, _ label: String) -> Double? {
        guard let column, let cell = text(column) else { return nil }
        switch CSVReader.parseNumber(cell, decimalComma: table.decimalComma) {
        case .number(let x): return x
        case .missing: return nil
        case .invalid:
            let example = table.decimalComma ? "1 or 0,5" : "1 or 0.5"
            fail("\(what) of \(label) is not a number: '\(cell)' (expected a number such as \(example), or NA)", column)
            return nil
        }
    }

    private mutating func wholeNumber(_ column: Int?, _ what: String, _ label: String) -> Int? {
        guard let column, let cell = text(column) else { return nil }
        guard let value = Int(cell), value >= 1 else {
            fail("\(what) of \(label) must be a whole number ≥ 1, got '\(cell)'", column)
            return nil
        }
        return value
    }
}
