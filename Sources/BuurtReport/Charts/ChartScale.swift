/// A linear map from data values to chart coordinates.
struct ChartScale: Sendable {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// Maps [lower, upper] onto [start, end]; a degenerate domain maps everything to the middle.
    init(domain: (Double, Double), range: (Double, Double)) {
        lower = domain.0
        upper = domain.1
        start = range.0
        end = range.1
    }

    func callAsFunction(_ x: Double) -> Double {
        guard upper > lower else { return (start + end) / 2 }
        return start + (x - lower) / (upper - lower) * (end - start)
    }

    /// A domain covering `values` (NaN skipped) extended to "nice" tick values, and those ticks:
    /// the step is 1, 2 or 5 × 10ᵏ, chosen so there are at most `count` + 1 intervals.
    /// With no finite value the domain is [0, 1].
    static func nice(_ values: [Double], count: Int = 5, includeZero: Bool = false) -> (domain: (Double, Double), ticks: [Double]) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi <= lo { lo -= 1; hi += 1 }
        let raw = (hi - lo) / Double(max(1, count))
        var magnitude: Double = 1
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        let ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        return ((first * step, last * step), ticks)
    }
}

/// The report's colours: a colour-blind-safe set (Okabe–Ito) plus greys.
enum ChartColor {
    static let ink = "#222"
    static let grid = "#e3e3e3"
    static let axis = "#888"
    static let muted = "#bbb"
    static let band = "#9ecae1"
    static let primary = "#0072b2"
    static let secondary = "#e69f00"
    static let bad = "#d55e00"
    /// Dark red, well apart from the orange `secondary` (with a dark outline where it is used).
    static let severe = "#a50f15"
    static let good = "#009e73"
    static let missing = "#f0f0f0"

    /// Diverging blue (+1) – white (0) – red (−1) colour of a correlation; grey when NaN.
    static func correlation(_ r: Double) -> String {
        guard r.isFinite else { return "#d9d9d9" }
        let t = min(1, abs(r))
        let target: (Double, Double, Double) = r >= 0 ? (33, 102, 172) : (178, 24, 43)
        func mix(_ c: Double) -> Int { Int((255 + (c - 255) * t).rounded()) }
        return hex(mix(target.0), mix(target.1), mix(target.2))
    }

    /// `#rrggbb` from 0…255 components.
    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        func two(_ v: Int) -> String {
            let c = min(255, max(0, v))
            return String(digits[c / 16]) + String(digits[c % 16])
        }
        return "#" + two(r) + two(g) + two(b)
    }
}

/// Horizontal axes with tick labels, shared by the charts.
extension SVG {
    /// Vertical grid lines and labels below (`labelY`) at each tick of a horizontal scale.
    mutating func horizontalAxis(_ scale: ChartScale, ticks: [Double], top: Double, bottom: Double,
                                 labelY: Double, label: (Double) -> String) {
        for t in ticks {
            let x = scale(t)
            line(x1: x, y1: top, x2: x, y2: bottom, stroke: ChartColor.grid)
            text(label(t), x: x, y: labelY, anchor: .middle, size: 10, fill: "#555")
        }
    }

    /// Horizontal grid lines and labels left of `labelX` at each tick of a vertical scale.
    mutating func verticalAxis(_ scale: ChartScale, ticks: [Double], left: Double, right: Double,
                               labelX: Double, label: (Double) -> String) {
        for t in ticks {
            let y = scale(t)
            line(x1: left, y1: y, x2: right, y2: y, stroke: ChartColor.grid)
            text(label(t), x: labelX, y: y + 3.5, anchor: .end, size: 10, fill: "#555")
        }
    }

    /// `s` cut to at most `limit` characters, with `…` when cut (labels must not overflow).
    static func clip(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(max(1, limit - 1))) + "…"
    }
}
