/// Renders a ``ReportDocument`` as one self-contained HTML file: inline CSS, inline SVG, no
/// external reference of any kind (it opens from disk and prints without a network). The only
/// script is that of an appended interactive section (the weight explorer), when given.
/// Every section starts on a new printed page, and so does every buurt profile. The markup is
/// also well-formed XML (void elements self-closed, only XML's predefined entities), so it can
/// be checked with any XML parser.
enum ReportHTML {
    static func render(_ document: ReportDocument, numbersLabel: String, appendix: String? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(document.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>" + Markup.escaped(document.title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>" + Markup.escaped(document.title) + "</h1>\n"
        for block in document.lead { out += render(block, numbersLabel: numbersLabel) }
        for section in document.sections {
            out += "<section id=\"\(section.anchor)\">\n<h2>" + Markup.escaped(section.title) + "</h2>\n"
            var inProfile = false
            for block in section.blocks {
                if case .pageStart = block {
                    if inProfile { out += "</div>\n" }
                    out += "<div class=\"profile\">\n"
                    inProfile = true
                } else {
                    out += render(block, numbersLabel: numbersLabel)
                }
            }
            if inProfile { out += "</div>\n" }
            out += "</section>\n"
        }
        return out + (appendix ?? "") + "</main>\n</body>\n</html>\n"
    }

    static func render(_ block: ReportBlock, numbersLabel: String) -> String {
        switch block {
        case let .heading(level, text, anchor):
            let h = "h\(min(6, max(1, level)))"
            let id = anchor.map { " id=\"\($0)\"" } ?? ""
            return "<\(h)\(id)>" + Markup.escaped(text) + "</\(h)>\n"
        case let .paragraph(text):
            return "<p>" + Markup.escaped(text) + "</p>\n"
        case let .warning(text):
            return "<p class=\"warning\">⚠ " + Markup.escaped(text) + "</p>\n"
        case let .list(items):
            return nestedList(items)
        case let .links(items):
            return "<nav><ol>\n" + items.map { "<li><a href=\"#\($0.anchor)\">" + Markup.escaped($0.text) + "</a></li>\n" }.joined() + "</ol></nav>\n"
        case let .table(table):
            return render(table)
        case let .chart(svg, caption, table):
            var out = "<figure>\n" + svg + "\n<figcaption>" + Markup.escaped(caption) + "</figcaption>\n"
            if let table {
                out += "<details><summary>" + Markup.escaped(numbersLabel) + "</summary>\n" + render(table) + "</details>\n"
            }
            return out + "</figure>\n"
        case let .maps(maps, _):
            return maps.map { "<figure class=\"map\">\n" + $0.svg + "\n<figcaption>" + Markup.escaped($0.caption) + "</figcaption>\n</figure>\n" }.joined()
        case .pageStart:
            return ""
        }
    }

    /// `<ul>` nesting that follows the items' depths (a deeper item opens a list inside the
    /// previous item).
    static func nestedList(_ items: [(depth: Int, text: String)]) -> String {
        var out = "<ul class=\"tree\">\n"
        var depth = 0
        for (k, item) in items.enumerated() {
            let target = max(0, min(item.depth, depth + 1))
            if k > 0 {
                if target > depth {
                    out += "\n<ul>\n"
                } else {
                    out += "</li>\n"
                    for _ in 0..<(depth - target) { out += "</ul></li>\n" }
                }
            }
            depth = target
            out += "<li>" + Markup.escaped(item.text)
        }
        if !items.isEmpty {
            out += "</li>\n"
            for _ in 0..<depth { out += "</ul></li>\n" }
        }
        return out + "</ul>\n"
    }

    static func render(_ table: ReportTable) -> String {
        func cells(_ row: [String], _ tag: String) -> String {
            row.enumerated().map { j, c in
                "<\(tag)" + (table.numeric.contains(j) ? " class=\"n\"" : "") + ">" + Markup.escaped(c) + "</\(tag)>"
            }.joined()
        }
        var out = "<table>\n<thead><tr>" + cells(table.header, "th") + "</tr></thead>\n<tbody>\n"
        for row in table.rows { out += "<tr>" + cells(row, "td") + "</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    static let css = """
        :root { color-scheme: light; }
        body { font-family: Helvetica, Arial, sans-serif; color: #222; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 820px; margin: 0 auto; padding: 24px 20px 60px; }
        h1 { font-size: 26px; margin: 0 0 8px; }
        h2 { font-size: 21px; border-bottom: 2px solid #0072b2; padding-bottom: 4px; margin-top: 40px; }
        h3 { font-size: 17px; margin: 28px 0 6px; }
        h4 { font-size: 14px; margin: 18px 0 4px; }
        p { margin: 6px 0 10px; }
        .warning { background: #fff4e5; border-left: 4px solid #d55e00; padding: 6px 10px; }
        table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
        th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 10px 0 18px; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 12px; color: #555; margin-top: 4px; }
        details summary { font-size: 12px; color: #0072b2; cursor: pointer; }
        ul.tree { font-size: 13px; }
        nav ol { columns: 2; font-size: 14px; }
        a { color: #0072b2; }
        .profile { border-top: 1px solid #ccc; margin-top: 26px; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section { break-before: page; page-break-before: always; }
          .profile { break-before: page; page-break-before: always; border-top: none; }
          figure, table, .warning { break-inside: avoid; page-break-inside: avoid; }
          details > summary { display: none; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
