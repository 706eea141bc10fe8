import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// Section "buurt profiles": per profiled buurt (all, or the `listLimit` most in need) one
/// screen with its dimension scores against the city, its problems with gap bands, and its
/// trend per dimension with the verdicts of `changes.csv`.
enum ReportSectionProfiles {
    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        let data = ReportProfileData(c)
        var blocks: [ReportBlock] = [.paragraph(t(.profilesIntro, c.periodText(c.latest)))]
        if c.truncated { blocks.append(.paragraph(t(.profilesTruncated, String(c.profiled.count), String(c.latestList.count)))) }
        if let rule = changeRule(c) { blocks.append(.paragraph(rule)) }
        blocks.append(.links(c.profiled.map { (ReportAnchor.make("buurt", $0.unit), $0.name) }))  // numbered in priority order
        for p in c.profiled { blocks += profile(p, c, data) }
        return ReportSection(anchor: "sec-profiles", title: t(.profilesTitle), blocks: blocks)
    }

    /// How a change is judged: by its own band, the rule of `changes.csv`.
    /// `nil` when there are periods but no changes to show.
    static func changeRule(_ c: ReportContext) -> String? {
        guard c.periods.count > 1 else { return c.t(.trendOnePeriod) }
        guard let analysis = c.input.changes else { return nil }
        let pair = analysis.headline ?? PeriodPair(from: analysis.from, to: analysis.to)
        let from = String(pair.from), to = String(pair.to)
        guard let replications = analysis.replications else { return c.t(.profile(.changeRuleNoBands), from, to) }
        return c.t(.profile(.changeRule), from, to, String(replications))
    }

    static func profile(_ p: ReportPriority, _ c: ReportContext, _ data: ReportProfileData) -> [ReportBlock] {
        let t = c.t
        var blocks: [ReportBlock] = [.pageStart,
            .heading(level: 3, text: String(p.priority) + ". " + p.name + " (" + p.unit + ")", anchor: ReportAnchor.make("buurt", p.unit))]
        var facts = t(.profileFacts, c.n(p.score, 1), c.n(data.cityMean[c.model.root]?.last ?? .nan, 1),
                      c.rank(p.rank), String(c.latestList.count))
        if p.rankP05.isFinite {
            let top = (c.input.file.priorities ?? PrioritySpec()).top
            facts += " " + t(.profile(.rankBand), c.rankBand(p.rankP05, p.rankP95), c.pct(p.pTop), String(top))
        }
        if let category = p.category { facts += " " + t(.profileCategory, category) }
        blocks.append(.paragraph(facts))
        if let note = c.outsideScaleNote(shownScores(p, c, data)) { blocks.append(.paragraph(note)) }

        // Dimension scores against the city.
        var rows: [ChartProfile.Row] = []
        var problems: [[String]] = []
        let themes = c.dimensions.compactMap { c.theme(p.unit, p.period, $0) }.sorted { $0.priority < $1.priority }
        for code in c.dimensions {
            let th = c.theme(p.unit, p.period, code)
            let (low, high) = data.band(c, unit: p.unit, period: p.period, code: code)
            let status: ChartProfile.Status = th.map { $0.significant ? .clearlyBehind : $0.gap > 0 ? .behind : .ahead } ?? .missing
            rows.append(ChartProfile.Row(
                label: c.name(code), score: th?.score ?? .nan, low: low, high: high,
                cityMean: th?.reference ?? .nan, cityLow: data.cityLow[code] ?? .nan, cityHigh: data.cityHigh[code] ?? .nan, status: status))
        }
        for th in themes {
            var row = [String(th.priority), c.name(th.group), c.n(th.score, 1), c.n(th.reference, 1), c.n(th.gap, 1)]
            if c.themesHaveBands {
                row += [c.n(th.gapP05, 1) + " – " + c.n(th.gapP95, 1), c.pct(th.pWorst), th.significant ? t(.yes) : t(.no)]
            }
            problems.append(row)
        }
        let chart = ChartProfile(rows: rows, domain: data.profileScale.domain, ticks: data.profileScale.ticks,
                                 axisTitle: t(.profileAxis, c.periodText(p.period)),
                                 legend: (t(.legendBuurt), t(.legendCityMean), t(.legendCityMiddle)), language: c.language)
        blocks.append(.chart(svg: chart.svg, caption: t(c.themesHaveBands ? .profileCaption : .profileCaptionNoBands), table: nil))
        var header = [t(.priorityShort), t(.dimension), t(.score), t(.reference), t(.gap)]
        if c.themesHaveBands { header += [t(.gapBand), t(.pWorst), t(.clearlyBehind)] }
        blocks.append(.heading(level: 4, text: t(.problemsTitle), anchor: nil))
        blocks.append(.table(ReportTable(header: header, rows: problems, numeric: [0, 2, 3, 4, 6])))
        if let note = orderNote(themes, c) { blocks.append(.paragraph(note)) }

        blocks += ReportProfileStrengths.blocks(p, c)
        blocks += ReportProfileTrend.blocks(p, c, data)
        return blocks
    }

    /// Why the first problem is not the one most often worst in the replications, when so:
    /// the order is the nominal gap's, p(grootste) counts the replications.
    static func orderNote(_ themes: [ReportTheme], _ c: ReportContext) -> String? {
        guard c.themesHaveBands, let first = themes.first,
              let most = themes.max(by: { ($0.pWorst, $1.priority) < ($1.pWorst, $0.priority) }),
              most.pWorst > first.pWorst else { return nil }
        return c.t(.profile(.orderDiffers), c.name(most.group), c.pct(most.pWorst), c.pct(first.pWorst), c.name(first.group))
    }

    /// Every score the profile of `p` shows: the index and dimensions in every period, and the
    /// indicators of its strengths and weaknesses.
    static func shownScores(_ p: ReportPriority, _ c: ReportContext, _ data: ReportProfileData) -> [Double] {
        let rows = (data.rowsOf[p.unit] ?? []).filter { $0 >= 0 }
        let indicators = (c.input.strengths ?? []).filter { $0.unit == p.unit && $0.period == p.period }.map(\.score)
        return data.codes.flatMap { code in rows.map { data.columns[code]![$0] } } + indicators
    }
}
