import BuurtNumerics
@testable import BuurtReport
import Testing
import BuurtIndex

/// Every chart type: well-formed SVG, the marks it should draw, deterministic output.
@Suite struct ChartTests {
    static func parsed(_ svg: String) -> XMLCheck {
        let check = XMLCheck.parse(svg)
        #expect(check.error == nil, "\(check.error ?? "")")
        return check
    }

    @Test func caterpillarDrawsOneDotPerBuurtAndABandWhereKnown() {
        // Buurt k has rank 20 − k; even k have the band [19 − k, min(19, 21 − k)].
        var rows: [ChartCaterpillar.Row] = []
        for k in 1...19 {
            let banded = k % 2 == 0
            let low: Double = banded ? Double(19 - k) : .nan
            let high: Double = banded ? Double(min(19, 21 - k)) : .nan
            rows.append(ChartCaterpillar.Row(label: "\(k). Buurt & co", rank: Double(20 - k), low: low, high: high,
                                             note: "\(k * 5)%", emphasised: k <= 3))
        }
        let chart = ChartCaterpillar(rows: rows, rankCount: 19, axisTitle: "rank", rankLegend: "rank", bandLegend: "band",
                                     noteTitle: "p", language: .en)
        let check = Self.parsed(chart.svg)
        // 19 dots + 1 legend dot; 9 bands (even k) + legend swatch + axis grid lines.
        #expect(check.counts["circle"] == 20)
        #expect(chart.svg.components(separatedBy: "stroke-width=\"5\"").count - 1 == 9 + 1)
        // Three emphasised dots in the warning colour, plus their notes.
        #expect(chart.svg.components(separatedBy: "fill=\"\(ChartColor.bad)\"").count - 1 == 6)
        // The axis runs from rank 1 to 19 and labels both ends.
        #expect(chart.svg.contains(">1</text>") && chart.svg.contains(">19</text>"))
        #expect(chart.svg == ChartCaterpillar(rows: rows, rankCount: 19, axisTitle: "rank", rankLegend: "rank", bandLegend: "band",
                                              noteTitle: "p", language: .en).svg)
    }

    @Test func histogramBinsOnRoundEdgesAndCountEveryValue() {
        let values = [0.5, 1, 1.5, 2, 9.9, 10, .nan]
        let bins = ChartHistogram.bins(values, target: 5)
        // Range 0.5…10, about 5 bins: step 2 (1.9 → 2), edges 0, 2, …, 10; 10 falls in the last bin.
        #expect(bins.map(\.lower) == [0, 2, 4, 6, 8])
        #expect(bins.map(\.count) == [3, 1, 0, 0, 2])
        let check = Self.parsed(ChartHistogram(bins: bins, axisTitle: "x", countTitle: "n", language: .nl).svg)
        #expect(check.counts["rect"] == 3)  // empty bins draw nothing
        #expect(ChartHistogram.bins([.nan]).isEmpty)
    }

    @Test func barsHaveOneBarPerFiniteValueAndWhiskers() {
        let chart = ChartBars(
            labels: ["weights", "normalisation", "aggregation"],
            series: [
                .init(name: "Si", colour: "#111", values: [0.2, -0.05, .nan], low: [0.1, -0.2, .nan], high: [0.3, 0.1, .nan]),
                .init(name: "ST", colour: "#222", values: [0.5, 0.1, 0.3]),
            ],
            axisTitle: "index", language: .en, domain: (0, 1))
        let check = Self.parsed(chart.svg)
        // 5 bars + 2 legend swatches; 2 whiskers of 3 lines each.
        #expect(check.counts["rect"] == 7)
        #expect(chart.svg.components(separatedBy: "<title>").count - 1 == 5)
        // The fixed domain 0…1 widens to −0.5 (a round tick) so the negative estimate and whisker stay inside.
        #expect(chart.svg.contains(">-0.5</text>") && chart.svg.contains(">1</text>"))
    }

    @Test func heatmapHasOneCellPerPairAndABoxPerGroup() {
        let m = Matrix(rowMajor: [[1, 0.5, -0.7], [0.5, 1, .nan], [-0.7, .nan, 1]])
        let chart = ChartHeatmap(labels: ["a", "b", "c"], names: ["A", "B", "C"], blocks: [(0, 2), (2, 1)], matrix: m,
                                 title: "r", language: .nl)
        let check = Self.parsed(chart.svg)
        // 9 cells + 2 group boxes + 20 key steps.
        #expect(check.counts["rect"] == 9 + 2 + 20)
        #expect(chart.svg.contains("<title>A × C: -0,70</title>") && chart.svg.contains("<title>B × C: –</title>"))
        #expect(ChartColor.correlation(1) == "#2166ac" && ChartColor.correlation(-1) == "#b2182b")
        #expect(ChartColor.correlation(0) == "#ffffff" && ChartColor.correlation(.nan) == "#d9d9d9")
    }

    @Test func pcaChartShowsEigenvaluesAndFirstComponentLoadings() {
        let chart = ChartPCA(eigenvalues: [2.1, 0.6, 0.3], indicators: ["x", "y", "z"], loadings: [0.6, 0.55, -0.2],
                             screeTitle: "eigen", loadingTitle: "loadings", componentLabel: "component", language: .en)
        let check = Self.parsed(chart.svg)
        #expect(check.counts["rect"] == 6)
        // Eigenvalue ≥ 1 in the main colour, below 1 grey; the negative loading in the warning colour.
        #expect(chart.svg.components(separatedBy: "fill=\"\(ChartColor.muted)\"").count - 1 == 2)
        #expect(chart.svg.contains("fill=\"\(ChartColor.bad)\"><title>z: -0.20</title>"))
    }

    @Test func profileAndTrendChartsMarkStatusAndChange() {
        let row = { (score: Double, status: ChartProfile.Status) in
            ChartProfile.Row(label: "d", score: score, low: score - 2, high: score + 2, cityMean: 50, cityLow: 20, cityHigh: 80, status: status)
        }
        let profile = ChartProfile(rows: [row(30, .clearlyBehind), row(45, .behind), row(60, .ahead), row(.nan, .missing)],
                                   domain: (0, 100), ticks: [0, 50, 100], axisTitle: "score",
                                   legend: ("buurt", "mean", "middle"), language: .en)
        let p = Self.parsed(profile.svg)
        #expect(p.counts["circle"] == 1 + 3)  // legend + three scores (the missing one has no dot)
        #expect(profile.svg.contains("fill=\"\(ChartColor.severe)\" stroke=\"\(ChartColor.ink)\""))

        let trend = ChartTrend(
            periods: [2017, 2018, 2019, 2020],
            panels: [
                .init(title: "up", values: [10, 20, 30, 40], low: [8, 18, 28, 38], high: [12, 22, 32, 42], city: [50, 50, 50, 50], change: .up),
                .init(title: "flat", values: [10, .nan, 11, 10], low: [.nan, .nan, .nan, .nan], high: [.nan, .nan, .nan, .nan],
                      city: [50, 50, 50, 50], change: .none),
            ],
            domain: (0, 100), ticks: [0, 50, 100], language: .en, label: "trend")
        let t = Self.parsed(trend.svg)
        #expect(t.counts["circle"] == 4 + 3)
        #expect(trend.svg.contains("up ▲</text>") && trend.svg.contains(">flat</text>"))
    }

    /// A break from 2018 on is a dashed line halfway between 2017 and 2018, titled with its
    /// note and labelled, in the panel that crosses it only.
    @Test func trendBreakIsADashedLineBetweenThePeriods() throws {
        func panel(_ breaks: [(position: Int, note: String)]) -> ChartTrend.Panel {
            .init(title: "p", values: [10, 20, 30, 40], low: [.nan, .nan, .nan, .nan], high: [.nan, .nan, .nan, .nan],
                  city: [50, 50, 50, 50], change: .none, breaks: breaks)
        }
        let chart = ChartTrend(periods: [2017, 2018, 2019, 2020], panels: [panel([(1, "new wording")]), panel([])],
                               domain: (0, 100), ticks: [0, 50, 100], language: .en, label: "trend", breakLabel: "break")
        let svg = chart.svg
        #expect(svg.components(separatedBy: "<title>new wording</title>").count == 2)
        #expect(svg.components(separatedBy: ">break</text>").count == 2)
        // Panel 1 spans x 34…180 (760 / 4 − 10); periods sit at 40 + k·(174 − 40)/3, so the
        // line between k = 0 and k = 1 is at 40 + 0.5·44.67 = 62.33.
        let line = try #require(svg.components(separatedBy: "<line").first { $0.contains("new wording") })
        #expect(line.contains("x1=\"62.33\"") && line.contains("stroke-dasharray"))
    }
}
