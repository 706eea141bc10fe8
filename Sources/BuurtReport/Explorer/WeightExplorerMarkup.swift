import BuurtIndex
import BuurtNumerics

/// The explorer's static markup: the note when the page cannot recompute, the weight controls
/// (one `<details>` block per dimension), the hand-off of the weights and the table head. The
/// page's script fills in the rest; every text here goes through ``Markup``.
enum WeightExplorerMarkup {
    /// Why the sliders are disabled, and what to use instead.
    static func disabledNote(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        let reason: String
        if !data.missingColumns.isEmpty {
            let names = data.missingColumns.map { code in data.nodes.first { $0.code == code }?.name ?? code }
            reason = t(.explorer(.missingColumns), names.joined(separator: ", "))
        } else {
            reason = t(.explorer(.disabledIntro), methodText(data.method, t))
        }
        return reason + " " + t(.explorer(.cliHint))
    }

    /// The method as the notes name it ("het meetkundig gemiddelde", with p for the generalised mean).
    static func methodText(_ method: AggregateMethod, _ t: ReportStrings) -> String {
        var text = WeightExplorerText.method(named: WeightExplorerData.name(of: method)).map { t(.explorer($0)) }
            ?? WeightExplorerData.name(of: method)
        if case .generalised(let p) = method { text += " (p = \(formatNumber(p)))" }
        return text
    }

    /// The weight controls, the reset button, the period, sort and search fields.
    static func controls(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        let disabled = data.recomputable ? "" : " disabled"
        var out = "<form class=\"bs-x-controls\" onsubmit=\"return false\">\n"
        out += "<fieldset class=\"bs-x-weights\"\(disabled)><legend>\(Markup.escaped(t(.explorer(.weightsLegend))))</legend>\n"
        out += "<p class=\"bs-x-hint\">\(Markup.escaped(t(.explorer(.weightsHint))))</p>\n"
        for d in data.dimensions {
            let below = data.nodes.indices.filter { isDescendant($0, of: d, data.nodes) }
            if below.isEmpty {
                out += weightRow(d, data, t) + "\n"
                continue
            }
            out += "<details class=\"bs-x-dimension\"><summary>" + weightRow(d, data, t) + "</summary>\n<div class=\"bs-x-children\">\n"
            if !data.nodes[below[0]].editable && data.recomputable {
                out += "<p class=\"bs-x-hint\">\(Markup.escaped(t(.explorer(.fixedChildren), data.nodes[d].name)))</p>\n"
            }
            for j in below { out += weightRow(j, data, t) + "\n" }
            out += "</div></details>\n"
        }
        out += "</fieldset>\n<div class=\"bs-x-tools\">"
        out += "<button type=\"button\" class=\"bs-x-reset\"\(disabled)>\(Markup.escaped(t(.explorer(.reset))))</button>"
        let periods = data.periods
        if periods.count > 1 {
            out += "<label>\(Markup.escaped(t(.explorer(.period)))) <select class=\"bs-x-period\">"
            let latest = periods.lastIndex { $0 != nil } ?? periods.count - 1
            for (g, p) in periods.enumerated() {
                out += "<option value=\"\(g)\"\(g == latest ? " selected" : "")>\(p.map(String.init) ?? "–")</option>"
            }
            out += "</select></label>"
        }
        out += "<label>\(Markup.escaped(t(.explorer(.sort)))) <select class=\"bs-x-sort\">"
        out += "<option value=\"need\" selected>\(Markup.escaped(t(.explorer(.sortNeed))))</option>"
        out += "<option value=\"best\">\(Markup.escaped(t(.explorer(.sortBest))))</option></select></label>"
        out += "<label>\(Markup.escaped(t(.explorer(.search)))) <input type=\"search\" class=\"bs-x-search\" autocomplete=\"off\"></label>"
        out += "<span class=\"bs-x-message\" role=\"status\"></span>"
        out += "</div>\n</form>\n"
        return out
    }

    /// One weight: name, slider, number field and the share among its siblings. The slider's
    /// range follows ``WeightExplorer/sliderMaximum(_:)`` of the siblings' weights.
    static func weightRow(_ j: Int, _ data: WeightExplorerData, _ t: ReportStrings) -> String {
        let node = data.nodes[j]
        let disabled = data.recomputable && node.editable ? "" : " disabled"
        let siblings = data.nodes.filter { $0.parent == node.parent }.map(\.weight)
        let maximum = WeightExplorer.sliderMaximum(siblings)
        let w = formatNumber(node.weight)
        let indent = node.depth > 2 ? " style=\"padding-left:\(node.depth - 2)rem\"" : ""
        var out = "<div class=\"bs-x-weight\(node.parent == nil ? " bs-x-dim" : "")\"\(indent)>"
        out += "<label for=\"bs-x-range-\(j)\" title=\"\(Markup.attribute(node.name))\">\(Markup.escaped(node.name))</label>"
        out += "<input type=\"range\" id=\"bs-x-range-\(j)\" class=\"bs-x-range\" data-node=\"\(j)\" data-code=\"\(Markup.attribute(node.code))\""
            + " min=\"0\" max=\"\(formatNumber(maximum))\" step=\"\(formatNumber(maximum / 100))\" value=\"\(w)\"\(disabled)>"
        out += "<input type=\"number\" class=\"bs-x-number\" data-node=\"\(j)\" data-code=\"\(Markup.attribute(node.code))\""
            + " min=\"0\" step=\"any\" value=\"\(w)\" aria-label=\"\(Markup.attribute(node.name))\"\(disabled)>"
        out += "<span class=\"bs-x-share\" title=\"\(Markup.attribute(t(.explorer(.share))))\"><span class=\"bs-x-bar\"></span><span class=\"bs-x-share-text\"></span></span>"
        out += "</div>"
        return out
    }

    /// Whether node `j` lies below node `ancestor`.
    static func isDescendant(_ j: Int, of ancestor: Int, _ nodes: [WeightExplorerData.Node]) -> Bool {
        var p = nodes[j].parent
        while let q = p {
            if q == ancestor { return true }
            p = nodes[q].parent
        }
        return false
    }

    /// The command that reproduces the weights, with its copy button; the script fills it in.
    static func handOff(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        var out = "<div class=\"bs-x-handoff\"><p class=\"bs-x-command-hint\">\(Markup.escaped(t(.explorer(.noCommand))))</p>\n"
        out += "<pre class=\"bs-x-pre\"><code class=\"bs-x-command\"></code></pre>\n"
        out += "<button type=\"button\" class=\"bs-x-copy\" disabled>\(Markup.escaped(t(.explorer(.copy))))</button>"
        out += " <span class=\"bs-x-copied\" role=\"status\"></span></div>\n"
        return out
    }

    /// The table with its head; the body is written by the script.
    static func table(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        var out = "<div class=\"bs-x-scroll\"><table class=\"bs-x-table\">\n"
        out += "<caption class=\"bs-x-caption\">\(Markup.escaped(t(.explorer(.needFirst))))</caption>\n<thead><tr>"
        var columns: [(WeightExplorerText, Bool)] = [(.rank, true), (.shift, true), (.unit, false), (.score, true), (.publishedRank, true)]
        if data.bands != nil { columns.append((.publishedBand, true)) }
        columns.append((.publishedScore, true))
        for (label, numeric) in columns {
            out += "<th scope=\"col\"\(numeric ? " class=\"bs-x-num\"" : "")>\(Markup.escaped(t(.explorer(label))))</th>"
        }
        out += "</tr></thead>\n<tbody></tbody>\n</table></div>\n"
        return out
    }
}
