import BuurtIndex
import BuurtNumerics

/// What every section needs, worked out once from a ``ReportInput``: the lists (given or
/// derived), the latest period, the dimensions and the city statistics per period.
struct ReportContext {
    let input: ReportInput
    let t: ReportStrings
    let language: ReportLanguage
    let model: IndexModel
    let aggregated: Panel
    /// Periods of the aggregated panel, ascending (nil for data without periods).
    let periods: [Int?]
    let latest: Int?
    let priorities: [ReportPriority]
    /// The themes (list 2): the uncertainty analysis's for every row, else the nominal ones of
    /// the profiled units.
    let themes: [ReportTheme]
    /// Whether the report has the priority lists (`false` with `priorities: none`: no priority
    /// and profile sections; ``priorities`` then only counts the buurten).
    let showsLists: Bool
    /// Whether the lists carry uncertainty bands.
    let prioritiesHaveBands: Bool
    let themesHaveBands: Bool
    /// The problem dimensions (children of `priorities.themes_of`, else of the index).
    let dimensions: [String]
    /// List 1 of the latest period, priority order.
    let latestList: [ReportPriority]
    /// The buurten that get a profile: the whole latest list, or its first `listLimit`.
    let profiled: [ReportPriority]
    /// Positions in ``themes`` per unit, for the profiled units.
    private let themesOfUnit: [String: [Int]]
    /// Positions in ``priorities`` per unit, for the profiled units.
    private let prioritiesOfUnit: [String: [Int]]

    init(_ input: ReportInput) {
        self.input = input
        language = input.language
        t = ReportStrings(language: input.language)
        model = input.model
        aggregated = input.result.aggregated
        periods = aggregated.periodList
        latest = periods.last ?? nil
        let spec = input.file.prioritySpec
        showsLists = spec.enabled
        priorities = input.priorities ?? ReportLists.priorities(aggregated, model: model, spec: spec)
        prioritiesHaveBands = input.priorities != nil && priorities.contains { $0.rankP05.isFinite }
        dimensions = model.children(of: spec.themesOf ?? model.root)
        let latest = self.latest
        latestList = priorities.filter { $0.period == latest }.sorted { ($0.priority, $0.unit) < ($1.priority, $1.unit) }
        profiled = Array(latestList.prefix(input.listLimit))
        // The report looks up themes of the profiled units only: without uncertainty lists,
        // only theirs are derived, and only theirs are indexed (all rows × dimensions of a
        // large panel would cost more memory and time than the whole report).
        let profiledUnits = Set(profiled.map(\.unit))
        themes = input.themes ?? (spec.enabled ? ReportLists.themes(aggregated, model: model, spec: spec, units: profiledUnits) : [])
        themesHaveBands = input.themes != nil && themes.contains { $0.gapP05.isFinite }
        let themes = self.themes, priorities = self.priorities
        themesOfUnit = Dictionary(grouping: themes.indices.filter { profiledUnits.contains(themes[$0].unit) }) { themes[$0].unit }
        prioritiesOfUnit = Dictionary(grouping: priorities.indices.filter { profiledUnits.contains(priorities[$0].unit) }) { priorities[$0].unit }
    }

    /// "unit␟period␟group", a key for sets of rows.
    static func key(_ unit: String, _ period: Int?, _ group: String) -> String {
        unit + "\u{1F}" + (period.map(String.init) ?? "") + "\u{1F}" + group
    }

    /// The theme row of a unit, period and group (a linear search for a unit without a profile).
    func theme(_ unit: String, _ period: Int?, _ group: String) -> ReportTheme? {
        let matches = { (th: ReportTheme) in th.unit == unit && th.period == period && th.group == group }
        guard let positions = themesOfUnit[unit] else { return themes.first(where: matches) }
        return positions.lazy.map { themes[$0] }.first(where: matches)
    }

    /// The priority row of a unit and period (a linear search for a unit without a profile).
    func priority(_ unit: String, _ period: Int?) -> ReportPriority? {
        let matches = { (p: ReportPriority) in p.unit == unit && p.period == period }
        guard let positions = prioritiesOfUnit[unit] else { return priorities.first(where: matches) }
        return positions.lazy.map { priorities[$0] }.first(where: matches)
    }

    /// The display name of a node: "Name" (or the code when it has no name).
    func name(_ code: String) -> String { model.node(code)?.name ?? code }

    /// "2020", or "–" for data without periods.
    func periodText(_ period: Int?) -> String { period.map(String.init) ?? "–" }

    /// "A", "A en B", "A, B en C" in the report's language.
    func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " " + t(.and) + " " + last
    }

    /// Why a score lies outside the scale, when one of `values` does: with min-max
    /// normalisation fixed on a reference period, a later period can fall below its lowest or
    /// above its highest value. `nil` when every value is inside (or the scale is not fixed).
    func outsideScaleNote(_ values: [Double]) -> String? {
        guard let (lower, upper, year) = input.file.spec.normalise.fixedRange,
              values.contains(where: { $0.isFinite && ($0 < lower || $0 > upper) }) else { return nil }
        return t(.profile(.outsideScale), String(year), ReportNumber.short(lower, 2, language), ReportNumber.short(upper, 2, language))
    }

    /// Whether the latest list is longer than what the report shows buurt by buurt.
    var truncated: Bool { latestList.count > input.listLimit }

    // Number formatting in the report's language.
    func n(_ x: Double, _ decimals: Int = 1) -> String { ReportNumber.fixed(x, decimals, language) }
    func rank(_ x: Double) -> String { ReportNumber.rank(x, language) }
    func pct(_ p: Double) -> String { ReportNumber.percent(p, language) }
    /// A rank band in whole places, "17–18": quantiles of ranks fall between places, and a
    /// tenth of a place means nothing to a reader.
    func rankBand(_ low: Double, _ high: Double) -> String { n(low, 0) + "–" + n(high, 0) }
}
