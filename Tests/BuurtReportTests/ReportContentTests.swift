@testable import BuurtNumerics
import BuurtRanking
@testable import BuurtReport
import Foundation
import Testing
@testable import BuurtIndex

/// What the report says, on a small hand-made model and on the demo.
@Suite struct ReportContentTests {
    /// index ← {A ← a1 a2 a3 (coherent), B ← b1 b2 b3 (unrelated)}; 10 buurten × 2019, 2020.
    static func small(language: ReportLanguage = .nl, periods withPeriods: Bool = true) throws -> ReportInput {
        let yaml = """
            title: Kleine test
            data: data.csv
            groups:
              - {code: index, name: Testindex}
              - {code: A, name: Samenhangend, parent: index}
              - {code: B, name: Los zand, parent: index, weight: 2}
            indicators:
              - {code: a1, name: Indicator a1, parent: A}
              - {code: a2, name: Indicator a2, parent: A}
              - {code: a3, name: Indicator a3, parent: A}
              - {code: b1, name: Indicator b1, parent: B}
              - {code: b2, name: Indicator b2, parent: B, direction: -1}
              - {code: b3, name: Indicator b3, parent: B}
            normalise: {method: minmax, range: [0, 100]}
            """
        let file = try ModelFile.parse(yaml, file: "folder/small.yml", baseDirectory: "folder")
        let model = try IndexModel(nodes: file.nodes)
        // 2020 (latest): a1…a3 rise together (neighbours swapped), b1…b3 unrelated.
        let latest: [[Double]] = [
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            [2, 1, 4, 3, 6, 5, 8, 7, 10, 9],
            [1, 3, 2, 5, 4, 7, 6, 9, 8, 10],
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            [10, 1, 8, 3, 6, 5, 4, 7, 2, 9],
            [4, 9, 1, 7, 10, 2, 6, 3, 8, 5],
        ]
        // 2019: the same plus 1 on even-numbered buurten.
        let earlier = latest.map { column in column.enumerated().map { $0.offset % 2 == 1 ? $0.element + 1 : $0.element } }
        var rows: [[Double]] = []
        var units: [String] = [], names: [String] = [], periods: [Int?] = []
        for (period, columns) in withPeriods ? [(2019, earlier), (2020, latest)] : [(2020, latest)] {
            for u in 0..<10 {
                units.append("U\(u + 1)")
                names.append("Buurt \(u + 1)")
                periods.append(withPeriods ? period : nil)
                rows.append(columns.map { $0[u] })
            }
        }
        let panel = Panel(unitCodes: units, unitNames: names, periods: periods, columnCodes: model.indicators,
                          values: Matrix(rowMajor: rows))
        let result = try Pipeline.run(panel, model: model, spec: file.spec)
        let normalised = try #require(result.panel(after: .normalised))
        let analysis = try GroupAnalysis.run(normalised, model: model, period: withPeriods ? 2020 : nil)
        var input = ReportInput(language: language, model: model, file: file, result: result, analysis: analysis)
        if withPeriods { input.changes = ChangeAnalysis.nominal(result.aggregated, model: model, from: 2019, to: 2020, breaks: []) }
        return input
    }

    @Test func sectionHeadingsInBothLanguages() throws {
        let dutch = Report.files(try Self.small(language: .nl))
        let english = Report.files(try Self.small(language: .en))
        let nl = ["Wat is berekend", "Terug naar de data", "Prioriteitenlijst buurten", "Buurtprofielen", "Multivariate controles", "Gevoeligheid"]
        let en = ["What was computed", "Back to the data", "Priority list of buurten", "Buurt profiles", "Multivariate checks", "Sensitivity"]
        for (heading, other) in zip(nl, en) {
            #expect(dutch.html.contains("<h2>\(heading)</h2>"))
            #expect(dutch.markdown.contains("## \(heading)\n"))
            #expect(english.html.contains("<h2>\(other)</h2>"))
            #expect(english.markdown.contains("## \(other)\n"))
            #expect(!english.html.contains(heading) && !dutch.html.contains(other))
        }
        #expect(dutch.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(english.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        // Dutch numbers have a decimal comma: B's effective weight 2/3 = 66,7%, A's 33,3%.
        #expect(dutch.markdown.contains("effectief 66,7%") && dutch.markdown.contains("effectief 33,3%"))
        #expect(english.markdown.contains("effective 66.7%"))
        // Only the file name of the model is shown, never its folder.
        #expect(dutch.markdown.contains("Het model staat in small.yml.") && !dutch.html.contains("folder/"))
    }

