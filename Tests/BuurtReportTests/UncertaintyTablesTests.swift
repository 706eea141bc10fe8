import BuurtNumerics
import BuurtRanking
import BuurtReport
import Testing
import BuurtIndex

@Suite struct UncertaintyTablesTests {
    /// Two buurten, one period, one dimension over one indicator: x = 20, 80 → min-max 0, 100;
    /// weight noise 0, so every band is the nominal value.
    static func result() throws -> UncertaintyResult {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "d", kind: .aggregate, parent: "index"),
            ModelNode(code: "x", kind: .indicator, parent: "d"),
        ])
        let panel = Panel(unitCodes: ["A", "B"], unitNames: ["Noord, oost", "Zuid"], periods: [2020, 2020],
                          columnCodes: ["x"], values: Matrix(rowMajor: [[20], [80]]))
        let engine = try UncertaintyEngine(panel: panel, model: model, spec: PipelineSpec(),
                                           uncertainty: UncertaintySpec(weights: WeightNoise(noise: 0, levels: [2]), replications: 5),
                                           scoreCodes: ["index", "d"])
        return try UncertaintySummary.compute(engine: engine, priorities: PrioritySpec(top: 1, categories: [PriorityCategory(label: "laag", below: 50)]))
    }

    @Test func uncertaintyTable() throws {
        let text = UncertaintyTables.uncertainty(try Self.result(), periods: true)
        #expect(text == """
            unit,name,period,score,rank,rank_mean,rank_median,rank_p05,rank_p95,score_p05,score_p50,score_p95,p_top,replications
            A,"Noord, oost",2020,0,2,2,2,2,2,0,0,0,1,5
            B,Zuid,2020,100,1,1,1,1,1,100,100,100,0,5

            """)
    }

    @Test func priorityTableWithCategories() throws {
        let text = UncertaintyTables.priorities(try Self.result(), periods: false, categories: true)
        #expect(text == """
            priority,unit,name,score,rank,rank_p05,rank_p95,p_top,category
            1,A,"Noord, oost",0,2,2,2,1,laag
            2,B,Zuid,100,1,1,1,0,

            """)
    }

    @Test func themeTable() throws {
        // Reference: mean of d = 50. A: gap 50 − 0 = 50 (significant); B: 50 − 100 = −50.
        let text = UncertaintyTables.themes(try Self.result(), periods: true)
        #expect(text == """
            unit,name,period,priority,group,score,reference,gap,gap_p05,gap_p95,p_worst,significant
            A,"Noord, oost",2020,1,d,0,50,50,50,50,1,true
            B,Zuid,2020,1,d,100,50,-50,-50,-50,1,false

            """)
    }
}
