import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// `buurtscore run` on a copy of the demo in which buurt and dimension names are hostile: a
/// spreadsheet formula, a script element and an image with an `onerror` handler. The CSV and
/// XLSX outputs must hold them as plain text, the reports as escaped text, and no output may
/// carry an absolute path of the machine.
@Suite struct OutputInjectionEndToEndTests {
    static let formula = "=HYPERLINK(\"http://x\")"
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=\"document.title='pwned'\">"
    /// A dimension name starting with `@`.
    static let dimension = "@Overlast"

    /// The demo copied into the harness directory with three buurten renamed, the `nuisance`
    /// dimension renamed and fewer replications (the run stays quick), then run with `--xlsx`
    /// on absolute paths.
    static func hostileRun() throws -> CLIHarness {
        let cli = try CLIHarness()
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        func csvField(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var data = try String(contentsOf: demo.appendingPathComponent("data.csv"), encoding: .utf8)
        for (old, new) in [("Kerkdonk", formula), ("Roodelo", script), ("Ganzerode", image)] {
            #expect(data.contains(",\(old),"))
            data = data.replacingOccurrences(of: ",\(old),", with: "," + csvField(new) + ",")
        }
        var model = try String(contentsOf: demo.appendingPathComponent("model.yml"), encoding: .utf8)
        for (old, new) in [("name: \"Overlast\"", "name: \"\(dimension)\""), ("replications: 1000", "replications: 40")] {
            #expect(model.contains(old))
            model = model.replacingOccurrences(of: old, with: new)
        }
        try cli.write("in/data.csv", data)
        try cli.write("in/crosswalk.csv", String(contentsOf: demo.appendingPathComponent("crosswalk.csv"), encoding: .utf8))
        try cli.write("in/buurten.geojson", String(contentsOf: demo.appendingPathComponent("buurten.geojson"), encoding: .utf8))
        let modelPath = try cli.write("in/model.yml", model)
        let run = try cli.run(["run", modelPath, "--out", cli.path("out"), "--xlsx", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return cli
    }

    @Test func csvAndWorkbookHoldHostileNamesAsText() throws {
        let cli = try Self.hostileRun()
        let scoresText = try cli.read("out/scores.csv")
        // RFC 4180: the field is quoted (it holds `"`), the inner quotes doubled, `'` in front.
        #expect(scoresText.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
        #expect(!scoresText.contains(",=HYPERLINK"))
        let scores = try CSVReader.read(path: cli.path("out/scores.csv"))
        let names = Set(scores.rows.map { $0[1] })
        #expect(names.isSuperset(of: ["'" + Self.formula, Self.script, Self.image]))
        // Scores stay numbers: every index cell parses, negative ones included.
        #expect(scores.rows.allSatisfy { $0[3].isEmpty || Double($0[3]) != nil })
        for file in ["priorities.csv", "uncertainty.csv", "themes.csv", "ranks.csv"] {
            let text = try cli.read("out/\(file)")
            #expect(text.contains("'=HYPERLINK") && !text.contains(",=HYPERLINK"), "\(file)")
        }

        guard let _ = LibreOffice.executable else { return }
        let sheets = try LibreOffice.sheets(of: cli.directory.appendingPathComponent("out/results.xlsx"), names: ["scores", "model"])
        let rows = try #require(sheets["scores"])
        // LibreOffice exports text cells quoted and evaluates formulas: the cell is the text
        // with its `'`, not the formula's result `http://x`.
        let hostile = rows.filter { $0.count > 1 && $0[1].text.hasSuffix(Self.formula) }
        #expect(!hostile.isEmpty)
        for row in hostile {
            #expect(row[1] == LibreOffice.Field(text: "'" + Self.formula, quoted: true))
            #expect(!row[3].quoted && Double(row[3].text) != nil, "the index stays a number cell")
        }
        #expect(!rows.contains { $0.count > 1 && $0[1].text == "http://x" })
        let model = try #require(sheets["model"])
        #expect(model.contains { $0.count > 1 && $0[1] == LibreOffice.Field(text: "'" + Self.dimension, quoted: true) })
    }

    @Test func reportsEscapeHostileNames() throws {
        let cli = try Self.hostileRun()
        let html = try cli.read("out/report.html")
        #expect(!html.contains(Self.script) && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=&quot;document.title='pwned'&quot;&gt;"))
        // The explorer's JSON: `<` as \u003c, so `</script>` cannot end the data element early.
        #expect(html.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        // Exactly the page's own three script elements open (two JSON data, one program).
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        let markdown = try cli.read("out/report.md")
        #expect(markdown.contains("\\<script>alert(1)\\</script>") && !markdown.contains(" <script>"))
        #expect(markdown.contains("\\<img src=x onerror=\"document.title='pwned'\">"))
    }

    @Test func verifyReproducesTheHostileRun() throws {
        let cli = try Self.hostileRun()
        let verify = try cli.run(["verify", cli.path("out")])
        #expect(verify.status == 0, "stdout: \(verify.stdout) stderr: \(verify.stderr)")
    }

    /// Every output file, the manifest included, is free of the scratch directory's absolute
    /// path although the run got absolute paths for the model and the output directory.
    @Test func noOutputEmbedsAnAbsolutePathOfTheMachine() throws {
        let cli = try Self.hostileRun()
        let out = cli.directory.appendingPathComponent("out")
        let roots = [cli.directory.path, cli.directory.resolvingSymlinksInPath().path, FileManager.default.temporaryDirectory.path]
        let enumerator = try #require(FileManager.default.enumerator(atPath: out.path))
        var checked = 0
        for case let relative as String in enumerator {
            let file = out.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let bytes = try Data(contentsOf: file)
            let text = String(decoding: bytes, as: UTF8.self)
            for root in Set(roots) where root.count > 1 {
                #expect(!text.contains(root), "\(relative) contains \(root)")
            }
            checked += 1
        }
        #expect(checked >= 10)
        // results.xlsx is deflated: read its cells through LibreOffice when it is there.
        if LibreOffice.executable != nil {
            let sheets = try LibreOffice.sheets(of: out.appendingPathComponent("results.xlsx"), names: ["scores", "model"])
            for (name, rows) in sheets {
                for row in rows {
                    #expect(!row.contains { $0.text.contains(cli.directory.path) }, "results.xlsx sheet \(name)")
                }
            }
        }
    }

    /// The report opened in headless Chromium: no script from the data runs (the image's
    /// `onerror` would set the title to `pwned`), the names show as text, and the explorer's
    /// own script still runs without error.
    @Test(.enabled(if: HeadlessChromium.binary != nil, HeadlessChromium.skipReason))
    func noScriptFromDataRunsInTheBrowser() throws {
        let cli = try Self.hostileRun()
        let page = cli.directory.appendingPathComponent("out/report.html")
        let dom = try HeadlessChromium.dumpDOM(page, fragment: "state")
        let title = try #require(dom.range(of: "<title>").flatMap { start in
            dom.range(of: "</title>", range: start.upperBound..<dom.endIndex).map { String(dom[start.upperBound..<$0.lowerBound]) }
        })
        #expect(title == "Leefbaarheid en veiligheid (synthetic demo)")
        #expect(!dom.contains("<img") && !dom.contains("<script>alert"))
        // The explorer's table (built by the page's script) shows the names as text.
        #expect(dom.contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let state = try ExplorerPageState(dom: dom)
        #expect(state.error == nil && state.publishedMismatches == 0)
    }
}
