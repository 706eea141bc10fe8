/// A tree of plain values rendered as JSON with sorted keys.
private indirect enum CanonicalValue {
    case text(String)
    case number(Double)
    case list([CanonicalValue])
    case map([String: CanonicalValue])

    func render(indent: String = "") -> String {
        switch self {
        case .text(let s): return Self.quote(s)
        case .number(let x): return formatNumber(x)
        case .list(let items):
            if items.isEmpty { return "[]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .map(let entries):
            if entries.isEmpty { return "{}" }
            let inner = indent + "  "
            let lines = entries.keys.sorted().map { inner + Self.quote($0) + ": " + entries[$0]!.render(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quote(_ s: String) -> String { JSONString.quoted(s) }
}

extension ModelFile {
    /// A deterministic text rendering of everything parsed, for hashing: JSON with sorted keys,
    /// numbers in shortest round-trip form (``formatNumber(_:)``), defaults filled in, skipped
    /// stages and unset options left out. Nodes keep their file order (it sets output order).
    /// `data` and `metadata` appear as written in the file; the file's own path is not included,
    /// so the same model gives the same text wherever it is stored.
    public func canonicalForm() -> String {
        var top: [String: CanonicalValue] = [
            "nodes": .list(nodes.map(Self.canonical)),
            "normalise": Self.canonical(spec.normalise),
            "aggregate": Self.canonical(spec.aggregate),
            "weights": .map(weights.mapValues { .number($0) }),
        ]
        var columnNames: [String: CanonicalValue] = [:]
        columnNames["unit"] = columns.unit.map { .text($0) }
        columnNames["name"] = columns.name.map { .text($0) }
        columnNames["period"] = columns.period.map { .text($0) }
        top["columns"] = .map(columnNames)
        top["title"] = title.map { .text($0) }
        top["data"] = declaredData.map { .text($0) }
        top["metadata"] = declaredMetadata.map { .text($0) }
        top["language"] = language.map { .text($0) }
        top["denominate"] = spec.denominate.map { .map(["scale": .number($0.scale)]) }
        top["impute"] = spec.impute.map { p in
            let by: String = switch p.scope {
            case .all: "all"
            case .period: "period"
            case .group(let column): column
            }
            var m: [String: CanonicalValue] = ["method": .text(p.method.rawValue), "by": .text(by)]
            m["max_gap"] = p.maxGap.map { .number(Double($0)) }
            return .map(m)
        }
        top["screen"] = spec.screen.map { .map(["min_coverage": .number($0.minCoverage), "basis": .text($0.basis.rawValue)]) }
        top["treat"] = spec.treat.map { p in
            .map([
                "method": .text(p.method.rawValue), "max_points": .number(Double(p.maxPoints)),
                "max_skew": .number(p.maxSkew), "max_kurtosis": .number(p.maxKurtosis),
            ])
        }
        top["uncertainty"] = uncertainty.map(Self.canonical)
        top["priorities"] = priorities.map { $0.enabled ? Self.canonical($0) : .text("none") }
        top["crosswalk"] = declaredCrosswalk.map { .text($0) }
        top["map"] = map.map { .map(["file": .text($0.declaredFile), "property": .text($0.property)]) }
        top["changes"] = changes.map { c in
            guard c.enabled else { return .text("none") }
            // An end left out and first/latest are the same; one plain window keeps its old form.
            func end(_ p: PeriodReference) -> CanonicalValue? {
                switch p {
                case .first, .latest: nil
                case .previous: .text("previous")
                case .year(let y): .number(Double(y))
                }
            }
            let windows = c.windows.map { w in
                var m: [String: CanonicalValue] = [:]
                m["from"] = end(w.from)
                m["to"] = end(w.to)
                return CanonicalValue.map(m)
            }
            if windows.count == 1 && !c.yearOnYear && !c.trend { return windows[0] }
            return .map(["windows": .list(windows), "year_on_year": .text(String(c.yearOnYear)), "trend": .text(String(c.trend))])
        }
        if !breaks.isEmpty {
            top["breaks"] = .list(breaks.map { b in
                .map(["period": .number(Double(b.period)), "indicators": .list(b.indicators.map { .text($0) }), "note": .text(b.note)])
            })
        }
        return CanonicalValue.map(top).render() + "\n"
    }

    /// Lists of alternatives keep their order (a replication's draw picks by position);
    /// weight levels are a set and appear sorted.
    private static func canonical(_ u: UncertaintySpec) -> CanonicalValue {
        var m: [String: CanonicalValue] = [
            "normalise": .list(u.normalise.map(canonical)),
            "aggregate": .list(u.aggregate.map { .map(canonical(AggregateRule(method: $0))) }),
            "treat": .map(["max_points": .list(u.treatMaxPoints.map { .number(Double($0)) })]),
            "impute": .list(u.impute.map { .text($0.rawValue) }),
            "sampling": .text(String(u.sampling)),
            "replications": .number(Double(u.replications)),
            "seed": .text(String(u.seed)),
            "sensitivity": .text(String(u.sensitivity)),
            "out_of_domain": .text(u.outOfDomain.rawValue),
        ]
        m["weights"] = u.weights.map { w in
            .map(["noise": .number(w.noise), "levels": .list(w.levels.sorted().map { .number(Double($0)) })])
        }
        return .map(m)
    }

    private static func canonical(_ p: PrioritySpec) -> CanonicalValue {
        var m: [String: CanonicalValue] = [
            "top": .number(Double(p.top)),
            "categories": .list(p.categories.map { c in
                .map(["label": .text(c.label), "below": c.below == .infinity ? .text(".inf") : .number(c.below)])
            }),
        ]
        m["themes_of"] = p.themesOf.map { .text($0) }
        m["reference"] = switch p.reference {
        case .periodMean: .text("mean")
        case .period(let year): .number(Double(year))
        }
        return .map(m)
    }

    private static func canonical(_ n: ModelNode) -> CanonicalValue {
        var m: [String: CanonicalValue] = ["code": .text(n.code), "name": .text(n.name), "kind": .text(n.kind.rawValue)]
        if n.kind == .indicator || n.kind == .aggregate {
            m["direction"] = .number(n.direction)
            m["weight"] = .number(n.weight)
        }
        m["parent"] = n.parent.map { .text($0) }
        m["denominator"] = n.denominator.map { .text($0) }
        m["scale"] = n.scale.map { .number($0) }
        m["target"] = n.target.map { .number($0) }
        m["goalposts"] = n.goalposts.map { .list([.number($0.lower), .number($0.upper)]) }
        m["unit"] = n.unit.map { .text($0) }
        m["uncertainty"] = n.sampling.map { s in
            switch s {
            case .binomial(let column, let per): .map(["binomial": .text(column), "per": .number(per)])
            case .poisson(let column, let per): .map(["poisson": .text(column), "per": .number(per)])
            }
        }
        return .map(m)
    }

    private static func canonical(_ p: NormaliseParameters) -> CanonicalValue {
        var m: [String: CanonicalValue]
        switch p.method {
        case .minmax(let lower, let upper): m = ["method": .text("minmax"), "range": .list([.number(lower), .number(upper)])]
        case .zscore(let mean, let sd): m = ["method": .text("zscore"), "mean": .number(mean), "sd": .number(sd)]
        case .rank: m = ["method": .text("rank")]
        case .borda: m = ["method": .text("borda")]
        case .prank: m = ["method": .text("prank")]
        case .fracmax: m = ["method": .text("fracmax")]
        case .dist2max: m = ["method": .text("dist2max")]
        case .dist2ref(let unit): m = ["method": .text("dist2ref"), "unit": .text(unit)]
        case .dist2targ: m = ["method": .text("dist2targ")]
        case .goalposts(let scale): m = ["method": .text("goalposts"), "scale": .number(scale)]
        }
        switch p.scope {
        case .period: m["scope"] = .text("period")
        case .all: m["scope"] = .text("all")
        case .reference(let year):
            m["scope"] = .text("reference")
            m["reference"] = .number(Double(year))
        }
        return .map(m)
    }

    private static func canonical(_ p: AggregateParameters) -> CanonicalValue {
        var m = canonical(p.rule)
        if !p.levelRules.isEmpty {
            m["levels"] = .map(Dictionary(uniqueKeysWithValues: p.levelRules.map { (String($0.key), CanonicalValue.map(canonical($0.value))) }))
        }
        return .map(m)
    }

    private static func canonical(_ r: AggregateRule) -> [String: CanonicalValue] {
        var m: [String: CanonicalValue]
        switch r.method {
        case .arithmetic: m = ["method": .text("arithmetic")]
        case .geometric: m = ["method": .text("geometric")]
        case .harmonic: m = ["method": .text("harmonic")]
        case .generalised(let p): m = ["method": .text("generalised"), "p": .number(p)]
        case .copeland: m = ["method": .text("copeland")]
        case .mazziottaPareto: m = ["method": .text("mpi")]
        }
        m["min_coverage"] = r.minCoverage.map { .number($0) }
        return m
    }
}
