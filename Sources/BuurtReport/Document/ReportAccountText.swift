/// The words of the account of the replications behind the bands
/// (``ReportUncertaintyAccount``): keys of ``ReportText/account(_:)``.
enum ReportAccountText: Sendable {
    /// `{1}` used of `{2}` replications; `{3}`: ``leftOutOne`` or ``leftOutMany``; `{4}`, `{5}`:
    /// the first replication left out and why.
    case leftOut
    /// `{1}` replication(s) left out, as the subject of ``leftOut``.
    case leftOutOne, leftOutMany
    /// `{1}`: the clause on the index scores, `{2}`: the clause on the gaps.
    case outside
    /// Of `{1}` index scores with a band, `{2}` lie outside it.
    case scoresOutsideOne, scoresOutsideMany
    /// Of `{1}` dimension gaps with a band, `{2}` lie outside it.
    case gapsOutsideOne, gapsOutsideMany
    /// Why a nominal value can lie outside its own band.
    case outsideWhy

    /// (Dutch, English).
    var texts: (String, String) {
        switch self {
        case .leftOut: ("De banden komen uit {1} van de {2} herhalingen; {3} weggelaten omdat de berekening niet kon worden uitgevoerd "
                        + "(de eerste, herhaling {4}: {5}). uncertainty.csv geeft per buurt en jaar het aantal gebruikte herhalingen.",
                        "The bands come from {1} of the {2} replications; {3} left out because they could not be computed "
                        + "(the first, replication {4}: {5}). uncertainty.csv gives the number of replications used per buurt and year.")
        case .leftOutOne: ("{1} werd", "{1} was")
        case .leftOutMany: ("{1} werden", "{1} were")
        case .outside: ("{1}, {2}.", "{1}, and {2}.")
        case .scoresOutsideOne: ("Van de {1} indexscores ligt er {2} buiten de eigen 5–95%-band", "{2} of {1} index scores lies outside its own 5–95% band")
        case .scoresOutsideMany: ("Van de {1} indexscores liggen er {2} buiten de eigen 5–95%-band", "{2} of {1} index scores lie outside their own 5–95% band")
        case .gapsOutsideOne: ("van de {1} achterstanden per dimensie ligt er {2}", "{2} of {1} dimension gaps lies outside its")
        case .gapsOutsideMany: ("van de {1} achterstanden per dimensie liggen er {2}", "{2} of {1} dimension gaps lie outside theirs")
        case .outsideWhy: ("Dat kan: de instelling van het model is één punt uit de gevarieerde keuzes, niet hun midden. Liggen de alternatieven "
                           + "vooral aan één kant van die instelling (bijvoorbeeld z-scores die de uitersten naar 50 trekken, of "
                           + "winsorisatiegrenzen die alle op of onder die van het model liggen), dan kan de nominale waarde in een staart van de verdeling liggen, of erbuiten.",
                           "That can happen: the model's own setting is one point of the varied choices, not their centre. When the alternatives "
                           + "lie mostly on one side of that setting (say z-scores that pull the extremes in towards 50, or "
                           + "winsorising limits all at or below the model's), the nominal value can sit in a tail of the distribution, or beyond it.")
        }
    }
}
