import BuurtIndex
import BuurtNumerics

/// Fixed goalposts for data sets of fewer than ``SyntheticData/comparableUnits`` buurten:
/// so few buurten give no reliable range within a year (one buurt gives none at all), so each
/// indicator is scored between bounds taken from the generator's own value ranges.
extension SyntheticCatalogue.Indicator {
    /// The upper goalpost of a count, as a multiple of its average rate per 1000 inhabitants:
    /// the highest hotspot factor. About 3 % of generated rates lie above it.
    static let countGoalpostFactor = 5.0

    /// A share from 0 to 100 %; a count per 1000 inhabitants from 0 to
    /// ``countGoalpostFactor`` times its average rate.
    var goalposts: (lower: Double, upper: Double) {
        switch source {
        case .survey: (0, 100)
        case .count(let rate): (0, Self.countGoalpostFactor * rate)
        }
    }
}

extension SyntheticText {
    /// `goalposts: [lower, upper]` for an indicator of a small data set, else nothing.
    static func goalpostsField(_ s: SyntheticSummary, _ i: SyntheticCatalogue.Indicator) -> [String] {
        s.fixedGoalposts ? ["goalposts: [\(formatNumber(i.goalposts.lower)), \(formatNumber(i.goalposts.upper))]"] : []
    }

    /// The model's `impute:` and `normalise:` lines with their comments.
    static func imputeAndNormaliseYAML(_ s: SyntheticSummary) -> (impute: [String], normalise: [String]) {
        let impute = "impute: {method: mean, by: wijk}"
        guard s.fixedGoalposts else {
            return (["# Gaps are filled with the mean of the same year within the same wijk.", impute], [
                "# Min and max from \(s.years.lowerBound) only: adding a year never moves earlier scores.",
                "normalise: {method: minmax, range: [0, 100], scope: reference, reference: \(s.years.lowerBound)}",
            ])
        }
        let factor = formatNumber(SyntheticCatalogue.Indicator.countGoalpostFactor)
        return ([
            "# This data has no gaps (with fewer than \(SyntheticData.comparableUnits) buurten a wijk could have no value to fill",
            "# one with); gaps in figures added later are filled with the mean of the year within the wijk.",
            impute,
        ], [
            "# Fixed goalposts instead of the minimum and maximum of \(s.years.lowerBound): fewer than \(SyntheticData.comparableUnits) buurten give",
            "# no reliable range within a year (one buurt none at all). Shares run from 0 to 100 %, counts",
            "# from 0 to \(factor) times their average rate per 1000 inhabitants (the highest hotspot factor);",
            "# a value beyond a goalpost scores 0 or 100. Adding a year never moves earlier scores.",
            "normalise: {method: goalposts, scale: 100}",
        ])
    }

    /// The comment on the normalisation alternatives and the `normalise:` and `aggregate:`
    /// lines of `uncertainty:`.
    static func alternativesYAML(_ s: SyntheticSummary) -> [String] {
        guard s.fixedGoalposts else {
            return [
                "# The normalisation alternatives, min-max as in the model or z-scores around 50 (which pull",
                "# the extremes in towards 50), take the model's scope: the parameters of \(s.years.lowerBound) for every",
                "# year, so that the nominal run is one of the sampled settings and changes keep the city-wide",
                "# trend. Under that scope a later year can fall below \(s.years.lowerBound)'s minimum (a value below 0)",
                "# whatever the number of buurten, so the aggregation stays arithmetic: a geometric mean",
                "# would be undefined.",
            ]
        }
        return [
            "# The normalisation and the arithmetic mean are not varied: the alternatives of larger data",
            "# sets scale each year on its own, which needs differences between buurten, and a geometric",
            "# mean is undefined once a value reaches a goalpost and scores 0.",
        ]
    }

    /// The card's sentence on empty cells.
    static func gapsSentence(_ s: SyntheticSummary) -> String {
        s.fixedGoalposts
            ? "With fewer than \(SyntheticData.comparableUnits) neighbourhoods no cell is left empty, so that\nevery indicator has a value in every year."
            : "About 1 % of indicator cells are left empty, and in about 0.5 % of\nunit-years the whole survey is missing."
    }

    /// The card's sentence on the normalisation, ending the pipeline paragraph.
    static func normaliseSentence(_ s: SyntheticSummary) -> String {
        guard s.fixedGoalposts else {
            return "indicators are scaled to 0–100\nwith the minimum and maximum of \(s.years.lowerBound), so adding a year never changes earlier scores."
        }
        let factor = formatNumber(SyntheticCatalogue.Indicator.countGoalpostFactor)
        return "indicators are scaled to 0–100\nbetween fixed goalposts, because fewer than \(SyntheticData.comparableUnits) neighbourhoods give no reliable range\n"
            + "within a year: shares from 0 to 100 %, counts from 0 to \(factor) times their average rate per\n"
            + "1000 inhabitants (a value beyond a goalpost scores 0 or 100). Adding a year never changes\n"
            + "earlier scores."
    }

    /// The card's item on the normalisation alternatives, after the item on the weights (empty
    /// for a small data set, whose note follows the list).
    static func alternativesItem(_ s: SyntheticSummary) -> String {
        guard !s.fixedGoalposts else { return "" }
        return """

            - indicators are scaled either to 0–100 between the minimum and maximum of \(s.years.lowerBound), as
              the index itself is, or as z-scores around 50 (spread 10) with the mean and spread of
              \(s.years.lowerBound); both use \(s.years.lowerBound)'s figures for every year, so score bands and change
              bands keep the city-wide trend. The index stays an ordinary (arithmetic) mean: a later
              year can fall below \(s.years.lowerBound)'s minimum, and a geometric mean is undefined for values
              of 0 or less.
            """
    }

    /// The card's note after the list of alternatives: why a small data set keeps its
    /// normalisation and mean (empty otherwise).
    static func fixedAlternativesNote(_ s: SyntheticSummary) -> String {
        guard s.fixedGoalposts else { return "" }
        return """


            The fixed goalposts and the arithmetic mean are not varied: other scalings would compare
            the few neighbourhoods of a year with each other, and a geometric mean is undefined once
            a value reaches a goalpost and scores 0.
            """
    }
}
