import Yams

/// Reading the stage keys (`denominate` … `aggregate`) into a ``PipelineSpec``.
extension ModelFileReader {
    static let imputeMethods = ImputeMethod.allCases.map { ($0.rawValue, $0) }
    static let treatMethods = TreatMethod.allCases.map { ($0.rawValue, $0) }
    static let normaliseMethods = ["minmax", "zscore", "rank", "borda", "prank", "fracmax", "dist2max", "dist2ref", "dist2targ", "goalposts"]
    static let aggregateMethods = ["arithmetic", "geometric", "harmonic", "generalised", "copeland", "mpi"]

    mutating func pipelineSpec(_ top: YAMLFields, tree: InlineTree?) -> PipelineSpec {
        var spec = PipelineSpec()
        spec.denominate = top["denominate"].flatMap { denominate($0) }
        spec.impute = top["impute"].flatMap { impute($0, tree: tree) }
        spec.screen = top["screen"].flatMap { screen($0) }
        spec.treat = top["treat"].flatMap { treat($0) }
        if let n = top["normalise"], let p = normalise(n, tree: tree) { spec.normalise = p }
        // Under scope: reference the treatment is decided on the reference period too.
        spec.treat?.reference = spec.normalise.scope.referencePeriod
        if let a = top["aggregate"], let p = aggregate(a, tree: tree) { spec.aggregate = p }
        return spec
    }

    /// A stage's mapping; a bare word `x` is read as `{method: x}`.
    mutating func stageFields(_ node: Node, _ stage: String, known: [String]) -> YAMLFields? {
        if case .scalar = node, node.null == nil, known.contains("method") {
            var f = YAMLFields(node: node)
            f.add(key: "method", keyNode: node, value: node)
            return f
        }
        return fields(node, "'\(stage)'", known: known)
    }

    /// `{scale: k}`, or `none`: no division (the figures as they are, also when a metadata
    /// file names denominators).
    private mutating func denominate(_ node: Node) -> DenominateParameters? {
        guard case .mapping? = noneOrMapping(node, "denominate", none: "no division, the figures as they are", example: "{scale: 1}"),
              let f = fields(node, "'denominate'", known: ["scale"]) else { return nil }
        var p = DenominateParameters()
        if let s = f["scale"], let scale = number(s, "scale of denominate") {
            if scale <= 0 { fail("scale of denominate must be > 0, got \(formatNumber(scale))", at: s) } else { p.scale = scale }
        }
        return p
    }

    private mutating func impute(_ node: Node, tree: InlineTree?) -> ImputeParameters? {
        guard let f = stageFields(node, "impute", known: ["method", "by", "max_gap"]) else { return nil }
        var p = ImputeParameters()
        if let m = f["method"], let method = choice(m, "impute method", Self.imputeMethods) { p.method = method }
        if let g = f["max_gap"], let gap = integer(g, "max_gap of impute") {
            if p.method != .interpolate {
                fail("max_gap of impute applies only to method interpolate (the most periods a filled gap may span), not \(p.method.rawValue)", at: f.keyNodes["max_gap"])
            } else if gap < 0 {
                fail("max_gap of impute must be ≥ 0 (periods), got \(gap)", at: g)
            } else {
                p.maxGap = gap
            }
        }
        if let b = f["by"], let by = text(b, "'by' of impute") {
            switch by {
            case "period": p.scope = .period
            case "all": p.scope = .all
            default:
                p.scope = .group(by)
                if let groupColumns = tree?.codes(of: [.group]), !groupColumns.contains(by) {
                    var hint = Self.suggestion(for: by, among: ["period", "all"] + groupColumns, listAll: false)
                    if hint.isEmpty {
                        hint = groupColumns.isEmpty ? " (no column is declared with type: group)"
                            : " (declared: \(groupColumns.map { "'\($0)'" }.joined(separator: ", ")))"
                    }
                    fail("impute by '\(by)': expected period, all, or a column declared with type: group\(hint)", at: b)
                }
            }
        }
        return p
    }

