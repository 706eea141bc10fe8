/// What role a column or node plays in the index (COINr's metadata `Type`).
public enum NodeKind: String, Sendable, Equatable, CaseIterable {
    /// A leaf that is normalised and aggregated.
    case indicator = "Indicator"
    /// An inner node: its score aggregates its children.
    case aggregate = "Aggregate"
    /// A categorical column, usable by `impute: {by: …}`; never aggregated.
    case group = "Group"
    /// A numeric column that indicators are divided by; never aggregated.
    case denominator = "Denominator"
    /// Any other numeric column kept in the data (population, survey_n, …); never aggregated.
    case other = "Other"
}

/// One node of an ``IndexModel``: an indicator, an aggregate, or a non-aggregated column.
public struct ModelNode: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: NodeKind
    /// Parent aggregate code (`nil` for the root and for group/denominator/other columns).
    public var parent: String?
    /// +1 when a higher value is better, −1 when lower is better.
    public var direction: Double
    /// Weight relative to its siblings.
    public var weight: Double
    /// Numeric column this indicator is divided by in the denominate stage.
    public var denominator: String?
    /// Multiplier applied after division (e.g. 1000 for "per 1000 inhabitants").
    public var scale: Double?
    /// Target value for `dist2targ`, in the indicator's own units.
    public var target: Double?
    /// Fixed lower and upper goalposts for the `goalposts` normalisation.
    public var goalposts: (lower: Double, upper: Double)?
    /// Measurement unit, for documentation only.
    public var unit: String?
    /// The indicator's sampling error, drawn by the uncertainty engine when `sampling: true`.
    public var sampling: SamplingModel?

    public init(
        code: String, name: String? = nil, kind: NodeKind, parent: String? = nil,
        direction: Double = 1, weight: Double = 1, denominator: String? = nil, scale: Double? = nil,
        target: Double? = nil, goalposts: (lower: Double, upper: Double)? = nil, unit: String? = nil,
        sampling: SamplingModel? = nil
    ) {
        self.code = code
        self.name = name ?? code
        self.kind = kind
        self.parent = parent
        self.direction = direction
        self.weight = weight
        self.denominator = denominator
        self.scale = scale
        self.target = target
        self.goalposts = goalposts
        self.unit = unit
        self.sampling = sampling
    }

    public static func == (a: ModelNode, b: ModelNode) -> Bool {
        a.code == b.code && a.name == b.name && a.kind == b.kind && a.parent == b.parent
            && a.direction == b.direction && a.weight == b.weight && a.denominator == b.denominator
            && a.scale == b.scale && a.target == b.target && a.unit == b.unit && a.sampling == b.sampling
            && a.goalposts?.lower == b.goalposts?.lower && a.goalposts?.upper == b.goalposts?.upper
    }
}

/// The index framework: a tree of any depth from indicators through aggregates to one root,
/// plus the non-aggregated columns (groups, denominators, others) the model refers to.
///
/// Construction validates the tree and reports every problem at once.
public struct IndexModel: Sendable, Equatable {
    /// All nodes in definition order.
    public let nodes: [ModelNode]
    /// Code of the single root aggregate.
    public let root: String
    /// Height of each indicator/aggregate node: indicators 1, an aggregate 1 + max height of its children.
    public let height: [String: Int]
    private let index: [String: Int]
    private let childCodes: [String: [String]]
    /// Indicator codes in definition order.
    public let indicators: [String]
    /// Aggregate codes ordered for computation: lowest height first, definition order within a height.
    public let aggregatesBottomUp: [String]
    /// Aggregate codes ordered for output: the root first, then by decreasing height,
    /// definition order within a height.
    public let aggregatesTopDown: [String]

