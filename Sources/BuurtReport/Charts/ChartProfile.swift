/// One buurt's dimension scores against the city: per dimension a grey bar over the middle 90 %
/// of all buurten (5th–95th percentile), a black tick at the city mean, and the buurt's score as
/// a dot with its 5–95 % band. Dots are coloured by status: clearly behind (band entirely below
/// the mean), behind, or at/above the mean.
struct ChartProfile: Sendable {
    enum Status: Sendable { case clearlyBehind, behind, ahead, missing }

    struct Row: Sendable {
        var label: String
        var score: Double
        var low: Double
        var high: Double
        var cityMean: Double
        var cityLow: Double
        var cityHigh: Double
        var status: Status
    }

    var rows: [Row]
    /// Shared by all profiles so they can be compared.
    var domain: (Double, Double)
    var ticks: [Double]
    var axisTitle: String
    var legend: (buurt: String, mean: String, middle: String)
    var language: ReportLanguage

    var svg: String {
        let width: Double = 760, rowHeight: Double = 22
        let left: Double = 230, right = width - 24, top: Double = 30
        let bottom = top + Double(rows.count) * rowHeight
        var svg = SVG(width: width, height: bottom + 36, label: axisTitle)
        let x = ChartScale(domain: domain, range: (left, right))
        svg.horizontalAxis(x, ticks: ticks, top: top - 4, bottom: bottom, labelY: bottom + 14) { ReportNumber.short($0, 2, language) }
        svg.text(axisTitle, x: (left + right) / 2, y: bottom + 30, anchor: .middle)
        svg.circle(cx: left, cy: 12, r: 4, fill: ChartColor.primary)
        svg.text(legend.buurt, x: left + 8, y: 16, size: 10)
        svg.line(x1: left + 150, y1: 6, x2: left + 150, y2: 18, stroke: ChartColor.ink, width: 2)
        svg.text(legend.mean, x: left + 156, y: 16, size: 10)
        svg.rect(x: left + 300, y: 8, width: 22, height: 8, fill: "#dddddd")
        svg.text(legend.middle, x: left + 327, y: 16, size: 10)
        for (i, row) in rows.enumerated() {
            let y = top + (Double(i) + 0.5) * rowHeight
            svg.text(SVG.clip(row.label, 38), x: left - 8, y: y + 4, anchor: .end, size: 11)
            if row.cityLow.isFinite && row.cityHigh.isFinite {
                svg.rect(x: x(row.cityLow), y: y - 4, width: x(row.cityHigh) - x(row.cityLow), height: 8, fill: "#dddddd")
            }
            if row.cityMean.isFinite {
                svg.line(x1: x(row.cityMean), y1: y - 8, x2: x(row.cityMean), y2: y + 8, stroke: ChartColor.ink, width: 2)
            }
            if row.low.isFinite && row.high.isFinite {
                svg.line(x1: x(row.low), y1: y, x2: x(row.high), y2: y, stroke: ChartColor.primary, width: 2)
            }
            guard row.score.isFinite else { continue }
            let colour: String = switch row.status {
            case .clearlyBehind: ChartColor.severe
            case .behind: ChartColor.secondary
            case .ahead, .missing: ChartColor.primary
            }
            svg.circle(cx: x(row.score), cy: y, r: row.status == .clearlyBehind ? 6 : 5, fill: colour,
                       stroke: row.status == .clearlyBehind ? ChartColor.ink : "#fff",
                       title: row.label + ": " + ReportNumber.fixed(row.score, 1, language))
        }
        return svg.rendered
    }
}
