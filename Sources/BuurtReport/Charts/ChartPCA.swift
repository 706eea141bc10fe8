/// One group's principal components: a scree plot (eigenvalue per component, with the
/// eigenvalue-1 line of the Kaiser criterion) beside the indicators' loadings on the first
/// component (negative loadings in the warning colour).
struct ChartPCA: Sendable {
    var eigenvalues: [Double]
    var indicators: [String]
    var loadings: [Double]
    var screeTitle: String
    var loadingTitle: String
    var componentLabel: String
    var language: ReportLanguage

    var svg: String {
        let width: Double = 760
        let rowHeight: Double = 16
        let loadingRows = Double(max(indicators.count, 1))
        let plotHeight = max(120, loadingRows * rowHeight)
        let top: Double = 24, bottom = top + plotHeight
        let height = bottom + 36
        var svg = SVG(width: width, height: height, label: screeTitle + " / " + loadingTitle)

        // Scree, left.
        let sLeft: Double = 40, sRight: Double = 270
        let (eDomain, eTicks) = ChartScale.nice(eigenvalues + [1], count: 4, includeZero: true)
        let y = ChartScale(domain: eDomain, range: (bottom, top))
        svg.verticalAxis(y, ticks: eTicks, left: sLeft, right: sRight, labelX: sLeft - 5) { ReportNumber.short($0, 2, language) }
        svg.text(screeTitle, x: (sLeft + sRight) / 2, y: 14, anchor: .middle, bold: true)
        let slot = (sRight - sLeft) / Double(max(1, eigenvalues.count))
        for (k, e) in eigenvalues.enumerated() where e.isFinite {
            let x = sLeft + Double(k) * slot
            svg.rect(x: x + slot * 0.15, y: y(max(0, e)), width: slot * 0.7, height: y(0) - y(max(0, e)),
                     fill: e >= 1 ? ChartColor.primary : ChartColor.muted,
                     title: componentLabel + " " + String(k + 1) + ": " + ReportNumber.fixed(e, 2, language))
            svg.text(String(k + 1), x: x + slot / 2, y: bottom + 13, anchor: .middle, size: 10, fill: "#555")
        }
        svg.line(x1: sLeft, y1: y(1), x2: sRight, y2: y(1), stroke: ChartColor.bad, dashed: true)
        svg.text(componentLabel, x: (sLeft + sRight) / 2, y: bottom + 28, anchor: .middle, size: 10)

        // Loadings on the first component, right.
        let lLabel: Double = 470, lRight = width - 20
        let x = ChartScale(domain: (-1, 1), range: (lLabel, lRight))
        svg.text(loadingTitle, x: (lLabel + lRight) / 2, y: 14, anchor: .middle, bold: true)
        svg.horizontalAxis(x, ticks: [-1, -0.5, 0, 0.5, 1], top: top, bottom: bottom, labelY: bottom + 13) {
            ReportNumber.short($0, 1, language)
        }
        svg.line(x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: ChartColor.axis)
        let step = plotHeight / loadingRows
        for (i, code) in indicators.enumerated() {
            let cy = top + (Double(i) + 0.5) * step
            svg.text(SVG.clip(code, 30), x: lLabel - 6, y: cy + 3.5, anchor: .end, size: 10)
            let v = loadings[i]
            guard v.isFinite else { continue }
            svg.rect(x: min(x(0), x(v)), y: cy - 5, width: abs(x(v) - x(0)), height: 10,
                     fill: v < 0 ? ChartColor.bad : ChartColor.primary,
                     title: code + ": " + ReportNumber.fixed(v, 2, language))
        }
        return svg.rendered
    }
}
