import BuurtNumerics
import Foundation
import Numerics
import Testing
import BuurtIndex

/// Treatment under normalise `scope: reference`: decided on the reference period's values and
/// applied to every period (``TreatParameters/reference``).
@Suite struct TreatReferenceScopeTests {
    private func model() throws -> IndexModel {
        try IndexModel(nodes: [ModelNode(code: "a", kind: .indicator, parent: "Index"), ModelNode(code: "Index", kind: .aggregate)])
    }

    /// Indicator `a` with `first` in 2017 and `second` in 2018 (units u0, u1, … in each).
    private func panel(_ first: [Double], _ second: [Double]) -> Panel {
        Panel(unitCodes: first.indices.map { "u\($0)" } + second.indices.map { "u\($0)" },
              periods: first.map { _ in 2017 } + second.map { _ in 2018 }, columnCodes: ["a"],
              values: Matrix(columnList: [first + second], rows: first.count + second.count))
    }

    private func treat(_ input: Panel, maxPoints: Int, reference: Int?) throws -> StageOutput<TreatRecord> {
        try Treat.apply(input, model: model(), parameters: TreatParameters(method: .winsorise, maxPoints: maxPoints, reference: reference))
    }

    private let oneToTen = (1...10).map(Double.init)
    /// Fifteen 1s, then 2, 3, 50, 100: one winsorised point does not make it pass, so with
    /// max_points 1 it is log-transformed.
    private let heavyTail = Array(repeating: 1.0, count: 15) + [2, 3, 50, 100]

    /// 2017 is symmetric (1…19, skew 0) and passes; 2018 is the heavy tail. Each year on its
    /// own, 2018 is log-transformed; on 2017's decision it is left as it is.
    @Test func aSkewedLaterYearFollowsTheReferenceDecision() throws {
        let symmetric = (1...19).map(Double.init)
        let input = panel(symmetric, heavyTail)
        let own = try treat(input, maxPoints: 1, reference: nil)
        #expect(own.record.details.map(\.outcome) == [.passed, .logTransformed])
        #expect(own.record.details.allSatisfy { $0.fittedOn == nil })

        let fitted = try treat(input, maxPoints: 1, reference: 2017)
        #expect(fitted.panel.column("a") == symmetric + heavyTail)
        #expect(fitted.record.details.map(\.outcome) == [.passed, .passed])
        #expect(fitted.record.details.allSatisfy { $0.fittedOn == 2017 })
        // 2018's own skew is still reported: it is what the reader sees in the data.
        #expect(fitted.record.details[1].before == own.record.details[1].before)
    }

    /// 2017 = 1…10, 100 is winsorised once (100 → 10, upper bound 10, no lower bound); 2018 is
    /// clipped to those bounds: 30 → 10 and 0 stays 0, though 2018 on its own passes.
    @Test func winsorisingBoundsComeFromTheReferencePeriod() throws {
        let second = [0.0] + (1...9).map(Double.init) + [30]
        let input = panel(oneToTen + [100], second)
        let fitted = try treat(input, maxPoints: 5, reference: 2017)
        let column = try #require(fitted.panel.column("a"))
        #expect(Array(column[0..<11]) == oneToTen + [10])
        #expect(Array(column[11...]) == [0] + (1...9).map(Double.init) + [10])
        let (d2017, d2018) = (fitted.record.details[0], fitted.record.details[1])
        // The reference period gets exactly the treatment it gets on its own.
        var own = try treat(input, maxPoints: 5, reference: nil).record.details[0]
        own.fittedOn = 2017
        #expect(d2017 == own)
        #expect(d2018.outcome == .winsorised && d2018.fittedOn == 2017)
        #expect(d2018.winsorisedCells == [WinsorisedCell(row: 21, unit: "u10", side: .high)] && d2018.winsorisedCount == 1)
        // 0…10 after clipping: symmetric, skew 0, so it passes.
        #expect(d2018.afterWinsorising?.skew?.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-12) == true)
        #expect(d2018.afterWinsorising?.pass == true)
    }

    /// 2017's heavy tail is log-transformed with min 1, max 100 (shift 0.99); 2018 takes the
    /// same log: ln(max(x, 1) − 1 + 0.99), so 0.5 is raised to 1 and listed as a low cell.
    @Test func theLogUsesTheReferenceMinimumAndShift() throws {
        let second: [Double] = [0.5, 1, 2, 200] + Array(repeating: 3.0, count: 15)
        let fitted = try treat(panel(heavyTail, second), maxPoints: 1, reference: 2017)
        let column = try #require(fitted.panel.column("a"))
        let expected = second.map { Foundation.log(max($0, 1) - 1 + 0.99) }
        for (x, e) in zip(column[19...], expected) { #expect(x.isApproximatelyEqual(to: e, absoluteTolerance: 1e-12)) }
        #expect(column[19] == column[20])
        let d2018 = fitted.record.details[1]
        #expect(d2018.outcome == .logTransformed && d2018.fittedOn == 2017 && d2018.afterLog != nil)
        #expect(d2018.winsorisedCells == [WinsorisedCell(row: 19, unit: "u0", side: .low)])
    }

    @Test func aMissingReferencePeriodIsAnError() throws {
        #expect(throws: BuurtError.self) { try treat(panel(oneToTen, oneToTen), maxPoints: 5, reference: 2016) }
    }

    /// The model reader sets the reference from `normalise: scope: reference`.
    @Test func theModelReaderTakesTheNormalisationsReference() throws {
        let yaml = "data: d.csv\ngroups: [{code: i}]\nindicators: [{code: a, parent: i}]\ntreat: {max_points: 3}\n"
        #expect(try ModelFile.parse(yaml + "normalise: {scope: reference, reference: 2019}\n", file: "m.yml", baseDirectory: "").spec.treat?.reference == 2019)
        #expect(try ModelFile.parse(yaml + "normalise: {scope: period}\n", file: "m.yml", baseDirectory: "").spec.treat?.reference == nil)
    }
}
