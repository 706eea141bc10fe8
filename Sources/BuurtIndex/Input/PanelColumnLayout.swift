/// Which column of a data table plays which role for ``PanelLoader``.
struct PanelColumnLayout {
    /// Header indices of the identifying columns (`unit` is `nil` only when it was not found).
    var unit: Int?
    var name: Int?
    var period: Int?
    /// Header indices of the numeric columns, in file order.
    var numeric: [Int] = []
    /// Header indices of the categorical columns (groups and columns the model does not name), in file order.
    var categorical: [Int] = []

    /// Assigns roles and reports columns that are missing or clash with the model.
    init(table: CSVTable, model: IndexModel, columns: DataColumns, problems: inout [BuurtError]) {
        func find(_ role: String, given: String?, defaults: [String], required: Bool) -> Int? {
            if let given {
                if let j = table.columnIndex(given) { return j }
                problems.append(BuurtError(
                    .data, "\(role) column '\(given)' not found; the header has \(Self.list(table.header))",
                    at: table.headerLocation()))
                return nil
            }
            if let j = defaults.lazy.compactMap({ table.columnIndex($0) }).first { return j }
            if required {
                problems.append(BuurtError(
                    .data, "no \(role) column: tried \(Self.list(defaults)); name the \(role) column explicitly if it is called differently",
                    at: table.headerLocation()))
            }
            return nil
        }
        unit = find("unit", given: columns.unit, defaults: DataColumns.defaultUnit, required: true)
        name = find("name", given: columns.name, defaults: DataColumns.defaultName, required: false)
        period = find("period", given: columns.period, defaults: DataColumns.defaultPeriod, required: false)

        let required = Self.requiredColumns(model)
        for column in required where table.columnIndex(column.code) == nil {
            problems.append(BuurtError(
                .data, "\(column.role) '\(column.code)'\(column.detail) of the model has no column in the data"
                    + (column.code.count >= 4 ? ModelFileReader.suggestion(for: column.code, among: table.header, listAll: false) : ""),
                at: table.headerLocation()))
        }
        let roles = [(unit, "unit"), (name, "name"), (period, "period")]
        for column in required {
            guard let j = table.columnIndex(column.code), let role = roles.first(where: { $0.0 == j })?.1 else { continue }
            problems.append(BuurtError(
                .data, "\(column.role) '\(column.code)' of the model has the name of the \(role) column; "
                    + "rename the \(column.role) in the model or the column in the data",
                at: table.headerLocation(column: j)))
        }
        let numericCodes = Set(required.filter { $0.role != "group" }.map(\.code))
        let aggregates = Set(model.nodes.filter { $0.kind == .aggregate }.map(\.code))
        let identifying = Set([unit, name, period].compactMap { $0 })
        for (j, code) in table.header.enumerated() where !identifying.contains(j) {
            if numericCodes.contains(code) {
                numeric.append(j)
            } else if aggregates.contains(code) {
                problems.append(BuurtError(
                    .data, "column '\(code)' has the name of an aggregate of the model; aggregate scores are computed, so rename or remove the column",
                    at: table.headerLocation(column: j)))
            } else {
                categorical.append(j)
            }
        }
    }

    /// Columns the model needs from the data, in definition order, each with its role for
    /// messages ("indicator", "denominator", "group", …) and, for a denominator that only an
    /// indicator names, which indicator. Each code is listed once.
    static func requiredColumns(_ model: IndexModel) -> [(code: String, role: String, detail: String)] {
        var result: [(code: String, role: String, detail: String)] = []
        var listed = Set<String>()
        func add(_ code: String, _ role: String, _ detail: String = "") {
            if listed.insert(code).inserted { result.append((code, role, detail)) }
        }
        for node in model.nodes {
            switch node.kind {
            case .indicator:
                add(node.code, "indicator")
            case .denominator:
                add(node.code, "denominator")
            case .other:
                add(node.code, "data column (Other)")
            case .group:
                add(node.code, "group")
            case .aggregate:
                continue
            }
        }
        for node in model.nodes where node.kind == .indicator {
            if let d = node.denominator, !d.isEmpty { add(d, "denominator", " of indicator '\(node.code)'") }
        }
        return result
    }

    /// `'a', 'b', 'c'`, shortened after 12 names.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(12).map { "'\(MessageText.excerpt($0))'" }.joined(separator: ", ")
        return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
    }
}
