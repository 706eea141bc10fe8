import BuurtRanking

/// The report's account of the replications behind the bands: how many were left out and
/// why, and how many nominal values lie outside their own 5–95 % band and why that happens.
enum ReportUncertaintyAccount {
    static func paragraphs(_ c: ReportContext) -> [ReportBlock] {
        guard let a = c.input.uncertaintyAccount else { return [] }
        let t = c.t
        var blocks: [ReportBlock] = []
        if let first = a.leftOut.first {
            let used = a.replications - a.leftOut.count
            let count = t.count(a.leftOut.count, one: .account(.leftOutOne), many: .account(.leftOutMany), String(a.leftOut.count))
            blocks.append(.paragraph(t(.account(.leftOut), String(used), String(a.replications), count, String(first.draw + 1), first.message)))
        }
        let o = a.outside
        guard o.indexScoresWithBand > 0 || o.gapsWithBand > 0 else { return blocks }
        let scores = t.count(o.indexScores, one: .account(.scoresOutsideOne), many: .account(.scoresOutsideMany),
                             String(o.indexScoresWithBand), String(o.indexScores))
        let gaps = t.count(o.gaps, one: .account(.gapsOutsideOne), many: .account(.gapsOutsideMany), String(o.gapsWithBand), String(o.gaps))
        let why = o.indexScores + o.gaps == 0 ? "" : " " + t(.account(.outsideWhy))
        blocks.append(.paragraph(t(.account(.outside), scores, gaps) + why))
        return blocks
    }
}
