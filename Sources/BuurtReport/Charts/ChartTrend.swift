/// Small multiples of one buurt's scores over the periods: one panel per dimension (and the
/// index), all on the same scale, with the city mean as a dashed line, the 5–95 % band as
/// whiskers, a marked panel when the change between the compared periods is significant, and
/// a dashed vertical line where a method break falls in the panel's series.
struct ChartTrend: Sendable {
    enum Change: Sendable { case none, up, down }

    struct Panel: Sendable {
        var title: String
        var values: [Double]
        var low: [Double]
        var high: [Double]
        var city: [Double]
        /// Whether (and which way) the compared change is significant.
        var change: Change
        /// Positions in `periods` from which a method break applies (drawn between the period
        /// before and this one), with the break's note as the line's tooltip.
        var breaks: [(position: Int, note: String)] = []
    }

    var periods: [Int]
    var panels: [Panel]
    var domain: (Double, Double)
    var ticks: [Double]
    var language: ReportLanguage
    var label: String
    /// The word written at a method break's line.
    var breakLabel: String = ""

    static let columns = 4

    var svg: String {
        let width: Double = 760, panelWidth = width / Double(Self.columns), panelHeight: Double = 130
        let rowsOfPanels = (panels.count + Self.columns - 1) / Self.columns
        var svg = SVG(width: width, height: Double(rowsOfPanels) * panelHeight + 4, label: label)
        for (k, panel) in panels.enumerated() {
            let ox = Double(k % Self.columns) * panelWidth, oy = Double(k / Self.columns) * panelHeight
            let left = ox + 34, right = ox + panelWidth - 10, top = oy + 24, bottom = oy + panelHeight - 22
            let y = ChartScale(domain: domain, range: (bottom, top))
            let x = ChartScale(domain: (0, Double(max(1, periods.count - 1))), range: (left + 6, right - 6))
            let colour: String = switch panel.change {
            case .none: ChartColor.primary
            case .up: ChartColor.good
            case .down: ChartColor.bad
            }
            let marker: String = switch panel.change {
            case .none: ""
            case .up: " ▲"
            case .down: " ▼"
            }
            svg.text(SVG.clip(panel.title, 26) + marker, x: left, y: oy + 14, size: 11, bold: true,
                     fill: panel.change == .none ? ChartColor.ink : colour)
            svg.verticalAxis(y, ticks: ticks, left: left, right: right, labelX: left - 4) { ReportNumber.short($0, 1, language) }
            for (i, period) in periods.enumerated() where i == 0 || i == periods.count - 1 || periods.count <= 6 {
                svg.text(String(period), x: x(Double(i)), y: bottom + 13, anchor: .middle, size: 9.5, fill: "#555")
            }
            for b in panel.breaks where b.position > 0 && b.position < periods.count {
                let bx = x(Double(b.position) - 0.5)
                svg.line(x1: bx, y1: top, x2: bx, y2: bottom, stroke: ChartColor.ink, width: 1, dashed: true, title: b.note)
                svg.text(breakLabel, x: bx + 2, y: top + 8, size: 8.5, fill: ChartColor.ink)
            }
            svg.polyline(panel.city.enumerated().map { (x(Double($0.offset)), y($0.element)) }, stroke: ChartColor.axis, width: 1.2, dashed: true)
            for i in periods.indices where panel.low[i].isFinite && panel.high[i].isFinite {
                svg.line(x1: x(Double(i)), y1: y(panel.low[i]), x2: x(Double(i)), y2: y(panel.high[i]), stroke: ChartColor.band, width: 3)
            }
            svg.polyline(panel.values.enumerated().map { (x(Double($0.offset)), y($0.element)) }, stroke: colour, width: 2)
            for (i, v) in panel.values.enumerated() where v.isFinite {
                svg.circle(cx: x(Double(i)), cy: y(v), r: 2.5, fill: colour,
                           title: panel.title + " " + String(periods[i]) + ": " + ReportNumber.fixed(v, 1, language))
            }
        }
        return svg.rendered
    }
}
