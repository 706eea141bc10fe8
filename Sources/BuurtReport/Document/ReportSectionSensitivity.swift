import BuurtRanking

/// Section "sensitivity": which modelling choice moves the ranks most (first-order and total
/// indices), and how far ranks move when a dimension is left out.
enum ReportSectionSensitivity {
    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        var blocks: [ReportBlock] = []
        if let indices = c.input.sensitivity, !indices.isEmpty {
            // Largest total effect first; input order among equals.
            let ordered = indices.enumerated().sorted { a, b in
                let x = a.element.total.isNaN ? -Double.infinity : a.element.total
                let y = b.element.total.isNaN ? -Double.infinity : b.element.total
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            blocks.append(.paragraph(t(.sensitivityIntro)))
            if let account = c.input.uncertaintyAccount, let left = account.sensitivityRowsLeftOut, left > 0,
               let n = account.sensitivityRows {
                blocks.append(.paragraph(t(.sensitivityRowsLeftOut, String(n - left), String(n), String(left))))
            }
            if let top = ordered.first, top.total.isFinite {
                blocks.append(.paragraph(t(.sensitivityTop, c.choicePhrase(top.input), c.n(top.total, 2), c.n(top.firstOrder, 2))))
            }
            let chart = ChartBars(
                labels: ordered.map { c.choiceName($0.input) },
                series: [
                    .init(name: t(.firstOrder), colour: ChartColor.primary, values: ordered.map(\.firstOrder),
                          low: ordered.map(\.firstOrderP05), high: ordered.map(\.firstOrderP95)),
                    .init(name: t(.totalEffect), colour: ChartColor.secondary, values: ordered.map(\.total),
                          low: ordered.map(\.totalP05), high: ordered.map(\.totalP95)),
                ],
                axisTitle: t(.sensitivityAxis), language: c.language, domain: (0, 1))
            blocks.append(.chart(svg: chart.svg, caption: t(.sensitivityCaption), table: nil))
            blocks.append(.table(ReportTable(
                header: [t(.choice), t(.firstOrder), t(.band), t(.totalEffect), t(.band)],
                rows: ordered.map { s in
                    [c.choiceName(s.input), c.n(s.firstOrder, 2), c.n(s.firstOrderP05, 2) + " – " + c.n(s.firstOrderP95, 2),
                     c.n(s.total, 2), c.n(s.totalP05, 2) + " – " + c.n(s.totalP95, 2)]
                }, numeric: [1, 3])))
        } else {
            blocks.append(.paragraph(t(.sensitivityAbsent)))
        }

        blocks.append(.heading(level: 3, text: t(.removalTitle), anchor: nil))
        if let removal = c.input.removal, !removal.isEmpty {
            blocks.append(.paragraph(t(.removalIntro)))
            // Largest mean shift first; model order among equals.
            let ranked = removal.enumerated().filter { $0.element.meanAbsoluteRankShift.isFinite }.sorted {
                ($0.element.meanAbsoluteRankShift, -$0.offset) > ($1.element.meanAbsoluteRankShift, -$1.offset)
            }
            if let most = ranked.first?.element {
                blocks.append(.paragraph(t(.removalTop, c.name(most.dimension), c.n(most.meanAbsoluteRankShift, 1),
                                           c.n(most.maxAbsoluteRankShift, 0))))
            }
            let chart = ChartBars(
                labels: removal.map { c.name($0.dimension) },
                series: [
                    .init(name: t(.meanShift), colour: ChartColor.primary, values: removal.map(\.meanAbsoluteRankShift)),
                    .init(name: t(.maxShift), colour: ChartColor.muted, values: removal.map(\.maxAbsoluteRankShift)),
                ],
                axisTitle: t(.removalAxis), language: c.language)
            blocks.append(.chart(svg: chart.svg, caption: t(.removalCaption), table: nil))
            blocks.append(.table(ReportTable(
                header: [t(.dimension), t(.meanShift), t(.maxShift)],
                rows: removal.map { [c.name($0.dimension), c.n($0.meanAbsoluteRankShift, 2), c.n($0.maxAbsoluteRankShift, 0)] },
                numeric: [1, 2])))
        } else {
            blocks.append(.paragraph(t(.removalAbsent)))
        }
        return ReportSection(anchor: "sec-sensitivity", title: t(.sensitivityTitle), blocks: blocks)
    }
}
