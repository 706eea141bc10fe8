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
        }
    }
}
