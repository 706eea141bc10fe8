import Yams

/// The index tree given inline in a model file (`groups`, `indicators`, `columns`), with the
/// YAML nodes each entry came from so later checks can point at them.
struct InlineTree {
    struct Entry {
        var node: ModelNode
        var fields: YAMLFields
    }

    var entries: [Entry] = []
    /// The validated tree, when it is valid.
    var model: IndexModel?

    /// Height of the root when the tree is valid (2 = the root aggregates indicators directly).
    var rootHeight: Int? { model.flatMap { $0.height[$0.root] } }

    var nodes: [ModelNode] { entries.map(\.node) }

    func codes(of kinds: Set<NodeKind>) -> [String] {
        entries.filter { kinds.contains($0.node.kind) }.map(\.node.code)
    }

    func entry(_ code: String) -> Entry? {
        entries.first { $0.node.code == code }
    }
}

extension ModelFileReader {
    static let groupKeys = ["code", "name", "parent", "weight"]
    static let indicatorKeys = ["code", "name", "parent", "direction", "weight", "denominator", "scale", "target", "goalposts", "unit", "uncertainty"]
    static let columnKeys = ["code", "name", "type"]

    /// Reads `groups`, `indicators` and `columns` and checks the tree: unique codes, known
    /// parents, exactly one root, no empty groups, declared denominators; then the remaining
    /// structural rules of ``IndexModel`` (cycles).
    mutating func inlineTree(_ top: YAMLFields) -> InlineTree {
        var tree = InlineTree()
        for item in top["groups"].flatMap({ list($0, "groups") }) ?? [] {
            if let e = entry(item, kind: .aggregate) { tree.entries.append(e) }
        }
        for item in top["indicators"].flatMap({ list($0, "indicators") }) ?? [] {
            if let e = entry(item, kind: .indicator) { tree.entries.append(e) }
        }
        for item in top["columns"].flatMap({ list($0, "columns") }) ?? [] {
            if let e = entry(item, kind: nil) { tree.entries.append(e) }
        }
        if top["groups"] == nil { fail("missing key 'groups': the model needs at least the index group", at: top.node) }
        if top["indicators"] == nil { fail("missing key 'indicators'", at: top.node) }

        let before = problems.count
        checkTree(tree, groupsNode: top["groups"] ?? top.node)
        if problems.count == before {
            do throws(BuurtErrors) {
                tree.model = try IndexModel(nodes: tree.nodes, source: file)
            } catch {
                for p in error.problems { fail(p.message, at: top["groups"]) }
            }
        }
        checkSamplingColumns(tree)
        return tree
    }

    /// One list item; `kind` nil means a `columns` item whose kind comes from `type`.
    private mutating func entry(_ item: Node, kind: NodeKind?) -> InlineTree.Entry? {
        let section = kind == .aggregate ? "group" : kind == .indicator ? "indicator" : "column"
        let keys = kind == .aggregate ? Self.groupKeys : kind == .indicator ? Self.indicatorKeys : Self.columnKeys
        guard let f = fields(item, "\(section == "indicator" ? "an" : "a") \(section) entry", known: keys) else { return nil }
        guard let codeNode = f["code"], let code = text(codeNode, "code of a \(section)") else {
            if f["code"] == nil { fail("every \(section) entry needs a 'code'", at: item) }
            return nil
        }
        guard !code.isEmpty else {
            fail("code of a \(section) must not be empty", at: codeNode)
            return nil
        }
        let what = "\(section) '\(code)'"
        let resolvedKind = kind ?? f["type"].map {
            choice($0, "column type of '\(code)'", [("denominator", NodeKind.denominator), ("group", .group), ("other", .other)]) ?? .other
        } ?? .other
        var node = ModelNode(code: code, name: f["name"].flatMap { text($0, "name of \(what)") }, kind: resolvedKind)
        node.parent = f["parent"].flatMap { text($0, "parent of \(what)") }
        if let w = f["weight"], let weight = number(w, "weight of \(what)") {
            if weight < 0 { fail("weight of \(what) must be ≥ 0, got \(formatNumber(weight))", at: w) } else { node.weight = weight }
            treeChecks.weightLocations[code] = location(w)
        }
        if let d = f["direction"], let direction = number(d, "direction of \(what)") {
            if direction != 1 && direction != -1 {
                fail("direction of \(what) must be 1 (higher is better) or -1 (lower is better), got \(formatNumber(direction))", at: d)
            } else {
                node.direction = direction
            }
        }
        node.denominator = f["denominator"].flatMap { text($0, "denominator of \(what)") }
        if let s = f["scale"], let scale = number(s, "scale of \(what)") {
            if scale <= 0 { fail("scale of \(what) must be > 0, got \(formatNumber(scale))", at: s) } else { node.scale = scale }
        }
        node.target = f["target"].flatMap { number($0, "target of \(what)") }
        node.goalposts = f["goalposts"].flatMap { range($0, "goalposts of \(what)") }
        node.unit = f["unit"].flatMap { text($0, "unit of \(what)") }
        node.sampling = f["uncertainty"].flatMap { samplingModel($0, of: what) }
        return InlineTree.Entry(node: node, fields: f)
    }