    private mutating func screen(_ node: Node) -> ScreenParameters? {
        guard let f = fields(node, "'screen'", known: ["min_coverage", "basis"]) else { return nil }
        var p = ScreenParameters()
        if let c = f["min_coverage"], let share = share(c, "min_coverage of screen") { p.minCoverage = share }
        if let b = f["basis"], let basis = choice(b, "screen basis", ScreenBasis.allCases.map { ($0.rawValue, $0) }) { p.basis = basis }
        return p
    }

    private mutating func treat(_ node: Node) -> TreatParameters? {
        guard let f = stageFields(node, "treat", known: ["method", "max_points", "max_skew", "max_kurtosis"]) else { return nil }
        var p = TreatParameters()
        if let m = f["method"], let method = choice(m, "treat method", Self.treatMethods) { p.method = method }
        if let n = f["max_points"], let points = integer(n, "max_points of treat") {
            if points < 0 { fail("max_points of treat must be ≥ 0, got \(points)", at: n) } else { p.maxPoints = points }
        }
        if let s = f["max_skew"], let skew = number(s, "max_skew of treat") { p.maxSkew = skew }
        if let k = f["max_kurtosis"], let kurtosis = number(k, "max_kurtosis of treat") { p.maxKurtosis = kurtosis }
        return p
    }

    /// `normalise:` (or one alternative of it); `stage` names it in messages. Without its own
    /// `scope:` (or `reference:`) it takes `inheritedScope`: `.period` for the model's own, the
    /// model's scope for an alternative of `uncertainty: normalise:`.
    mutating func normalise(_ node: Node, tree: InlineTree?, stage: String = "normalise", inheritedScope: NormaliseScope = .period) -> NormaliseParameters? {
        let parameterKeys = ["range": "minmax", "mean": "zscore", "sd": "zscore", "unit": "dist2ref", "scale": "goalposts"]
        guard let f = stageFields(node, stage, known: ["method", "scope", "reference"] + parameterKeys.keys.sorted()) else { return nil }
        var p = NormaliseParameters()
        let methodName = f["method"].flatMap { m in
            choice(m, "\(stage) method", names: Self.normaliseMethods)
        } ?? (f["method"] == nil ? "minmax" : nil)
        for key in f.order where parameterKeys[key] != nil && methodName != nil && parameterKeys[key] != methodName {
            fail("'\(key)' of \(stage) applies only to method \(parameterKeys[key]!), not \(methodName!)", at: f.keyNodes[key])
        }
        switch methodName {
        case "minmax":
            let r = f["range"].flatMap { range($0, "range of \(stage)") } ?? (0, 100)
            p.method = .minmax(lower: r.lower, upper: r.upper)
        case "zscore":
            let mean = f["mean"].flatMap { number($0, "mean of \(stage)") } ?? 0
            var sd = f["sd"].flatMap { number($0, "sd of \(stage)") } ?? 1
            if let s = f["sd"], sd <= 0 {
                fail("sd of \(stage) must be > 0, got \(formatNumber(sd))", at: s)
                sd = 1
            }
            p.method = .zscore(mean: mean, sd: sd)
        case "rank": p.method = .rank
        case "borda": p.method = .borda
        case "prank": p.method = .prank
        case "fracmax": p.method = .fracmax
        case "dist2max": p.method = .dist2max
        case "dist2ref":
            if let u = f["unit"] {
                if let unit = text(u, "unit of \(stage)") { p.method = .dist2ref(unit: unit) }
            } else {
                fail("\(stage) method dist2ref needs 'unit': the code of the reference unit", at: f["method"])
            }
        case "dist2targ":
            p.method = .dist2targ
            requireOnIndicators(tree, f["method"], stage, "dist2targ", "target") { $0.target != nil }
        case "goalposts":
            let scale = f["scale"].flatMap { number($0, "scale of \(stage)") } ?? 1
            p.method = .goalposts(scale: scale)
            requireOnIndicators(tree, f["method"], stage, "goalposts", "goalposts") { $0.goalposts != nil }
        default: break
        }
        p.scope = normaliseScope(f, stage) ?? inheritedScope
        return p
    }

