import BuurtIndex
import BuurtNumerics

/// The weight explorer of `report.html`: one slider (and a number field) per dimension weight —
/// the children of the index — that recomputes the index and the ranking in the page and shows
/// each unit's rank shift against the published weights.
///
/// The page recomputes the compiled path only, exactly as the aggregate stage does for an
/// arithmetic root: a row is scored when at least one dimension is available and
/// (available dimensions)/(dimensions) is not below the root's `min_coverage`; its index is
///
///     index = Σ_d w_d·s_d / Σ_d w_d   over the available dimensions d, in model order,
///
/// summed in the same order with the same IEEE double operations (`num += w·s; den += w`, then
/// `num/den`; NaN when Σw = 0), so the page's scores equal `buurtscore whatif`'s bit for bit. Ranks
/// are taken within each period: highest index = 1, exactly equal scores share the best rank.
/// When the root is aggregated otherwise (geometric, harmonic, generalised, Copeland,
/// Mazziotta–Pareto) the sliders are disabled with a note saying why and the published ranking
/// is shown.
///
/// Test hook: `page.html#w=crime:2,cohesion:0.5` sets those weights on load by writing the
/// number fields and dispatching their `input` events (`&via=slider` uses the sliders instead);
/// `#state` alone applies nothing. With any hash the page writes
/// `{"weights":[…],"recomputable":…,"publishedMismatches":…,"rows":[[rank,score],…]}` (rows in
/// data order, `null` = missing) into `<pre id="explorer-state">`.
public enum WeightExplorer {
    /// The explorer as one self-contained `<section class="bs-explorer">`: scoped inline style,
    /// the data as inline JSON, an inline script; no external URL.
    /// - Parameters:
    ///   - aggregated: the aggregated panel of the published run (dimension and index columns).
    ///   - model: the model with the published weights.
    ///   - aggregate: the aggregation parameters (the root's method and `min_coverage`).
    ///   - language: `nl` (default) or `en`.
    ///   - periods: the periods to embed (default every period). Ranks are taken within a
    ///     period, so leaving periods out changes no rank; it keeps the page small for many
    ///     units (about 150 bytes per unit and period with six dimensions).
    /// - Complexity: O(rows · dimensions) text.
    public static func html(aggregated: Panel, model: IndexModel, aggregate: AggregateParameters, language: String = "nl",
                            periods: [Int]? = nil) -> String {
        var panel = aggregated
        if let periods, aggregated.hasPeriods {
            panel = aggregated.selecting(rows: aggregated.periods.indices.filter { aggregated.periods[$0].map(periods.contains) ?? false })
        }
        let data = WeightExplorerData(aggregated: panel, model: model, aggregate: aggregate)
        let t = ReportStrings(language: ReportLanguage(code: language))
        var out = "<section class=\"bs-explorer\" id=\"weight-explorer\" lang=\"\(t.language.rawValue)\">\n"
        out += "<style>\n\(WeightExplorerStyle.css)</style>\n"
        out += "<h2>\(Markup.escaped(t(.explorer(.title))))</h2>\n"
        if data.recomputable {
            out += "<p class=\"bs-x-intro\">\(Markup.escaped(t(.explorer(.intro))))</p>\n"
            out += "<p class=\"bs-x-formula\">\(Markup.escaped(t(.explorer(.formula))))</p>\n"
        } else {
            out += "<p class=\"bs-x-note\" role=\"note\">\(Markup.escaped(disabledNote(data, t)))</p>\n"
        }
        out += controls(data, t)
        out += "<p class=\"bs-x-summary\" aria-live=\"polite\"></p>\n"
        out += "<div class=\"bs-x-scroll\"><table class=\"bs-x-table\">\n<thead><tr>"
        let columns: [(WeightExplorerText, Bool)] = [(.rank, true), (.shift, true), (.unit, false), (.score, true),
                                                     (.publishedRank, true), (.publishedScore, true)]
        for (label, numeric) in columns {
            out += "<th scope=\"col\"\(numeric ? " class=\"bs-x-num\"" : "")>\(Markup.escaped(t(.explorer(label))))</th>"
        }
        out += "</tr></thead>\n<tbody></tbody>\n</table></div>\n"
        out += "<p class=\"bs-x-showing\"></p>\n"
        out += "<noscript><p class=\"bs-x-note\">\(Markup.escaped(t(.explorer(.noScript))))</p></noscript>\n"
        out += "<pre id=\"explorer-state\" hidden></pre>\n"
        out += "<script type=\"application/json\" class=\"bs-x-data\">\(data.json)</script>\n"
        out += "<script type=\"application/json\" class=\"bs-x-text\">\(WeightExplorerText.scriptJSON(t))</script>\n"
        out += "<script>\n\(WeightExplorerScript.javaScript)</script>\n"
        out += "</section>\n"
        return out
    }

    /// ``html(aggregated:model:aggregate:language:periods:)`` for a run of `project`, in the
    /// model's `language` (default `nl`).
    public static func html(result: PipelineResult, project: IndexProject, language: String? = nil, periods: [Int]? = nil) -> String {
        html(aggregated: result.aggregated, model: project.model, aggregate: project.file.spec.aggregate,
             language: language ?? project.file.language ?? "nl", periods: periods)
    }

    /// A minimal complete HTML document holding only the explorer, for standalone use and tests.
    public static func page(aggregated: Panel, model: IndexModel, aggregate: AggregateParameters, language: String = "nl",
                            periods: [Int]? = nil) -> String {
        let t = ReportStrings(language: ReportLanguage(code: language))
        let title = (model.node(model.root)?.name ?? model.root) + " — " + t(.explorer(.title))
        return """
            <!DOCTYPE html>
            <html lang="\(t.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escaped(title))</title>
            <style>body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}</style>
            </head>
            <body>
            \(html(aggregated: aggregated, model: model, aggregate: aggregate, language: language, periods: periods))</body>
            </html>

            """
    }

    /// ``page(aggregated:model:aggregate:language:periods:)`` for a run of `project`.
    public static func page(result: PipelineResult, project: IndexProject, language: String? = nil, periods: [Int]? = nil) -> String {
        page(aggregated: result.aggregated, model: project.model, aggregate: project.file.spec.aggregate,
             language: language ?? project.file.language ?? "nl", periods: periods)
    }

    // MARK: - Markup

    /// Why the sliders are disabled, and what to use instead.
    static func disabledNote(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        let reason: String
        if !data.missingColumns.isEmpty {
            reason = t(.explorer(.missingColumns), data.missingColumns.joined(separator: ", "))
        } else {
            var method = WeightExplorerText.method(named: data.methodName).map { t(.explorer($0)) } ?? data.methodName
            if case .generalised(let p) = data.method { method += " (p = \(formatNumber(p)))" }
            reason = t(.explorer(.disabledIntro), method)
        }
        return reason + " " + t(.explorer(.cliHint))
    }

    /// The weight controls, the reset button, the period choice and the search field.
    static func controls(_ data: WeightExplorerData, _ t: ReportStrings) -> String {
        let disabled = data.recomputable ? "" : " disabled"
        let maximum = sliderMaximum(data.dimensions.map(\.weight))
        let step = formatNumber(maximum / 100)
        var out = "<form class=\"bs-x-controls\" onsubmit=\"return false\">\n"
        out += "<fieldset class=\"bs-x-weights\"\(disabled)><legend>\(Markup.escaped(t(.explorer(.weightsLegend))))</legend>\n"
        for (j, d) in data.dimensions.enumerated() {
            let w = formatNumber(d.weight)
            out += "<div class=\"bs-x-weight\">"
            out += "<label for=\"bs-x-range-\(j)\">\(Markup.escaped(d.name)) <span class=\"bs-x-code\">\(Markup.escaped(d.code))</span></label>"
            out += "<input type=\"range\" id=\"bs-x-range-\(j)\" class=\"bs-x-range\" data-dim=\"\(j)\" data-code=\"\(Markup.attribute(d.code))\""
                + " min=\"0\" max=\"\(formatNumber(maximum))\" step=\"\(step)\" value=\"\(w)\"\(disabled)>"
            out += "<input type=\"number\" class=\"bs-x-number\" data-dim=\"\(j)\" data-code=\"\(Markup.attribute(d.code))\""
                + " min=\"0\" step=\"any\" value=\"\(w)\" aria-label=\"\(Markup.attribute(d.name))\"\(disabled)>"
            out += "<span class=\"bs-x-share\" title=\"\(Markup.attribute(t(.explorer(.share))))\"><span class=\"bs-x-bar\"></span><span class=\"bs-x-share-text\"></span></span>"
            out += "</div>\n"
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
        out += "<label>\(Markup.escaped(t(.explorer(.search)))) <input type=\"search\" class=\"bs-x-search\" autocomplete=\"off\"></label>"
        out += "<span class=\"bs-x-message\" role=\"status\"></span>"
        out += "</div>\n</form>\n"
        return out
    }

    /// The sliders' upper end: the smallest of 1, 2, 5 × 10^k that is at least 4 × the largest
    /// published weight (5 for equal weights of 1), so a weight can be made four times as
    /// large; the slider moves in hundredths of it. The number fields take any weight ≥ 0.
    static func sliderMaximum(_ weights: [Double]) -> Double {
        let target = 4 * (weights.filter(\.isFinite).max() ?? 1)
        // Model weights are at most 1e9 (IndexModel.maximumWeight); an infinite target would never end the search.
        guard target > 0, target.isFinite else { return 5 }
        var scale = 1.0
        while scale > target { scale /= 10 }
        while scale * 10 <= target { scale *= 10 }
        for m in [1.0, 2, 5, 10] where m * scale >= target { return m * scale }
        return 10 * scale
    }
}
