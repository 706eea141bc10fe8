import BuurtIndex
import BuurtNumerics

/// The shared-string table of a workbook: each distinct text once, numbered in order of first use.
struct XLSXSharedStrings {
    private(set) var strings: [String] = []
    private var index: [String: Int] = [:]
    /// Number of string cells (with repeats).
    private(set) var uses = 0

    mutating func id(of text: String) -> Int {
        uses += 1
        if let id = index[text] { return id }
        index[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    var xml: String {
        var out = XLSXParts.declaration
            + "<sst xmlns=\"\(XLSXParts.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">"
        for s in strings { out += "<si>" + XLSXParts.textElement(s) + "</si>" }
        return out + "</sst>"
    }
}

/// The XML text of each package part.
enum XLSXParts {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let sheetMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        var out = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        for k in 0..<sheetCount {
            out += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"\(sheetMime)\"/>"
        }
        return out + "</Types>"
    }

    static let packageRelationships = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var out = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (k, name) in sheetNames.enumerated() {
            out += "<sheet name=\"\(Markup.attribute(name, .xml))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    /// Worksheets are `rId1…rIdN`, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var out = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for k in 0..<sheetCount {
            out += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return out + "</Relationships>"
    }

    /// Four cell formats: 0 = plain, 1 = bold (the header row), 2 = a number shown with two
    /// decimals (built-in number format 2, `0.00`), 3 = a whole number (built-in format 1, `0`).
    /// The format only changes what is shown: the cell keeps its full-precision value.
    static let styles = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// A worksheet with its header row frozen. Numbers go into `<v>` in shortest round-trip
    /// form, texts (header included) into the shared-string table after
    /// ``SpreadsheetText/neutralised(_:)`` (a text starting with `=`, `+`, `-`, `@`, tab or
    /// carriage return gets a leading `'`, so editing the cell never turns it into a formula),
    /// empty cells are left out. A number cell gets the style of its column's
    /// ``XLSXNumberFormat`` (`s="2"` two decimals, `s="3"` whole, none for general); `<cols>`
    /// sets each column's width from ``XLSXColumnWidths``.
    /// - Complexity: O(cells).
    static func worksheet(_ sheet: XLSXSheet, strings: inout XLSXSharedStrings) -> String {
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        let columns = (0..<max(width, 1)).map(columnName)
        var out = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        out += "<dimension ref=\"A1:\(columns[max(width, 1) - 1])\(sheet.rows.count + 1)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
            + "</sheetView></sheetViews>"
        out += XLSXColumnWidths.element(XLSXColumnWidths.widths(of: sheet))
        out += "<sheetData>"
        let numberStyles = (0..<width).map { c in
            switch c < sheet.numberFormats.count ? sheet.numberFormats[c] : .general {
            case .general: ""
            case .twoDecimals: " s=\"2\""
            case .whole: " s=\"3\""
            }
        }
        out += "<row r=\"1\">"
        for (c, name) in sheet.header.enumerated() where !name.isEmpty {
            out += "<c r=\"\(columns[c])1\" s=\"1\" t=\"s\"><v>\(strings.id(of: SpreadsheetText.neutralised(name)))</v></c>"
        }
        out += "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let line = r + 2
            out += "<row r=\"\(line)\">"
            for (c, cell) in row.enumerated() {
                switch cell {
                case .number(let x) where x.isFinite:
                    out += "<c r=\"\(columns[c])\(line)\"\(numberStyles[c])><v>\(formatNumber(x))</v></c>"
                case .text(let s) where !s.isEmpty:
                    out += "<c r=\"\(columns[c])\(line)\" t=\"s\"><v>\(strings.id(of: SpreadsheetText.neutralised(s)))</v></c>"
                default:
                    break
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// `A`, …, `Z`, `AA`, … for column index 0, 1, ….
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            name.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(name.reversed())
    }

    /// `<t>` with the text escaped; `xml:space="preserve"` when leading or trailing white space
    /// or a line break would otherwise be lost.
    static func textElement(_ s: String) -> String {
        let needsPreserve = s.first.map(\.isWhitespace) == true || s.last.map(\.isWhitespace) == true || s.contains("\n")
        return (needsPreserve ? "<t xml:space=\"preserve\">" : "<t>") + Markup.escaped(s, .xml) + "</t>"
    }
}