    private mutating func requireOnIndicators(_ tree: InlineTree?, _ at: Node?, _ stage: String, _ method: String, _ key: String, _ has: (ModelNode) -> Bool) {
        guard let tree else { return }
        let missing = tree.nodes.filter { $0.kind == .indicator && !has($0) }.map(\.code)
        if !missing.isEmpty {
            fail("\(stage) method \(method) needs '\(key)' on every indicator; missing for \(missing.joined(separator: ", "))", at: at)
        }
    }

    private mutating func normaliseScope(_ f: YAMLFields, _ stage: String) -> NormaliseScope? {
        let scope = f["scope"].flatMap { choice($0, "\(stage) scope", names: ["period", "all", "reference"]) }
        if let referenceNode = f["reference"] {
            if let scope, scope != "reference" {
                fail("'reference' of \(stage) applies only to scope: reference, not \(scope)", at: f.keyNodes["reference"])
                return nil
            }
            return integer(referenceNode, "reference year of \(stage)").map { .reference($0) }
        }
        switch scope {
        case "period": return .period
        case "all": return .all
        case "reference":
            fail("\(stage) scope reference needs 'reference: <year>', the year whose parameters are used", at: f["scope"])
            return nil
        default: return nil
        }
    }

    private mutating func aggregate(_ node: Node, tree: InlineTree?) -> AggregateParameters? {
        guard let f = stageFields(node, "aggregate", known: ["method", "p", "min_coverage", "levels"]) else { return nil }
        var p = AggregateParameters()
        p.rule = aggregateRule(f, "aggregate", inheriting: AggregateRule())
        guard let levels = f["levels"] else { return p }
        guard case .mapping(let mapping) = levels else {
            fail("levels of aggregate must be a mapping of height: {method: …}, got \(Self.describe(levels))", at: levels)
            return p
        }
        for (keyNode, value) in mapping {
            guard let height = integer(keyNode, "a level height under aggregate levels") else { continue }
            let maxHeight = tree?.rootHeight
            if height < 2 || maxHeight.map({ height > $0 }) == true {
                let valid = maxHeight.map { "2 to \($0) (2 = groups of indicators, \($0) = the index)" } ?? "2 or more (2 = groups of indicators)"
                fail("aggregate level \(height) does not exist: levels are \(valid)", at: keyNode)
                continue
            }
            guard let lf = stageFields(value, "aggregate level \(height)", known: ["method", "p", "min_coverage"]) else { continue }
            p.levelRules[height] = aggregateRule(lf, "aggregate level \(height)", inheriting: p.rule)
        }
        return p
    }

    /// A rule from `method`, `p`, `min_coverage`; keys not given keep `inheriting`'s values.
    mutating func aggregateRule(_ f: YAMLFields, _ what: String, inheriting base: AggregateRule) -> AggregateRule {
        var rule = base
        if let c = f["min_coverage"], let share = share(c, "min_coverage of \(what)") { rule.minCoverage = share }
        let methodName = f["method"].flatMap { m in choice(m, "\(what) method", names: Self.aggregateMethods) }
        if methodName != nil || f["p"] != nil {
            let inheritedP: Double? = if case .generalised(let p) = base.method { p } else { nil }
            let name = methodName ?? (inheritedP != nil ? "generalised" : nil)
            if let pNode = f["p"], name != "generalised" {
                fail("'p' of \(what) applies only to method generalised", at: pNode)
            }
            switch name {
            case "arithmetic": rule.method = .arithmetic
            case "geometric": rule.method = .geometric
            case "harmonic": rule.method = .harmonic
            case "copeland": rule.method = .copeland
            case "mpi": rule.method = .mazziottaPareto
            case "generalised":
                if let pNode = f["p"], let p = number(pNode, "p of \(what)") {
                    if p == 0 { fail("p of \(what) must not be 0 (p = 0 is the geometric mean: use method geometric)", at: pNode) } else { rule.method = .generalised(p: p) }
                } else if let inheritedP {
                    rule.method = .generalised(p: inheritedP)
                } else if f["p"] == nil {
                    fail("\(what) method generalised needs 'p' (the power, ≠ 0)", at: f["method"])
                }
            default: break
            }
        }
        return rule
    }
}
