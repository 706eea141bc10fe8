import BuurtRanking

/// The report's account of the replications behind the bands: how many were left out and
/// why, and how many nominal values lie outside their own 5–95 % band and why that happens.
enum ReportUncertaintyAccount {
    static func paragraphs(_ c: ReportContext) -> [ReportBlock] {
        guard let a = c.input.uncertaintyAccount else { return [] }
        let nl = c.language == .nl
        var blocks: [ReportBlock] = []
        if let first = a.leftOut.first {
            let used = a.replications - a.leftOut.count
            blocks.append(.paragraph(nl
                ? "De banden komen uit \(used) van de \(a.replications) herberekeningen; \(count(a.leftOut.count, "werd", "werden")) "
                    + "weggelaten omdat de berekening niet kon worden uitgevoerd (de eerste, herberekening \(first.draw + 1): \(first.message)). "
                    + "uncertainty.csv geeft per buurt en jaar het aantal gebruikte herberekeningen."
                : "The bands come from \(used) of the \(a.replications) replications; \(count(a.leftOut.count, "was", "were")) "
                    + "left out because they could not be computed (the first, replication \(first.draw + 1): \(first.message)). "
                    + "uncertainty.csv gives the number of replications used per buurt and year."))
        }
        let o = a.outside
        guard o.indexScoresWithBand > 0 || o.gapsWithBand > 0 else { return blocks }
        let counted = nl
            ? "Van de \(o.indexScoresWithBand) indexscores \(o.indexScores == 1 ? "ligt er 1" : "liggen er \(o.indexScores)") buiten de eigen "
                + "5–95%-band, van de \(o.gapsWithBand) achterstanden per dimensie \(o.gaps == 1 ? "ligt er 1" : "liggen er \(o.gaps)")."
            : "\(o.indexScores) of \(o.indexScoresWithBand) index scores \(o.indexScores == 1 ? "lies" : "lie") outside \(o.indexScores == 1 ? "its" : "their") "
                + "own 5–95 % band, and \(o.gaps) of \(o.gapsWithBand) dimension gaps \(o.gaps == 1 ? "lies" : "lie") outside \(o.gaps == 1 ? "its" : "theirs")."
        let why = o.indexScores + o.gaps == 0 ? "" : nl
            ? " Dat kan: de instelling van het model is één punt uit de gevarieerde keuzes, niet hun midden. Liggen de alternatieven "
                + "vooral aan één kant van die instelling (z-scores die de uitersten naar 50 trekken, max_points 1 tot 5 rond een "
                + "nominale 5), dan kan de nominale waarde "
                + "in een staart van de verdeling liggen, of erbuiten."
            : " That can happen: the model's own setting is one point of the varied choices, not their centre. When the alternatives "
                + "lie mostly on one side of that setting (z-scores that pull the extremes in towards 50, max_points 1 to 5 around a "
                + "nominal 5), the nominal value can sit "
                + "in a tail of the distribution, or beyond it."
        blocks.append(.paragraph(counted + why))
        return blocks
    }

    /// "1 werd" / "60 werden", "1 was" / "60 were".
    static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) " + (n == 1 ? one : many)
    }
}
