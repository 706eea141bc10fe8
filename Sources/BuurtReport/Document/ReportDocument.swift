/// A table of already formatted cells.
struct ReportTable: Sendable {
    var header: [String]
    var rows: [[String]]
    /// Columns aligned right (numbers).
    var numeric: Set<Int> = []
}

/// One block of report content. The sections build blocks; ``ReportMarkdown`` and
/// ``ReportHTML`` render the same blocks, so both files carry the same content.
enum ReportBlock: Sendable {
    /// A heading (level 1–4) with a stable anchor for links (`sec-…`, `buurt-…`).
    case heading(level: Int, text: String, anchor: String?)
    case paragraph(String)
    /// A plain-language warning about the results.
    case warning(String)
    /// An indented list: each item with its depth (0 = top level).
    case list([(depth: Int, text: String)])
    /// Links to anchors in the document.
    case links([(anchor: String, text: String)])
    case table(ReportTable)
    /// An SVG chart; `table` holds the chart's numbers (the Markdown file shows them instead
    /// of the chart).
    case chart(svg: String, caption: String, table: ReportTable?)
    /// Maps (SVG) with their captions: inline in the HTML; the Markdown file shows `note` and
    /// the list of captions instead.
    case maps([(svg: String, caption: String)], note: String)
    /// Content that should start on a new printed page (a buurt profile).
    case pageStart
}

/// A top-level section of the report; printed on a new page.
struct ReportSection: Sendable {
    var anchor: String
    var title: String
    var blocks: [ReportBlock]
}

/// The whole report: title, lead paragraphs and sections in order.
struct ReportDocument: Sendable {
    var title: String
    var language: ReportLanguage
    var lead: [ReportBlock]
    var sections: [ReportSection]
}

enum ReportAnchor {
    /// `prefix-` + the code with every character outside `[A-Za-z0-9_-]` written as `_xx`
    /// (its UTF-8 bytes in hex): unique per code, valid as an HTML id and a Markdown anchor.
    static func make(_ prefix: String, _ code: String) -> String {
        var out = prefix + "-"
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789abcdef")
                out += "_" + String(digits[Int(byte / 16)]) + String(digits[Int(byte % 16)])
            }
        }
        return out
    }
}
