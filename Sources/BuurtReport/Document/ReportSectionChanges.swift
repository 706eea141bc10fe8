import BuurtRanking

/// Section "changes": how each buurt's index and dimensions moved between two periods
/// (`changes.csv`), which moves are beyond the uncertainty band, the method breaks that make a
/// comparison unsafe, and units the data could not follow over time.
enum ReportSectionChanges {
    static func build(_ c: ReportContext) -> ReportSection? {
        let t = c.t
        let warnings = c.input.warnings
        guard c.input.changes != nil || !warnings.isEmpty else { return nil }
        var blocks: [ReportBlock] = warnings.map { .warning($0) }
        if let a = c.input.changes, a.headline == nil {
            blocks += ReportChangeSeries.sectionBlocks(a, headline: nil, c)
        }
        if let a = c.input.changes, let headline = a.headline {
            let bands = a.replications != nil
            let rule = a.replications.map { t(.changes(.significantRule), String($0)) } ?? t(.changes(.noBands))
            blocks.append(.paragraph(t(.changes(.intro), String(headline.from), String(headline.to), rule)))
            if a.failedReplications > 0 {
                blocks.append(.warning(t(.changes(.failedReplications), String(a.failedReplications), String(a.replications ?? 0))))
            }
            for b in a.breaks {
                let groups = a.groups.filter { g in a.rows.contains { $0.group == g && ($0.breakNote?.contains(b.note) ?? false) } }
                blocks.append(.warning(t(.changes(.methodBreak), String(b.period), c.list(b.indicators.map(c.name)), b.note,
                                         c.list(groups.map(c.name)))))
            }
            let root = a.rows(headline).filter { $0.group == a.groups[0] }
            let better = root.filter { $0.significant == .better }.count, worse = root.filter { $0.significant == .worse }.count
            if bands {
                blocks.append(.paragraph(t(.changes(.indexCounts), String(better), String(worse), String(root.count - better - worse))))
            }
            let ordered = root.enumerated().sorted { ($0.element.change.isNaN ? .infinity : $0.element.change, $0.offset)
                < ($1.element.change.isNaN ? .infinity : $1.element.change, $1.offset) }.map(\.element)
            let shown = ordered.prefix(c.input.listLimit)
            if let note = c.outsideScaleNote(shown.flatMap { [$0.scoreFrom, $0.scoreTo] }) { blocks.append(.paragraph(note)) }
            blocks.append(.table(ReportTable(
                header: [t(.changes(.buurtColumn)), "\(headline.from)", "\(headline.to)", t(.changes(.changeColumn)), t(.changes(.bandColumn)),
                         t(.changes(.verdictColumn)), t(.changes(.breakColumn))],
                rows: shown.map { r in
                    [r.name, c.n(r.scoreFrom), c.n(r.scoreTo), c.n(r.change), bands ? c.n(r.changeP05) + " – " + c.n(r.changeP95) : "–",
                     r.significant.map { t(.changes($0 == .better ? .better : .worse)) } ?? "",
                     r.breakNote ?? ""]
                }, numeric: [1, 2, 3])))
            blocks += ReportChangeSeries.sectionBlocks(a, headline: headline, c)
        }
        return ReportSection(anchor: "sec-changes", title: t(.changes(.title)), blocks: blocks)
    }
}
