import BuurtIndex
import BuurtNumerics

/// Section "back to the data": coverage, and every cell the stages changed — imputed,
/// screened out, treated — with what a normalised score means in the indicator's own units.
enum ReportSectionData {
    /// Lists of cells longer than this show their first `cellLimit` entries and the count.
    static let cellLimit = 100

    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        let result = c.input.result
        let raw = result.panel(after: .raw) ?? result.stages[0].panel
        let indicators = c.model.indicators
        let units = Set(raw.unitCodes).count
        let cells = raw.rowCount * indicators.count
        var missing: [Int] = []
        for code in indicators {
            missing.append(raw.column(code).map { $0.filter(\.isNaN).count } ?? raw.rowCount)
        }
        let totalMissing = missing.reduce(0, +)
        let periodsText = c.periods.compactMap { $0 }.map(String.init)
        var blocks: [ReportBlock] = [.paragraph(t.count(
            totalMissing, one: .dataIntroOneMissing, many: .dataIntro, String(raw.rowCount), String(units),
            t.count(periodsText.count, one: .periodsOne, many: .periodsMany, String(periodsText.count)),
            periodsText.first.map { $0 + "–" + (periodsText.last ?? $0) } ?? "–", String(cells), String(totalMissing),
            c.n(cells > 0 ? Double(totalMissing) / Double(cells) * 100 : 0, 1)))]
        blocks.append(.heading(level: 3, text: t(.perIndicatorTitle), anchor: nil))
        blocks.append(.paragraph(t(.perIndicatorIntro, scaleLabel(c))))
        blocks.append(.table(indicatorTable(c, missing: missing)))

        blocks.append(.heading(level: 3, text: t(.imputedTitle), anchor: nil))
        if let record = result.record.impute {
            let removed = Set((result.record.screen?.removed ?? []).map { ReportContext.key($0.unit, $0.period, "") })
            let cellsShown = record.imputed.prefix(cellLimit).map { cell in
                let name = cell.row < raw.rowCount ? raw.unitNames[cell.row] : cell.unit
                let dropped = removed.contains(ReportContext.key(cell.unit, cell.period, "")) ? "; " + t(.laterLeftOut) : ""
                return [name + " (" + cell.unit + ")", c.periodText(cell.period), c.name(cell.indicator), c.n(cell.value, 2),
                        source(cell.how, c) + dropped]
            }
            blocks.append(.paragraph(t(.imputedCount, String(record.imputed.count), String(record.unfilled.count))))
            if !cellsShown.isEmpty {
                if record.imputed.count > cellLimit { blocks.append(.paragraph(t(.firstOf, String(cellLimit), String(record.imputed.count)))) }
                blocks.append(.table(ReportTable(header: [t(.buurt), t(.period), t(.indicator), t(.value), t(.how)],
                                                 rows: Array(cellsShown), numeric: [3])))
            }
        } else {
            blocks.append(.paragraph(t(.stageSkipped, t(.stageNameImpute))))
        }

        blocks.append(.heading(level: 3, text: t(.screenedTitle), anchor: nil))
        if let record = result.record.screen {
            let removed = record.removed
            blocks.append(.paragraph(t.count(removed.count, one: .screenedCountOne, many: .screenedCount, String(removed.count), String(record.rows.count), c.pct(record.minCoverage))))
            if !removed.isEmpty {
                if removed.count > cellLimit { blocks.append(.paragraph(t(.firstOf, String(cellLimit), String(removed.count)))) }
                blocks.append(.table(ReportTable(
                    header: [t(.buurt), t(.period), t(.missingValues), t(.coverage)],
                    rows: removed.prefix(cellLimit).map { [$0.name + " (" + $0.unit + ")", c.periodText($0.period), String($0.missing), c.pct($0.coverage)] },
                    numeric: [2, 3])))
            }
        } else {
            blocks.append(.paragraph(t(.stageSkipped, t(.stageNameScreen))))
        }

        blocks.append(.heading(level: 3, text: t(.treatedTitle), anchor: nil))
        if let record = result.record.treat, c.input.file.spec.treat?.method == .winsorise {
            let changed = record.details.filter { $0.outcome == .winsorised || $0.outcome == .logTransformed }
            blocks.append(.paragraph(t(.treatedCount, String(changed.count), String(record.details.count))))
            if let year = record.details.lazy.compactMap(\.fittedOn).first {
                blocks.append(.paragraph(t(.treatedFittedOn, String(year))))
            }
            if !changed.isEmpty {
                blocks.append(.table(ReportTable(
                    header: [t(.indicator), t(.period), t(.skewKurtosis), t(.outcome), t(.cells)],
                    rows: changed.map { d in
                        [c.name(d.indicator), c.periodText(d.period),
                         c.n(d.before.skew ?? .nan, 2) + " / " + c.n(d.before.kurtosis ?? .nan, 2),
                         d.outcome == .logTransformed ? t(.outcomeLog) : t.count(d.winsorisedCount, one: .outcomeWinsorisedOne, many: .outcomeWinsorised, String(d.winsorisedCount)),
                         cellList(d.winsorisedCells, c)]
                    })))
            }
        } else {
            blocks.append(.paragraph(t(.stageSkipped, t(.stageNameTreat))))
        }

