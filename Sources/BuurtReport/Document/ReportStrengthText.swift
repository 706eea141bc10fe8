/// The words of the block "strengths and weaknesses" of a buurt profile
/// (``ReportProfileStrengths``): keys of ``ReportText/strengths(_:)``.
enum ReportStrengthText: Sendable {
    case title
    /// `{1}`: the buurt's name, `{2}`: the period, `{3}`: how many of each at most, `{4}`:
    /// ``referenceMean`` or ``referenceYear``.
    case intro
    case referenceMean
    /// `{1}`: the reference period.
    case referenceYear
    /// `{1}`: the buurt's name, `{2}`: the period.
    case none
    case kindColumn, differenceColumn
    case strength, weakness

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("Sterke en zwakke punten", "Strengths and weaknesses")
        case .intro: ("De indicatoren waarop {1} in {2} het verst boven (sterk punt) en onder (zwak punt) de stad scoort, ten hoogste {3} van elk. "
                      + "Verschil = score van de buurt min {4}; scores na normalisatie, hoger is beter.",
                      "The indicators on which {1} scores furthest above (strength) and below (weakness) the city in {2}, at most {3} of each. "
                      + "Difference = the buurt's score minus {4}; scores after normalisation, higher is better.")
        case .referenceMean: ("het gemiddelde van alle buurten in hetzelfde jaar", "the mean of all buurten in the same year")
        case .referenceYear: ("het gemiddelde van alle buurten in {1}", "the mean of all buurten in {1}")
        case .none: ("{1} scoort in {2} op geen enkele indicator boven of onder de stad.",
                     "In {2}, {1} scores above or below the city on no indicator.")
        case .kindColumn: ("sterk of zwak", "strength or weakness")
        case .differenceColumn: ("verschil", "difference")
        case .strength: ("sterk punt", "strength")
        case .weakness: ("zwak punt", "weakness")
        }
    }
}
