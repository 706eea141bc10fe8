import BuurtIndex
import BuurtNumerics

/// Section "multivariate checks": the correlation heat map of the indicators, and per group of
/// indicators Cronbach's α, KMO, Bartlett's test and the PCA, with plain-language warnings.
enum ReportSectionChecks {
    /// Thresholds of the warnings (conventional rules of thumb, OECD/JRC Handbook 2008).
    static let minimumAlpha = 0.6
    static let minimumKMO = 0.5
    static let maximumBartlettP = 0.05

    static func build(_ c: ReportContext) -> ReportSection {
        let t = c.t
        let normalised = c.input.result.panel(after: .normalised) ?? c.aggregated
        let rows = normalised.rows(in: c.latest)
        var blocks: [ReportBlock] = [.paragraph(t(.checksIntro, c.periodText(c.latest), String(rows.count)))]

        // Correlation heat map of the indicators, grouped by parent.
        let indicators = c.model.indicators
        let columns = indicators.map { code in normalised.column(code).map { col in rows.map { col[$0] } } ?? rows.map { _ in Double.nan } }
        let matrix = Correlation.pearson(columns)
        var blocksOfGroups: [(start: Int, count: Int)] = []
        for (k, code) in indicators.enumerated() {
            if k > 0, c.model.node(code)?.parent == c.model.node(indicators[k - 1])?.parent {
                blocksOfGroups[blocksOfGroups.count - 1].count += 1
            } else {
                blocksOfGroups.append((k, 1))
            }
        }
        let heatmap = ChartHeatmap(labels: indicators, names: indicators.map(c.name), blocks: blocksOfGroups, matrix: matrix,
                                   title: t(.correlationTitle), language: c.language)
        let matrixTable = indicators.count <= 30 ? ReportTable(
            header: [""] + indicators,
            rows: indicators.indices.map { i in [indicators[i]] + indicators.indices.map { c.n(matrix[i, $0], 2) } },
            numeric: Set(1...max(1, indicators.count))) : nil
        blocks.append(.heading(level: 3, text: t(.correlationTitle), anchor: nil))
        blocks.append(.chart(svg: heatmap.svg, caption: t(.correlationCaption), table: matrixTable))

        // Reliability per group.
        blocks.append(.heading(level: 3, text: t(.reliabilityTitle), anchor: nil))
        blocks.append(.paragraph(t(.reliabilityIntro)))
        blocks.append(.table(ReportTable(
            header: [t(.group), t(.indicatorsCount), t(.cases), "Cronbach α", "KMO", "Bartlett χ² (df)", "p"],
            rows: c.input.analysis.reliability.map { r in
                [c.name(r.group), String(r.indicatorCount), String(r.observations), c.n(r.cronbachAlpha, 2), c.n(r.kmo, 2),
                 c.n(r.bartlettChiSquare, 1) + " (" + String(r.bartlettDegreesOfFreedom) + ")",
                 ReportNumber.pValue(r.bartlettPValue, c.language)]
            }, numeric: [1, 2, 3, 4, 5, 6])))
        let warnings = self.warnings(c)
        blocks += warnings.isEmpty ? [.paragraph(t(.noWarnings))] : warnings.map { .warning($0) }

        // PCA per group.
        blocks.append(.heading(level: 3, text: t(.pcaTitle), anchor: nil))
        blocks.append(.paragraph(t(.pcaIntro)))
        for r in c.input.analysis.reliability {
            let pca = c.input.analysis.pca.filter { $0.group == r.group }
            let components = Array(Set(pca.map(\.component))).sorted()
            let eigen = components.map { k in pca.first { $0.component == k }!.eigenvalue }
            let explained = components.map { k in pca.first { $0.component == k }!.explained }
            let members = c.model.children(of: r.group)
            func loading(_ code: String, _ k: Int) -> Double {
                pca.first { $0.component == k && $0.indicator == code }?.loading ?? .nan
            }
            let chart = ChartPCA(eigenvalues: eigen, indicators: members, loadings: members.map { loading($0, 1) },
                                 screeTitle: t(.screeTitle), loadingTitle: t(.loadingTitle), componentLabel: t(.component),
                                 language: c.language)
            blocks.append(.heading(level: 4, text: c.name(r.group), anchor: nil))
            blocks.append(.chart(svg: chart.svg, caption: t(.pcaCaption), table: ReportTable(
                header: [t(.component), t(.eigenvalue), t(.explained)],
                rows: components.indices.map { [String(components[$0]), c.n(eigen[$0], 2), c.pct(explained[$0])] },
                numeric: [0, 1, 2])))
            let shown = components.prefix(2)
            blocks.append(.table(ReportTable(
                header: [t(.indicator)] + shown.map { t(.loadingOn, String($0)) },
                rows: members.map { code in [c.name(code)] + shown.map { c.n(loading(code, $0), 2) } },
                numeric: Set(1...max(1, shown.count)))))
        }
        return ReportSection(anchor: "sec-checks", title: t(.checksTitle), blocks: blocks)
    }

    /// Plain-language warnings, group by group in analysis order: α, KMO, Bartlett, negative
    /// loadings on the first component, statistics that could not be computed.
    static func warnings(_ c: ReportContext) -> [String] {
        let t = c.t
        var out: [String] = []
        for r in c.input.analysis.reliability {
            let name = c.name(r.group)
            if r.cronbachAlpha.isNaN || r.kmo.isNaN || r.bartlettPValue.isNaN {
                out.append(t(.warnNotComputed, name, String(r.indicatorCount), String(r.observations)))
            }
            if r.cronbachAlpha < minimumAlpha {
                out.append(t(.warnAlpha, name, c.n(r.cronbachAlpha, 2), c.n(minimumAlpha, 1)))
            }
            if r.kmo < minimumKMO {
                out.append(t(.warnKMO, name, c.n(r.kmo, 2), c.n(minimumKMO, 1)))
            }
            if r.bartlettPValue > maximumBartlettP {
                out.append(t(.warnBartlett, name, ReportNumber.pValue(r.bartlettPValue, c.language), c.n(maximumBartlettP, 2)))
            }
            let negative = c.input.analysis.pca.filter { $0.group == r.group && $0.component == 1 && $0.loading < 0 }
            for row in negative {
                out.append(t(.warnNegativeLoading, c.name(row.indicator), name, c.n(row.loading, 2)))
            }
        }
        return out
    }
}
