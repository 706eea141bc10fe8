import BuurtIndex
import BuurtNumerics

/// Section "priority list": the buurten of the latest period by need, with the caterpillar
/// chart of their ranks and bands; beyond `listLimit` buurten, the first `listLimit` and a
/// histogram for all.
enum ReportSectionPriorities {
    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        let list = c.latestList
        let shown = c.profiled
        let top = (c.input.file.priorities ?? PrioritySpec()).top
        var blocks: [ReportBlock] = [.paragraph(t(.prioritiesIntro, c.periodText(c.latest), String(list.count)))]
        if c.prioritiesHaveBands {
            let replications = c.input.replications.map(String.init) ?? "?"
            blocks.append(.paragraph(t(.prioritiesBands, replications, String(top), varied(c))))
            blocks += ReportUncertaintyAccount.paragraphs(c)
        } else {
            blocks.append(.paragraph(t(.prioritiesNoBands)))
        }
        if c.truncated {
            blocks.append(.paragraph(t(.prioritiesTruncated, String(shown.count), String(list.count))))
        }
        if let summary = categorySummary(c) { blocks.append(.table(summary)) }
        if let note = c.outsideScaleNote(shown.map(\.score)) { blocks.append(.paragraph(note)) }

        let rows = shown.map { p in
            ChartCaterpillar.Row(
                label: String(p.priority) + ". " + p.name, rank: p.rank, low: p.rankP05, high: p.rankP95,
                note: c.prioritiesHaveBands ? c.pct(p.pTop) : c.n(p.score, 1), emphasised: c.prioritiesHaveBands && p.pTop >= 0.5)
        }
        let chart = ChartCaterpillar(
            rows: rows, rankCount: list.count, axisTitle: t(.rankAxis, String(list.count)), rankLegend: t(.legendRank),
            bandLegend: c.prioritiesHaveBands ? t(.legendBand) : t(.legendNoBand),
            noteTitle: c.prioritiesHaveBands ? t(.pTopShort, String(top)) : t(.score), language: c.language)
        blocks.append(.chart(svg: chart.svg, caption: t(c.prioritiesHaveBands ? .caterpillarCaption : .caterpillarCaptionNoBands, String(top)),
                             table: nil))
        blocks.append(.table(table(shown, c, top: top)))

        if c.truncated {
            let values: [Double], axis: String
            if c.prioritiesHaveBands {
                values = list.map { $0.rankP95 - $0.rankP05 }
                axis = t(.bandWidthAxis)
                blocks.append(.paragraph(t(.bandWidthIntro, String(list.count))))
            } else {
                values = list.map(\.score)
                axis = t(.scoreAxis)
                blocks.append(.paragraph(t(.scoreHistogramIntro, String(list.count))))
            }
            let bins = ChartHistogram.bins(values)
            let histogram = ChartHistogram(bins: bins, axisTitle: axis, countTitle: t(.numberOfBuurten), language: c.language)
            blocks.append(.chart(svg: histogram.svg, caption: axis, table: ReportTable(
                header: [t(.from), t(.to), t(.numberOfBuurten)],
                rows: bins.map { [ReportNumber.short($0.lower, 2, c.language), ReportNumber.short($0.upper, 2, c.language), String($0.count)] },
                numeric: [0, 1, 2])))
        }
        return ReportSection(anchor: "sec-priorities", title: t(.prioritiesTitle), blocks: blocks)
    }

    /// What the model's `uncertainty:` varies, as a phrase: "the weights (±25% at level 1, 2),
    /// the normalisation (2 alternatives) and the data's sampling error".
    static func varied(_ c: ReportContext) -> String {
        let t = c.t
        guard let u = c.input.file.uncertainty else { return t(.variedUnknown) }
        var parts: [String] = []
        if let w = u.weights { parts.append(t(.variedWeights, c.pct(w.noise), w.levels.map(String.init).joined(separator: ", "))) }
        if !u.normalise.isEmpty { parts.append(t(.variedNormalise, String(u.normalise.count))) }
        if !u.aggregate.isEmpty { parts.append(t(.variedAggregate, String(u.aggregate.count))) }
        if !u.treatMaxPoints.isEmpty { parts.append(t(.variedTreat, u.treatMaxPoints.map(String.init).joined(separator: ", "))) }
        if !u.impute.isEmpty { parts.append(t(.variedImpute, String(u.impute.count))) }
        if u.sampling { parts.append(t(.variedSampling)) }
        return parts.isEmpty ? t(.variedUnknown) : c.list(parts)
    }

    static func table(_ list: [ReportPriority], _ c: ReportContext, top: Int) -> ReportTable {
        let t = c.t
        var header = [t(.priorityShort), t(.buurt), t(.name), t(.score), t(.rank)]
        if c.prioritiesHaveBands { header += [t(.band), t(.pTopShort, String(top))] }
        let hasCategories = list.contains { $0.category != nil }
        if hasCategories { header.append(t(.category)) }
        let rows = list.map { p -> [String] in
            var row = [String(p.priority), p.unit, p.name, c.n(p.score, 1), c.rank(p.rank)]
            if c.prioritiesHaveBands { row += [c.rankBand(p.rankP05, p.rankP95), c.pct(p.pTop)] }
            if hasCategories { row.append(p.category ?? "–") }
            return row
        }
        return ReportTable(header: header, rows: rows, numeric: [0, 3, 4, 5, 6])
    }

    /// Buurten per score category in the latest period (nil without categories).
    static func categorySummary(_ c: ReportContext) -> ReportTable? {
        let categories = c.input.file.prioritySpec.categories
        guard !categories.isEmpty else { return nil }
        var lower = -Double.infinity
        var rows: [[String]] = []
        for category in categories {
            let count = c.latestList.filter { $0.score >= lower && $0.score < category.below }.count
            let range = (lower.isFinite ? c.n(lower, 1) : "") + " – " + (category.below.isFinite ? c.n(category.below, 1) : "")
            rows.append([category.label, range, String(count)])
            lower = category.below
        }
        return ReportTable(header: [c.t(.category), c.t(.scoreRange), c.t(.numberOfBuurten)], rows: rows, numeric: [2])
    }
}
