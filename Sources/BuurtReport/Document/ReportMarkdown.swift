/// Renders a ``ReportDocument`` as Markdown (GitHub flavour: pipe tables, `<a id>` anchors).
///
/// Charts are not embedded: each chart is replaced by its caption and its numbers as a table,
/// with a pointer to `report.html`. (Embedding the SVG as `data:` URIs would make the file
/// unreadable as text and is not shown by common Markdown viewers such as GitHub's, which
/// strip `data:` images; every chart in this report is backed by a table of the same numbers.)
enum ReportMarkdown {
    static func render(_ document: ReportDocument, seeCharts: String) -> String {
        var out = "# " + inline(document.title) + "\n\n"
        for block in document.lead { out += render(block, seeCharts: seeCharts) }
        for section in document.sections {
            out += "<a id=\"\(section.anchor)\"></a>\n\n## " + inline(section.title) + "\n\n"
            for block in section.blocks { out += render(block, seeCharts: seeCharts) }
        }
        return out
    }

    static func render(_ block: ReportBlock, seeCharts: String) -> String {
        switch block {
        case let .heading(level, text, anchor):
            let a = anchor.map { "<a id=\"\($0)\"></a>\n\n" } ?? ""
            return a + String(repeating: "#", count: min(6, max(1, level))) + " " + inline(text) + "\n\n"
        case let .paragraph(text):
            return inline(text) + "\n\n"
        case let .warning(text):
            return "> ⚠ " + inline(text) + "\n\n"
        case let .list(items):
            return items.map { String(repeating: "  ", count: $0.depth) + "- " + inline($0.text) }.joined(separator: "\n") + "\n\n"
        case let .links(items):
            return items.enumerated().map { "\($0.offset + 1). [" + inline($0.element.text) + "](#" + $0.element.anchor + ")" }.joined(separator: "\n") + "\n\n"
        case let .table(table):
            return render(table)
        case let .chart(_, caption, table):
            return "*" + inline(caption) + "* (" + seeCharts + ")\n\n" + (table.map(render) ?? "")
        case let .maps(maps, note):
            return "*" + inline(note) + "*\n\n" + maps.map { "- " + inline($0.caption) }.joined(separator: "\n") + "\n\n"
        case .pageStart:
            return ""
        }
    }

    static func render(_ table: ReportTable) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |\n" }
        var out = row(table.header)
        out += "|" + table.header.indices.map { table.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for r in table.rows { out += row(r) }
        return out + "\n"
    }

    /// Text with Markdown's emphasis, code, link and HTML characters (`<` and the `&` of
    /// entities) escaped, so a name never becomes markup; line breaks become spaces.
    static func inline(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "*", "_", "`", "[", "]", "<", "&", "\\": out += "\\" + String(c)
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    static func cell(_ s: String) -> String {
        inline(s).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
