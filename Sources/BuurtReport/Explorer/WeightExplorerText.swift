/// The weight explorer's words: keys of ``ReportText/explorer(_:)``, looked up with
/// ``ReportStrings`` like every other text of the report. Named marks (`{moved}`, `{total}`,
/// `{period}`, `{name}`, `{shift}`, `{shown}`) are left in place for the page's script to fill;
/// `{1}` is filled in by ``WeightExplorer``.
enum WeightExplorerText: Sendable {
    case title, intro, formula, weightsLegend, share, reset, period, search
    case rank, shift, publishedRank, unit, score, publishedScore
    /// `{moved}` of `{total}` units change rank in `{period}`.
    case summary
    case unchanged, biggestRise, biggestFall, allZero, invalid
    /// Showing `{shown}` of `{total}`.
    case showing
    case noScript, unranked
    /// `{1}`: the root's aggregation method (``method(named:)``).
    case disabledIntro
    /// `{1}`: the codes of the missing dimension columns.
    case missingColumns
    case cliHint
    case methodGeometric, methodHarmonic, methodGeneralised, methodCopeland, methodMPI, methodArithmetic

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("Gewichten verkennen", "Explore the weights")
        case .intro: ("Verschuif een gewicht om te zien hoe de index en de rangorde veranderen. "
                      + "De pijlen tonen hoeveel plaatsen een buurt stijgt (▲) of daalt (▼) ten opzichte van de gepubliceerde gewichten.",
                      "Move a weight to see how the index and the ranking change. "
                      + "Arrows show how many places a neighbourhood rises (▲) or falls (▼) against the published weights.")
        case .formula: ("index = Σ gewicht × dimensiescore / Σ gewicht, over de dimensies die voor de buurt beschikbaar zijn",
                        "index = Σ weight × dimension score / Σ weight, over the dimensions available for the neighbourhood")
        case .weightsLegend: ("Gewichten van de dimensies", "Weights of the dimensions")
        case .share: ("aandeel", "share")
        case .reset: ("Gepubliceerde gewichten", "Published weights")
        case .period: ("Jaar", "Year")
        case .search: ("Zoek buurt", "Find a neighbourhood")
        case .rank: ("Rang", "Rank")
        case .shift: ("Verschuiving", "Shift")
        case .publishedRank: ("Gepubliceerde rang", "Published rank")
        case .unit: ("Buurt", "Neighbourhood")
        case .score: ("Index", "Index")
        case .publishedScore: ("Gepubliceerde index", "Published index")
        case .summary: ("{moved} van {total} buurten veranderen van rang in {period}.", "{moved} of {total} neighbourhoods change rank in {period}.")
        case .unchanged: ("De rangorde in {period} is gelijk aan de gepubliceerde.", "The ranking in {period} equals the published one.")
        case .biggestRise: ("Grootste stijger: {name} ({shift}).", "Largest rise: {name} ({shift}).")
        case .biggestFall: ("Grootste daler: {name} ({shift}).", "Largest fall: {name} ({shift}).")
        case .allZero: ("Alle gewichten zijn 0: er valt geen index te berekenen.", "Every weight is 0: there is no index to compute.")
        case .invalid: ("Een gewicht moet een getal van 0 of meer zijn.", "A weight must be a number of 0 or more.")
        case .showing: ("Getoond: {shown} van {total} buurten. Zoek een buurt om andere te zien.",
                        "Showing {shown} of {total} neighbourhoods. Search for a neighbourhood to see others.")
        case .noScript: ("De gewichtenverkenner heeft JavaScript nodig.", "The weight explorer needs JavaScript.")
        case .unranked: ("–", "–")
        case .disabledIntro: ("De index wordt berekend met {1}; alleen het gewogen rekenkundig gemiddelde kan in deze pagina opnieuw worden berekend. "
                              + "De tabel toont de gepubliceerde rangorde.",
                              "The index is computed with {1}; only the weighted arithmetic mean can be recomputed in this page. "
                              + "The table shows the published ranking.")
        case .missingColumns: ("De resultaten missen de scores van {1}; de index kan hier niet opnieuw worden berekend.",
                               "The results lack the scores of {1}; the index cannot be recomputed here.")
        case .cliHint: ("Andere gewichten proberen kan met: buurtscore whatif MODEL --weight CODE=GEWICHT",
                        "To try other weights, run: buurtscore whatif MODEL --weight CODE=WEIGHT")
        case .methodGeometric: ("het meetkundig gemiddelde", "the geometric mean")
        case .methodHarmonic: ("het harmonisch gemiddelde", "the harmonic mean")
        case .methodGeneralised: ("het gegeneraliseerde gemiddelde", "the generalised mean")
        case .methodCopeland: ("de methode van Copeland (paarsgewijze vergelijking)", "the Copeland method (pairwise comparison)")
        case .methodMPI: ("de Mazziotta–Pareto-index", "the Mazziotta–Pareto index")
        case .methodArithmetic: ("het rekenkundig gemiddelde", "the arithmetic mean")
        }
    }

    /// The aggregation method named as in the model file (`geometric`, …), as the sentence
    /// ``disabledIntro`` names it; `nil` for a name without a text.
    static func method(named name: String) -> WeightExplorerText? {
        switch name {
        case "geometric": .methodGeometric
        case "harmonic": .methodHarmonic
        case "generalised": .methodGeneralised
        case "copeland": .methodCopeland
        case "mpi": .methodMPI
        case "arithmetic": .methodArithmetic
        default: nil
        }
    }

    /// The strings the page's script needs, in the language of `t`, as a JSON object.
    static func scriptJSON(_ t: ReportStrings) -> String {
        let pairs: [(String, String)] = [
            ("summary", t(.explorer(.summary))), ("unchanged", t(.explorer(.unchanged))),
            ("biggestRise", t(.explorer(.biggestRise))), ("biggestFall", t(.explorer(.biggestFall))),
            ("allZero", t(.explorer(.allZero))), ("invalid", t(.explorer(.invalid))), ("showing", t(.explorer(.showing))),
            ("unranked", t(.explorer(.unranked))), ("decimal", t(.decimalSeparator)), ("thousands", t(.thousandsSeparator)),
        ]
        return "{" + pairs.map { "\(WeightExplorerJSON.string($0.0)):\(WeightExplorerJSON.string($0.1))" }.joined(separator: ",") + "}"
    }
}
