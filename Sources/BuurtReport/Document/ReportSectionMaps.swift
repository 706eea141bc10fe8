import BuurtIndex

/// Section "maps" (only with the model key `map:`): for the index and each of its children, a
/// choropleth per period, latest first (``ChartMap``), on one colour scale per component; the
/// first `priorities.top` buurten of the latest priority list outlined on every map (none with
/// `priorities: none`); shapes of units the data does not have are left out with a warning, and
/// buurten of the data without a shape are named in a note. Beyond ``areaBudget`` areas in all,
/// only the latest period is drawn, and beyond that only the index (a note says so).
enum ReportSectionMaps {
    /// At most this many unit areas in all the section's maps (about 200 bytes each).
    static let areaBudget = 30_000

    static func build(_ c: ReportContext) -> ReportSection? {
        guard let map = c.input.map else { return nil }
        let t = c.t
        let data = c.input.result.stages.first?.panel ?? c.aggregated
        var names: [String: String] = [:]
        var order: [String] = []
        for (code, name) in zip(data.unitCodes, data.unitNames) where names[code] == nil {
            names[code] = name
            order.append(code)
        }
        let shapes = map.shapes.filter { names[$0.unit] != nil }
        let unmatched = map.shapes.map(\.unit).filter { names[$0] == nil }
        let drawn = Set(shapes.map(\.unit))
        var blocks: [ReportBlock] = [.paragraph(t(.maps(.intro)))]
        let top = (c.input.file.priorities ?? PrioritySpec()).top
        let outlined = c.showsLists ? Array(c.latestList.prefix(top)).filter { drawn.contains($0.unit) } : []
        if !outlined.isEmpty { blocks.append(.paragraph(t(.maps(.outlineNote), String(outlined.count), c.periodText(c.latest)))) }
        if !unmatched.isEmpty {
            let file = map.file.lastPathComponent, codes = unmatched.prefix(20).joined(separator: ", ") + (unmatched.count > 20 ? ", …" : "")
            blocks.append(.warning(t.count(unmatched.count, one: .maps(.unmatchedOne), many: .maps(.unmatchedMany), file, codes, String(unmatched.count))))
        }
        let missing = order.filter { !drawn.contains($0) }
        if !missing.isEmpty { blocks.append(.paragraph(t(.maps(.missingShapes), missing.map { names[$0]! }.joined(separator: ", ")))) }
        guard !shapes.isEmpty else { return ReportSection(anchor: "sec-maps", title: t(.maps(.title)), blocks: blocks) }

        var periods = Array(c.periods.reversed())
        var codes = [c.model.root] + c.model.children(of: c.model.root)
        if shapes.count * periods.count * codes.count > areaBudget {
            periods = Array(periods.prefix(1))
            if shapes.count * codes.count > areaBudget { codes = [c.model.root] }
            blocks.append(.paragraph(t(.maps(codes.count == 1 ? .indexOnly : .latestOnly), String(shapes.count))))
        }
        let legend = ChartMap.Legend(moreInNeed: t(.maps(.moreInNeed)), lessInNeed: t(.maps(.lessInNeed)), noScore: t(.maps(.noScore)),
                                     outlined: outlined.isEmpty ? "" : t(.maps(.outlined)))
        let panel = c.aggregated
        let maps = codes.compactMap { code -> (svg: String, caption: String)? in
            guard let column = panel.column(code) else { return nil }
            let panels = periods.map { period in
                ChartMap.Panel(label: c.periodText(period), period: period, scores: Dictionary(
                    panel.rows(in: period).map { (panel.unitCodes[$0], column[$0]) }, uniquingKeysWith: { a, _ in a }))
            }
            let chart = ChartMap(shapes: shapes, names: names, panels: panels, classes: ChartMapClasses(scores: column),
                                 outlined: Set(outlined.map(\.unit)), title: c.name(code), legend: legend,
                                 idPrefix: ReportAnchor.make("map", code), language: c.language)
            return (chart.svg, t(.maps(.caption), c.name(code), periods.map(c.periodText).joined(separator: ", ")))
        }
        blocks.append(.maps(maps, note: t(.maps(.seeHTML))))
        return ReportSection(anchor: "sec-maps", title: t(.maps(.title)), blocks: blocks)
    }
}
