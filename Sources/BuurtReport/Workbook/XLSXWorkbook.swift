import BuurtIndex
import BuurtNumerics
import Foundation
import ZIPFoundation

/// One cell of a worksheet.
public enum XLSXCell: Sendable, Equatable {
    /// A number cell; non-finite values are written as empty cells.
    case number(Double)
    case text(String)
    /// No cell at all (the cell is left out of the sheet).
    case empty
}

/// How the number cells of a column are shown; the stored value is always the full-precision
/// number.
public enum XLSXNumberFormat: Sendable, Equatable {
    /// As the spreadsheet chooses (no number format).
    case general
    /// Two decimals, `0.00`.
    case twoDecimals
    /// A whole number, `0`.
    case whole
}

/// A worksheet: a header row (bold, frozen) and data rows.
public struct XLSXSheet: Sendable, Equatable {
    /// Up to 31 characters, none of `[]:*?/\`.
    public var name: String
    public var header: [String]
    public var rows: [[XLSXCell]]
    /// Per column, how its numbers are shown; columns past the end are ``XLSXNumberFormat/general``.
    public var numberFormats: [XLSXNumberFormat]

    public init(name: String, header: [String], rows: [[XLSXCell]], numberFormats: [XLSXNumberFormat] = []) {
        self.name = name
        self.header = header
        self.rows = rows
        self.numberFormats = numberFormats
    }
}

/// A minimal Office Open XML workbook (`.xlsx`) written by us: `[Content_Types].xml`,
/// `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml`,
/// `xl/sharedStrings.xml` and one `xl/worksheets/sheetN.xml` per sheet.
///
/// The bytes depend only on the sheets: entries are written in that fixed order, each dated
/// 1980-01-01 00:00 (the earliest ZIP date, interpreted as UTC) with permissions 0644, and
/// deflated by the system's zlib at its default level: byte-identical on every rerun with the
/// same zlib (another zlib build may compress differently; the cell contents do not change).
/// Stored entries would be about ten times larger (240 MB for 14,000 buurten × 4 years). No
/// document properties (which would carry a creation time) are written.
public struct XLSXWorkbook: Sendable, Equatable {
    public var sheets: [XLSXSheet]

    /// Excel's limits: 1,048,576 rows and 16,384 columns per sheet.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    /// 1980-01-01T00:00:00Z, the date of every entry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public init(sheets: [XLSXSheet]) {
        self.sheets = sheets
    }

    /// The parts of the package in writing order: (path inside the ZIP, bytes).
    /// - Throws: ``BuurtError`` `.output` when a sheet exceeds Excel's limits or has a bad name.
    public func parts() throws(BuurtError) -> [(path: String, contents: Data)] {
        var strings = XLSXSharedStrings()
        var sheetParts: [(String, Data)] = []
        for (k, sheet) in sheets.enumerated() {
            try Self.check(sheet)
            sheetParts.append(("xl/worksheets/sheet\(k + 1).xml", Data(XLSXParts.worksheet(sheet, strings: &strings).utf8)))
        }
        let names = sheets.map(\.name)
        return [
            ("[Content_Types].xml", Data(XLSXParts.contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Data(XLSXParts.packageRelationships.utf8)),
            ("xl/workbook.xml", Data(XLSXParts.workbook(sheetNames: names).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(XLSXParts.workbookRelationships(sheetCount: sheets.count).utf8)),
            ("xl/styles.xml", Data(XLSXParts.styles.utf8)),
            ("xl/sharedStrings.xml", Data(strings.xml.utf8)),
        ] + sheetParts
    }

    /// The `.xlsx` file's bytes.
    /// - Throws: ``BuurtError`` `.output` as ``parts()``, or when the ZIP container cannot be built.
    public func data() throws(BuurtError) -> Data {
        let parts = try parts()
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let contents = part.contents
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(contents.count),
                    modificationDate: Self.entryDate, permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in contents.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let data = archive.data else { throw BuurtError(.internalFailure, "the workbook archive has no data") }
            return data
        } catch let error as BuurtError {
            throw error
        } catch {
            throw BuurtError(.output, "cannot build the workbook: \(error)")
        }
    }

    private static func check(_ sheet: XLSXSheet) throws(BuurtError) {
        let location = SourceLocation(file: "results.xlsx")
        let forbidden = Set("[]:*?/\\")
        guard !sheet.name.isEmpty, sheet.name.count <= 31, !sheet.name.contains(where: forbidden.contains) else {
            throw BuurtError(.output, "sheet name '\(sheet.name)' is not allowed: 1 to 31 characters, none of []:*?/\\", at: location)
        }
        guard sheet.rows.count + 1 <= maxRows else {
            throw BuurtError(.output, "sheet '\(sheet.name)' has \(sheet.rows.count) rows; a worksheet holds at most \(maxRows - 1) below its header", at: location)
        }
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        guard width <= maxColumns else {
            throw BuurtError(.output, "sheet '\(sheet.name)' has \(width) columns; a worksheet holds at most \(maxColumns)", at: location)
        }
    }
}