    @Test func alphaWarningAppearsExactlyForTheIncoherentGroup() throws {
        let input = try Self.small()
        let alpha = Dictionary(uniqueKeysWithValues: input.analysis.reliability.map { ($0.group, $0.cronbachAlpha) })
        // The data is built so that A is coherent and B is not; the report must say so for B only.
        let a = try #require(alpha["A"]), b = try #require(alpha["B"])
        #expect(a >= 0.6 && b < 0.6, "fixture: α(A) = \(a), α(B) = \(b)")
        let html = Report.html(input)
        #expect(html.contains("Los zand: α = \(ReportNumber.fixed(b, 2, .nl)) &lt; 0,6: deze indicatoren meten niet één ding"))
        #expect(!html.contains("Samenhangend: α ="))
        let english = Report.markdown(try Self.small(language: .en))
        #expect(english.contains("these indicators do not measure one thing"))
    }

    /// A reliability row with chosen statistics for group "A" (one indicator "a1" loading on PC1).
    static func analysis(alpha: Double, kmo: Double, p: Double, loading: Double) -> GroupAnalysisResult {
        GroupAnalysisResult(
            reliability: [ReliabilityRow(group: "A", indicatorCount: 3, observations: 10, cronbachAlpha: alpha, kmo: kmo,
                                         bartlettChiSquare: 12, bartlettDegreesOfFreedom: 3, bartlettPValue: p)],
            pca: [PCARow(group: "A", component: 1, eigenvalue: 2, explained: 0.6, indicator: "a1", loading: loading)],
            weights: [])
    }

