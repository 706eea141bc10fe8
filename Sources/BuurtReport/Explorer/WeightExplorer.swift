import BuurtIndex
import BuurtNumerics

/// The weight explorer of `report.html`: one slider (and a number field) per weight of the
/// model's tree — each dimension in the summary line of its own collapsible block, the weights of
/// its indicators (and sub-aggregates) inside — that recomputes the index and the ranking in the
/// page, lists the units most in need first (the priority list's order), shows each unit's rank
/// shift against the published weights and, with an uncertainty analysis, whether the new rank
/// leaves the unit's published rank band; and that hands the weights on as a link (`#w=…`) and as
/// the `buurtscore whatif` command that reproduces them.
///
/// The page recomputes the compiled path, exactly as the aggregate stage does, for every
/// aggregate aggregated with the arithmetic mean (see ``WeightExplorerData``): a row is scored
/// when at least one child is available and (available children)/(children) is not below the
/// rule's `min_coverage`; its score is
///
///     score = Σ_c w_c·x_c / Σ_c w_c   over the available children c, in model order,
///
/// summed in the same order with the same IEEE double operations (`num += w·x; den += w`, then
/// `num/den`; NaN when Σw = 0), bottom-up, so the page's scores equal `buurtscore whatif`'s bit
/// for bit. Ranks are taken within each period: highest index = 1, exactly equal scores share the
/// best rank. When the index is aggregated otherwise (geometric, harmonic, generalised, Copeland,
/// Mazziotta–Pareto) the sliders are disabled with a note saying why and the published ranking is
/// shown; under a dimension aggregated otherwise the indicator weights are fixed and the
/// dimension's published score is used.
///
/// Test hook: with any fragment the page writes `{"weights":[…],"recomputable":…,
/// "publishedMismatches":…,"notice":…,"command":…,"order":[…],"outside":[…],
/// "rows":[[rank,score],…]}` (weights in ``WeightExplorerData/nodes`` order, rows in data order,
/// `null` = missing; `order` the table's rows of the chosen period) into `<pre id="explorer-state">`;
/// `#state` applies no weight.
public enum WeightExplorer {
    /// The explorer as one self-contained `<section class="bs-explorer">`: scoped inline style,
    /// the data as inline JSON, an inline script; no external URL.
    /// - Parameters:
    ///   - aggregated: the aggregated panel of the published run (indicator, dimension and index columns).
    ///   - model: the model with the published weights.
    ///   - aggregate: the aggregation parameters (each level's method and `min_coverage`).
    ///   - language: `nl` (default) or `en`.
    ///   - periods: the periods to embed (default every period). Ranks are taken within a
    ///     period, so leaving periods out changes no rank; it keeps the page small for many
    ///     units (about 11 bytes per indicator value and 40 per row besides).
    ///   - bands: per row of `aggregated`, the published rank band (rank_p05, rank_p95) of the
    ///     uncertainty analysis (NaN when the row has none); nil without an analysis.
    ///   - modelFile: the model file as the printed `buurtscore whatif` command names it.
    /// - Complexity: O(rows · tree nodes) text.
    public static func html(aggregated: Panel, model: IndexModel, aggregate: AggregateParameters, language: String = "nl",
                            periods: [Int]? = nil, bands: [(low: Double, high: Double)]? = nil, modelFile: String = "MODEL") -> String {
        var panel = aggregated
        var bandRows = bands.map { $0.map { ($0.low, $0.high) } }
        if let periods, aggregated.hasPeriods {
            let kept = aggregated.periods.indices.filter { aggregated.periods[$0].map(periods.contains) ?? false }
            panel = aggregated.selecting(rows: kept)
            bandRows = bandRows.map { all in kept.map { all[$0] } }
        }
        let data = WeightExplorerData(aggregated: panel, model: model, aggregate: aggregate, modelFile: modelFile,
                                      bands: bandRows?.count == panel.rowCount ? bandRows : nil)
        let t = ReportStrings(language: ReportLanguage(code: language))
        var out = "<section class=\"bs-explorer\" id=\"weight-explorer\" lang=\"\(t.language.rawValue)\">\n"
        out += "<style>\n\(WeightExplorerStyle.css)</style>\n"
        out += "<h2>\(Markup.escaped(t(.explorer(.title))))</h2>\n"
        if data.recomputable {
            out += "<p class=\"bs-x-intro\">\(Markup.escaped(t(.explorer(.intro))))</p>\n"
            out += "<p class=\"bs-x-formula\">\(Markup.escaped(t(.explorer(.formula))))</p>\n"
        } else {
            out += "<p class=\"bs-x-note\" role=\"note\">\(Markup.escaped(WeightExplorerMarkup.disabledNote(data, t)))</p>\n"
        }
        out += "<p class=\"bs-x-notice\" role=\"status\" hidden></p>\n"
        out += WeightExplorerMarkup.controls(data, t)
        out += WeightExplorerMarkup.handOff(data, t)
        out += "<p class=\"bs-x-summary\" aria-live=\"polite\"></p>\n"
        out += WeightExplorerMarkup.table(data, t)
        out += "<p class=\"bs-x-showing\"></p>\n"
        out += "<noscript><p class=\"bs-x-note\">\(Markup.escaped(t(.explorer(.noScript))))</p></noscript>\n"
        out += "<pre id=\"explorer-state\" hidden></pre>\n"
        out += "<script type=\"application/json\" class=\"bs-x-data\">\(data.json)</script>\n"
        out += "<script type=\"application/json\" class=\"bs-x-text\">\(WeightExplorerText.scriptJSON(t))</script>\n"
        out += "<script>\n\(WeightExplorerScript.javaScript)</script>\n"
        out += "</section>\n"
        return out
    }

    /// ``html(aggregated:model:aggregate:language:periods:bands:modelFile:)`` for a run of
    /// `project`, in the model's `language` (default `nl`); the command names the model file by
    /// its file name (run it in the model's folder).
    public static func html(result: PipelineResult, project: IndexProject, language: String? = nil, periods: [Int]? = nil,
                            bands: [(low: Double, high: Double)]? = nil) -> String {
        html(aggregated: result.aggregated, model: project.model, aggregate: project.file.spec.aggregate,
             language: language ?? project.file.language ?? "nl", periods: periods, bands: bands,
             modelFile: modelFileName(project.file.path))
    }

    /// A minimal complete HTML document holding only the explorer, for standalone use and tests.
    public static func page(aggregated: Panel, model: IndexModel, aggregate: AggregateParameters, language: String = "nl",
                            periods: [Int]? = nil, bands: [(low: Double, high: Double)]? = nil, modelFile: String = "MODEL") -> String {
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
            \(html(aggregated: aggregated, model: model, aggregate: aggregate, language: language, periods: periods, bands: bands, modelFile: modelFile))</body>
            </html>

            """
    }

    /// ``page(aggregated:model:aggregate:language:periods:bands:modelFile:)`` for a run of `project`.
    public static func page(result: PipelineResult, project: IndexProject, language: String? = nil, periods: [Int]? = nil,
                            bands: [(low: Double, high: Double)]? = nil) -> String {
        page(aggregated: result.aggregated, model: project.model, aggregate: project.file.spec.aggregate,
             language: language ?? project.file.language ?? "nl", periods: periods, bands: bands,
             modelFile: modelFileName(project.file.path))
    }

    /// The last component of a model path (`datasets/demo/model.yml` → `model.yml`).
    static func modelFileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
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
