/// A histogram: counts of values in equal-width bins.
struct ChartHistogram: Sendable {
    /// One bin [lower, upper) (the last bin includes its upper bound).
    struct Bin: Sendable, Equatable {
        var lower: Double
        var upper: Double
        var count: Int
    }

    var bins: [Bin]
    var axisTitle: String
    var countTitle: String
    var language: ReportLanguage

    /// Equal-width bins over the finite values: the bin width is a "nice" step (1, 2 or 5 × 10ᵏ)
    /// giving about `target` bins, so bin edges are round numbers.
    /// - Complexity: O(n).
    static func bins(_ values: [Double], target: Int = 20) -> [Bin] {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return [] }
        let (domain, ticks) = ChartScale.nice(finite, count: target)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let count = max(1, Int(((domain.1 - domain.0) / step).rounded()))
        var bins = (0..<count).map { Bin(lower: domain.0 + Double($0) * step, upper: domain.0 + Double($0 + 1) * step, count: 0) }
        for v in finite {
            let k = min(count - 1, max(0, Int(((v - domain.0) / step).rounded(.down))))
            bins[k].count += 1
        }
        return bins
    }

    var svg: String {
        let width: Double = 760, height: Double = 240
        let left: Double = 60, right = width - 20, top: Double = 16, bottom = height - 44
        var svg = SVG(width: width, height: height, label: axisTitle)
        guard let first = bins.first, let last = bins.last else { return svg.rendered }
        let (countDomain, countTicks) = ChartScale.nice(bins.map { Double($0.count) }, count: 4, includeZero: true)
        let y = ChartScale(domain: countDomain, range: (bottom, top))
        let x = ChartScale(domain: (first.lower, last.upper), range: (left, right))
        svg.verticalAxis(y, ticks: countTicks.filter { $0 == $0.rounded() }, left: left, right: right, labelX: left - 6) {
            ReportNumber.fixed($0, 0, language)
        }
        for bin in bins where bin.count > 0 {
            svg.rect(x: x(bin.lower) + 0.5, y: y(Double(bin.count)), width: x(bin.upper) - x(bin.lower) - 1,
                     height: bottom - y(Double(bin.count)), fill: ChartColor.primary,
                     title: ReportNumber.short(bin.lower, 2, language) + "–" + ReportNumber.short(bin.upper, 2, language)
                        + ": " + String(bin.count))
        }
        let stride = max(1, (bins.count + 9) / 10)
        for (k, bin) in bins.enumerated() where k % stride == 0 {
            svg.text(ReportNumber.short(bin.lower, 2, language), x: x(bin.lower), y: bottom + 14, anchor: .middle, size: 10, fill: "#555")
        }
        svg.text(ReportNumber.short(last.upper, 2, language), x: x(last.upper), y: bottom + 14, anchor: .middle, size: 10, fill: "#555")
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: ChartColor.axis)
        svg.text(axisTitle, x: (left + right) / 2, y: height - 8, anchor: .middle)
        svg.text(countTitle, x: 14, y: (top + bottom) / 2, anchor: .middle, rotate: true)
        return svg.rendered
    }
}
