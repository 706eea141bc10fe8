/// The words of an update state's `diff.md`: keys of ``ReportText/runDiff(_:)``, read through
/// ``RunDiffStrings``.
package enum RunDiffMarkdownText: Sendable {
    /// `{1}`: this run, `{2}`: the previous run.
    case title
    /// `{1}`: this run, `{2}` rows for `{3}` (the periods); a first run has nothing to compare.
    case firstRunOne, firstRunMany
    case figuresTitle
    /// `{1}` rows added for `{2}` (the new periods).
    case addedOne, addedMany, noNewPeriod
    /// `{1}`: ``addedOne``/``addedMany``/``noNewPeriod``; `{2}` published cells revised.
    case revisedOne, revisedMany
    case revisionsHead, emptyCell, noRow
    /// `{1}`: the period, before and after (an update that revises only).
    case samePeriod
    /// `{1}`: the index, `{2}`: the periods compared.
    case ranksTitle
    /// `{1}` of `{2}` buurten changed rank.
    case movedOne, movedMany
    /// `{1}`, `{2}`: the periods before and after.
    case movesHead
    case recomputedTitle
    /// `{1}` index scores of earlier periods changed.
    case recomputedOne, recomputedMany
    case recomputedHead
    case noLists
    /// Lists without bands: nothing is significantly behind.
    case noBands
    /// `{1}`: the length of the priority list.
    case prioritiesTitle
    /// `{1}`: the buurten that entered (left) the list, or ``nobody``.
    case entered, left, nobody
    /// `{1}` name, `{2}` code, `{3}` → `{4}` priorities before and after.
    case priorityMove
    case problemsTitle
    /// `{1}` newly significant, `{2}` no longer significant.
    case problemCounts
    /// `{1}`, `{2}`: the periods before and after.
    case problemsHead
    case newlySignificant, noLongerSignificant

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("# Run {1} tegenover run {2}", "# Run {1} against run {2}")
        case .firstRunOne: ("# Run {1}\n\nEerste run: {2} rij voor {3}; er is geen eerdere run om mee te vergelijken.",
                            "# Run {1}\n\nFirst run of this state: {2} row for {3}; there is no previous run to compare with.")
        case .firstRunMany: ("# Run {1}\n\nEerste run: {2} rijen voor {3}; er is geen eerdere run om mee te vergelijken.",
                             "# Run {1}\n\nFirst run of this state: {2} rows for {3}; there is no previous run to compare with.")
        case .figuresTitle: ("## Cijfers", "## Figures")
        case .addedOne: ("{1} rij toegevoegd voor {2}", "{1} row added for {2}")
        case .addedMany: ("{1} rijen toegevoegd voor {2}", "{1} rows added for {2}")
        case .noNewPeriod: ("geen nieuw jaar", "no new period")
        case .revisedOne: ("{1}; {2} gepubliceerde cel herzien.", "{1}; {2} published cell revised.")
        case .revisedMany: ("{1}; {2} gepubliceerde cellen herzien.", "{1}; {2} published cells revised.")
        case .revisionsHead: ("| buurt | jaar | kolom | gepubliceerd | nieuw |", "| unit | period | column | published | new |")
        case .emptyCell: ("(leeg)", "(empty)")
        case .noRow: ("(geen rij)", "(no row)")
        case .samePeriod: ("{1}, voor en na", "{1}, before and after")
        case .ranksTitle: ("## Rangen ({1}, {2})", "## Ranks ({1}, {2})")
        case .movedOne: ("{1} van de {2} buurten is van rang veranderd; een positieve verschuiving is een stap naar rang 1.",
                         "{1} of {2} buurten changed rank; a positive move climbs towards rank 1.")
        case .movedMany: ("{1} van de {2} buurten zijn van rang veranderd; een positieve verschuiving is een stap naar rang 1.",
                          "{1} of {2} buurten changed rank; a positive move climbs towards rank 1.")
        case .movesHead: ("| buurt | naam | rang {1} | rang {2} | verschuiving | score {1} | score {2} |",
                          "| unit | name | rank {1} | rank {2} | move | score {1} | score {2} |")
        case .recomputedTitle: ("## Eerdere jaren herberekend", "## Earlier periods recomputed")
        case .recomputedOne: ("{1} indexscore van een eerder jaar is veranderd.", "{1} index score of earlier periods changed.")
        case .recomputedMany: ("{1} indexscores van eerdere jaren zijn veranderd.", "{1} index scores of earlier periods changed.")
        case .recomputedHead: ("| buurt | naam | jaar | rang | score |", "| unit | name | period | rank | score |")
        case .noLists: ("Het model heeft geen onzekerheidsanalyse, dus er zijn geen prioriteitenlijsten om te vergelijken.",
                        "The model has no uncertainty analysis, so there are no priority lists to compare.")
        case .noBands: ("Het model heeft geen onzekerheidsanalyse, dus geen dimensie ligt significant achter en er zijn geen problemen om te vergelijken.",
                        "The model has no uncertainty analysis, so no problem is significantly behind the reference and there are no problems to compare.")
        case .prioritiesTitle: ("## Prioriteitenlijst: top {1}", "## Priority list: top {1}")
        case .entered: ("Erbij gekomen: {1}.", "Entered: {1}.")
        case .left: ("Afgevallen: {1}.", "Left: {1}.")
        case .nobody: ("geen", "none")
        case .priorityMove: ("{1} ({2}, prioriteit {3} → {4})", "{1} ({2}, priority {3} → {4})")
        case .problemsTitle: ("## Problemen (dimensies significant achter de referentie)", "## Problems (dimensions significantly behind the reference)")
        case .problemCounts: ("{1} nieuw significant, {2} niet langer significant.", "{1} newly significant, {2} no longer significant.")
        case .problemsHead: ("| buurt | naam | dimensie | verandering | achterstand {1} | achterstand {2} |",
                             "| unit | name | dimension | change | gap {1} | gap {2} |")
        case .newlySignificant: ("nieuw significant", "newly significant")
        case .noLongerSignificant: ("niet langer significant", "no longer significant")
        }
    }
}

/// The texts and numbers of an update state's `diff.md` in one language: ``RunDiffMarkdownText``
/// filled in, and numbers with the language's decimal separator as the report shows them
/// (``ReportNumber``).
package struct RunDiffStrings: Sendable {
    private let strings: ReportStrings

    package init(language: ReportLanguage) { strings = ReportStrings(language: language) }

    package var language: ReportLanguage { strings.language }

    /// The text with each `{k}` replaced by `arguments[k − 1]` (``ReportStrings``).
    package func callAsFunction(_ key: RunDiffMarkdownText, _ arguments: String...) -> String {
        strings.text(.runDiff(key), arguments)
    }

    /// `one` when `n` is 1, otherwise `many`, filled in with `arguments`.
    package func count(_ n: Int, one: RunDiffMarkdownText, many: RunDiffMarkdownText, _ arguments: String...) -> String {
        strings.text(.runDiff(n == 1 ? one : many), arguments)
    }

    /// A rank or priority: whole, or a mean rank with one decimal; `–` when missing.
    package func rank(_ x: Double) -> String { ReportNumber.rank(x, language) }

    /// A score or gap with two decimals; `–` when missing.
    package func score(_ x: Double) -> String { ReportNumber.fixed(x, 2, language) }

    /// A rank move with its sign: `+2`, `-1`, `0`; `–` when missing.
    package func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + rank(x) }
}
