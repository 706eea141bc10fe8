import BuurtIndex

/// The header labels of the workbook's sheets: for every column a run's CSV tables write, its
/// label in Dutch and English; a column named by a node code (the aggregates of `scores.csv`
/// and `ranks.csv`, the indicators of `stages/*.csv`) is labelled with the node's name.
public enum ResultColumnLabels {
    /// Column code → (Dutch, English).
    public static let labels: [String: (nl: String, en: String)] = [
        // Keys of every per-buurt table.
        "unit": ("Buurtcode", "Buurt code"),
        "name": ("Naam", "Name"),
        "period": ("Jaar", "Year"),
        // scores.csv, ranks.csv, uncertainty.csv.
        "rank": ("Rang", "Rank"),
        "score": ("Score", "Score"),
        "rank_mean": ("Rang, gemiddelde", "Rank, mean"),
        "rank_median": ("Rang, mediaan", "Rank, median"),
        "rank_p05": ("Rang, 5%-grens", "Rank, 5th percentile"),
        "rank_p95": ("Rang, 95%-grens", "Rank, 95th percentile"),
        "score_p05": ("Score, 5%-grens", "Score, 5th percentile"),
        "score_p50": ("Score, mediaan", "Score, median"),
        "score_p95": ("Score, 95%-grens", "Score, 95th percentile"),
        "p_top": ("Kans bij de laagste scores", "Chance among the lowest scores"),
        "replications": ("Replicaties", "Replications"),
        // priorities.csv, themes.csv, strengths.csv.
        "priority": ("Prioriteit", "Priority"),
        "category": ("Categorie", "Category"),
        "group": ("Groep", "Group"),
        "reference": ("Referentie", "Reference"),
        "gap": ("Achterstand", "Gap"),
        "gap_p05": ("Achterstand, 5%-grens", "Gap, 5th percentile"),
        "gap_p95": ("Achterstand, 95%-grens", "Gap, 95th percentile"),
        "p_worst": ("Kans grootste probleem", "Chance of being the largest problem"),
        "significant": ("Significant", "Significant"),
        "kind": ("Soort", "Kind"),
        "position": ("Positie", "Position"),
        "difference": ("Verschil", "Difference"),
        // analysis/*.csv.
        "n_indicators": ("Aantal indicatoren", "Number of indicators"),
        "cronbach_alpha": ("Cronbachs alfa", "Cronbach's alpha"),
        "kmo": ("KMO", "KMO"),
        "bartlett_chisq": ("Bartlett χ²", "Bartlett χ²"),
        "bartlett_df": ("Bartlett vrijheidsgraden", "Bartlett degrees of freedom"),
        "bartlett_p": ("Bartlett p-waarde", "Bartlett p-value"),
        "component": ("Component", "Component"),
        "eigenvalue": ("Eigenwaarde", "Eigenvalue"),
        "explained": ("Verklaarde variantie", "Variance explained"),
        "indicator": ("Indicator", "Indicator"),
        "loading": ("Lading", "Loading"),
        "weight": ("Gewicht", "Weight"),
        // sensitivity.csv, removal.csv.
        "input": ("Onzekere invoer", "Uncertain input"),
        "first_order": ("Eerste-orde-index", "First-order index"),
        "total": ("Totale index", "Total index"),
        "first_order_p05": ("Eerste-orde-index, 5%-grens", "First-order index, 5th percentile"),
        "first_order_p95": ("Eerste-orde-index, 95%-grens", "First-order index, 95th percentile"),
        "total_p05": ("Totale index, 5%-grens", "Total index, 5th percentile"),
        "total_p95": ("Totale index, 95%-grens", "Total index, 95th percentile"),
        "dimension": ("Dimensie", "Dimension"),
        "mean_abs_rank_shift": ("Gemiddelde rangverschuiving", "Mean absolute rank shift"),
        "max_abs_rank_shift": ("Grootste rangverschuiving", "Largest absolute rank shift"),
        // changes.csv.
        "from": ("Van jaar", "From year"),
        "to": ("Tot jaar", "To year"),
        "score_from": ("Score in het beginjaar", "Score in the first year"),
        "score_to": ("Score in het eindjaar", "Score in the last year"),
        "change": ("Verandering", "Change"),
        "change_p05": ("Verandering, 5%-grens", "Change, 5th percentile"),
        "change_p95": ("Verandering, 95%-grens", "Change, 95th percentile"),
        "measure": ("Maat (verandering, helling per jaar, groei per jaar)", "Measure (change, slope per year, growth per year)"),
        "excluding": ("Weggelaten indicatoren (methodebreuk)", "Indicators left out (method break)"),
        "break": ("Methodebreuk", "Method break"),
        // The model sheet.
        "code": ("Code", "Code"),
        "parent": ("Bovenliggende groep", "Parent group"),
        "direction": ("Richting", "Direction"),
    ]

    /// Columns whose numbers are whole (shown without decimals when all of them are).
    public static let wholeColumns: Set<String> = [
        "period", "rank", "priority", "position", "n_indicators", "bartlett_df", "component", "replications", "from", "to",
        "direction",
    ]

    /// The label of `column` in `language`: from ``labels``, else the name of the node of that
    /// code in `model`; `nil` when neither knows it (the sheet then shows the code).
    public static func label(_ column: String, model: IndexModel?, language: ReportLanguage) -> String? {
        if let label = labels[column] { return language == .en ? label.en : label.nl }
        if let node = model?.node(column) { return node.name }
        return nil
    }
}
