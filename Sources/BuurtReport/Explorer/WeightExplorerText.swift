/// The weight explorer's words in Dutch (`nl`) or English (`en`). `{…}` marks are filled in
/// by the page's script.
struct WeightExplorerText: Sendable {
    var title: String
    var intro: String
    var formula: String
    var weightsLegend: String
    var share: String
    var reset: String
    var period: String
    var search: String
    var rank: String
    var shift: String
    var publishedRank: String
    var unit: String
    var score: String
    var publishedScore: String
    /// `{moved}` of `{total}` units change rank in `{period}`.
    var summary: String
    var unchanged: String
    var biggestRise: String
    var biggestFall: String
    var allZero: String
    var invalid: String
    /// Showing `{shown}` of `{total}`.
    var showing: String
    var noScript: String
    var unranked: String
    var disabledIntro: String
    var missingColumns: String
    var cliHint: String
    var methods: [String: String]
    /// Decimal and thousands separators for displayed numbers.
    var decimal: String
    var thousands: String

    static func forLanguage(_ language: String) -> WeightExplorerText {
        language == "en" ? english : dutch
    }

    static let dutch = WeightExplorerText(
        title: "Gewichten verkennen",
        intro: "Verschuif een gewicht om te zien hoe de index en de rangorde veranderen. "
            + "De pijlen tonen hoeveel plaatsen een buurt stijgt (▲) of daalt (▼) ten opzichte van de gepubliceerde gewichten.",
        formula: "index = Σ gewicht × dimensiescore / Σ gewicht, over de dimensies die voor de buurt beschikbaar zijn",
        weightsLegend: "Gewichten van de dimensies",
        share: "aandeel",
        reset: "Gepubliceerde gewichten",
        period: "Jaar",
        search: "Zoek buurt",
        rank: "Rang",
        shift: "Verschuiving",
        publishedRank: "Gepubliceerde rang",
        unit: "Buurt",
        score: "Index",
        publishedScore: "Gepubliceerde index",
        summary: "{moved} van {total} buurten veranderen van rang in {period}.",
        unchanged: "De rangorde in {period} is gelijk aan de gepubliceerde.",
        biggestRise: "Grootste stijger: {name} ({shift}).",
        biggestFall: "Grootste daler: {name} ({shift}).",
        allZero: "Alle gewichten zijn 0: er valt geen index te berekenen.",
        invalid: "Een gewicht moet een getal van 0 of meer zijn.",
        showing: "Getoond: {shown} van {total} buurten. Zoek een buurt om andere te zien.",
        noScript: "De gewichtenverkenner heeft JavaScript nodig.",
        unranked: "–",
        disabledIntro: "De index wordt berekend met {method}; alleen het gewogen rekenkundig gemiddelde kan in deze pagina opnieuw worden berekend. "
            + "De tabel toont de gepubliceerde rangorde.",
        missingColumns: "De resultaten missen de scores van {codes}; de index kan hier niet opnieuw worden berekend.",
        cliHint: "Andere gewichten proberen kan met: buurtscore whatif MODEL --weight CODE=GEWICHT",
        methods: [
            "geometric": "het meetkundig gemiddelde",
            "harmonic": "het harmonisch gemiddelde",
            "generalised": "het gegeneraliseerde gemiddelde",
            "copeland": "de methode van Copeland (paarsgewijze vergelijking)",
            "mpi": "de Mazziotta–Pareto-index",
            "arithmetic": "het rekenkundig gemiddelde",
        ],
        decimal: ",", thousands: ".")

    static let english = WeightExplorerText(
        title: "Explore the weights",
        intro: "Move a weight to see how the index and the ranking change. "
            + "Arrows show how many places a neighbourhood rises (▲) or falls (▼) against the published weights.",
        formula: "index = Σ weight × dimension score / Σ weight, over the dimensions available for the neighbourhood",
        weightsLegend: "Weights of the dimensions",
        share: "share",
        reset: "Published weights",
        period: "Year",
        search: "Find a neighbourhood",
        rank: "Rank",
        shift: "Shift",
        publishedRank: "Published rank",
        unit: "Neighbourhood",
        score: "Index",
        publishedScore: "Published index",
        summary: "{moved} of {total} neighbourhoods change rank in {period}.",
        unchanged: "The ranking in {period} equals the published one.",
        biggestRise: "Largest rise: {name} ({shift}).",
        biggestFall: "Largest fall: {name} ({shift}).",
        allZero: "Every weight is 0: there is no index to compute.",
        invalid: "A weight must be a number of 0 or more.",
        showing: "Showing {shown} of {total} neighbourhoods. Search for a neighbourhood to see others.",
        noScript: "The weight explorer needs JavaScript.",
        unranked: "–",
        disabledIntro: "The index is computed with {method}; only the weighted arithmetic mean can be recomputed in this page. "
            + "The table shows the published ranking.",
        missingColumns: "The results lack the scores of {codes}; the index cannot be recomputed here.",
        cliHint: "To try other weights, run: buurtscore whatif MODEL --weight CODE=WEIGHT",
        methods: [
            "geometric": "the geometric mean",
            "harmonic": "the harmonic mean",
            "generalised": "the generalised mean",
            "copeland": "the Copeland method (pairwise comparison)",
            "mpi": "the Mazziotta–Pareto index",
            "arithmetic": "the arithmetic mean",
        ],
        decimal: ".", thousands: ",")

    /// The strings the script needs, as a JSON object.
    var scriptJSON: String {
        let pairs: [(String, String)] = [
            ("summary", summary), ("unchanged", unchanged), ("biggestRise", biggestRise), ("biggestFall", biggestFall),
            ("allZero", allZero), ("invalid", invalid), ("showing", showing), ("unranked", unranked), ("decimal", decimal), ("thousands", thousands),
        ]
        return "{" + pairs.map { "\(WeightExplorerJSON.string($0.0)):\(WeightExplorerJSON.string($0.1))" }.joined(separator: ",") + "}"
    }
}
