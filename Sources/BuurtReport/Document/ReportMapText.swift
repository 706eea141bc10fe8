/// The words of the section "maps" (``ReportSectionMaps``): keys of ``ReportText/maps(_:)``.
enum ReportMapText: Sendable {
    case title
    case intro
    /// `{1}`: the number of outlined buurten, `{2}`: the period of the priority list.
    case outlineNote
    /// `{1}`: the map file, `{2}`: the codes (one or many shapes without a buurt in the data).
    case unmatchedOne, unmatchedMany
    /// `{1}`: the names of the buurten without a shape.
    case missingShapes
    /// `{1}`: the index or dimension, `{2}`: the periods shown.
    case caption
    case moreInNeed, lessInNeed, noScore, outlined
    /// `{1}`: the number of buurten on the map, beyond ``ReportSectionMaps/areaBudget`` areas.
    case latestOnly, indexOnly
    /// In `report.md`, instead of the maps.
    case seeHTML

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("Kaarten", "Maps")
        case .intro: ("Elke kaart kleurt de buurten naar hun score, in vijf klassen van gelijke breedte op één schaal per onderdeel voor alle jaren samen: hoe donkerder, hoe lager de score en hoe meer aandacht nodig. Gearceerde buurten hebben in dat jaar geen score. Het laatste jaar staat eerst.",
                      "Each map colours the buurten by their score, in five classes of equal width on one scale per component for all years together: the darker, the lower the score and the more in need. Hatched buurten have no score in that year. The latest year comes first.")
        case .outlineNote: ("Een dikke rand markeert op elke kaart de {1} buurten met de laagste indexscore in {2} (het begin van de prioriteitenlijst).",
                            "A thick outline marks, on every map, the {1} buurten with the lowest index score in {2} (the top of the priority list).")
        case .unmatchedOne: ("1 vorm in het kaartbestand {1} hoort bij geen buurt in de data en is niet getekend: {2}.",
                             "1 shape in the map file {1} belongs to no buurt in the data and is not drawn: {2}.")
        case .unmatchedMany: ("{3} vormen in het kaartbestand {1} horen bij geen buurt in de data en zijn niet getekend: {2}.",
                              "{3} shapes in the map file {1} belong to no buurt in the data and are not drawn: {2}.")
        case .missingShapes: ("Niet op de kaart (geen vorm in het kaartbestand): {1}.", "Not on the map (no shape in the map file): {1}.")
        case .caption: ("{1} per buurt, {2}", "{1} per buurt, {2}")
        case .moreInNeed: ("meer aandacht nodig", "more in need")
        case .lessInNeed: ("minder aandacht nodig", "less in need")
        case .noScore: ("geen score", "no score")
        case .outlined: ("prioriteitsbuurt", "priority buurt")
        case .latestOnly: ("Met {1} buurten op de kaart staat alleen het laatste jaar erop, om het bestand hanteerbaar te houden.",
                           "With {1} buurten on the map only the latest year is shown, to keep the file manageable.")
        case .indexOnly: ("Met {1} buurten op de kaart staat alleen de index van het laatste jaar erop, om het bestand hanteerbaar te houden.",
                          "With {1} buurten on the map only the index of the latest year is shown, to keep the file manageable.")
        case .seeHTML: ("kaarten: zie report.html", "maps: see report.html")
        }
    }
}
