import BuurtIndex
import BuurtRanking

/// The trend of a buurt profile: small multiples of the index and each dimension over the
/// periods, and the table of the compared change with its band, its verdict and the method
/// breaks it crosses. Every number and verdict is the row of `changes.csv` (``ChangeRow``), so
/// the profile, the changes section, the trend chart and the workbook agree.
enum ReportProfileTrend {
    static func blocks(_ p: ReportPriority, _ c: ReportContext, _ data: ReportProfileData) -> [ReportBlock] {
        guard let analysis = c.input.changes, c.periods.count > 1 else { return [] }
        let t = c.t
        let rows = data.rowsOf[p.unit] ?? []
        let bands = analysis.replications != nil
        var panels: [ChartTrend.Panel] = [], table: [[String]] = [], crossing: [ChangeRow] = []
        for code in data.codes {
            let column = data.columns[code]!
            let present = c.periods.indices.map { k in k < rows.count && rows[k] >= 0 }
            let values = c.periods.indices.map { present[$0] ? column[rows[$0]] : .nan }
            let band = c.periods.enumerated().map { k, period in present[k] ? data.band(c, unit: p.unit, period: period, code: code) : (.nan, .nan) }
            let row = data.change(p.unit, code)
            let change: ChartTrend.Change = switch row?.significant {
            case .better: .up
            case .worse: .down
            case nil: .none
            }
            panels.append(ChartTrend.Panel(title: c.name(code), values: values, low: band.map(\.0), high: band.map(\.1),
                                           city: data.cityMean[code] ?? [], change: change,
                                           breaks: row.map { breaks(crossedBy: $0, analysis, c) } ?? []))
            var cells = [c.name(code), c.n(row?.scoreFrom ?? .nan), c.n(row?.scoreTo ?? .nan), c.n(row?.change ?? .nan)]
            if bands { cells.append(row.map { c.n($0.changeP05) + " – " + c.n($0.changeP95) } ?? "–") }
            let verdict: String = switch change {
            case .none: ""
            case .up: "▲ " + t(.improved)
            case .down: "▼ " + t(.worsened)
            }
            cells.append(verdict)
            if !analysis.breaks.isEmpty { cells.append(row?.breakNote ?? "") }
            table.append(cells)
            if let row, row.breakNote != nil { crossing.append(row) }
        }
        let first = c.periodText(c.periods.first ?? nil), last = c.periodText(c.latest)
        let chart = ChartTrend(periods: c.periods.map { $0 ?? 0 }, panels: panels, domain: data.trendScale.domain,
                               ticks: data.trendScale.ticks, language: c.language, label: t(.trendTitle, first, last),
                               breakLabel: t(.profile(.breakLabel)))
        let headline = analysis.headline ?? PeriodPair(from: analysis.from, to: analysis.to)
        var header = [t(.dimension), String(headline.from), String(headline.to), t(.change)]
        if bands { header.append(t(.profile(.bandColumn))) }
        header.append(t(.profile(.verdictColumn)))
        if !analysis.breaks.isEmpty { header.append(t(.profile(.breakColumn))) }
        var blocks: [ReportBlock] = [
            .heading(level: 4, text: t(.trendTitle, first, last), anchor: nil),
            .chart(svg: chart.svg, caption: t(.trendCaption), table: nil),
            .table(ReportTable(header: header, rows: table, numeric: [1, 2, 3])),
        ]
        for b in analysis.breaks {
            let groups = crossing.filter { $0.breakNote?.contains(b.note) ?? false }.map { c.name($0.group) }
            guard !groups.isEmpty else { continue }
            blocks.append(.paragraph(t(.profile(.breakNote), String(b.period), c.list(b.indicators.map(c.name)), b.note, c.list(groups))))
        }
        return blocks + ReportChangeSeries.profileBlocks(unit: p.unit, analysis, c)
    }

    /// The method breaks the change of `row` crosses, at the first period from which each applies.
    static func breaks(crossedBy row: ChangeRow, _ analysis: ChangeAnalysis, _ c: ReportContext) -> [(position: Int, note: String)] {
        guard let note = row.breakNote else { return [] }
        return analysis.breaks.compactMap { b in
            guard note.contains(b.note), let position = c.periods.firstIndex(where: { ($0 ?? .min) >= b.period }) else { return nil }
            return (position, b.note)
        }
    }
}
