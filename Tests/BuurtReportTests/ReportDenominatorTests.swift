import BuurtTestSupport
import Foundation
import Testing
@testable import BuurtReport
@testable import BuurtWorkflow

/// The model tree says "divided by" only for what the denominate stage divided.
@Suite struct ReportDenominatorTests {
    static func markdown(_ extra: String) throws -> String {
        let path = try TinyModel.write(extra)
        let model = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "{code: x1, name: X one, parent: d1, direction: 1}",
                                  with: "{code: x1, name: X one, parent: d1, direction: 1, denominator: population, scale: 1000}")
        try model.write(toFile: path, atomically: true, encoding: .utf8)
        let results = try BuurtWorkflow.run(RunSettings(model: path))
        return Report.files(results.reportInput).markdown
    }

    @Test func aDeclaredDenominatorWithoutTheStageIsNotReportedAsDivided() throws {
        let skipped = try Self.markdown("")
        #expect(!skipped.contains("gedeeld door"))
        #expect(skipped.contains("X one (x1) — gewicht"))
        let divided = try Self.markdown("denominate: {scale: 1}\n")
        #expect(divided.contains("X one (x1) — gewicht"))
        #expect(divided.contains("gedeeld door Inwoners × 1000"))
        #expect(!divided.contains("X three (x3) — gewicht 1, effectief 50,0%, hoger is beter, gedeeld door"))
    }
}
