import BuurtIndex
import BuurtNumerics
import Foundation

/// `results.xlsx`: the result tables of a run as one workbook.
///
/// Sheets, in this order: one per table in ``tableSheets`` whose `<name>.csv` the run wrote
/// (tables a run does not produce are left out), then `model`, the index tree. Table cells
/// become numbers when their text is a number exactly as the CSV writer formats one
/// (``formatNumber(_:)``, finite), otherwise text; empty cells are left out. The identifying
/// columns in ``textColumns`` stay text even when they look like numbers (unit code `0101`,
/// `1234`).
public enum ResultsWorkbook {
    /// The workbook's file name in the output directory.
    public static let fileName = "results.xlsx"
    /// Tables that get a sheet when the run wrote them, in sheet order.
    public static let tableSheets = ["scores", "ranks", "uncertainty", "priorities", "themes", "changes"]
    /// Columns kept as text.
    public static let textColumns: Set<String> = ["unit", "name", "code", "parent", "label", "group", "significant", "break"]

    /// The workbook of the run's tables (`scores.csv` → its bytes, as written) and the tree of `model`.
    /// - Throws: ``BuurtError`` `.internalFailure` when one of the run's own CSV tables cannot be parsed,
    ///   (a table that is missing gets no sheet).
    public static func workbook(tables: [String: Data], model: IndexModel) throws(BuurtError) -> XLSXWorkbook {
        var sheets: [XLSXSheet] = []
        for name in tableSheets {
            guard let csv = tables["\(name).csv"] else { continue }
            sheets.append(try sheet(name: name, csv: csv, file: "\(name).csv"))
        }
        sheets.append(modelSheet(model))
        return XLSXWorkbook(sheets: sheets)
    }

    /// A sheet holding a CSV table as written by ``CSVWriter``.
    public static func sheet(name: String, csv: Data, file: String) throws(BuurtError) -> XLSXSheet {
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
        return XLSXSheet(name: name, header: table.header, rows: rows)
    }

    /// A CSV cell as a number when `text` is exactly ``formatNumber(_:)`` of a finite number.
    public static func cell(csv text: String) -> XLSXCell {
        if text.isEmpty { return .empty }
        if let x = Double(text), x.isFinite, formatNumber(x) == text { return .number(x) }
        return .text(text)
    }

    static func cell(text: String) -> XLSXCell { text.isEmpty ? .empty : .text(text) }

    /// `code,name,parent,kind,direction,weight`, one row per node of the model in its order.
    /// Direction and weight are given for indicators and aggregates only; the weight is the
    /// node's weight relative to its siblings after the model's `weights:` overrides.
    public static func modelSheet(_ model: IndexModel) -> XLSXSheet {
        let rows: [[XLSXCell]] = model.nodes.map { node in
            let aggregated = node.kind == .indicator || node.kind == .aggregate
            return [
                cell(text: node.code), cell(text: node.name), cell(text: node.parent ?? ""),
                cell(text: node.kind.rawValue.lowercased()),
                aggregated ? .number(node.direction) : .empty,
                aggregated ? .number(node.weight) : .empty,
            ]
        }
        return XLSXSheet(name: "model", header: ["code", "name", "parent", "kind", "direction", "weight"], rows: rows)
    }
}
