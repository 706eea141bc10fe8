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
    case weightsHint, sort, sortNeed, sortBest, needFirst, bestFirst, publishedBand, outside
    /// `{1}`: the dimension's name.
    case fixedChildren
    /// `{left}` units leave their band.
    case outsideSummary
    /// `{count}` entries of the link are ignored.
    case linkIgnored, linkIgnoredOne
    case linkRefused, copy, copied, copyByHand, commandHint, noCommand, refusedZero, refusedRatio
    /// The command and its option as the page prints them (not translated).
    case command, weightOption

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("Gewichten verkennen", "Explore the weights")
        case .intro: ("Verschuif een gewicht om te zien hoe de index en de rangorde veranderen. "
                      + "De pijlen tonen hoeveel plaatsen een buurt stijgt (▲) of daalt (▼) ten opzichte van de gepubliceerde gewichten. "
                      + "Het adres van de pagina houdt de gewichten bij: deel de link om anderen dezelfde gewichten te laten zien.",
                      "Move a weight to see how the index and the ranking change. "
                      + "Arrows show how many places a neighbourhood rises (▲) or falls (▼) against the published weights. "
                      + "The page's address keeps the weights: share the link to show others the same weights.")
        case .formula: ("score = Σ gewicht × score van het onderdeel / Σ gewicht: een dimensie over haar indicatoren, de index over de dimensies, "
                        + "telkens over de onderdelen die voor de buurt beschikbaar zijn",
                        "score = Σ weight × score of the part / Σ weight: a dimension over its indicators, the index over the dimensions, "
                        + "each over the parts available for the neighbourhood")
        case .weightsLegend: ("Gewichten", "Weights")
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
        case .weightsHint: ("Open een dimensie om de gewichten van haar indicatoren te zien. Een gewicht telt ten opzichte van de andere gewichten in hetzelfde blok.",
                            "Open a dimension to see the weights of its indicators. A weight counts relative to the other weights in the same block.")
        case .fixedChildren: ("{1} wordt niet met het rekenkundig gemiddelde berekend; de gewichten eronder liggen hier vast.",
                              "{1} is not computed with the arithmetic mean; the weights below it are fixed here.")
        case .sort: ("Volgorde", "Order")
        case .sortNeed: ("meest kwetsbaar eerst", "most in need first")
        case .sortBest: ("hoogste index eerst", "highest index first")
        case .needFirst: ("Meest kwetsbaar eerst: de laagste index bovenaan, in de volgorde van de prioriteitenlijst (prioriteit 1 eerst).",
                          "Most in need first: the lowest index at the top, in the order of the priority list (priority 1 first).")
        case .bestFirst: ("Hoogste index eerst: rang 1 bovenaan.", "Highest index first: rank 1 at the top.")
        case .publishedBand: ("Gepubliceerde rangband (5–95%)", "Published rank band (5–95%)")
        case .outside: ("buiten de band", "outside the band")
        case .outsideSummary: ("Buurten buiten hun gepubliceerde rangband met deze gewichten: {left}.",
                               "Neighbourhoods outside their published rank band with these weights: {left}.")
        case .linkIgnored: ("{count} onderdelen van de link zijn genegeerd: onbekende of vaste gewichten, of geen getal van 0 of meer.",
                            "{count} parts of the link were ignored: unknown or fixed weights, or not a number of 0 or more.")
        case .linkIgnoredOne: ("1 onderdeel van de link is genegeerd: een onbekend of vast gewicht, of geen getal van 0 of meer.",
                               "1 part of the link was ignored: an unknown or fixed weight, or not a number of 0 or more.")
        case .linkRefused: ("De gewichten in de link zijn genegeerd: deze index kan hier niet opnieuw worden berekend.",
                            "The weights in the link were ignored: this index cannot be recomputed here.")
        case .copy: ("Kopieer als buurtscore whatif-opdracht", "Copy as buurtscore whatif command")
        case .copied: ("Gekopieerd.", "Copied.")
        case .copyByHand: ("Kopiëren lukte niet; selecteer de opdracht en kopieer die zelf.", "Copying failed; select the command and copy it yourself.")
        case .commandHint: ("Dezelfde gewichten op de opdrachtregel (in de map van het model):", "The same weights on the command line (in the model's folder):")
        case .noCommand: ("Verander een gewicht om de opdracht te krijgen die dezelfde rangorde berekent.",
                          "Change a weight to get the command that computes the same ranking.")
        case .refusedZero: ("Let op: buurtscore whatif weigert deze gewichten, want alle gewichten in één blok zijn 0; geef er minstens één een gewicht groter dan 0.",
                            "Note: buurtscore whatif refuses these weights, since every weight in one block is 0; give at least one of them a weight above 0.")
        case .refusedRatio: ("Let op: buurtscore whatif weigert deze gewichten, want een gewicht is meer dan een miljard, of meer dan een miljoen keer een ander gewicht in hetzelfde blok.",
                             "Note: buurtscore whatif refuses these weights, since a weight is above a billion, or more than a million times another weight in the same block.")
        case .command: ("buurtscore whatif", "buurtscore whatif")
        case .weightOption: ("--weight", "--weight")
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
            ("needFirst", t(.explorer(.needFirst))), ("bestFirst", t(.explorer(.bestFirst))), ("outside", t(.explorer(.outside))),
            ("outsideSummary", t(.explorer(.outsideSummary))), ("linkIgnored", t(.explorer(.linkIgnored))),
            ("linkIgnoredOne", t(.explorer(.linkIgnoredOne))), ("linkRefused", t(.explorer(.linkRefused))),
            ("copied", t(.explorer(.copied))), ("copyByHand", t(.explorer(.copyByHand))), ("commandHint", t(.explorer(.commandHint))),
            ("noCommand", t(.explorer(.noCommand))), ("refusedZero", t(.explorer(.refusedZero))), ("refusedRatio", t(.explorer(.refusedRatio))), ("command", t(.explorer(.command))), ("weightOption", t(.explorer(.weightOption))),
        ]
        return "{" + pairs.map { "\(WeightExplorerJSON.string($0.0)):\(WeightExplorerJSON.string($0.1))" }.joined(separator: ",") + "}"
    }
}
