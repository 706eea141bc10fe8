import BuurtIndex
import BuurtNumerics

/// A correlation heat map: a p × p grid coloured blue (+1) – white (0) – red (−1), the value
/// written in each cell while cells are large enough to read, and a box around each group of
/// indicators (same parent) so within-group blocks stand out.
struct ChartHeatmap: Sendable {
    /// Short labels along the axes (indicator codes) and long names for the tooltips.
    var labels: [String]
    var names: [String]
    /// Consecutive runs of indicators that belong together: (first index, count).
    var blocks: [(start: Int, count: Int)]
    var matrix: Matrix
    var title: String
    var language: ReportLanguage

    var svg: String {
        let p = labels.count
        let cell: Double = p <= 12 ? 30 : p <= 25 ? 22 : max(6, 560 / Double(max(1, p)))
        let showValues = cell >= 20
        let showLabels = cell >= 9
        let labelSpace: Double = showLabels ? 150 : 10
        let left = labelSpace, top = labelSpace
        let width = left + Double(p) * cell + 90, height = top + Double(p) * cell + 16
        var svg = SVG(width: width, height: height, label: title)
        for i in 0..<p {
            if showLabels {
                svg.text(SVG.clip(labels[i], 24), x: left - 5, y: top + (Double(i) + 0.5) * cell + 3.5, anchor: .end, size: 10)
                svg.text(SVG.clip(labels[i], 24), x: left + (Double(i) + 0.5) * cell + 3.5, y: top - 5, size: 10, rotate: true)
            }
            for j in 0..<p {
                let r = matrix[i, j]
                let x = left + Double(j) * cell, y = top + Double(i) * cell
                svg.rect(x: x, y: y, width: cell, height: cell, fill: ChartColor.correlation(r), stroke: "#fff",
                         title: names[i] + " × " + names[j] + ": " + ReportNumber.fixed(r, 2, language))
                if showValues && i != j && r.isFinite {
                    svg.text(ReportNumber.fixed(r, 1, language), x: x + cell / 2, y: y + cell / 2 + 3, anchor: .middle,
                             size: 8.5, fill: abs(r) > 0.6 ? "#fff" : "#333")
                }
            }
        }
        for block in blocks where block.count > 0 {
            let origin = Double(block.start) * cell, size = Double(block.count) * cell
            svg.rect(x: left + origin, y: top + origin, width: size, height: size, fill: "none", stroke: ChartColor.ink)
        }
        // Colour key: −1 … +1.
        let keyX = left + Double(p) * cell + 24, keyTop = top, keyHeight = min(200, Double(p) * cell)
        for k in 0..<20 {
            let r = 1 - Double(k) / 19 * 2
            svg.rect(x: keyX, y: keyTop + Double(k) * keyHeight / 20, width: 14, height: keyHeight / 20 + 0.5, fill: ChartColor.correlation(r))
        }
        svg.text("+1", x: keyX + 18, y: keyTop + 9, size: 10)
        svg.text("0", x: keyX + 18, y: keyTop + keyHeight / 2 + 4, size: 10)
        svg.text("−1", x: keyX + 18, y: keyTop + keyHeight, size: 10)
        return svg.rendered
    }
}