    /// Builds and validates a model.
    /// - Parameter source: the file the nodes came from, for error locations.
    /// - Throws: ``BuurtErrors`` listing every problem (duplicate codes, unknown parents,
    ///   cycles, several roots, aggregates without children, indicators with children,
    ///   non-finite or negative weights, directions other than ±1).
    public init(nodes: [ModelNode], source: String = "model") throws(BuurtErrors) {
        var problems: [BuurtError] = []
        func fail(_ message: String) { problems.append(BuurtError(.data, message, at: SourceLocation(file: source))) }

        var index: [String: Int] = [:]
        for (i, n) in nodes.enumerated() {
            if n.code.isEmpty { fail("node \(i + 1) has an empty code") }
            if index[n.code] != nil { fail("code '\(n.code)' is defined twice") } else { index[n.code] = i }
        }
        var children: [String: [String]] = [:]
        let tree = nodes.filter { $0.kind == .indicator || $0.kind == .aggregate }
        for n in tree {
            if !n.weight.isFinite || n.weight < 0 { fail("weight of '\(n.code)' must be a finite number ≥ 0, got \(n.weight)") }
            if n.direction != 1 && n.direction != -1 { fail("direction of '\(n.code)' must be 1 or -1, got \(n.direction)") }
            guard let p = n.parent, !p.isEmpty else { continue }
            guard let pi = index[p] else { fail("parent '\(p)' of '\(n.code)' is not defined"); continue }
            if nodes[pi].kind != .aggregate { fail("parent '\(p)' of '\(n.code)' is a \(nodes[pi].kind.rawValue), not an Aggregate") }
            children[p, default: []].append(n.code)
        }
        for n in nodes where n.kind == .indicator && children[n.code] != nil {
            fail("indicator '\(n.code)' has children; only aggregates can")
        }
        for n in nodes where n.kind == .aggregate && children[n.code] == nil {
            fail("aggregate '\(n.code)' has no children")
        }
        for n in nodes where n.kind == .indicator {
            if let d = n.denominator, !d.isEmpty, let di = index[d], nodes[di].kind == .indicator || nodes[di].kind == .aggregate {
                fail("denominator '\(d)' of '\(n.code)' is an \(nodes[di].kind.rawValue), not a data column")
            }
        }
        let roots = tree.filter { $0.parent == nil || $0.parent!.isEmpty }
        if tree.isEmpty { fail("the model has no indicators") }
        if roots.count > 1 { fail("the model has \(roots.count) roots (\(roots.map(\.code).joined(separator: ", "))); exactly one node may have no parent") }

        // Heights by depth-first search, detecting cycles.
        var height: [String: Int] = [:]
        var onStack: Set<String> = []
        var cyclic: Set<String> = []
        func visit(_ code: String) -> Int {
            if let h = height[code] { return h }
            if onStack.contains(code) { cyclic.insert(code); return 0 }
            onStack.insert(code)
            let h = 1 + ((children[code] ?? []).map(visit).max() ?? 0)
            onStack.remove(code)
            height[code] = h
            return h
        }
        for n in tree { _ = visit(n.code) }
        if !cyclic.isEmpty { fail("the tree has a cycle through \(cyclic.sorted().joined(separator: ", "))") }
        if roots.isEmpty && !tree.isEmpty && cyclic.isEmpty { fail("the model has no root: every node has a parent") }

        guard problems.isEmpty, let root = roots.first else { throw BuurtErrors(problems) }
        self.nodes = nodes
        self.root = root.code
        self.height = height
        self.index = index
        self.childCodes = children
        // Kept rather than computed on each use: the Monte Carlo engine asks for them per
        // replication.
        indicators = nodes.filter { $0.kind == .indicator }.map(\.code)
        let aggregates = nodes.filter { $0.kind == .aggregate }.map(\.code)
        aggregatesBottomUp = aggregates.sorted { (height[$0]!, index[$0]!) < (height[$1]!, index[$1]!) }
        aggregatesTopDown = aggregates.sorted { (-height[$0]!, index[$0]!) < (-height[$1]!, index[$1]!) }
    }

    /// The node with `code`, if defined.
    public func node(_ code: String) -> ModelNode? {
        index[code].map { nodes[$0] }
    }

    /// Children of an aggregate in definition order (empty for indicators).
    public func children(of code: String) -> [String] {
        childCodes[code] ?? []
    }

    /// Indicators below `code` (itself when it is an indicator), in definition order.
    public func indicators(under code: String) -> [String] {
        guard node(code)?.kind == .aggregate else { return [code] }
        return children(of: code).flatMap { indicators(under: $0) }
    }

    /// Each indicator's weight normalised within its parent and multiplied down the tree
    /// (COINr `get_eff_weights`).
    public var effectiveWeights: [String: Double] {
        var result: [String: Double] = [root: 1]
        for code in aggregatesTopDown {
            let kids = children(of: code)
            let total = kids.reduce(0) { $0 + node($1)!.weight }
            for k in kids { result[k] = result[code]! * (total > 0 ? node(k)!.weight / total : 0) }
        }
        return result
    }

    /// A copy with some weights replaced.
    /// - Throws: ``BuurtErrors`` when a code is unknown or not part of the tree.
    public func withWeights(_ weights: [String: Double], source: String = "model") throws(BuurtErrors) -> IndexModel {
        var problems: [BuurtError] = []
        for code in weights.keys.sorted() where node(code).map({ $0.kind != .indicator && $0.kind != .aggregate }) ?? true {
            problems.append(BuurtError(.data, "weight given for '\(code)', which is not an indicator or aggregate of the model", at: SourceLocation(file: source)))
        }
        if !problems.isEmpty { throw BuurtErrors(problems) }
        return try IndexModel(nodes: nodes.map { n in
            var n = n
            if let w = weights[n.code] { n.weight = w }
            return n
        }, source: source)
    }
}
