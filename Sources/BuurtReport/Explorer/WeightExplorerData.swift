import BuurtIndex
import BuurtNumerics
import BuurtRanking
import Foundation

/// What the weight explorer page embeds: the model's tree below the index (dimensions with their
/// indicators and sub-aggregates, published weights), which aggregates the page recomputes, the
/// normalised values it recomputes them from, and per row (unit in a period) the published index,
/// its published rank and, with an uncertainty analysis, its published rank band.
///
/// An aggregate is *recomputed* when its rule is the arithmetic mean and each child is available:
/// an indicator with a column, a recomputed aggregate, or an aggregate with a column (taken as
/// published, *fixed*). The page can recompute when the index itself is recomputed. The values
/// it starts from — the columns of the recomputed aggregates' indicator and fixed children — are
/// embedded exactly: each column as base64 of its little-endian IEEE doubles (NaN = missing), 8
/// bytes → 10⅔ characters a value, against up to 18 for a shortest round-trip decimal. Rounding
/// them would move ties and near-ties, so the page would no longer reproduce `scores.csv`.
/// The published index and rank are written with ``formatNumber(_:)``; missing values are `null`.
struct WeightExplorerData: Sendable {
    struct Node: Sendable {
        var code: String
        var name: String
        var weight: Double
        /// Position of the parent in ``nodes``; nil for the index's children (the dimensions).
        var parent: Int?
        /// 1 for a dimension, 2 for its children, …
        var depth: Int
        var isIndicator: Bool
        /// The parent is recomputed, so the page lets this weight change.
        var editable: Bool
    }

    /// One aggregate the page recomputes, in the aggregate stage's order (bottom-up, index last).
    struct Recomputed: Sendable {
        /// Position in ``nodes``; nil for the index.
        var node: Int?
        var minCoverage: Double?
        var children: [Int]
    }

    var index: String
    var indexName: String
    var method: AggregateMethod
    var minCoverage: Double?
    /// The model file's name, for the `buurtscore whatif` command the page prints.
    var modelFile: String
    /// The tree below the index, depth first in model order.
    var nodes: [Node]
    var recomputed: [Recomputed]
    /// Nodes whose column the page reads (indicators and fixed aggregates under recomputed ones).
    var leaves: [Int]
    var leafColumns: [[Double]]
    /// Periods in ranking order (ascending, rows without a period last).
    var periods: [Int?]
    /// Distinct units in order of first appearance.
    var units: [(code: String, name: String)]
    /// Per row: unit number, period number, published index, published rank.
    var rows: [(unit: Int, period: Int, score: Double, rank: Double)]
    /// Per row, the published rank band (rank_p05, rank_p95); nil without an uncertainty analysis.
    var bands: [(Double, Double)]?
    /// Dimensions the page cannot score (no column and not recomputable from their children).
    var missingColumns: [String]

