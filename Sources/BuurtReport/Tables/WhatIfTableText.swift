/// The words of the terminal table of the what-if analysis (``WhatIfTable``): keys of
/// ``ReportText/whatIf(_:)``.
package enum WhatIfTableText: Sendable {
    /// `{1}`: the index and period, `{2}`: the changed weights.
    case title
    /// `{1}` of `{2}` units change rank; ``movedOne`` when `{1}` is 1.
    case movedOne, movedMany
    /// `{1}` rows not shown, `{2}`: how to show them all.
    case more
    case unitColumn, nameColumn, rankColumn, shiftColumn, scoreColumn

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .title: ("{1}: rangen met andere gewichten — {2}", "{1}: ranks with changed weights — {2}")
        case .movedOne: ("{1} van de {2} buurten verandert van rang; een positieve verschuiving is een stap naar rang 1.",
                         "{1} of {2} units changes rank; a positive shift climbs towards rank 1.")
        case .movedMany: ("{1} van de {2} buurten veranderen van rang; een positieve verschuiving is een stap naar rang 1.",
                          "{1} of {2} units change rank; a positive shift climbs towards rank 1.")
        case .more: ("(nog {1}; {2} toont alles)", "({1} more; {2} prints all)")
        case .unitColumn: ("buurt", "unit")
        case .nameColumn: ("naam", "name")
        case .rankColumn: ("rang", "rank")
        case .shiftColumn: ("verschuiving", "shift")
        case .scoreColumn: ("score", "score")
        }
    }
}
