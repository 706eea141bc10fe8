import BuurtTestSupport
import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// The aggregate stage against COINr 1.1.14 on the ASEM example: arithmetic means with the
/// iMeta weights (all 1) from the normalised indicators up to the index. Tolerance 1e-9.
@Suite(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
struct AggregateASEMTests {
    @Test func normalisedToAggregatedMatchesThePipeline() throws {
        let model = try Fixtures.asemModel()
        let out = try Aggregate.apply(Fixtures.asemPanel("pipeline_06_Normalised.csv"), model: model,
                                      parameters: AggregateParameters())
        let reference = try Fixtures.asem("pipeline_07_Aggregated.csv")
        // the indicators, then the aggregates bottom-up in model order (COINr sorts the
        // aggregates of one level alphabetically instead): the same columns
        #expect(out.panel.columnCodes == model.indicators + model.aggregatesBottomUp)
        #expect(Set(out.panel.columnCodes) == Set(reference.header.filter { $0 != "uCode" }))
        var worst = 0.0
        for code in model.aggregatesBottomUp {
            for (a, b) in zip(out.panel.column(code)!, reference.numbers(code)) { worst = max(worst, abs(a - b)) }
        }
        print("COINr pipeline_07_Aggregated.csv: max abs diff \(worst) over \(model.aggregatesBottomUp.count) aggregates")
        #expect(worst < 1e-9)
        #expect(out.record.entries.allSatisfy { $0.missing == 0 && $0.belowCoverage == 0 })
    }

    @Test func aggregatedScoresMatchTheResultsTable() throws {
        let model = try Fixtures.asemModel()
        let out = try Aggregate.apply(Fixtures.asemPanel("pipeline_06_Normalised.csv"), model: model,
                                      parameters: AggregateParameters())
        let results = try Fixtures.asem("pipeline_results_scores.csv")
        var worst = 0.0, compared = 0
        for code in model.aggregatesTopDown + model.indicators {
            let ours = out.panel.column(code)!
            for (i, unit) in out.panel.unitCodes.enumerated() {
                let expected = try #require(results.value(key: unit, code))
                worst = max(worst, abs(ours[i] - expected))
                compared += 1
            }
        }
        print("COINr pipeline_results_scores.csv: max abs diff \(worst) over \(compared) cells")
        #expect(compared == 51 * 60)
        #expect(worst < 1e-9)
    }
}
