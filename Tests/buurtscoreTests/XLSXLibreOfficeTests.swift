import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// LibreOffice, headless, as an independent reader of our workbooks: it converts every sheet
/// to its own CSV (LibreOffice ≥ 7.2, sheet option -1), text cells quoted, numbers not.
enum LibreOffice {
    /// `soffice` on the PATH or in LibreOffice's usual Debian location.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/soffice" } + ["/usr/lib/libreoffice/program/soffice"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let skipReason: Comment = "soffice (LibreOffice) is not installed, so the XLSX round trip through LibreOffice is skipped; `make test` installs it (libreoffice-calc-nogui)"

    /// CSV export filter: `,` separated, `"` quotes, UTF-8 (76), quote all text cells (7th
    /// token true), full precision rather than as shown (9th false), every sheet (-1).
    static let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"

    /// One CSV field as LibreOffice wrote it.
    struct Field: Equatable {
        var text: String
        var quoted: Bool
    }

    /// Every sheet of `workbook` as rows of fields, by sheet name. Each conversion uses its
    /// own LibreOffice profile folder, so parallel conversions do not lock each other out.
    static func sheets(of workbook: URL, names: [String]) throws -> [String: [[Field]]] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = ["-env:UserInstallation=file://\(scratch.path)/profile", "--headless", "--convert-to", filter,
                             workbook.path, "--outdir", scratch.appendingPathComponent("csv").path]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 300, execute: watchdog)
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0, "soffice failed: \(output)")
        let base = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: [[Field]]] = [:]
        for name in names {
            let file = scratch.appendingPathComponent("csv/\(base)-\(name).csv")
            let data = try #require(FileManager.default.contents(atPath: file.path), "LibreOffice wrote no \(file.lastPathComponent): \(output)")
            sheets[name] = records(String(decoding: data, as: UTF8.self))
        }
        return sheets
    }

    /// RFC 4180 records, remembering which fields were quoted.
    static func records(_ text: String) -> [[Field]] {
        var rows: [[Field]] = [], row: [Field] = [], field = "", quoted = false, inQuotes = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        func endField() { row.append(Field(text: field, quoted: quoted)); field = ""; quoted = false }
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
                quoted = true
            } else if c == "," {
                endField()
            } else if c == "\n" || c == "\r\n" {
                endField()
                rows.append(row)
                row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || quoted || !row.isEmpty { endField(); rows.append(row) }
        return rows
    }

    /// Checks that LibreOffice's fields hold our CSV cells: numbers (cells the workbook writes
    /// as numbers) unquoted and equal as Doubles to 1e-12 relative (or 1e-20 absolute), texts quoted and equal
    /// exactly (after the formula quoting of ``SpreadsheetText``), empty cells empty.
    /// - Parameter columns: the column codes (`textColumns` names them), when the first row of
    ///   `ours` holds labels instead.
    static func expectSame(sheet: String, ours: [[String]], theirs: [[Field]], textColumns: Set<String> = [], columns: [String]? = nil) {
        #expect(theirs.count == ours.count, "sheet \(sheet): \(theirs.count) rows, expected \(ours.count)")
        let header = columns ?? ours.first ?? []
        for (r, (mine, lo)) in zip(ours, theirs).enumerated() {
            #expect(lo.count == mine.count, "sheet \(sheet) row \(r + 1): \(lo.count) fields, expected \(mine.count)")
            for (c, (cell, field)) in zip(mine, lo).enumerated() {
                let place = "sheet \(sheet) row \(r + 1) column \(header[c])"
                let number = r > 0 && !textColumns.contains(header[c]) ? Self.number(cell) : nil
                if let x = number {
                    let y = Double(field.text)
                    #expect(!field.quoted && y != nil, "\(place): expected the number \(cell), LibreOffice has \(field)")
                    if let y {
                        // LibreOffice writes at most 20 decimals: tiny p-values lose digits below 1e-20.
                        #expect(x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y)) || abs(x - y) <= 1e-20, "\(place): \(cell) vs \(field.text)")
                    }
                } else if cell.isEmpty {
                    #expect(field == Field(text: "", quoted: false), "\(place): expected an empty cell, LibreOffice has \(field)")
                } else {
                    // A text starting with =, +, -, @, tab or CR is written with a leading ' (never a formula).
                    let text = SpreadsheetText.neutralised(cell)
                    #expect(field == Field(text: text, quoted: true), "\(place): expected the text \(text), LibreOffice has \(field)")
                }
            }
        }
    }

    static func number(_ cell: String) -> Double? {
        if case .number(let x) = ResultsWorkbook.cell(csv: cell) { return x }
        return nil
    }
}

