import BuurtIndex
import BuurtNumerics
import Foundation

/// `results.xlsx`: the result tables of a run as one workbook.
///
/// Sheets, in this order: one per CSV table of the run, in the order the run wrote them
/// (`analysis/pca.csv` becomes the sheet `analysis-pca`, see ``sheetNames(for:)``), then
/// `model`, the index tree. Headers are the columns' labels in the run's language
/// (``ResultColumnLabels``), the header row frozen. Table cells become numbers when their text
/// is a number exactly as the CSV writer formats one (``formatNumber(_:)``, finite), stored at
/// that full precision and shown with two decimals, or as whole numbers in the columns of
/// ``ResultColumnLabels/wholeColumns`` (and the rank columns of `ranks.csv`) when all their
/// numbers are whole; other cells are text, empty cells are left out. The identifying columns
/// in ``textColumns`` stay text even when they look like numbers (unit code `0101`, `1234`).
public enum ResultsWorkbook {
    /// The workbook's file name in the output directory.
    public static let fileName = "results.xlsx"
    /// Columns kept as text.
    public static let textColumns: Set<String> = [
        "unit", "name", "code", "parent", "label", "group", "significant", "break", "category", "indicator", "dimension",
        "kind", "input",
    ]

    /// The workbook of the run's CSV tables (path in the output → its bytes, as written, in
    /// writing order) and the tree of `model`, headed in `language`.
    /// - Throws: ``BuurtError`` `.internalFailure` when one of the run's own CSV tables cannot be parsed.
    /// - Complexity: O(cells of the tables).
    public static func workbook(
        tables: [(path: String, csv: Data)], model: IndexModel, language: ReportLanguage
    ) throws(BuurtError) -> XLSXWorkbook {
        let csvTables = tables.filter { $0.path.hasSuffix(".csv") }
        let names = sheetNames(for: csvTables.map(\.path) + ["model"])
        var sheets: [XLSXSheet] = []
        for (table, name) in zip(csvTables, names) {
            sheets.append(try sheet(name: name, csv: table.csv, file: table.path, model: model, language: language))
        }
        sheets.append(modelSheet(model, name: names[names.count - 1], language: language))
        return XLSXWorkbook(sheets: sheets)
    }

    /// Sheet names for output paths: without `.csv`, `/` as `-`, any other of `[]:*?\` as `_`,
    /// at most 31 characters, and unique (a repeat gets `~2`, `~3`, … within the 31).
    public static func sheetNames(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let stem = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
            let base = String(stem.map { $0 == "/" ? "-" : "[]:*?\\".contains($0) ? "_" : $0 }.prefix(31))
            var name = base.isEmpty ? "sheet" : base, k = 1
            while used.contains(name.lowercased()) {
                k += 1
                let suffix = "~\(k)"
                name = String(base.prefix(31 - suffix.count)) + suffix
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// A sheet holding a CSV table as written by ``CSVWriter``, headed by the columns' labels in `language`.
    public static func sheet(
        name: String, csv: Data, file: String, model: IndexModel? = nil, language: ReportLanguage = .nl
    ) throws(BuurtError) -> XLSXSheet {
        let table: CSVTable
        do throws(BuurtErrors) {
            table = try CSVReader.parse([UInt8](csv), file: file, options: CSVOptions(delimiter: ",", decimalComma: false))
        } catch {
            throw BuurtError(.internalFailure, "cannot read back \(file) for the workbook: \(error.problems.map(\.description).joined(separator: "; "))")
        }
        let forcedText = table.header.map(textColumns.contains)
        let rows = table.rows.map { row in
            row.enumerated().map { c, text in forcedText[c] ? cell(text: text) : cell(csv: text) }
        }
        let rankTable = file == "ranks.csv"
        let formats = table.header.indices.map { c -> XLSXNumberFormat in
            let column = table.header[c]
            let wholeColumn = ResultColumnLabels.wholeColumns.contains(column) || (rankTable && model?.node(column) != nil)
            return numberFormat(rows.map { c < $0.count ? $0[c] : .empty }, whole: wholeColumn)
        }
        let header = table.header.map { ResultColumnLabels.label($0, model: model, language: language) ?? $0 }
        return XLSXSheet(name: name, header: header, rows: rows, numberFormats: formats)
    }

    /// ``XLSXNumberFormat/whole`` for a whole-number column whose numbers are all whole, else two decimals.
    static func numberFormat(_ cells: [XLSXCell], whole: Bool) -> XLSXNumberFormat {
        guard whole else { return .twoDecimals }
        let allWhole = cells.allSatisfy { cell in
            if case .number(let x) = cell { return x.rounded() == x }
            return true
        }
        return allWhole ? .whole : .twoDecimals
    }

    /// A CSV cell as a number when `text` is exactly ``formatNumber(_:)`` of a finite number.
    public static func cell(csv text: String) -> XLSXCell {
        if text.isEmpty { return .empty }
        if let x = Double(text), x.isFinite, formatNumber(x) == text { return .number(x) }
        return .text(text)
    }

    static func cell(text: String) -> XLSXCell { text.isEmpty ? .empty : .text(text) }

    /// The columns of the `model` sheet.
    public static let modelColumns = ["code", "name", "parent", "kind", "direction", "weight"]

    /// `code,name,parent,kind,direction,weight`, one row per node of the model in its order.
    /// Direction and weight are given for indicators and aggregates only; the weight is the
    /// node's weight relative to its siblings after the model's `weights:` overrides.
    public static func modelSheet(_ model: IndexModel, name: String = "model", language: ReportLanguage = .nl) -> XLSXSheet {
        let rows: [[XLSXCell]] = model.nodes.map { node in
            let aggregated = node.kind == .indicator || node.kind == .aggregate
            return [
                cell(text: node.code), cell(text: node.name), cell(text: node.parent ?? ""),
                cell(text: node.kind.rawValue.lowercased()),
                aggregated ? .number(node.direction) : .empty,
                aggregated ? .number(node.weight) : .empty,
            ]
        }
        let header = modelColumns.map { ResultColumnLabels.label($0, model: nil, language: language) ?? $0 }
        return XLSXSheet(name: name, header: header, rows: rows,
                         numberFormats: [.general, .general, .general, .general, .whole, .twoDecimals])
    }
}
