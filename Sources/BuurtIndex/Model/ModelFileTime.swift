import Yams

/// Reading the model's keys about comparisons over time: `changes:`, `breaks:` and `crosswalk:`.
extension ModelFileReader {
    /// `{from: 2017, to: 2020}` (either may be left out, `from: first | previous | <year>`,
    /// `to: latest | <year>`), a list of such windows, or `{windows: [...], year_on_year: true,
    /// trend: true}`. `none`: no changes (``ChangeSpec/enabled`` false).
    mutating func changes(_ node: Node) -> ChangeSpec? {
        if case .sequence = node { return ChangeSpec(windows: windows(node)) }
        let example = "{from: first, to: latest}, a list of such windows or {windows: [...], year_on_year: true, trend: true}"
        switch noneOrMapping(node, "changes", none: "no changes between periods", example: example) {
        case .off?: return ChangeSpec(enabled: false)
        case .mapping?: break
        case nil: return nil
        }
        guard case .mapping(let mapping) = node else { return nil }
        let keys = mapping.keys.compactMap(\.string)
        guard keys.contains(where: { ["windows", "year_on_year", "trend"].contains($0) }) else {
            return window(node).map { ChangeSpec(windows: [$0]) }
        }
        guard let f = fields(node, "'changes'", known: ["windows", "year_on_year", "trend"]) else { return nil }
        var spec = ChangeSpec(windows: [])
        if let w = f["windows"] { spec.windows = windows(w) }
        spec.yearOnYear = f["year_on_year"].flatMap { boolean($0, "year_on_year of changes") } ?? false
        spec.trend = f["trend"].flatMap { boolean($0, "trend of changes") } ?? false
        if spec.windows.isEmpty && !spec.yearOnYear && !spec.trend {
            fail("changes compare nothing: give windows, year_on_year: true or trend: true (or write changes: none)", at: f["windows"] ?? node)
        }
        return spec
    }

    /// `[{from: first, to: latest}, ...]`, at least one window.
    private mutating func windows(_ node: Node) -> [ChangeWindow] {
        guard let items = list(node, "windows of changes (a list of {from, to})") else { return [] }
        if items.isEmpty { fail("windows of changes must list at least one {from, to}", at: node) }
        return items.compactMap { window($0) }
    }

    /// `{from: first | previous | <year>, to: latest | <year>}`; checks from < to when both are years.
    private mutating func window(_ node: Node) -> ChangeWindow? {
        guard let f = fields(node, "a window of changes", known: ["from", "to"]) else { return nil }
        let at = f.keyNodes.values.min { ($0.mark?.line ?? 0, $0.mark?.column ?? 0) < ($1.mark?.line ?? 0, $1.mark?.column ?? 0) } ?? node
        var window = ChangeWindow(location: location(at))
        if let n = f["from"] {
            guard let from = period(n, "from", words: ["first": .first, "previous": .previous]) else { return nil }
            window.from = from
        }
        if let n = f["to"] {
            guard let to = period(n, "to", words: ["latest": .latest]) else { return nil }
            window.to = to
        }
        if case .year(let a) = window.from, case .year(let b) = window.to, a >= b {
            fail(a == b ? "changes compare two different periods, but from and to are both \(a)"
                        : "a window of changes runs forward in time, but from \(a) comes after to \(b)", at: f["to"])
            return nil
        }
        return window
    }

    /// A period (a whole number) or one of `words`.
    private mutating func period(_ node: Node, _ key: String, words: [String: PeriodReference]) -> PeriodReference? {
        if case .scalar(let s) = node, let word = words[s.string] { return word }
        if case .scalar(let s) = node, let year = Int(s.string) { return .year(year) }
        let allowed = (words.keys.sorted() + ["a period such as 2017"]).joined(separator: ", ")
        fail("\(key) of changes must be one of \(allowed), got \(Self.describe(node))", at: node)
        return nil
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
