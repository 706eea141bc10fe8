import BuurtNumerics
import BuurtReport
import Numerics
import Testing
import BuurtIndex

/// The nominal priority lists used when a model has no uncertainty analysis.
@Suite struct ReportListsTests {
    /// index ← {p, q}; three buurten in 2019 and 2020 (aggregated values given directly).
    static func fixture() throws -> (Panel, IndexModel) {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "p", kind: .aggregate, parent: "index"),
            ModelNode(code: "q", kind: .aggregate, parent: "index"),
            ModelNode(code: "x", kind: .indicator, parent: "p"),
            ModelNode(code: "y", kind: .indicator, parent: "q"),
        ])
        let panel = Panel(
            unitCodes: ["A", "B", "C", "A", "B", "C"], unitNames: ["Aa", "Bb", "Cc", "Aa", "Bb", "Cc"],
            periods: [2019, 2019, 2019, 2020, 2020, 2020], columnCodes: ["index", "p", "q"],
            values: Matrix(rowMajor: [
                [50, 40, 60],
                [30, 20, 40],
                [70, 90, 50],
                [45, 30, 60],
                [.nan, .nan, 20],
                [45, 60, 30],
            ]))
        return (panel, model)
    }

    @Test func prioritiesOrderByLowestScoreWithinEachPeriod() throws {
        let (panel, model) = try Self.fixture()
        let spec = PrioritySpec(categories: [PriorityCategory(label: "low", below: 40), PriorityCategory(label: "mid", below: 60)])
        let list = ReportLists.priorities(panel, model: model, spec: spec)
        // 2019: B 30 (rank 3), A 50 (rank 2), C 70 (rank 1; 70 ≥ 60: no category).
        // 2020: B has no score; A and C tie at 45: row order, both rank 1.
        #expect(list.map(\.unit) == ["B", "A", "C", "A", "C"])
        #expect(list.map(\.priority) == [1, 2, 3, 1, 2])
        #expect(list.map(\.rank) == [3, 2, 1, 1, 1])
        #expect(list.map(\.category) == ["low", "mid", nil, "mid", "mid"])
        #expect(list.allSatisfy { $0.rankP05.isNaN && $0.pTop.isNaN })
    }

    @Test func themesMeasureGapsAgainstThePeriodMeanLargestFirst() throws {
        let (panel, model) = try Self.fixture()
        let themes = ReportLists.themes(panel, model: model)
        // 2019 means: p (40 + 20 + 90)/3 = 50, q (60 + 40 + 50)/3 = 50.
        // A: gap p 50 − 40 = 10, q 50 − 60 = −10 → p first.
        let a2019 = themes.filter { $0.unit == "A" && $0.period == 2019 }
        #expect(a2019.map(\.group) == ["p", "q"] && a2019.map(\.priority) == [1, 2])
        #expect(a2019.map(\.gap) == [10, -10] && a2019.map(\.reference) == [50, 50])
        // 2020 means over available values: p (30 + 60)/2 = 45, q (60 + 20 + 30)/3 = 36.67.
        // B: p missing (gap NaN, last), q 36.67 − 20 = 16.67.
        let b2020 = themes.filter { $0.unit == "B" && $0.period == 2020 }
        #expect(b2020.map(\.group) == ["q", "p"])
        #expect(b2020[0].gap.isApproximatelyEqual(to: 110.0 / 3 - 20, absoluteTolerance: 1e-12))
        #expect(b2020[1].gap.isNaN && b2020[1].reference == 45)
    }

    @Test func themesAgainstAReferenceYearUseThatYearsMean() throws {
        let (panel, model) = try Self.fixture()
        let themes = ReportLists.themes(panel, model: model, spec: PrioritySpec(reference: .period(2019)))
        // C in 2020 against the 2019 means (50, 50): p 50 − 60 = −10, q 50 − 30 = 20 → q first.
        let c2020 = themes.filter { $0.unit == "C" && $0.period == 2020 }
        #expect(c2020.map(\.group) == ["q", "p"] && c2020.map(\.gap) == [20, -10])
    }

    /// Listing only some units gives exactly their rows of the full list: the references still
    /// come from every row (B's 2020 gap in q is 36.67 − 20 with A and C in the mean).
    @Test func themesOfSomeUnitsAreTheirRowsOfTheFullList() throws {
        let (panel, model) = try Self.fixture()
        let all = ReportLists.themes(panel, model: model)
        let some = ReportLists.themes(panel, model: model, units: ["B"])
        #expect(some == all.filter { $0.unit == "B" })
        #expect(some.count == 4)
        #expect(some.first { $0.period == 2020 && $0.group == "q" }!.gap.isApproximatelyEqual(to: 110.0 / 3 - 20, absoluteTolerance: 1e-12))
        #expect(ReportLists.themes(panel, model: model, units: []).isEmpty)
    }
}
