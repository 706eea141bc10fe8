/// Horizontal bars, one group of bars per labelled row and one bar per series (e.g. first-order
/// and total sensitivity index), with optional 5–95 % whiskers. Values may be negative: bars
/// start at 0. Rows are drawn in the given order.
struct ChartBars: Sendable {
    struct Series: Sendable {
        var name: String
        var colour: String
        /// One value per row (NaN: no bar).
        var values: [Double]
        /// Optional whiskers per row (NaN ends: none).
        var low: [Double]? = nil
        var high: [Double]? = nil
        /// Colour of negative bars (`nil`: the series colour).
        var negativeColour: String? = nil
    }

    var labels: [String]
    var series: [Series]
    var axisTitle: String
    var language: ReportLanguage
    /// Fixed domain (e.g. 0…1 for sensitivity indices); `nil`: from the data.
    var domain: (Double, Double)? = nil
    var width: Double = 760
    var labelWidth: Double = 220

    var svg: String {
        let barHeight: Double = 11, gap: Double = 7
        let groupHeight = Double(series.count) * barHeight + gap
        let left = labelWidth, right = width - 20, top: Double = series.count > 1 ? 28 : 10
        let bottom = top + Double(labels.count) * groupHeight
        let height = bottom + 38
        var svg = SVG(width: width, height: height, label: axisTitle)
        let data = series.flatMap { s in s.values + (s.low ?? []) + (s.high ?? []) }
        let nice = ChartScale.nice(data, count: 5, includeZero: true)
        // A fixed domain is kept when the data fits in it, else widened to round ticks around
        // both (an estimate or its whisker may fall outside, e.g. a negative Sᵢ).
        let finite = data.filter(\.isFinite)
        var d = nice.domain, ticks = nice.ticks
        if let fixed = domain {
            if finite.allSatisfy({ $0 >= fixed.0 && $0 <= fixed.1 }) {
                d = fixed
                ticks = ChartScale.nice([fixed.0, fixed.1], count: 5).ticks.filter { $0 >= fixed.0 && $0 <= fixed.1 }
            } else {
                (d, ticks) = ChartScale.nice(finite + [fixed.0, fixed.1], count: 5)
            }
        }
        let x = ChartScale(domain: d, range: (left, right))
        svg.horizontalAxis(x, ticks: ticks, top: top - 2, bottom: bottom, labelY: bottom + 14) { ReportNumber.short($0, 2, language) }
        svg.line(x1: x(0), y1: top - 2, x2: x(0), y2: bottom, stroke: ChartColor.axis)
        svg.text(axisTitle, x: (left + right) / 2, y: bottom + 31, anchor: .middle)
        if series.count > 1 {
            var lx = left
            for s in series {
                svg.rect(x: lx, y: 6, width: 12, height: 10, fill: s.colour)
                svg.text(s.name, x: lx + 16, y: 15, size: 10)
                lx += 24 + Double(s.name.count) * 6
            }
        }
        let limit = Int(labelWidth / 6.2)
        for (i, label) in labels.enumerated() {
            let y0 = top + Double(i) * groupHeight
            svg.text(SVG.clip(label, limit), x: left - 8, y: y0 + (groupHeight - gap) / 2 + 3.5, anchor: .end, size: 10.5)
            for (k, s) in series.enumerated() {
                let v = s.values[i]
                guard v.isFinite else { continue }
                let y = y0 + Double(k) * barHeight
                let colour = v < 0 ? (s.negativeColour ?? s.colour) : s.colour
                svg.rect(x: min(x(0), x(v)), y: y, width: abs(x(v) - x(0)), height: barHeight - 1, fill: colour,
                         title: label + " – " + s.name + ": " + ReportNumber.fixed(v, 2, language))
                if let lo = s.low?[i], let hi = s.high?[i], lo.isFinite, hi.isFinite {
                    let cy = y + (barHeight - 1) / 2
                    svg.line(x1: x(lo), y1: cy, x2: x(hi), y2: cy, stroke: ChartColor.ink)
                    svg.line(x1: x(lo), y1: cy - 3, x2: x(lo), y2: cy + 3, stroke: ChartColor.ink)
                    svg.line(x1: x(hi), y1: cy - 3, x2: x(hi), y2: cy + 3, stroke: ChartColor.ink)
                }
            }
        }
        return svg.rendered
    }
}
