/// The caterpillar chart of the priority list: one line per buurt (most in need at the top),
/// a dot at its nominal rank and a bar over its 5–95 % rank band.
struct ChartCaterpillar: Sendable {
    struct Row: Sendable {
        var label: String
        var rank: Double
        /// NaN when there are no bands.
        var low: Double
        var high: Double
        /// Shown right of the plot (e.g. p_top).
        var note: String
        /// Drawn in the warning colour (e.g. p_top ≥ 50 %).
        var emphasised: Bool
    }

    var rows: [Row]
    /// Largest possible rank (the number of ranked buurten); the axis ends there.
    var rankCount: Int
    var axisTitle: String
    var rankLegend: String
    var bandLegend: String
    var noteTitle: String
    var language: ReportLanguage

    static let width: Double = 760
    static let rowHeight: Double = 18

    var svg: String {
        let left: Double = 230, right = Self.width - 70, top: Double = 34
        let height = top + Double(rows.count) * Self.rowHeight + 34
        var svg = SVG(width: Self.width, height: height, label: axisTitle)
        let values = rows.flatMap { [$0.rank, $0.low, $0.high] } + [Double(rankCount)]
        // From the best rank shown (at least 1) to the number of buurten: both ends labelled,
        // round ticks between them where they do not crowd the ends.
        let finite = values.filter(\.isFinite)
        let lowest = max(1, (finite.min() ?? 1).rounded(.down)), highest = max(lowest + 1, (finite.max() ?? Double(rankCount)).rounded(.up))
        let margin = (highest - lowest) * 0.06
        let ticks = [lowest] + ChartScale.nice([lowest, highest], count: 6).ticks.filter { $0 > lowest + margin && $0 < highest - margin } + [highest]
        let x = ChartScale(domain: (lowest, highest), range: (left, right))
        let bottom = top + Double(rows.count) * Self.rowHeight
        svg.horizontalAxis(x, ticks: ticks, top: top - 4, bottom: bottom,
                           labelY: bottom + 14) { ReportNumber.short($0, 2, language) }
        svg.text(axisTitle, x: (left + right) / 2, y: bottom + 29, anchor: .middle, size: 11)
        // Legend.
        svg.circle(cx: left, cy: 12, r: 3.5, fill: ChartColor.primary)
        svg.text(rankLegend, x: left + 8, y: 16, size: 10)
        svg.line(x1: left + 150, y1: 12, x2: left + 175, y2: 12, stroke: ChartColor.band, width: 5)
        svg.text(bandLegend, x: left + 181, y: 16, size: 10)
        svg.text(noteTitle, x: Self.width - 4, y: top - 8, anchor: .end, size: 10, bold: true)

        for (i, row) in rows.enumerated() {
            let y = top + (Double(i) + 0.5) * Self.rowHeight
            if i % 2 == 0 { svg.rect(x: 0, y: y - Self.rowHeight / 2, width: Self.width, height: Self.rowHeight, fill: "#f7f7f7") }
            svg.text(SVG.clip(row.label, 36), x: left - 8, y: y + 4, anchor: .end, size: 11)
            if row.low.isFinite && row.high.isFinite {
                svg.line(x1: x(row.low), y1: y, x2: x(row.high), y2: y, stroke: ChartColor.band, width: 5)
            }
            let colour = row.emphasised ? ChartColor.bad : ChartColor.primary
            let band = row.low.isFinite ? " (" + ReportNumber.rank(row.low, language) + "–" + ReportNumber.rank(row.high, language) + ")" : ""
            svg.circle(cx: x(row.rank), cy: y, r: 4, fill: colour,
                       title: row.label + ": " + ReportNumber.rank(row.rank, language) + band)
            svg.text(row.note, x: Self.width - 4, y: y + 3.5, anchor: .end, size: 10, fill: row.emphasised ? ChartColor.bad : "#222")
        }
        return svg.rendered
    }
}
