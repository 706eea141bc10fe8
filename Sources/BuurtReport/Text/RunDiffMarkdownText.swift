import BuurtIndex

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
    case causesTitle
    /// `{1}`: the new periods.
    case causeNewPeriod
    case causeRevision, causeModel, causeCrosswalk
    /// `{1}` the node, `{2}` → `{3}` its weight before and after.
    case differenceWeight
    /// `{1}`: the node (the setting's key).
    case differenceNodeAdded, differenceNodeRemoved, differenceSetting
    /// `{1}` → `{2}`: old code → new code.
    case differenceMappingAdded, differenceMappingRemoved
    case verdictsTitle, verdictsNone
    /// `{1}` verdicts of published periods changed.
    case verdictsOne, verdictsMany
    case verdictsHead
    /// `{1}`: the length of the priority list (``verdictTop``).
    case verdictProblem, verdictCategory, verdictTop, verdictChange
    case yes, no
    /// `{1}`: the settings (``separabilityPooledImputation`` …, joined).
    case separabilityNote
    /// `{1}`: the key of the model file.
    case separabilityPooledImputation, separabilityInterpolation, separabilityPooledNormalisation

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("# Berekening {1} tegenover berekening {2}", "# Run {1} against run {2}")
        case .firstRunOne: ("# Berekening {1}\n\nEerste berekening: {2} rij voor {3}; er is geen eerdere berekening om mee te vergelijken.",
                            "# Run {1}\n\nFirst run of this state: {2} row for {3}; there is no previous run to compare with.")
        case .firstRunMany: ("# Berekening {1}\n\nEerste berekening: {2} rijen voor {3}; er is geen eerdere berekening om mee te vergelijken.",
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
        case .causesTitle: ("## Oorzaken", "## Causes")
        case .causeNewPeriod: ("nieuw jaar {1}", "new period {1}")
        case .causeRevision: ("herziene cijfers", "revised figures")
        case .causeModel: ("nieuw model", "new model")
        case .causeCrosswalk: ("nieuwe koppeltabel van buurtcodes", "new crosswalk")
        case .differenceWeight: ("gewicht van {1} {2} → {3}", "weight of {1} {2} → {3}")
        case .differenceNodeAdded: ("{1} toegevoegd", "{1} added")
        case .differenceNodeRemoved: ("{1} verwijderd", "{1} removed")
        case .differenceSetting: ("instelling {1} gewijzigd", "setting {1} changed")
        case .differenceMappingAdded: ("koppeling {1} → {2} toegevoegd", "mapping {1} → {2} added")
        case .differenceMappingRemoved: ("koppeling {1} → {2} verwijderd", "mapping {1} → {2} removed")
        case .verdictsTitle: ("## Gewijzigde oordelen over gepubliceerde jaren", "## Changed verdicts of published periods")
        case .verdictsNone: ("Geen oordeel over een gepubliceerd jaar is veranderd.", "No verdict of a published period changed.")
        case .verdictsOne: ("**Let op:** {1} oordeel over een al gepubliceerd jaar is veranderd.",
                            "**Attention:** {1} verdict of an already published period changed.")
        case .verdictsMany: ("**Let op:** {1} oordelen over al gepubliceerde jaren zijn veranderd.",
                             "**Attention:** {1} verdicts of already published periods changed.")
        case .verdictsHead: ("| jaar | buurt | naam | oordeel | onderwerp | voor | na | oorzaak |",
                             "| period | unit | name | verdict | item | before | after | cause |")
        case .verdictProblem: ("significant achter", "significantly behind")
        case .verdictCategory: ("categorie", "category")
        case .verdictTop: ("top {1}", "top {1}")
        case .verdictChange: ("significante verandering", "significant change")
        case .yes: ("ja", "yes")
        case .no: ("nee", "no")
        case .separabilityNote: ("Dit model kan gepubliceerde resultaten niet vasthouden wanneer een jaar wordt toegevoegd: {1}.",
                                 "This model cannot keep published results fixed when a period is added: {1}.")
        case .separabilityPooledImputation: ("{1} vult ontbrekende waarden aan met gemiddelden over alle jaren, dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd",
                                             "{1} fills missing values with means over all periods, so earlier periods' scores and bands move when a period is added")
        case .separabilityInterpolation: ("{1} vult een gat ook aan uit een latere waarneming, dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd",
                                          "{1} fills a gap from a later observation too, so earlier periods' scores and bands move when a period is added")
        case .separabilityPooledNormalisation: ("{1} neemt de parameters van de normalisatie over alle jaren, dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd",
                                                "{1} takes the normalisation's parameters over all periods, so earlier periods' scores and bands move when a period is added")
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

    /// The note that the model cannot keep published results fixed (``RunDiffMarkdownText/separabilityNote``),
    /// each setting with its reason; `nil` when it can.
    package func separabilityNote(_ issues: [PeriodSeparabilityIssue]) -> String? {
        guard !issues.isEmpty else { return nil }
        let reasons = issues.map { issue -> String in
            let key: RunDiffMarkdownText = switch issue.reason {
            case .pooledImputation: .separabilityPooledImputation
            case .interpolation: .separabilityInterpolation
            case .pooledNormalisation: .separabilityPooledNormalisation
            }
            return self(key, issue.key)
        }
        return self(.separabilityNote, reasons.joined(separator: "; "))
    }

    /// A weight: up to three decimals, trailing zeros dropped (`1`, `2,5`).
    package func number(_ x: Double) -> String { ReportNumber.short(x, 3, language) }

    /// A rank move with its sign: `+2`, `-1`, `0`; `–` when missing.
    package func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + rank(x) }
}