        if let record = result.record.aggregate {
            let incomplete = record.entries.filter { $0.missing > 0 }
            if !incomplete.isEmpty {
                blocks.append(.heading(level: 3, text: t(.aggregateMissingTitle), anchor: nil))
                blocks.append(.list(incomplete.map { e in
                    (0, t.count(e.missing, one: .aggregateMissingOne, many: .aggregateMissing, c.name(e.aggregate), String(e.missing), String(e.belowCoverage)))
                }))
            }
        }
        return ReportSection(anchor: "sec-data", title: t(.dataTitle), blocks: blocks)
    }

    /// "0 = …, 100 = …" is taken from this period's normalisation.
    static func scalePeriod(_ c: ReportContext) -> Int? {
        if case .reference(let year) = c.input.file.spec.normalise.scope { return year }
        return c.latest
    }

    static func scaleLabel(_ c: ReportContext) -> String {
        c.periodText(scalePeriod(c))
    }

    /// Indicator | unit | missing | imputed | treated | what the normalised scale means.
    static func indicatorTable(_ c: ReportContext, missing: [Int]) -> ReportTable {
        let t = c.t
        let record = c.input.result.record
        let counts = Dictionary(uniqueKeysWithValues: (record.impute?.counts ?? []).map { ($0.indicator, $0) })
        var treated: [String: [String]] = [:]
        for d in record.treat?.details ?? [] where d.outcome == .winsorised || d.outcome == .logTransformed {
            treated[d.indicator, default: []].append(c.periodText(d.period) + (d.outcome == .logTransformed ? " (log)" : ""))
        }
        var rows: [[String]] = []
        for (k, code) in c.model.indicators.enumerated() {
            let node = c.model.node(code)
            rows.append([
                node?.name ?? code, node?.unit ?? "", String(missing[k]), counts[code].map { String($0.imputed) } ?? "0",
                treated[code]?.joined(separator: ", ") ?? "–", scale(code, c),
            ])
        }
        return ReportTable(header: [t(.indicator), t(.unitOfMeasure), t(.missingInData), t(.imputedShort), t(.treatedShort),
                                    t(.scaleMeaning, scaleLabel(c))],
                           rows: rows, numeric: [2, 3])
    }

    /// What the ends of the normalised scale are in the indicator's own units, e.g.
    /// "0 = 86,0 · 100 = 12,0" (direction undone: fit values are value × direction).
    static func scale(_ code: String, _ c: ReportContext) -> String {
        let period = scalePeriod(c)
        guard let record = c.input.result.record.normalise, let entry = record.entry(code, period: period) else { return "–" }
        let logged = c.input.result.record.treat?.details.contains {
            $0.indicator == code && $0.period == period && $0.outcome == .logTransformed
        } ?? false
        if logged { return c.t(.scaleLogged) }
        let fit = entry.fit, dir = entry.direction
        func raw(_ x: Double?) -> String { x.map { ReportNumber.short($0 * dir, 2, c.language) } ?? "–" }
        func num(_ x: Double) -> String { ReportNumber.short(x, 3, c.language) }
        // "a = b" pairs kept on one line (no-break spaces), pairs separated by " · ".
        func pair(_ a: String, _ b: String) -> String { a + "\u{00A0}=\u{00A0}" + b }
        switch record.method {
        case let .minmax(lower, upper):
            return pair(num(lower), raw(fit.min)) + " · " + pair(num(upper), raw(fit.max))
        case let .zscore(mean, sd):
            return pair(num(mean), raw(fit.mean)) + " · " + pair("±" + num(sd), "±" + ReportNumber.short(fit.sd ?? .nan, 2, c.language))
        case .dist2max:
            return pair("0", raw(fit.min)) + " · " + pair("1", raw(fit.max))
        case .fracmax:
            return pair("1", raw(fit.max))
        case .goalposts(let s):
            return pair("0", raw(fit.lower)) + " · " + pair(num(s), raw(fit.upper))
        case .dist2ref, .dist2targ:
            return pair("0", raw(fit.min)) + " · " + pair("1", raw(fit.reference))
        case .rank, .borda, .prank:
            return c.t(.scaleRanks, String(fit.count))
        }
    }

    static func source(_ how: ImputationSource, _ c: ReportContext) -> String {
        let t = c.t
        return switch how {
        case let .mean(group, count): t(.sourceMean, String(count)) + (group.map { " " + t(.inGroup, $0) } ?? "")
        case let .median(group, count): t(.sourceMedian, String(count)) + (group.map { " " + t(.inGroup, $0) } ?? "")
        case let .interpolated(from, to): t(.sourceInterpolated, String(from), String(to))
        case let .nearest(period): t(.sourceNearest, String(period))
        }
    }

    /// "BU01 (high), BU07 (low), …" — at most 8 cells, then the count of the rest.
    static func cellList(_ cells: [WinsorisedCell], _ c: ReportContext) -> String {
        let shown = cells.prefix(8).map { $0.unit + " (" + ($0.side == .high ? c.t(.high) : c.t(.low)) + ")" }
        let rest = cells.count - shown.count
        return shown.joined(separator: ", ") + (rest > 0 ? ", " + c.t(.andMore, String(rest)) : "")
    }
}
