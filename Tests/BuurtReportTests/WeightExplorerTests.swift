import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// The explorer's markup and embedded data. What the script computes from them is checked in a
/// real browser (buurtscoreTests/WeightExplorerBrowserTests).
@Suite struct WeightExplorerTests {
    /// index ← {a (weight 1) ← x, b (weight 3) ← y}; two units, two years. The index column is
    /// the arithmetic mean: U1 2017 (1·10 + 3·20)/4 = 17.5; U2 2017 has only a: 30;
    /// U1 2018 (1·0.1 + 3·(1/3))/4; U2 2018 ties at 5.
    static func fixture(method: AggregateMethod = .arithmetic, names: [String] = ["Noord", "Zuid"]) throws -> (Panel, IndexModel, AggregateParameters) {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", name: "Veiligheid", kind: .aggregate),
            ModelNode(code: "a", name: "Cohesie", kind: .aggregate, parent: "index", weight: 1),
            ModelNode(code: "b", name: "Overlast", kind: .aggregate, parent: "index", weight: 3),
            ModelNode(code: "x", kind: .indicator, parent: "a"),
            ModelNode(code: "y", kind: .indicator, parent: "b"),
        ])
        let third = 1.0 / 3.0
        let u1018 = (1 * 0.1 + 3 * third) / 4
        let panel = Panel(
            unitCodes: ["U1", "U2", "U1", "U2"], unitNames: names + names,
            periods: [2017, 2017, 2018, 2018], columnCodes: ["x", "y", "a", "b", "index"],
            values: Matrix(rowMajor: [
                [10, 20, 10, 20, 17.5],
                [30, .nan, 30, .nan, 30],
                [0.1, third, 0.1, third, u1018],
                [5, 5, 5, 5, 5],
            ]))
        let levels = method == .arithmetic ? [:] : [3: AggregateRule(method: method)]
        return (panel, model, AggregateParameters(rule: AggregateRule(), levelRules: levels))
    }

    static func dataJSON(_ html: String) throws -> String {
        let open = try #require(html.range(of: "<script type=\"application/json\" class=\"bs-x-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// The `rows` lines of the data JSON, each parsed with `Double(String)` (NaN for null).
    static func rows(_ json: String) throws -> [[Double]] {
        let start = try #require(json.range(of: "\"rows\":[\n")).upperBound
        return json[start...].dropLast(2).components(separatedBy: ",\n").map { line in
            line.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { $0 == "null" ? .nan : Double($0)! }
        }
    }

    @Test func sectionIsSelfContainedWithScopedStyle() throws {
        let (panel, model, aggregate) = try Self.fixture()
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate)
        #expect(html.hasPrefix("<section class=\"bs-explorer\" id=\"weight-explorer\" lang=\"nl\">"))
        #expect(html.hasSuffix("</section>\n"))
        for external in ["http:", "https:", "//cdn", " src=", "<link", "@import", "url("] {
            #expect(!html.contains(external), "external reference \(external)")
        }
        // Every style rule is scoped by .bs-explorer (inside @media blocks too).
        let css = WeightExplorerStyle.css.replacingOccurrences(of: "\n", with: "")
        let selectors = css.components(separatedBy: "}").map { $0.components(separatedBy: "{") }
            .compactMap { parts in parts.count >= 2 ? parts[parts.count - 2] : nil }
        #expect(selectors.count > 20)
        for selector in selectors {
            for part in selector.split(separator: ",") {
                #expect(part.trimmingCharacters(in: .whitespaces).hasPrefix(".bs-explorer"), "unscoped selector \(part)")
            }
        }
        #expect(html == WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate), "not deterministic")
    }

    /// The data JSON parsed, and each embedded value column decoded from its base64 doubles.
    static func parsed(_ json: String) throws -> (object: [String: Any], columns: [[Double]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let texts = try #require(object["values"] as? [String])
        let columns = try texts.map { text in
            let bytes = [UInt8](try #require(Data(base64Encoded: text)))
            return stride(from: 0, to: bytes.count, by: 8).map { start in
                Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) })
            }
        }
        return (object, columns)
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test func embeddedDataHoldsTheTreeTheExactIndicatorValuesAndPublishedRanks() throws {
        let (panel, model, aggregate) = try Self.fixture()
        let json = try Self.dataJSON(WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate, modelFile: "buurt model.yml"))
        #expect(json.hasPrefix(#"{"index":"index","indexName":"Veiligheid","method":"arithmetic","recomputable":true,"model":"buurt model.yml","#
            + #""maximumWeight":1000000000,"maximumRatio":1000000,"#))
        // Depth first in model order: a, its indicator x, b, its indicator y.
        #expect(json.contains(#""nodes":[{"code":"a","name":"Cohesie","weight":1,"parent":null,"depth":1,"indicator":false,"editable":true},"#
            + #"{"code":"x","name":"x","weight":1,"parent":0,"depth":2,"indicator":true,"editable":true},"#
            + #"{"code":"b","name":"Overlast","weight":3,"parent":null,"depth":1,"indicator":false,"editable":true},"#
            + #"{"code":"y","name":"y","weight":1,"parent":2,"depth":2,"indicator":true,"editable":true}]"#))
        // Bottom-up: a from x, b from y, then the index (null) from a and b, none with min_coverage.
        #expect(json.contains(#""aggregates":[[0,null,[1]],[2,null,[3]],[null,null,[0,2]]],"leaves":[1,3],"#))
        #expect(json.contains(#""periods":[2017,2018],"units":[["U1","Noord"],["U2","Zuid"]],"bands":false"#))
        let (_, columns) = try Self.parsed(json)
        // Bit-identical, not approximately equal: the page must start from the same doubles.
        let third = 1.0 / 3.0
        #expect(Self.sameBits(columns[0], [10, 30, 0.1, 5]))
        #expect(Self.sameBits(columns[1], [20, .nan, third, 5]))
        // [unit, period, published index, published rank]; 2017: U2 (30) ranks above U1 (17.5);
        // 2018: U1 ≈ 0.275 below U2 = 5.
        let expected: [[Double]] = [[0, 0, 17.5, 2], [1, 0, 30, 1], [0, 1, (1 * 0.1 + 3 * third) / 4, 2], [1, 1, 5, 1]]
        let rows = try Self.rows(json)
        try #require(rows.count == expected.count)
        for (got, want) in zip(rows, expected) { #expect(Self.sameBits(got, want), "\(got) vs \(want)") }
    }

    @Test func base64ColumnsKeepEveryBitAndWriteNaNAsTheQuietNaN() throws {
        let values = [0, -0.0, 1e-300, .pi, 100, -12.5, .nan, Double(bitPattern: 0x7ff0_0000_0000_0001), .greatestFiniteMagnitude]
        let text = WeightExplorerJSON.base64(doubles: values)
        #expect(text.count == (values.count * 8 + 2) / 3 * 4)
        #expect(text.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) })
        let bytes = [UInt8](try #require(Data(base64Encoded: text)))
        let back = stride(from: 0, to: bytes.count, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
        }
        #expect(back == values.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern })
        // Little-endian: 1 is 00 00 00 00 00 00 F0 3F.
        #expect(WeightExplorerJSON.base64(doubles: [1]) == "AAAAAAAA8D8=")
    }

    @Test func bandsAreEmbeddedPerRowAndFollowThePeriodChoice() throws {
        let (panel, model, aggregate) = try Self.fixture()
        let bands: [(low: Double, high: Double)] = [(1, 2), (1, 1), (.nan, .nan), (1, 2)]
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate, bands: bands)
        let json = try Self.dataJSON(html)
        #expect(json.contains(#""bands":true"#))
        let rows = try Self.rows(json)
        #expect(rows.map { Array($0.suffix(2)) }.elementsEqual([[1, 2], [1, 1], [.nan, .nan], [1, 2]]) { Self.sameBits($0, $1) })
        #expect(html.contains(">Gepubliceerde rangband (5–95%)</th>"))
        let only2018 = try Self.rows(try Self.dataJSON(WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate,
                                                                            periods: [2018], bands: bands)))
        #expect(only2018.map { Array($0.suffix(2)) }.elementsEqual([[.nan, .nan], [1, 2]]) { Self.sameBits($0, $1) })
        // Without bands: no column.
        #expect(!WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate).contains(">Gepubliceerde rangband"))
    }

    @Test func everyWeightHasAControlAndEachDimensionItsOwnBlock() throws {
        let (panel, model, aggregate) = try Self.fixture()
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate)
        #expect(html.components(separatedBy: "<details class=\"bs-x-dimension\"><summary><div class=\"bs-x-weight bs-x-dim\">").count - 1 == 2)
        #expect(html.contains(#"<label for="bs-x-range-0" title="Cohesie">Cohesie</label><input type="range" id="bs-x-range-0" class="bs-x-range" data-node="0" data-code="a" min="0" max="20" step="0.2" value="1">"#))
        // The dimensions' sliders reach 4 × the largest dimension weight 3 (→ 20), x's 4 × its siblings' 1 (→ 5).
        #expect(html.contains(#"data-node="2" data-code="b" min="0" max="20" step="0.2" value="3">"#))
        #expect(html.contains(#"data-node="1" data-code="x" min="0" max="5" step="0.05" value="1">"#))
        #expect(html.contains("<caption class=\"bs-x-caption\">Meest kwetsbaar eerst"))
        #expect(html.contains(#"<option value="need" selected>meest kwetsbaar eerst</option>"#))
        // Codes appear only in attributes and the data, not as visible text.
        #expect(html.contains(">Overlast</label>") && !html.contains(">a</label>") && !html.contains("bs-x-code"))
    }

    @Test func namesCannotBreakOutOfTheScriptOrTheMarkup() throws {
        let evil = "</script><script>alert(1)</script> & \"x\" 'y'\u{2028}"
        let (panel, model, aggregate) = try Self.fixture(names: [evil, "Zuid"])
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate)
        #expect(!html.contains("<script>alert"))
        let json = try Self.dataJSON(html)
        #expect(json.contains(#"["U1","\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \"x\" 'y'\u2028"]"#))
        // The JSON still parses, and gives back the name.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String]])
        #expect(units[0][1] == evil)
        // In the markup (attributes are double-quoted, so `'` stays).
        #expect(Markup.attribute(evil) == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; 'y'\u{2028}")
    }

    @Test(arguments: [
        (AggregateMethod.geometric, "meetkundig gemiddelde"), (.harmonic, "harmonisch gemiddelde"),
        (.generalised(p: 2), "gegeneraliseerde gemiddelde (p = 2)"), (.copeland, "Copeland"), (.mazziottaPareto, "Mazziotta–Pareto"),
    ])
    func nonLinearIndexDisablesTheSlidersWithANote(method: AggregateMethod, words: String) throws {
        let (panel, model, aggregate) = try Self.fixture(method: method)
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate)
        #expect(html.contains("\"recomputable\":false"))
        #expect(html.contains("<fieldset class=\"bs-x-weights\" disabled>"))
        #expect(html.components(separatedBy: "\" disabled>").count - 1 == 4 * 2 + 3,
                "each range and number field of the four weights, the fieldset, the reset and the copy button")
        #expect(html.contains("<button type=\"button\" class=\"bs-x-reset\" disabled>"))
        let note = try #require(html.components(separatedBy: "<p class=\"bs-x-note\" role=\"note\">").dropFirst().first)
        #expect(note.contains(words) && note.contains("buurtscore whatif"))
        #expect(!html.contains("bs-x-formula\">"))
    }

    @Test func rulesDecideWhatIsRecomputedAndWhatIsFixed() throws {
        let (panel, model, _) = try Self.fixture()
        // Geometric dimensions (height 2) are taken as published; the index (height 3) is
        // recomputed from them with its min_coverage; the indicator weights are fixed.
        let lower = AggregateParameters(rule: AggregateRule(), levelRules: [2: AggregateRule(method: .geometric), 3: AggregateRule(minCoverage: 0.5)])
        let html = WeightExplorer.html(aggregated: panel, model: model, aggregate: lower)
        let json = try Self.dataJSON(html)
        #expect(json.contains(#""method":"arithmetic","recomputable":true,"#))
        #expect(json.contains(#""aggregates":[[null,0.5,[0,2]]],"leaves":[0,2],"#))
        #expect(json.contains(#"{"code":"x","name":"x","weight":1,"parent":0,"depth":2,"indicator":true,"editable":false}"#))
        let (_, columns) = try Self.parsed(json)
        #expect(Self.sameBits(columns[0], panel.column("a")!) && Self.sameBits(columns[1], panel.column("b")!))
        #expect(html.contains("Cohesie wordt niet met het rekenkundig gemiddelde berekend"))
        // A dimension without a column is recomputed from its indicators.
        let withoutB = try Self.dataJSON(WeightExplorer.html(aggregated: panel.selecting(columns: ["x", "y", "a", "index"]), model: model,
                                                             aggregate: AggregateParameters()))
        #expect(withoutB.contains(#""recomputable":true"#) && withoutB.contains(#""leaves":[1,3]"#))
        // Without b's column or its indicator's the page cannot recompute and names the dimension.
        let missing = panel.selecting(columns: ["x", "a", "index"])
        let refused = WeightExplorer.html(aggregated: missing, model: model, aggregate: AggregateParameters())
        #expect(refused.contains("\"recomputable\":false") && refused.contains("missen de scores van Overlast"))
    }

    @Test func languagePeriodsAndPage() throws {
        let (panel, model, aggregate) = try Self.fixture()
        let dutch = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate)
        #expect(dutch.contains("<h2>Gewichten verkennen</h2>") && dutch.contains(#""decimal":",""#))
        // The latest year is chosen first.
        #expect(dutch.contains("<option value=\"0\">2017</option><option value=\"1\" selected>2018</option>"))
        let english = WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate, language: "en")
        #expect(english.contains("lang=\"en\"") && english.contains("<h2>Explore the weights</h2>") && english.contains(#""decimal":".""#))

        let only2018 = try Self.dataJSON(WeightExplorer.html(aggregated: panel, model: model, aggregate: aggregate, periods: [2018]))
        #expect(only2018.contains(#""periods":[2018],"#))
        #expect(try Self.rows(only2018).map { Array($0.prefix(2)) } == [[0, 0], [1, 0]])

        let page = WeightExplorer.page(aggregated: panel, model: model, aggregate: aggregate)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(page.contains("<title>Veiligheid — Gewichten verkennen</title>"))
        #expect(page.contains(dutch) && page.hasSuffix("</body>\n</html>\n"))
    }

    @Test func sliderRangeAllowsFourTimesTheLargestWeight() {
        // Smallest of 1, 2, 5 × 10^k that is ≥ 4 × max weight.
        #expect(WeightExplorer.sliderMaximum([1, 1, 1]) == 5)      // 4 → 5
        #expect(WeightExplorer.sliderMaximum([2, 1]) == 10)        // 8 → 10
        #expect(WeightExplorer.sliderMaximum([0.1667]) == 1)       // 0.6668 → 1
        #expect(WeightExplorer.sliderMaximum([30]) == 200)         // 120 → 200
        #expect(WeightExplorer.sliderMaximum([0.5]) == 2)          // 2 → 2
        #expect(WeightExplorer.sliderMaximum([0, 0]) == 5)
    }
}