    private mutating func checkTree(_ tree: InlineTree, groupsNode: Node) {
        var firstDefinition: [String: Node] = [:]
        for e in tree.entries {
            let codeNode = e.fields["code"]
            if let earlier = firstDefinition[e.node.code] {
                fail("code '\(e.node.code)' is already defined at line \(earlier.mark?.line ?? 0)", at: codeNode)
            } else if let codeNode {
                firstDefinition[e.node.code] = codeNode
            }
        }
        let groups = tree.codes(of: [.aggregate])
        let columnCodes = tree.codes(of: [.denominator, .group, .other])
        var hasChildren: Set<String> = []
        for e in tree.entries where e.node.kind == .aggregate || e.node.kind == .indicator {
            let what = "\(e.node.kind == .aggregate ? "group" : "indicator") '\(e.node.code)'"
            guard let parent = e.node.parent else {
                if e.node.kind == .indicator { fail("\(what) needs a 'parent' group", at: e.fields.node) }
                continue
            }
            if groups.contains(parent) {
                hasChildren.insert(parent)
            } else {
                let isIndicator = tree.entry(parent)?.node.kind == .indicator
                fail("parent '\(parent)' of \(what) is \(isIndicator ? "an indicator, not a group" : "not a defined group")"
                    + (isIndicator ? "" : Self.suggestion(for: parent, among: groups, listAll: false)), at: e.fields["parent"])
            }
            if e.node.kind == .indicator, let d = e.node.denominator {
                let column = tree.entry(d)
                if column?.node.kind != .denominator {
                    let detail = column.map { "is a \($0.node.kind.rawValue.lowercased()), not a column of type denominator" }
                        ?? "is not declared under 'columns' with type: denominator" + Self.suggestion(for: d, among: columnCodes, listAll: false)
                    fail("denominator '\(d)' of \(what) \(detail)", at: e.fields["denominator"])
                }
            }
        }
        let roots = tree.entries.filter { $0.node.kind == .aggregate && $0.node.parent == nil }
        if roots.isEmpty && !groups.isEmpty {
            fail("every group has a parent: exactly one group, the index, must have none", at: groupsNode)
        }
        for extra in roots.dropFirst() {
            fail("group '\(extra.node.code)' has no parent, but '\(roots[0].node.code)' is already the index; exactly one group may have no parent", at: extra.fields.node)
        }
        for e in tree.entries where e.node.kind == .aggregate && !hasChildren.contains(e.node.code) {
            fail("group '\(e.node.code)' has no indicators or groups under it", at: e.fields.node)
        }
    }

    /// `weights: {code: weight}`; with an inline tree, codes must be groups or indicators.
    mutating func weights(_ node: Node, tree: InlineTree?) -> [String: Double] {
        guard case .mapping(let mapping) = node else {
            fail("weights must be a mapping of code: weight, got \(Self.describe(node))", at: node)
            return [:]
        }
        let codes = tree?.codes(of: [.aggregate, .indicator])
        var result: [String: Double] = [:]
        for (keyNode, value) in mapping {
            guard let code = text(keyNode, "a code under weights") else { continue }
            if let codes, !codes.contains(code) {
                fail("weight given for '\(code)', which is not a group or indicator of the model" + Self.suggestion(for: code, among: codes, listAll: false), at: keyNode)
                continue
            }
            guard let w = number(value, "weight of '\(code)'") else { continue }
            if w < 0 { fail("weight of '\(code)' must be ≥ 0, got \(formatNumber(w))", at: value) } else { result[code] = w }
            treeChecks.weightLocations[code] = location(value)
        }
        return result
    }
}