@Suite(.enabled(if: LibreOffice.executable != nil, LibreOffice.skipReason))
struct XLSXLibreOfficeTests {
    @Test func demoWorkbookOpensInLibreOfficeWithTheValuesOfEveryCSV() throws {
        let cli = try CLIHarness()
        let model = CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path
        let run = try cli.run(["run", model, "--out", "out", "--xlsx", "--stages", "--quiet"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let out = cli.directory.appendingPathComponent("out")
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        let csvPaths = ((enumerator?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(csvPaths.count == 19, "\(csvPaths)")  // 9 result tables (strengths.csv among them), 3 analysis tables, 7 stages
        let names = ResultsWorkbook.sheetNames(for: csvPaths + ["model"])
        let clock = ContinuousClock()
        let start = clock.now
        let sheets = try LibreOffice.sheets(of: out.appendingPathComponent("results.xlsx"), names: names)
        print("LibreOffice converted the demo workbook in \(clock.now - start)")

        let project = try IndexProject.load(modelPath: model)
        for (path, name) in zip(csvPaths, names) {
            let table = try CSVReader.read(path: out.appendingPathComponent(path).path)
            #expect(!table.rows.isEmpty, "\(path) is empty")
            // The header row holds the labels in the run's language (the demo's nl).
            let labels = table.header.map { ResultColumnLabels.label($0, model: project.model, language: .nl) ?? $0 }
            LibreOffice.expectSame(sheet: name, ours: [labels] + table.rows, theirs: sheets[name] ?? [],
                                   textColumns: ResultsWorkbook.textColumns, columns: table.header)
        }
        let tree = project.model.nodes.map { node -> [String] in
            let aggregated = node.kind == .indicator || node.kind == .aggregate
            return [node.code, node.name, node.parent ?? "", node.kind.rawValue.lowercased(),
                    aggregated ? formatNumber(node.direction) : "", aggregated ? formatNumber(node.weight) : ""]
        }
        LibreOffice.expectSame(sheet: "model", ours: [["Code", "Naam", "Bovenliggende groep", "Soort", "Richting", "Gewicht"]] + tree,
                               theirs: sheets["model"] ?? [], textColumns: ["code", "name", "parent", "kind"],
                               columns: ResultsWorkbook.modelColumns)
    }

    @Test func awkwardTextsAndExtremeNumbersSurviveLibreOffice() throws {
        let texts = ["A & B <c> \"d\"", " padded ", "line\nbreak", "=1+1", "ü € 😀", "0101", "TRUE", "Inf", "a,b;c"]
        let numbers: [Double] = [0.1, -1e-300, 1e308, Double.leastNonzeroMagnitude, 1.2345678901234568e20, 0, -2.5, 2017, 1.0 / 3]
        let rows = zip(texts, numbers).map { [XLSXCell.text($0), .number($1), .empty, .text("x")] }
        let workbook = XLSXWorkbook(sheets: [
            XLSXSheet(name: "edge", header: ["t", "x", "empty", "last"], rows: rows),
            XLSXSheet(name: "headers only", header: ["only"], rows: []),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("edge.xlsx")
        try workbook.data().write(to: file)
        let sheets = try LibreOffice.sheets(of: file, names: ["edge", "headers only"])
        let ours = [["t", "x", "empty", "last"]] + zip(texts, numbers).map { [$0, formatNumber($1), "", "x"] }
        LibreOffice.expectSame(sheet: "edge", ours: ours, theirs: sheets["edge"] ?? [], textColumns: ["t", "last"])
        LibreOffice.expectSame(sheet: "headers only", ours: [["only"]], theirs: sheets["headers only"] ?? [])
    }
}
