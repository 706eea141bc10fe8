import BuurtIndex

/// Choropleth maps of one index or dimension: one panel per period (in the order given, two
/// per row), one colour scale for all of them (``ChartMapClasses``), units without a score in
/// a period hatched, and the priority buurten outlined with a thick dark stroke.
///
/// Every unit's area is a `<path data-unit="CODE">` with a `<title>` "name: score"; an outline
/// is a `<path data-priority="CODE">` drawn after all areas of its panel. Each panel is a
/// `<g data-period="2020">`. Coordinates are written with one decimal, in a view box 600 wide;
/// the hatch pattern's id starts with `idPrefix`, which must be unique in the page.
struct ChartMap: Sendable {
    /// One period's scores by unit code (a unit that is absent or NaN has no score).
    struct Panel: Sendable {
        var label: String
        var period: Int?
        var scores: [String: Double]
    }

    /// Words of the legend.
    struct Legend: Sendable {
        var moreInNeed: String
        var lessInNeed: String
        var noScore: String
        /// Empty: no outlined units, no legend entry.
        var outlined: String
    }

    var shapes: [GeoJSONMap.Shape]
    var names: [String: String]
    var panels: [Panel]
    var classes: ChartMapClasses
    var outlined: Set<String>
    var title: String
    var legend: Legend
    var idPrefix: String
    var language: ReportLanguage

    static let width = 600.0
    static let gap = 16.0
    static let maximumPanelHeight = 380.0
    static let hatch = "#9a9a9a"

    var svg: String {
        let columns = panels.count > 1 ? 2 : 1
        let panelWidth = (Self.width - Self.gap * Double(columns - 1)) / Double(columns)
        let box = bounds
        let scale = min(panelWidth / max(box.width, 1e-9), Self.maximumPanelHeight / max(box.height, 1e-9))
        let mapHeight = box.height * scale, labelHeight = 18.0
        let rows = (panels.count + columns - 1) / columns
        let legendTop = Double(rows) * (labelHeight + mapHeight + Self.gap)
        var svg = SVG(width: Self.width, height: legendTop + 74, label: title)
        let pattern = idPrefix + "-hatch"
        svg.raw("<defs><pattern id=\"\(pattern)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Self.hatch)\" stroke-width=\"2.5\"/></pattern></defs>")
        for (k, panel) in panels.enumerated() {
            let left = Double(k % columns) * (panelWidth + Self.gap), top = Double(k / columns) * (labelHeight + mapHeight + Self.gap)
            let offset = left + (panelWidth - box.width * scale) / 2
            func d(_ shape: GeoJSONMap.Shape) -> String {
                Self.pathData(shape, transform: { (offset + ($0.x - box.minX) * scale, top + labelHeight + (box.maxY - $0.y) * scale) })
            }
            svg.text(panel.label, x: left + panelWidth / 2, y: top + 13, anchor: .middle, size: 13, bold: true)
            svg.raw("<g data-period=\"\(panel.period.map(String.init) ?? "")\">")
            for shape in shapes {
                let score = panel.scores[shape.unit] ?? .nan
                let name = names[shape.unit] ?? shape.unit
                svg.path(d(shape), fill: classes.colour(of: score) ?? "url(#\(pattern))", stroke: "#fff", strokeWidth: 0.6,
                         extra: " fill-rule=\"evenodd\" data-unit=\"\(Markup.attribute(shape.unit))\"",
                         title: name + ": " + (score.isFinite ? ReportNumber.fixed(score, 1, language) : legend.noScore))
            }
            for shape in shapes where outlined.contains(shape.unit) {
                svg.path(d(shape), fill: "none", stroke: ChartColor.ink, strokeWidth: 2.5,
                         extra: " stroke-linejoin=\"round\" data-priority=\"\(Markup.attribute(shape.unit))\"")
            }
            svg.raw("</g>")
        }
        drawLegend(&svg, top: legendTop, pattern: pattern)
        return svg.rendered
    }

    /// Five swatches with their score ranges, the "more in need" end under the first, then the
    /// hatched "no score" swatch and the outline.
    private func drawLegend(_ svg: inout SVG, top: Double, pattern: String) {
        let swatch = 64.0
        let b = classes.bounds
        for k in 0..<ChartMapClasses.count {
            let x = Double(k) * swatch
            svg.rect(x: x, y: top, width: swatch, height: 14, fill: ChartMapClasses.colour(k), stroke: "#fff")
            let range = ReportNumber.fixed(b[k], 1, language) + "–" + ReportNumber.fixed(b[k + 1], 1, language)
            svg.text(range, x: x + swatch / 2, y: top + 27, anchor: .middle, size: 10, fill: "#555")
        }
        svg.text("← " + legend.moreInNeed, x: 0, y: top + 42, size: 10.5)
        svg.text(legend.lessInNeed + " →", x: swatch * Double(ChartMapClasses.count), y: top + 42, anchor: .end, size: 10.5)
        let x = swatch * Double(ChartMapClasses.count) + 24
        svg.rect(x: x, y: top, width: 22, height: 14, fill: "url(#\(pattern))", stroke: Self.hatch)
        svg.text(legend.noScore, x: x + 28, y: top + 11, size: 10.5)
        if !legend.outlined.isEmpty {
            svg.raw("<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(top + 24))\" width=\"22\" height=\"14\" fill=\"none\" stroke=\"\(ChartColor.ink)\" stroke-width=\"2.5\"/>")
            svg.text(legend.outlined, x: x + 28, y: top + 35, size: 10.5)
        }
    }

    /// The bounding box of every shape, in metres.
    private var bounds: (minX: Double, maxY: Double, width: Double, height: Double) {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for shape in shapes {
            for ring in shape.rings {
                for p in ring {
                    minX = min(minX, p.x); maxX = max(maxX, p.x)
                    minY = min(minY, p.y); maxY = max(maxY, p.y)
                }
            }
        }
        guard minX.isFinite else { return (0, 0, 1, 1) }
        return (minX, maxY, maxX - minX, maxY - minY)
    }

    /// `M x,y L x,y … Z` for each ring, with one decimal.
    static func pathData(_ shape: GeoJSONMap.Shape, transform: (GeoJSONMap.Point) -> (Double, Double)) -> String {
        func n(_ v: Double) -> String { SVG.number((v * 10).rounded() / 10) }
        return shape.rings.map { ring in
            "M" + ring.dropLast().map { p in
                let (x, y) = transform(p)
                return n(x) + "," + n(y)
            }.joined(separator: "L") + "Z"
        }.joined()
    }
}