    @Test func warningsAppearExactlyWhenThresholdsAreCrossed() throws {
        var input = try Self.small(language: .en)
        func warnings(_ analysis: GroupAnalysisResult) -> [String] {
            input.analysis = analysis
            return ReportSectionChecks.warnings(ReportContext(input))
        }
        // Just on the good side of every threshold (α ≥ 0.6, KMO ≥ 0.5, p ≤ 0.05, loading ≥ 0): none.
        #expect(warnings(Self.analysis(alpha: 0.6, kmo: 0.5, p: 0.05, loading: 0)).isEmpty)
        #expect(warnings(Self.analysis(alpha: 0.61, kmo: 0.51, p: 0.049, loading: 0.1)).isEmpty)
        // Just across each threshold: exactly that warning.
        #expect(warnings(Self.analysis(alpha: 0.59, kmo: 0.51, p: 0.049, loading: 0.1))
            == ["Samenhangend: α = 0.59 < 0.6: these indicators do not measure one thing; the dimension score averages different matters."])
        #expect(warnings(Self.analysis(alpha: 0.61, kmo: 0.49, p: 0.049, loading: 0.1))
            == ["Samenhangend: KMO = 0.49 < 0.5: the indicators share too little for a reliable summary."])
        #expect(warnings(Self.analysis(alpha: 0.61, kmo: 0.51, p: 0.051, loading: 0.1))
            == ["Samenhangend: Bartlett p = 0.051 > 0.05: the relation between the indicators may be chance."])
        #expect(warnings(Self.analysis(alpha: 0.61, kmo: 0.51, p: 0.049, loading: -0.1))
            == ["Indicator a1 loads negatively on the first component of Samenhangend (-0.10): this indicator moves against the others; check its direction."])
        // A statistic that could not be computed says so (and gives no threshold warning).
        let nan = warnings(Self.analysis(alpha: .nan, kmo: 0.7, p: 0.01, loading: 0.5))
        #expect(nan.count == 1 && nan[0].hasPrefix("Samenhangend: not every statistic could be computed"))
        // The lead counts the warnings.
        input.analysis = Self.analysis(alpha: 0.59, kmo: 0.49, p: 0.2, loading: 0.5)
        #expect(Report.markdown(input).contains("The statistical checks give 3 warnings"))
    }

    @Test func dataWithoutPeriodsHasOneListAndNoTrend() throws {
        let files = Report.files(try Self.small(language: .en, periods: false))
        #expect(files.markdown.contains("The data has one period; there is no trend to show."))
        #expect(!files.markdown.contains("#### Trend"))
        #expect(files.html.components(separatedBy: "<div class=\"profile\">").count - 1 == 10)
        #expect(XMLCheck.parse(files.html).error == nil)
    }

    @Test func withoutUncertaintyTheListsComeFromTheNominalRunAndSaySo() throws {
        let input = try Self.small(language: .en)
        let md = Report.markdown(input)
        #expect(md.contains("This model has no uncertainty analysis"))
        #expect(md.contains("so this list comes from one computation and has no bands"))
        #expect(md.contains("Without an uncertainty analysis the changes from 2019 to 2020 have no band, and no change is called significant."))
        #expect(md.contains("The sensitivity analysis was not run"))
        #expect(!md.contains("p(top"))
    }

    @Test func withBandsTheListShowsThemAndTheirSource() throws {
        let input = try ReportFixture.demo(language: .en, withBands: true)
        let md = Report.markdown(input)
        // The demo model varies weights, normalisation, max_points, imputation and sampling.
        #expect(md.contains("over 200 replications in which the weights (±25% at level 1, 2), the normalisation (2 alternatives), "
            + "the winsorising limit (1, 2, 3, 4, 5 points), the imputation method "
            + "(2 alternatives) and the data's sampling error were varied"))
        #expect(md.contains("| priority | buurt | name | score | rank | 5–95% | p(top 5) | category |"))
        // The fixture's changes are nominal (no change bands), so no change is called significant.
        #expect(md.contains("Without an uncertainty analysis the changes from 2017 to 2020 have no band, and no change is called significant."))
        #expect(!md.contains("This model has no uncertainty analysis"))
        // The first row is the lowest score of 2020, with its band in whole places.
        let first = try #require(input.priorities?.filter { $0.period == 2020 }.min { $0.priority < $1.priority })
        #expect(md.contains("| 1 | \(first.unit) | \(first.name) | \(ReportNumber.fixed(first.score, 1, .en)) | 19 | "
            + ReportNumber.fixed(first.rankP05, 0, .en) + "–" + ReportNumber.fixed(first.rankP95, 0, .en) + " | "))
    }

    @Test func everyBuurtGetsAProfileUpToTheLimit() throws {
        var input = try ReportFixture.demo(language: .en)
        var html = Report.html(input)
        #expect(html.components(separatedBy: "<div class=\"profile\">").count - 1 == 19)
        #expect(!html.contains("Profiles only for"))
        input.listLimit = 5
        html = Report.html(input)
        #expect(html.components(separatedBy: "<div class=\"profile\">").count - 1 == 5)
        #expect(html.contains("Profiles only for the 5 of 19 buurten most in need."))
        #expect(html.contains("Shown below: the 5 of 19 buurten most in need; the full list is in scores.csv."))
        // Beyond the limit, a histogram of all 19 scores (no bands in this input).
        #expect(html.contains("Distribution of the index score over all 19 buurten."))
    }

    @Test func backToTheDataListsTheCellsTheStagesChanged() throws {
        let input = try ReportFixture.demo(language: .en)
        let md = Report.markdown(input)
        let impute = try #require(input.result.record.impute)
        let screen = try #require(input.result.record.screen)
        #expect(md.contains("\(impute.imputed.count) cells were imputed; \(impute.unfilled.count) could not be filled."))
        // The demo leaves out one buurt-year of 76: the singular form, in both languages.
        #expect(screen.removed.count == 1 && screen.rows.count == 76)
        #expect(md.contains("1 of 76 buurt-years was left out"))
        #expect(Report.markdown(try ReportFixture.demo(language: .nl)).contains("1 van de 76 buurt-jaren is weggelaten"))
        for row in screen.removed {
            #expect(md.contains("| \(row.name) (\(row.unit)) | \(row.period!) | \(row.missing) | "))
        }
        // The normalised scale in the indicator's own unit: minmax [0, 100] on 2017, direction −1
        // for burglary, so 0 is the highest 2017 rate and 100 the lowest.
        let burglary = try #require(input.result.record.normalise?.entry("burglary", period: 2017)?.fit)
        let worst = ReportNumber.short(-burglary.min!, 2, .en), best = ReportNumber.short(-burglary.max!, 2, .en)
        #expect(md.contains("0\u{00A0}=\u{00A0}\(worst) · 100\u{00A0}=\u{00A0}\(best)"))
    }

    @Test func markdownHasTablesInsteadOfCharts() throws {
        let files = Report.files(try ReportFixture.demo(withBands: true))
        #expect(!files.markdown.contains("<svg") && !files.markdown.contains("data:"))
        let charts = files.html.components(separatedBy: "<figure>").count - 1
        #expect(charts > 0)
        #expect(files.markdown.components(separatedBy: "(grafiek: zie report.html)").count - 1 == charts)
    }
}
