/// The words of the section "changes over time" (``ReportSectionChanges``): keys of
/// ``ReportText/changes(_:)``.
enum ReportChangeText: Sendable {
    case title
    /// `{1}`, `{2}`: the two periods; `{3}`: ``significantRule`` or ``noBands``.
    case intro
    /// `{1}`: the number of replications.
    case significantRule
    case noBands
    /// `{1}` of `{2}` replications failed.
    case failedReplications
    /// `{1}`: period, `{2}`: indicators, `{3}`: the break's note, `{4}`: the groups flagged.
    case methodBreak
    /// `{1}` better, `{2}` worse, `{3}` without a clear change.
    case indexCounts
    case buurtColumn, changeColumn, bandColumn, verdictColumn, breakColumn
    case better, worse
    /// The other pairs compared: table of counts per pair.
    case pairsIntro, pairColumn, betterColumn, worseColumn, unclearColumn, meanColumn
    /// `{1}`, `{2}`: the window's first and last period.
    case trendIntro
    case slopeColumn, cagrColumn
    /// `{1}`: the indicators left out, `{2}`, `{3}`: the periods, `{4}`: the groups.
    case breakFreeIntro
    /// Labels of a profile's rows over the years: `{1}`, `{2}` the periods, `{3}` the indicators left out.
    case pairLabel, slopeLabel, cagrLabel, breakFreeLabel
    case yearsTitle, measureColumn

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("Veranderingen door de tijd", "Changes over time")
        case .intro: ("Verandering per buurt van {1} naar {2} (score {2} min score {1}; positief is beter). {3}",
                      "Change per buurt from {1} to {2} (score {2} minus score {1}; positive is better). {3}")
        case .significantRule: ("Een verandering heet significant als de 5–95%-band uit {1} herhalingen 0 niet bevat.",
                                "A change is called significant when its 5–95% band from {1} replications excludes 0.")
        case .noBands: ("Zonder onzekerheidsanalyse zijn er geen banden en wordt niets significant genoemd.",
                        "Without an uncertainty analysis there are no bands and no change is called significant.")
        case .failedReplications: ("{1} van de {2} herhalingen konden niet worden doorgerekend op de schaal van het model; de banden komen uit de overige.",
                                   "{1} of the {2} replications could not be computed on the model's scale; the bands come from the others.")
        case .methodBreak: ("Methodebreuk in {1} ({2}): {3}. Veranderingen van {4} over deze breuk zijn gemarkeerd (kolom Breuk) en niet zonder meer vergelijkbaar.",
                            "Method break in {1} ({2}): {3}. Changes of {4} across it are flagged (column Break) and not directly comparable.")
        case .indexCounts: ("Index: {1} buurten significant beter, {2} significant slechter, {3} zonder duidelijke verandering.",
                            "Index: {1} buurten significantly better, {2} significantly worse, {3} without a clear change.")
        case .buurtColumn: ("Buurt", "Buurt")
        case .changeColumn: ("Verandering", "Change")
        case .bandColumn: ("5–95%", "5–95%")
        case .verdictColumn: ("Oordeel", "Verdict")
        case .breakColumn: ("Breuk", "Break")
        case .better: ("beter", "better")
        case .worse: ("slechter", "worse")
        case .pairsIntro: ("Andere vergelijkingen van de index, per paar jaren: het aantal buurten dat significant beter of slechter werd, zonder duidelijke verandering, en de gemiddelde verandering.",
                           "Other comparisons of the index, per pair of years: the number of buurten significantly better or worse, without a clear change, and the mean change.")
        case .pairColumn: ("Jaren", "Years")
        case .betterColumn: ("Beter", "Better")
        case .worseColumn: ("Slechter", "Worse")
        case .unclearColumn: ("Onduidelijk", "Unclear")
        case .meanColumn: ("Gemiddelde verandering", "Mean change")
        case .trendIntro: ("Trend van de index {1}–{2}: de helling van de score op het jaar (kleinste kwadraten, punten per jaar) met haar 5–95%-band, en de gemiddelde groei per jaar (CAGR: (score {2} / score {1})^(1/({2} − {1})) − 1). Een trend heet significant als haar band 0 niet bevat.",
                           "Trend of the index {1}–{2}: the slope of the score on the year (least squares, points per year) with its 5–95% band, and the compound annual growth rate (CAGR: (score {2} / score {1})^(1/({2} − {1})) − 1). A trend is called significant when its band excludes 0.")
        case .slopeColumn: ("Helling per jaar", "Slope per year")
        case .cagrColumn: ("Groei per jaar (CAGR)", "Growth per year (CAGR)")
        case .breakFreeIntro: ("Zonder de indicatoren van de methodebreuk ({1}): de verandering {2}–{3} van {4}, berekend met deze indicatoren weggelaten (gewicht 0, de andere gewichten herschaald), met een eigen band uit dezelfde herhalingen (kolom excluding in changes.csv).",
                               "Without the indicators of the method break ({1}): the change {2}–{3} of {4}, computed with these indicators left out (weight 0, the other weights renormalised), with its own band from the same replications (column excluding in changes.csv).")
        case .pairLabel: ("verandering {1}–{2}", "change {1}–{2}")
        case .slopeLabel: ("trend {1}–{2}, punten per jaar", "trend {1}–{2}, points per year")
        case .cagrLabel: ("groei per jaar {1}–{2} (CAGR)", "growth per year {1}–{2} (CAGR)")
        case .breakFreeLabel: ("verandering {1}–{2} zonder {3}", "change {1}–{2} without {3}")
        case .yearsTitle: ("De index door de jaren", "The index over the years")
        case .measureColumn: ("Vergelijking", "Comparison")
        }
    }
}
