/// Figures that no sampling model or denominator can stand for: a negative population or
/// count, a survey with fewer than one respondent, a share outside 0-100 %.
///
/// The uncertainty engine would otherwise clamp such values silently (a share of 120 % drawn
/// as 100 %), and a negative population turns a rate's sign around.
extension PanelLoader {
    /// One rule on one column's cells.
    private struct Rule {
        var column: String
        var violates: (_ value: Double, _ row: Int) -> Bool
        var message: (_ cell: String) -> String
    }

    /// Every cell that breaks a rule, at most ``invalidCellsListedPerColumn`` per rule (the
    /// rest counted), in rule order then row order.
    /// - Parameters:
    ///   - numeric: the numeric columns' header indices; `values` holds them column-major.
    /// - Complexity: O(rows × rules).
    static func implausibleFigures(
        _ table: CSVTable, model: IndexModel, numeric: [Int], values: [Double]
    ) -> [BuurtError] {
        let n = table.rowCount
        var position: [String: Int] = [:]
        for (k, j) in numeric.enumerated() { position[table.header[j]] = k }
        func value(_ column: String, _ row: Int) -> Double { position[column].map { values[$0 * n + row] } ?? .nan }

        var rules: [Rule] = []
        var seen = Set<String>()
        func nonNegative(_ column: String, _ role: String) {
            guard position[column] != nil, seen.insert(column).inserted else { return }
            rules.append(Rule(column: column, violates: { x, _ in x < 0 },
                              message: { "\($0) in column '\(column)' is negative; \(role) cannot be below 0" }))
        }
        for code in model.indicators {
            guard let node = model.node(code) else { continue }
            if let d = node.denominator { nonNegative(d, "it is the denominator of '\(code)' (a population or area)") }
            switch node.sampling {
            case .binomial(let size, let per)?:
                nonNegative(size, "it is the number of respondents of '\(code)'")
                rules.append(Rule(column: size, violates: { x, r in x >= 0 && x < 1 && !value(code, r).isNaN },
                                  message: { "\($0) respondents in column '\(size)' for the share '\(code)': a share needs at least 1 respondent; leave '\(code)' empty where nobody answered" }))
                rules.append(Rule(column: code, violates: { x, _ in x < 0 || x > per },
                                  message: { "share \($0) in column '\(code)' is outside 0-\(formatNumber(per)) (binomial with per: \(formatNumber(per)))" }))
            case .poisson(let exposure, _)?:
                nonNegative(exposure, "it is the population of '\(code)'")
                rules.append(Rule(column: code, violates: { x, _ in x < 0 },
                                  message: { "\($0) in column '\(code)' is negative; a count (poisson) cannot be below 0" }))
            case nil:
                continue
            }
        }

        var problems: [BuurtError] = []
        for rule in rules {
            guard let k = position[rule.column] else { continue }
            let j = numeric[k]
            let rows = (0..<n).filter { r in rule.violates(values[k * n + r], r) }
            for r in rows.prefix(invalidCellsListedPerColumn) {
                problems.append(BuurtError(.data, rule.message(MessageText.excerpt(CSVReader.trimmed(table.cell(row: r, column: j)))),
                                           at: table.location(row: r, column: j)))
            }
            if rows.count > invalidCellsListedPerColumn {
                problems.append(BuurtError(.data, "column '\(rule.column)' has \(rows.count - invalidCellsListedPerColumn) more such cells",
                                           at: table.headerLocation(column: j)))
            }
        }
        return problems
    }
}
