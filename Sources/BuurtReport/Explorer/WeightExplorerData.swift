import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// What the weight explorer page embeds: the index's dimensions (the root's children) with
/// their published weights, and per row (unit in a period) the dimension scores, the published
/// index and its published rank.
///
/// Numbers are written with ``formatNumber(_:)`` (shortest round-trip), so the page's
/// `JSON.parse` reads back exactly the doubles of the aggregated panel; missing values are `null`.
struct WeightExplorerData: Sendable {
    struct Dimension: Sendable {
        var code: String
        var name: String
        var weight: Double
    }

    var index: String
    var indexName: String
    var method: AggregateMethod
    var minCoverage: Double?
    var dimensions: [Dimension]
    /// Periods in ranking order (ascending, rows without a period last).
    var periods: [Int?]
    /// Distinct units in order of first appearance.
    var units: [(code: String, name: String)]
    /// Per row: unit number, period number, published index, published rank, dimension scores.
    var rows: [(unit: Int, period: Int, score: Double, rank: Double, dimensions: [Double])]
    /// Dimensions without a column in the aggregated panel (the page cannot recompute then).
    var missingColumns: [String]

    /// Whether the page can recompute the index: arithmetic aggregation at the root and every
    /// dimension column present.
    var recomputable: Bool {
        if case .arithmetic = method { return missingColumns.isEmpty && !dimensions.isEmpty }
        return false
    }

    init(aggregated panel: Panel, model: IndexModel, aggregate: AggregateParameters) {
        index = model.root
        indexName = model.node(model.root)?.name ?? model.root
        let rule = aggregate.rule(forHeight: model.height[model.root] ?? 1)
        method = rule.method
        minCoverage = rule.minCoverage
        let codes = model.children(of: model.root)
        dimensions = codes.map { Dimension(code: $0, name: model.node($0)?.name ?? $0, weight: model.node($0)?.weight ?? 0) }
        missingColumns = codes.filter { panel.column($0) == nil }

        let groups = PeriodRows.grouping(panel.periods)
        periods = groups.map(\.period)
        var periodOf = [Int](repeating: 0, count: panel.rowCount)
        for (g, group) in groups.enumerated() { for r in group.rows { periodOf[r] = g } }

        var unitOf: [String: Int] = [:]
        units = []
        var unitIndex = [Int](repeating: 0, count: panel.rowCount)
        for r in 0..<panel.rowCount {
            let code = panel.unitCodes[r]
            if let u = unitOf[code] {
                unitIndex[r] = u
            } else {
                unitOf[code] = units.count
                unitIndex[r] = units.count
                units.append((code, panel.unitNames[r]))
            }
        }

        let nan = [Double](repeating: .nan, count: panel.rowCount)
        let scores = panel.column(model.root) ?? nan
        let ranks = PeriodPartition(panel).ranks(scores)
        let columns = codes.map { panel.column($0) ?? nan }
        rows = (0..<panel.rowCount).map { r in
            (unitIndex[r], periodOf[r], scores[r], ranks[r], columns.map { $0[r] })
        }
    }

    /// The method's name as the model file writes it.
    var methodName: String {
        switch method {
        case .arithmetic: "arithmetic"
        case .geometric: "geometric"
        case .harmonic: "harmonic"
        case .generalised: "generalised"
        case .copeland: "copeland"
        case .mazziottaPareto: "mpi"
        }
    }

    /// The JSON object the page's script reads (see ``WeightExplorerScript``).
    var json: String {
        var out = "{\"index\":\(WeightExplorerJSON.string(index)),\"indexName\":\(WeightExplorerJSON.string(indexName))"
        out += ",\"method\":\(WeightExplorerJSON.string(methodName)),\"recomputable\":\(recomputable)"
        out += ",\"minCoverage\":\(WeightExplorerJSON.number(minCoverage ?? .nan))"
        out += ",\"dims\":[" + dimensions.map {
            "{\"code\":\(WeightExplorerJSON.string($0.code)),\"name\":\(WeightExplorerJSON.string($0.name)),\"weight\":\(WeightExplorerJSON.number($0.weight))}"
        }.joined(separator: ",") + "]"
        out += ",\"periods\":[" + periods.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]"
        out += ",\"units\":[" + units.map { "[\(WeightExplorerJSON.string($0.code)),\(WeightExplorerJSON.string($0.name))]" }.joined(separator: ",") + "]"
        out += ",\"rows\":[\n"
        out += rows.map { row in
            "[\(row.unit),\(row.period),\(WeightExplorerJSON.number(row.score)),\(WeightExplorerJSON.number(row.rank)),"
                + row.dimensions.map(WeightExplorerJSON.number).joined(separator: ",") + "]"
        }.joined(separator: ",\n")
        out += "]}"
        return out
    }
}

/// JSON text for embedding in an HTML `<script>` element.
enum WeightExplorerJSON {
    /// Shortest round-trip decimal; `null` for NaN and infinities.
    static func number(_ x: Double) -> String {
        x.isFinite ? formatNumber(x) : "null"
    }

    /// A quoted JSON string safe inside the page's `<script>` element (see ``JSONString``).
    static func string(_ s: String) -> String {
        JSONString.quoted(s, scriptSafe: true)
    }
}
