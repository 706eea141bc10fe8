/// The words of a buurt profile's verdicts (``ReportProfileTrend``, ``ReportSectionProfiles``):
/// how a change is judged, the method breaks it crosses, why the problem order can differ from
/// p(grootste), and what a score outside the 0–100 scale means. Keys of ``ReportText/profile(_:)``.
enum ReportProfileText: Sendable {
    /// `{1}`, `{2}`: the two periods; `{3}`: the number of replications.
    case changeRule
    /// `{1}`, `{2}`: the two periods.
    case changeRuleNoBands
    case verdictColumn, bandColumn, breakColumn
    /// The label of a method break in a trend chart.
    case breakLabel
    /// `{1}`: period, `{2}`: indicator names, `{3}`: the break's note, `{4}`: the groups whose change crosses it.
    case breakNote
    /// `{1}`: the dimension most often worst, `{2}` its p(grootste); `{3}`: p(grootste) of the
    /// first problem `{4}`.
    case orderDiffers
    /// `{1}`: the period of the scale, `{2}`, `{3}`: its lower and upper end.
    case outsideScale
    /// `{1}`: the rank band, `{2}`: the chance, `{3}`: the length of the list.
    case rankBand

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .changeRule: ("Een verandering van {1} naar {2} heet significant (▲ beter, ▼ slechter) als haar eigen 5–95%-band uit {3} herhalingen 0 niet bevat: dezelfde regel en dezelfde cijfers als in Veranderingen door de tijd en changes.csv.",
                           "A change from {1} to {2} is called significant (▲ better, ▼ worse) when its own 5–95% band from {3} replications excludes 0: the same rule and the same figures as in Changes over time and changes.csv.")
        case .changeRuleNoBands: ("Zonder onzekerheidsanalyse hebben de veranderingen van {1} naar {2} geen band, en wordt geen verandering significant genoemd.",
                                  "Without an uncertainty analysis the changes from {1} to {2} have no band, and no change is called significant.")
        case .verdictColumn: ("oordeel", "verdict")
        case .bandColumn: ("verandering 5–95%", "change 5–95%")
        case .breakColumn: ("methodebreuk", "method break")
        case .breakLabel: ("breuk", "break")
        case .breakNote: ("Methodebreuk in {1} ({2}): {3}. De verandering van {4} gaat over deze breuk en is niet zonder meer vergelijkbaar.",
                          "Method break in {1} ({2}): {3}. The change of {4} crosses it and is not directly comparable.")
        case .orderDiffers: ("De volgorde volgt de achterstand bij de instellingen van het model, maar in de herhalingen heeft {1} vaker de grootste achterstand ({2} tegen {3} voor {4}): hun banden overlappen, dus welke van de twee het grootste probleem is, staat niet vast.",
                             "The order follows the gap under the model's own settings, but across the replications {1} more often has the largest gap ({2} against {3} for {4}): their bands overlap, so which of the two is the larger problem is not settled.")
        case .outsideScale: ("Een score onder {2} of boven {3} is geen fout: de schaal ligt vast op {1} ({2} is de laagste en {3} de hoogste waarde van een indicator in {1}), dus een buurt die later slechter scoort dan de slechtste buurt van {1} komt onder {2}, en beter dan de beste boven {3}.",
                             "A score below {2} or above {3} is not an error: the scale is fixed on {1} ({2} is the lowest and {3} the highest value of an indicator in {1}), so a buurt that later scores worse than the worst buurt of {1} falls below {2}, and better than the best above {3}.")
        case .rankBand: ("Rang 5–95%: {1}; kans om bij de {3} buurten met de meeste aandacht te horen: {2}.",
                         "Rank 5–95%: {1}; chance of being among the {3} buurten most in need: {2}.")
        }
    }
}
