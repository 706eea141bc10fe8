import BuurtRanking

/// The rows of `changes.csv` beyond the headline pair, in the changes section and in a buurt
/// profile: the other pairs compared (year on year), the trends (slope per year with its band,
/// CAGR) and the changes without the indicators of a method break. Every figure and verdict
/// is a row of `changes.csv` (``ChangeRow``).
enum ReportChangeSeries {
    /// The section's tables: counts per other pair, the index trend per window, the
    /// break-free changes of the index per pair.
    static func sectionBlocks(_ a: ChangeAnalysis, headline: PeriodPair?, _ c: ReportContext) -> [ReportBlock] {
        let t = c.t, root = a.groups[0], bands = a.replications != nil
        var blocks: [ReportBlock] = []
        let others = a.pairs.filter { $0 != headline }
        if !others.isEmpty {
            blocks.append(.paragraph(t(.changes(.pairsIntro))))
            let rows = others.map { pair -> [String] in
                let index = a.rows(pair).filter { $0.group == root }
                let better = index.filter { $0.significant == .better }.count, worse = index.filter { $0.significant == .worse }.count
                let known = index.map(\.change).filter { !$0.isNaN }
                let mean = known.isEmpty ? Double.nan : known.reduce(0, +) / Double(known.count)
                return [pair.description, bands ? String(better) : "–", bands ? String(worse) : "–",
                        bands ? String(index.count - better - worse) : "–", c.n(mean)]
            }
            blocks.append(.table(ReportTable(header: [t(.changes(.pairColumn)), t(.changes(.betterColumn)), t(.changes(.worseColumn)),
                                                      t(.changes(.unclearColumn)), t(.changes(.meanColumn))],
                                             rows: rows, numeric: [1, 2, 3, 4])))
        }
        for window in a.trends {
            let slopes = a.rows(window, .slope).filter { $0.group == root }
            let growth = Dictionary(a.rows(window, .cagr).filter { $0.group == root }.map { ($0.unit, $0) }, uniquingKeysWith: { x, _ in x })
            let ordered = slopes.enumerated().sorted { ($0.element.change.isNaN ? .infinity : $0.element.change, $0.offset)
                < ($1.element.change.isNaN ? .infinity : $1.element.change, $1.offset) }.map(\.element)
            blocks.append(.paragraph(t(.changes(.trendIntro), String(window.from), String(window.to))))
            blocks.append(.table(ReportTable(
                header: [t(.changes(.buurtColumn)), t(.changes(.slopeColumn)), t(.changes(.bandColumn)), t(.changes(.cagrColumn)),
                         t(.changes(.verdictColumn))],
                rows: ordered.prefix(c.input.listLimit).map { r in
                    [r.name, c.n(r.change, 2), band(r, bands, c, 2), cagr(growth[r.unit]?.change ?? .nan, c), verdict(r, c)]
                }, numeric: [1, 3])))
        }
        for pair in a.pairs {
            let free = a.rows(pair, breakFree: true).filter { $0.group == root }
            guard let first = free.first else { continue }
            blocks.append(.paragraph(t(.changes(.breakFreeIntro), c.list(first.excluding.map(c.name)), String(pair.from), String(pair.to), c.name(root))))
            blocks.append(.table(ReportTable(
                header: [t(.changes(.buurtColumn)), "\(pair.from)", "\(pair.to)", t(.changes(.changeColumn)), t(.changes(.bandColumn)),
                         t(.changes(.verdictColumn))],
                rows: free.prefix(c.input.listLimit).map { r in
                    [r.name, c.n(r.scoreFrom), c.n(r.scoreTo), c.n(r.change), band(r, bands, c, 1), verdict(r, c)]
                }, numeric: [1, 2, 3])))
        }
        return blocks
    }

    /// A profile's table of the index over the years: each pair other than the headline, each
    /// trend (slope and CAGR) and each break-free change of the index, with band and verdict.
    static func profileBlocks(unit: String, _ a: ChangeAnalysis, _ c: ReportContext) -> [ReportBlock] {
        let t = c.t, root = a.groups[0], bands = a.replications != nil, headline = a.headline
        let mine = a.rows.filter { $0.unit == unit && $0.group == root }
        var rows: [[String]] = []
        for r in mine where !(r.measure == .change && r.excluding.isEmpty && PeriodPair(from: r.from, to: r.to) == headline) {
            let from = String(r.from), to = String(r.to)
            let label: String = switch r.measure {
            case .change where !r.excluding.isEmpty: t(.changes(.breakFreeLabel), from, to, c.list(r.excluding))
            case .change: t(.changes(.pairLabel), from, to)
            case .slope: t(.changes(.slopeLabel), from, to)
            case .cagr: t(.changes(.cagrLabel), from, to)
            }
            let value = r.measure == .cagr ? cagr(r.change, c) : c.n(r.change, r.measure == .slope ? 2 : 1)
            let shown = r.measure == .cagr ? (bands ? cagr(r.changeP05, c) + " – " + cagr(r.changeP95, c) : "–")
                : band(r, bands, c, r.measure == .slope ? 2 : 1)
            rows.append([label, value, shown, verdict(r, c)])
        }
        guard !rows.isEmpty else { return [] }
        return [.heading(level: 4, text: t(.changes(.yearsTitle)), anchor: nil),
                .table(ReportTable(header: [t(.changes(.measureColumn)), t(.change), t(.profile(.bandColumn)), t(.profile(.verdictColumn))],
                                   rows: rows, numeric: [1]))]
    }

    private static func band(_ r: ChangeRow, _ bands: Bool, _ c: ReportContext, _ decimals: Int) -> String {
        bands ? c.n(r.changeP05, decimals) + " – " + c.n(r.changeP95, decimals) : "–"
    }

    /// A growth rate as a percentage per year, "−1.2 %".
    private static func cagr(_ x: Double, _ c: ReportContext) -> String { x.isNaN ? "–" : c.n(100 * x, 1) + " %" }

    private static func verdict(_ r: ChangeRow, _ c: ReportContext) -> String {
        switch r.significant {
        case .better?: "▲ " + c.t(.changes(.better))
        case .worse?: "▼ " + c.t(.changes(.worse))
        case nil: ""
        }
    }
}