    /// The dimensions (the index's children), as positions in ``nodes``.
    var dimensions: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }

    /// Whether the page can recompute the index: arithmetic at the root and every dimension scorable.
    var recomputable: Bool { recomputed.last.map { $0.node == nil } ?? false }

    /// - Parameter bands: per row of `panel`, the published rank band, or nil.
    init(aggregated panel: Panel, model: IndexModel, aggregate: AggregateParameters, modelFile: String = "MODEL",
         bands: [(Double, Double)]? = nil) {
        index = model.root
        indexName = model.node(model.root)?.name ?? model.root
        self.modelFile = modelFile
        func rule(_ code: String) -> AggregateRule { aggregate.rule(forHeight: model.height[code] ?? 1) }
        method = rule(model.root).method
        minCoverage = rule(model.root).minCoverage
        self.bands = bands

        // Which aggregates are recomputed, bottom-up as the aggregate stage scores them.
        var isRecomputed: Set<String> = []
        func available(_ code: String) -> Bool { isRecomputed.contains(code) || panel.column(code) != nil }
        for code in model.aggregatesBottomUp {
            if case .arithmetic = rule(code).method, model.children(of: code).allSatisfy(available) { isRecomputed.insert(code) }
        }
        missingColumns = model.children(of: model.root).filter { !available($0) }

        var tree: [Node] = []
        var position: [String: Int] = [:]
        func visit(_ code: String, parent: Int?, depth: Int) {
            position[code] = tree.count
            let node = model.node(code)
            let parentCode = parent.map { tree[$0].code } ?? model.root
            tree.append(Node(code: code, name: node?.name ?? code, weight: node?.weight ?? 0, parent: parent, depth: depth,
                             isIndicator: node?.kind == .indicator, editable: isRecomputed.contains(parentCode)))
            let me = tree.count - 1
            for child in model.children(of: code) { visit(child, parent: me, depth: depth + 1) }
        }
        for dimension in model.children(of: model.root) { visit(dimension, parent: nil, depth: 1) }
        nodes = tree

        recomputed = model.aggregatesBottomUp.filter(isRecomputed.contains).map { code in
            Recomputed(node: code == model.root ? nil : position[code], minCoverage: rule(code).minCoverage,
                       children: model.children(of: code).compactMap { position[$0] })
        }
        let nan = [Double](repeating: .nan, count: panel.rowCount)
        let leafNodes = tree.indices.filter { tree[$0].editable && !isRecomputed.contains(tree[$0].code) }
        leaves = leafNodes
        leafColumns = leafNodes.map { panel.column(tree[$0].code) ?? nan }

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

        let scores = panel.column(model.root) ?? nan
        let ranks = PeriodPartition(panel).ranks(scores)
        rows = (0..<panel.rowCount).map { r in (unitIndex[r], periodOf[r], scores[r], ranks[r]) }
    }

    /// The method's name as the model file writes it.
    var methodName: String { Self.name(of: method) }

    /// `method`'s name as the model file writes it.
    static func name(of method: AggregateMethod) -> String {
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
        typealias J = WeightExplorerJSON
        var out = "{\"index\":\(J.string(index)),\"indexName\":\(J.string(indexName))"
        out += ",\"method\":\(J.string(methodName)),\"recomputable\":\(recomputable),\"model\":\(J.string(modelFile))"
        out += ",\"maximumWeight\":\(J.number(IndexModel.maximumWeight)),\"maximumRatio\":\(J.number(IndexModel.maximumWeightRatio))"
        out += ",\"nodes\":[" + nodes.map { n in
            "{\"code\":\(J.string(n.code)),\"name\":\(J.string(n.name)),\"weight\":\(J.number(n.weight)),"
                + "\"parent\":\(n.parent.map(String.init) ?? "null"),\"depth\":\(n.depth),\"indicator\":\(n.isIndicator),\"editable\":\(n.editable)}"
        }.joined(separator: ",") + "]"
        out += ",\"aggregates\":[" + recomputed.map { a in
            "[\(a.node.map(String.init) ?? "null"),\(J.number(a.minCoverage ?? .nan)),[\(a.children.map(String.init).joined(separator: ","))]]"
        }.joined(separator: ",") + "]"
        out += ",\"leaves\":[" + leaves.map(String.init).joined(separator: ",") + "]"
        out += ",\"values\":[" + leafColumns.map { "\"\(J.base64(doubles: $0))\"" }.joined(separator: ",\n") + "]"
        out += ",\"periods\":[" + periods.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]"
        out += ",\"units\":[" + units.map { "[\(J.string($0.code)),\(J.string($0.name))]" }.joined(separator: ",") + "]"
        out += ",\"bands\":\(bands != nil)"
        out += ",\"rows\":[\n"
        out += rows.indices.map { r in
            let row = rows[r]
            let band = bands.map { ",\(J.number($0[r].0)),\(J.number($0[r].1))" } ?? ""
            return "[\(row.unit),\(row.period),\(J.number(row.score)),\(J.number(row.rank))\(band)]"
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

    /// Base64 of the values' IEEE 754 bit patterns, 8 bytes each, least significant byte first
    /// (the page reads them with `DataView.getFloat64(8·i, true)`); every NaN is written as the
    /// quiet NaN. Only `A–Z a–z 0–9 + / =`, so nothing to escape inside a JSON string or `<script>`.
    /// - Complexity: O(n).
    static func base64(doubles: [Double]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * doubles.count)
        for x in doubles {
            let bits = (x.isNaN ? Double.nan : x).bitPattern
            for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        }
        return Data(bytes).base64EncodedString()
    }
}
