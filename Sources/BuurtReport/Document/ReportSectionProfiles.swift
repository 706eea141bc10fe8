import BuurtIndex
import BuurtNumerics

/// Section "buurt profiles": per profiled buurt (all, or the `listLimit` most in need) one
/// screen with its dimension scores against the city, its problems with gap bands, and its
/// trend per dimension with notable changes marked.
enum ReportSectionProfiles {
    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        let data = ReportProfileData(c)
        var blocks: [ReportBlock] = [.paragraph(t(.profilesIntro, c.periodText(c.latest)))]
        if c.truncated { blocks.append(.paragraph(t(.profilesTruncated, String(c.profiled.count), String(c.latestList.count)))) }
        blocks.append(.paragraph(changeRule(c)))
        blocks.append(.links(c.profiled.map { (ReportAnchor.make("buurt", $0.unit), $0.name) }))  // numbered in priority order
        for p in c.profiled { blocks += profile(p, c, data) }
        return ReportSection(anchor: "sec-profiles", title: t(.profilesTitle), blocks: blocks)
    }

    /// How a change from the first to the last period is judged notable.
    static func changeRule(_ c: ReportContext) -> String {
        guard c.periods.count > 1 else { return c.t(.trendOnePeriod) }
        let first = c.periodText(c.periods.first ?? nil), last = c.periodText(c.latest)
        return c.themesHaveBands
            ? c.t(.changeRuleBands, first, last)
            : c.t(.changeRuleNoBands, first, last, c.pct(ReportProfileData.notableShare))
    }

    static func profile(_ p: ReportPriority, _ c: ReportContext, _ data: ReportProfileData) -> [ReportBlock] {
        let t = c.t
        var blocks: [ReportBlock] = [.pageStart,
            .heading(level: 3, text: String(p.priority) + ". " + p.name + " (" + p.unit + ")", anchor: ReportAnchor.make("buurt", p.unit))]
        var facts = t(.profileFacts, c.n(p.score, 1), c.n(data.cityMean[c.model.root]?.last ?? .nan, 1),
                      c.rank(p.rank), String(c.latestList.count))
        if p.rankP05.isFinite { facts += " " + t(.profileBand, c.rankBand(p.rankP05, p.rankP95), c.pct(p.pTop)) }
        if let category = p.category { facts += " " + t(.profileCategory, category) }
        blocks.append(.paragraph(facts))

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

        blocks += ReportProfileStrengths.blocks(p, c)
        if c.periods.count > 1 { blocks += trend(p, c, data) }
        return blocks
    }

    /// Small multiples of the index and each dimension over the periods, and their table.
    static func trend(_ p: ReportPriority, _ c: ReportContext, _ data: ReportProfileData) -> [ReportBlock] {
        let t = c.t
        let rows = data.rowsOf[p.unit] ?? []
        var panels: [ChartTrend.Panel] = []
        var table: [[String]] = []
        for code in data.codes {
            let column = data.columns[code]!
            let present = c.periods.indices.map { k in k < rows.count && rows[k] >= 0 }
            let values = c.periods.indices.map { present[$0] ? column[rows[$0]] : .nan }
            var low: [Double] = [], high: [Double] = []
            for (k, period) in c.periods.enumerated() {
                let band = present[k] ? data.band(c, unit: p.unit, period: period, code: code) : (.nan, .nan)
                low.append(band.0)
                high.append(band.1)
            }
            let change = Self.change(values: values, low: low, high: high, threshold: data.changeThreshold[code] ?? .nan)
            panels.append(ChartTrend.Panel(title: c.name(code), values: values, low: low, high: high,
                                           city: data.cityMean[code] ?? [], change: change))
            let first = values.first ?? .nan, last = values.last ?? .nan
            let mark: String = switch change {
            case .none: ""
            case .up: "▲ " + t(.improved)
            case .down: "▼ " + t(.worsened)
            }
            table.append([c.name(code), c.n(first, 1), c.n(last, 1), c.n(last - first, 1), mark])
        }
        let first = c.periodText(c.periods.first ?? nil), last = c.periodText(c.latest)
        let chart = ChartTrend(periods: c.periods.map { $0 ?? 0 }, panels: panels, domain: data.trendScale.domain,
                               ticks: data.trendScale.ticks, language: c.language, label: t(.trendTitle, first, last))
        return [
            .heading(level: 4, text: t(.trendTitle, first, last), anchor: nil),
            .chart(svg: chart.svg, caption: t(.trendCaption), table: nil),
            .table(ReportTable(header: [t(.dimension), first, last, t(.change), t(.notable)], rows: table, numeric: [1, 2, 3])),
        ]
    }

    /// With bands at both ends: up when the last band lies wholly above the first, down when
    /// wholly below. Without: when |last − first| reaches the city's threshold.
    static func change(values: [Double], low: [Double], high: [Double], threshold: Double) -> ChartTrend.Change {
        guard let first = values.first, let last = values.last, first.isFinite, last.isFinite, values.count > 1 else { return .none }
        if let l0 = low.first, let h0 = high.first, let l1 = low.last, let h1 = high.last,
           l0.isFinite, h0.isFinite, l1.isFinite, h1.isFinite {
            if l1 > h0 { return .up }
            if h1 < l0 { return .down }
            return .none
        }
        let d = last - first
        guard threshold.isFinite, d != 0, abs(d) >= threshold else { return .none }
        return d > 0 ? .up : .down
    }
}
