import BuurtIndex
import Foundation
import Testing

/// The report's index map as Chromium draws it: the SVG is drawn into a canvas, whose pixels at
/// each buurt's centre are read back (`getImageData`) and written into the page, so no PNG needs
/// decoding. Each must equal the legend colour of the buurt's class, computed here from
/// `scores.csv` (five equal intervals between the lowest and highest index score of all years).
@Suite(.enabled(if: HeadlessChromium.binary != nil, mapSkipReason))
struct MapBrowserTests {
    @Test func eachBuurtIsPaintedInTheLegendColourOfItsClass() throws {
        let cli = try CLIHarness()
        for (name, contents) in ValidProject.files.merging(["model.yml": BadInputMapTests.withMap], uniquingKeysWith: { _, new in new }) {
            if case .text(let text) = contents { _ = try cli.write(name, text) }
        }
        _ = try cli.write("buurten.geojson", BadInputMapTests.geoJSON(BadInputMapTests.units))
        let outcome = try cli.run(["run", "model.yml", "--out", "out"])
        try #require(outcome.status == 0, "\(outcome.stderr)")

        let html = try cli.read("out/report.html")
        let figure = try #require(html.range(of: "<figure class=\"map\">\n"))
        let end = try #require(html.range(of: "</svg>", range: figure.upperBound..<html.endIndex))
        let svg = String(html[figure.upperBound..<end.upperBound])
        // The first panel is the latest period; its areas and their centres (mean of the corners).
        let latest = try #require(Self.slice(svg, from: "<g data-period=\"2020\">", to: "</g>"))
        let areas = Self.areas(latest)
        #expect(areas.map(\.unit) == BadInputMapTests.units)
        let legend = Self.matches(of: "<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"64\" height=\"14\" fill=\"(#[0-9a-f]{6})\"", in: svg)
        try #require(legend.count == 5)

        let table = try CSVReader.read(path: cli.path("out/scores.csv"))
        let unit = try #require(table.columnIndex("unit")), period = try #require(table.columnIndex("period"))
        let index = try #require(table.columnIndex("index"))
        let scores = table.rows.compactMap { Double($0[index]) }
        let lo = try #require(scores.min()), hi = try #require(scores.max())
        var expected: [String: String] = [:]
        for row in table.rows where row[period] == "2020" {
            let score = try #require(Double(row[index]))
            let k = min(4, Int(((score - lo) / (hi - lo) * 5).rounded(.down)))
            expected[row[unit]] = legend[k]
        }

        let width = try #require(Self.matches(of: "viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"", in: svg, group: 1).first)
        let height = try #require(Self.matches(of: "viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"", in: svg, group: 2).first)
        let points = areas.map { "[\(Int($0.x)),\(Int($0.y))]" }.joined(separator: ",")
        let image = Data(svg.replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ").utf8).base64EncodedString()
        let page = """
            <!DOCTYPE html><html><body><canvas id="c" width="\(width)" height="\(height)"></canvas><pre id="pixels"></pre>
            <script>
            const img = new Image();
            img.onload = () => {
              const ctx = document.getElementById('c').getContext('2d');
              ctx.drawImage(img, 0, 0);
              try {
                document.getElementById('pixels').textContent = [\(points)].map(p => Array.from(ctx.getImageData(p[0], p[1], 1, 1).data.slice(0, 3)).join(',')).join(';');
              } catch (e) { document.getElementById('pixels').textContent = 'error ' + e; }
            };
            img.onerror = () => { document.getElementById('pixels').textContent = 'error: the SVG did not load'; };
            img.src = 'data:image/svg+xml;base64,\(image)';
            </script></body></html>
            """
        let file = cli.directory.appendingPathComponent("map.html")
        try Data(page.utf8).write(to: file)
        let dom = try HeadlessChromium.dumpDOM(file, fragment: "")
        let text = try #require(Self.slice(dom, from: "<pre id=\"pixels\">", to: "</pre>"))
        let pixels = text.split(separator: ";").map { $0.split(separator: ",").compactMap { Int($0) } }
        try #require(pixels.count == areas.count, "page wrote: \(text)")
        for (area, pixel) in zip(areas, pixels) {
            let colour = try #require(expected[area.unit])
            #expect(area.fill == colour, "\(area.unit): the SVG fill is not its class's legend colour")
            let want = Self.rgb(colour)
            #expect(pixel.count == 3 && zip(pixel, want).allSatisfy { abs($0 - $1) <= 3 }, "\(area.unit): pixel \(pixel), legend \(want)")
        }
        // The classes are not all the same: the comparison can tell them apart.
        #expect(Set(expected.values).count >= 3)
    }

    /// `data-unit`, fill and the mean of the corners of each area (one ring, last corner not repeated).
    static func areas(_ svg: String) -> [(unit: String, fill: String, x: Double, y: Double)] {
        let pattern = "<path d=\"M([^\"]+)Z\" fill=\"([^\"]+)\"[^>]* data-unit=\"([^\"]+)\""
        let ds = matches(of: pattern, in: svg, group: 1), fills = matches(of: pattern, in: svg, group: 2), units = matches(of: pattern, in: svg, group: 3)
        return zip(ds, zip(fills, units)).map { d, rest in
            let corners = d.split(separator: "L").map { $0.split(separator: ",").compactMap { Double($0) } }
            let x = corners.map { $0[0] }.reduce(0, +) / Double(corners.count), y = corners.map { $0[1] }.reduce(0, +) / Double(corners.count)
            return (rest.1, rest.0, x, y)
        }
    }

    static func matches(of pattern: String, in text: String, group: Int = 1) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range(at: group), in: text).map { String(text[$0]) } }
    }

    static func slice(_ s: String, from open: String, to close: String) -> String? {
        guard let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    static func rgb(_ hex: String) -> [Int] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0...($0 + 1)]), radix: 16) ?? -1 }
    }
}

let mapSkipReason: Comment = "no chromium binary on PATH: the map browser test is skipped (make test installs the Debian package chromium)"
