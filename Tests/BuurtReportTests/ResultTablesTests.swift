import BuurtNumerics
import BuurtRanking
import BuurtReport
import Testing
import BuurtIndex

@Suite struct ResultTablesTests {
    /// index ← {a ← x, b ← y}; two units, two years.
    static func fixture() throws -> (Panel, IndexModel) {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "a", kind: .aggregate, parent: "index"),
            ModelNode(code: "b", kind: .aggregate, parent: "index"),
            ModelNode(code: "x", kind: .indicator, parent: "a"),
            ModelNode(code: "y", kind: .indicator, parent: "b"),
        ])
        let panel = Panel(
            unitCodes: ["U1", "U2", "U1", "U2"], unitNames: ["Noord, oud", "Zuid", "Noord, oud", "Zuid"],
            periods: [2017, 2017, 2018, 2018], columnCodes: ["x", "y", "a", "b", "index"],
            values: Matrix(rowMajor: [
                [10, 20, 10, 20, 15],
                [30, .nan, 30, .nan, 30],
                [5, 5, 5, 5, 5],
                [5, 5, 5, 5, 5],
            ]))
        return (panel, model)
    }

    @Test func scoresListAggregatesRootFirstThenTheIndexRankPerPeriod() throws {
        let (panel, model) = try Self.fixture()
        // 2017: U2 (30) before U1 (15); 2018: a tie, both rank 1. Missing b is an empty cell;
        // a name with a comma is quoted.
        #expect(ResultTables.scores(panel, model: model) == """
            unit,name,period,index,a,b,rank
            U1,"Noord, oud",2017,15,10,20,2
            U2,Zuid,2017,30,30,,1
            U1,"Noord, oud",2018,5,5,5,1
            U2,Zuid,2018,5,5,5,1

            """)
        #expect(ResultTables.ranks(panel, model: model) == """
            unit,name,period,index,a,b,rank
            U1,"Noord, oud",2017,2,2,1,2
            U2,Zuid,2017,1,1,,1
            U1,"Noord, oud",2018,1,1,1,1
            U2,Zuid,2018,1,1,1,1

            """)
    }

    @Test func stageTablesHoldIndicatorsAndAfterAggregationTheAggregatesBottomUp() throws {
        let (panel, model) = try Self.fixture()
        let header = { (text: String) in text.split(separator: "\n").first.map(String.init) }
        #expect(header(ResultTables.stage(panel, name: .normalised, model: model)) == "unit,name,period,x,y")
        #expect(header(ResultTables.stage(panel, name: .aggregated, model: model)) == "unit,name,period,x,y,a,b,index")
    }

    @Test func sensitivityAndRemovalTablesUseShortestNumbersAndEmptyCells() {
        let indices = [
            SensitivityIndex(input: 0, firstOrder: 0.25, total: 0.5, firstOrderP05: 0.125, firstOrderP95: .nan,
                             totalP05: -0.0, totalP95: 1),
        ]
        #expect(SensitivityTables.sensitivity(indices, inputNames: ["weights"]) == """
            input,first_order,total,first_order_p05,first_order_p95,total_p05,total_p95
            weights,0.25,0.5,0.125,,0,1

            """)
        let rows = [RemovalRow(dimension: "crime", meanAbsoluteRankShift: 4.0 / 3, maxAbsoluteRankShift: 2, rankShifts: [])]
        #expect(SensitivityTables.removal(rows) == """
            dimension,mean_abs_rank_shift,max_abs_rank_shift
            crime,1.3333333333333333,2

            """)
    }
}
