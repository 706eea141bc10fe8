import Yams

/// Reading the model's keys about comparisons over time: `changes:`, `breaks:` and `crosswalk:`.
extension ModelFileReader {
    /// `{from: 2017, to: 2020}`; either may be left out. `none`: no changes
    /// (``ChangeSpec/enabled`` false).
    mutating func changes(_ node: Node) -> ChangeSpec? {
        switch noneOrMapping(node, "changes", none: "no changes between periods", example: "{from: 2017, to: 2020}") {
        case .off?: return ChangeSpec(enabled: false)
        case .mapping?: break
        case nil: return nil
        }
        guard let f = fields(node, "'changes'", known: ["from", "to"]) else { return nil }
        var spec = ChangeSpec()
        spec.from = f["from"].flatMap { integer($0, "from of changes (a period such as 2017)") }
        spec.to = f["to"].flatMap { integer($0, "to of changes (a period such as 2020)") }
        if let from = spec.from, let to = spec.to, from == to {
            fail("changes compare two different periods, but from and to are both \(from)", at: f["to"])
        }
        return spec
    }

    /// `[{period: 2018, indicators: [a, b], note: "…"}]`. With an inline tree every indicator
    /// must be one of its indicators; with `metadata:` they are checked once it is loaded.
    mutating func breaks(_ node: Node, tree: InlineTree?) -> [MethodBreak] {
        guard let items = list(node, "breaks (a list of {period, indicators, note})") else { return [] }
        var result: [MethodBreak] = []
        for item in items {
            guard let f = fields(item, "a method break", known: ["period", "indicators", "note"]) else { continue }
            // The entry's first key locates it (a mapping node's own mark is its end).
            let first = f.keyNodes.values.min { ($0.mark?.line ?? 0, $0.mark?.column ?? 0) < ($1.mark?.line ?? 0, $1.mark?.column ?? 0) }
            for key in ["period", "indicators", "note"] where f[key] == nil {
                fail("every method break needs '\(key)' (e.g. {period: 2018, indicators: [feel_unsafe], note: \"new questionnaire\"})", at: first ?? item)
            }
            guard let p = f["period"], let period = integer(p, "period of a method break"),
                  let i = f["indicators"], let listed = list(i, "indicators of a method break"),
                  let n = f["note"], let note = text(n, "note of a method break") else { continue }
            var codes: [String] = []
            for entry in listed {
                guard let code = text(entry, "an indicator of a method break") else { continue }
                codes.append(code)
                if let tree {
                    let indicators = tree.codes(of: [.indicator])
                    if !indicators.contains(code) {
                        fail("method break of \(period): '\(code)' is not an indicator of the model"
                            + Self.suggestion(for: code, among: indicators, listAll: false), at: entry)
                    }
                } else {
                    treeChecks.breakIndicators.append((code, location(entry)))
                }
            }
            if codes.isEmpty { fail("indicators of a method break must list at least one indicator", at: i) }
            if note.isEmpty { fail("note of a method break must say what changed", at: n) }
            result.append(MethodBreak(period: period, indicators: codes, note: note))
        }
        return result
    }
}

extension ModelFile {
    /// Where a top-level key (or a stage key) is written, for messages about its value.
    public func keyLocation(_ key: String) -> SourceLocation? {
        keyLocations[key] ?? SourceLocation(file: path)
    }
}
