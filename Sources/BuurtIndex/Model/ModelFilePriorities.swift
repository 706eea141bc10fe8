import Yams

/// Reading the model's `priorities:` key into a ``PrioritySpec``.
extension ModelFileReader {
    static let priorityKeys = ["top", "themes_of", "reference", "categories"]

    /// A mapping of settings, or `none` (no priority lists: ``PrioritySpec/enabled`` false).
    /// - Parameter tree: the inline tree (`nil` with `metadata:`; `themes_of` is then checked by
    ///   ``ModelFile/validate(against:)``).
    mutating func priorities(_ node: Node, tree: InlineTree?) -> PrioritySpec? {
        switch noneOrMapping(node, "priorities", none: "no priority lists", example: "{top: 5, reference: mean}") {
        case .off?: return PrioritySpec(enabled: false)
        case .mapping?: break
        case nil: return nil
        }
        guard let f = fields(node, "'priorities'", known: Self.priorityKeys) else { return nil }
        var p = PrioritySpec()
        if let t = f["top"], let top = integer(t, "top of priorities") {
            if top >= 1 { p.top = top } else { fail("top of priorities must be ≥ 1 (the number of units most in need to count), got \(top)", at: t) }
        }
        if let t = f["themes_of"], let code = text(t, "themes_of of priorities") {
            p.themesOf = code
            if let model = tree?.model {
                if let problem = ModelFile.themesOfProblem(code, in: model) { fail(problem, at: t) }
            } else if tree == nil {
                treeChecks.themesOf = location(t)
            }
        }
        if let r = f["reference"], let reference = priorityReference(r) { p.reference = reference }
        if let c = f["categories"] { p.categories = categories(c) }
        return p
    }

    /// `mean` or a year.
    private mutating func priorityReference(_ node: Node) -> PriorityReference? {
        guard case .scalar(let s) = node, node.null == nil else {
            fail("reference of priorities must be 'mean' (the mean of the same period) or a year, got \(Self.describe(node))", at: node)
            return nil
        }
        if s.string == "mean" { return .periodMean }
        if let year = Int(s.string) { return .period(year) }
        fail("reference of priorities must be 'mean' (the mean of the same period) or a whole year such as 2017, got '\(s.string)'"
            + Self.suggestion(for: s.string, among: ["mean"], listAll: false), at: node)
        return nil
    }

    /// `[{label: onveilig, below: 55}, …, {label: veilig, below: .inf}]`, ascending by `below`.
    private mutating func categories(_ node: Node) -> [PriorityCategory] {
        guard case .sequence(let items) = node, !items.isEmpty else {
            fail("categories of priorities must be a list of score bands, e.g. [{label: onveilig, below: 55}, {label: veilig, below: .inf}]; "
                + "got \(Self.describe(node) == "a list" ? "an empty list" : Self.describe(node))", at: node)
            return []
        }
        var result: [PriorityCategory] = []
        var previous: Double?
        var labels: [String: Node] = [:]
        for item in items {
            guard let f = fields(item, "a category of priorities", known: ["label", "below"]) else { continue }
            for key in ["label", "below"] where f[key] == nil {
                fail("every category of priorities needs '\(key)'", at: item)
            }
            guard let l = f["label"], let label = text(l, "label of a category"), let b = f["below"], let below = upperBound(b) else { continue }
            if label.isEmpty { fail("label of a category must not be empty", at: l) }
            if let first = labels[label] {
                fail("category label '\(label)' is already used at line \(first.mark?.line ?? 0)", at: l)
            } else {
                labels[label] = l
            }
            if let previous, below <= previous {
                fail("categories of priorities must ascend by 'below': \(Self.bound(below)) follows \(Self.bound(previous))", at: b)
            }
            previous = below
            result.append(PriorityCategory(label: label, below: below))
        }
        return result
    }

    /// A finite number or `.inf` (no upper bound).
    private mutating func upperBound(_ node: Node) -> Double? {
        if case .scalar = node, node.float == .infinity { return .infinity }
        guard case .scalar(let s) = node, let x = Double(s.string), x.isFinite else {
            fail("below of a category must be a number or .inf, got \(Self.describe(node))", at: node)
            return nil
        }
        return x
    }

    /// What a key that takes either the word `none` or a mapping holds.
    enum NoneOrMapping { case off, mapping }

    /// `none`, a mapping, or (after reporting the problem at `node`) `nil`: a key such as
    /// `priorities:` or `changes:` that can be switched off. `meaning` says what `none` does,
    /// `example` shows a mapping.
    mutating func noneOrMapping(_ node: Node, _ key: String, none meaning: String, example: String) -> NoneOrMapping? {
        if case .mapping = node { return .mapping }
        if case .scalar(let s) = node, node.null == nil, s.string == "none" { return .off }
        var message = "'\(key)' must be none (\(meaning)) or a mapping of keys such as \(example), got \(Self.describe(node))"
        if case .scalar(let s) = node, node.null == nil {
            message += Self.suggestion(for: s.string, among: ["none"], listAll: false)
        }
        fail(message, at: node)
        return nil
    }

    static func bound(_ x: Double) -> String {
        x == .infinity ? ".inf" : formatNumber(x)
    }
}
