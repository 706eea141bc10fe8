import BuurtRanking

/// Section "changes": how each buurt's index and dimensions moved between two periods
/// (`changes.csv`), which moves are beyond the uncertainty band, the method breaks that make a
/// comparison unsafe, and units the data could not follow over time.
enum ReportSectionChanges {
    static func build(_ c: ReportContext) -> ReportSection? {
        let nl = c.language == .nl
        let warnings = c.input.warnings
        guard c.input.changes != nil || !warnings.isEmpty else { return nil }
        var blocks: [ReportBlock] = warnings.map { .warning($0) }
        if let a = c.input.changes {
            let bands = a.replications != nil
            blocks.append(.paragraph(nl
                ? "Verandering per buurt van \(a.from) naar \(a.to) (score \(a.to) min score \(a.from); positief is beter). "
                    + (bands ? "Een verandering heet significant als de 5–95 %-band uit \(a.replications!) herhalingen 0 niet bevat."
                        : "Zonder onzekerheidsanalyse zijn er geen banden en wordt niets significant genoemd.")
                : "Change per buurt from \(a.from) to \(a.to) (score \(a.to) minus score \(a.from); positive is better). "
                    + (bands ? "A change is called significant when its 5–95 % band from \(a.replications!) replications excludes 0."
                        : "Without an uncertainty analysis there are no bands and no change is called significant.")))
            if a.failedReplications > 0 {
                blocks.append(.warning(nl
                    ? "\(a.failedReplications) van de \(a.replications ?? 0) herhalingen konden niet worden doorgerekend op de schaal van het model; de banden komen uit de overige."
                    : "\(a.failedReplications) of the \(a.replications ?? 0) replications could not be computed on the model's scale; the bands come from the others."))
            }
            for b in a.breaks {
                let groups = a.groups.filter { g in a.rows.contains { $0.group == g && ($0.breakNote?.contains(b.note) ?? false) } }
                blocks.append(.warning(nl
                    ? "Methodebreuk in \(b.period) (\(b.indicators.joined(separator: ", "))): \(b.note). Veranderingen van \(groups.map(c.name).joined(separator: ", ")) over deze breuk zijn gemarkeerd (kolom break) en niet zonder meer vergelijkbaar."
                    : "Method break in \(b.period) (\(b.indicators.joined(separator: ", "))): \(b.note). Changes of \(groups.map(c.name).joined(separator: ", ")) across it are flagged (column break) and not directly comparable."))
            }
            let root = a.rows.filter { $0.group == a.groups[0] }
            let better = root.filter { $0.significant == .better }.count, worse = root.filter { $0.significant == .worse }.count
            if bands {
                blocks.append(.paragraph(nl
                    ? "Index: \(better) buurten significant beter, \(worse) significant slechter, \(root.count - better - worse) zonder duidelijke verandering."
                    : "Index: \(better) buurten significantly better, \(worse) significantly worse, \(root.count - better - worse) without a clear change."))
            }
            let ordered = root.enumerated().sorted { ($0.element.change.isNaN ? .infinity : $0.element.change, $0.offset)
                < ($1.element.change.isNaN ? .infinity : $1.element.change, $1.offset) }.map(\.element)
            let shown = ordered.prefix(c.input.listLimit)
            blocks.append(.table(ReportTable(
                header: ["Buurt", "\(a.from)", "\(a.to)", nl ? "Verandering" : "Change", "5–95 %", nl ? "Oordeel" : "Verdict", nl ? "Breuk" : "Break"],
                rows: shown.map { r in
                    [r.name, c.n(r.scoreFrom), c.n(r.scoreTo), c.n(r.change), bands ? c.n(r.changeP05) + " – " + c.n(r.changeP95) : "–",
                     r.significant.map { nl ? ($0 == .better ? "beter" : "slechter") : $0.rawValue } ?? "",
                     r.breakNote == nil ? "" : (nl ? "ja" : "yes")]
                }, numeric: [1, 2, 3])))
        }
        return ReportSection(anchor: "sec-changes", title: nl ? "Veranderingen door de tijd" : "Changes over time", blocks: blocks)
    }
}
