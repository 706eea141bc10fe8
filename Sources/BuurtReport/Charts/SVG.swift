/// A minimal SVG writer for the report's charts.
///
/// Output is deterministic: elements appear in the order they are added, coordinates are
/// written with at most two decimals by ``SVG/number(_:)`` (never locale-dependent), there
/// are no generated ids, and no external reference of any kind (not even the SVG namespace
/// URL: the charts are embedded inline in HTML5, where `<svg>` needs no `xmlns`).
struct SVG: Sendable {
    let width: Double
    let height: Double
    /// Accessible name of the whole chart (`aria-label`).
    let label: String
    private var body: [String] = []

    init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    /// Text anchor of a label.
    enum Anchor: String { case start, middle, end }

    /// A rectangle; `title` becomes a hover tooltip.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, title: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" "
            + "height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        element("rect", attributes, title: title)
    }

    /// A straight line; `title` becomes a hover tooltip.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double = 1, dashed: Bool = false, title: String? = nil) {
        var attributes = "x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if dashed { attributes += " stroke-dasharray=\"4 3\"" }
        element("line", attributes, title: title)
    }

    /// A circle; `title` becomes a hover tooltip.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, title: String? = nil) {
        var attributes = "cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        element("circle", attributes, title: title)
    }

    /// An open polyline through `points` (points with a non-finite coordinate are skipped).
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5, dashed: Bool = false) {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard finite.count >= 2 else { return }
        let list = finite.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        var attributes = "points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if dashed { attributes += " stroke-dasharray=\"4 3\"" }
        element("polyline", attributes)
    }

    /// A text label at (x, y) (the baseline).
    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
                       bold: Bool = false, fill: String = "#222", rotate: Bool = false) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if fill != "#222" { attributes += " fill=\"\(fill)\"" }
        if rotate { attributes += " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" }
        body.append("<text \(attributes)>\(Markup.escaped(string))</text>")
    }

    /// A path (`d` already formatted); `extra` holds further attributes written by the caller
    /// (already escaped); `title` becomes a hover tooltip.
    mutating func path(_ d: String, fill: String, stroke: String, strokeWidth: Double, extra: String = "", title: String? = nil) {
        element("path", "d=\"\(d)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\"" + extra, title: title)
    }

    /// Markup written by the caller (definitions, the opening or closing tag of a group).
    mutating func raw(_ markup: String) {
        body.append(markup)
    }

    private mutating func element(_ name: String, _ attributes: String, title: String? = nil) {
        if let title {
            body.append("<\(name) \(attributes)><title>\(Markup.escaped(title))</title></\(name)>")
        } else {
            body.append("<\(name) \(attributes)/>")
        }
    }

    /// The finished `<svg>` element.
    var rendered: String {
        let w = Self.number(width), h = Self.number(height)
        return "<svg viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(Markup.attribute(label))\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n" + body.joined(separator: "\n") + "\n</svg>"
    }

    /// A coordinate with at most two decimals, `.` as separator, no trailing zeros, no `-0`;
    /// non-finite values are written as 0 (a chart never places anything at infinity).
    ///
    /// Rounds half away from zero on the value scaled by 100 (`(x·100).rounded()`).
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let scaled = (x * 100).rounded()
        guard abs(scaled) < 9e15 else { return String(Int64(x.rounded())) }
        let hundredths = Int64(scaled)
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return "\(sign)\(whole).\(digits.hasSuffix("0") ? String(digits.dropLast()) : digits)"
    }
}
