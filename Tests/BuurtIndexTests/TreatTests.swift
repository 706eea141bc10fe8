import BuurtTestSupport
import BuurtNumerics
import Foundation
import Numerics
import Testing
import BuurtIndex

@Suite struct TreatTests {
    private func model(_ codes: [String] = ["a"]) throws -> IndexModel {
        try IndexModel(nodes: codes.map { ModelNode(code: $0, kind: .indicator, parent: "Index") }
            + [ModelNode(code: "Index", kind: .aggregate)])
    }

    /// One period, one indicator `a` with the given values, units u0, u1, …
    private func panel(_ a: [Double], periods: [Int?]? = nil) -> Panel {
        Panel(unitCodes: a.indices.map { "u\($0)" }, periods: periods, columnCodes: ["a"],
              values: Matrix(columnList: [a], rows: a.count))
    }

    private func treat(_ input: Panel, maxPoints: Int = 5) throws -> StageOutput<TreatRecord> {
        try Treat.apply(input, model: model(), parameters: TreatParameters(method: .winsorise, maxPoints: maxPoints))
    }

    private let oneToTen = (1...10).map(Double.init)
    /// Fifteen 1s, then 2, 3, 50, 100 (rows 15–18).
    private let heavyTail = Array(repeating: 1.0, count: 15) + [2, 3, 50, 100]

    @Test func singleHighOutlierIsPulledToTheNextValue() throws {
        let out = try treat(panel(oneToTen + [100]))
        // 1…10, 100: skew 3.2556 ≥ 2 and kurtosis 10.707 ≥ 3.5 → fails; skew ≥ 0 → 100 becomes 10;
        // then 1…10, 10 has skew −0.128 → passes after one point.
        #expect(out.panel.column("a") == oneToTen + [10])
        let d = try #require(out.record.details.first)
        #expect(d.before.skew!.isApproximatelyEqual(to: 3.2556381840605075, relativeTolerance: 1e-12))
        #expect(d.before.kurtosis!.isApproximatelyEqual(to: 10.706673906421969, relativeTolerance: 1e-12))
        #expect(d.before.pass == false)
        #expect(d.winsorisedCount == 1 && d.winsorisedCells == [WinsorisedCell(row: 10, unit: "u10", side: .high)])
        #expect(d.afterWinsorising?.skew?.isApproximatelyEqual(to: -0.127621659676086, absoluteTolerance: 1e-12) == true)
        #expect(d.afterWinsorising?.pass == true && d.afterLog == nil)
        #expect(d.outcome == .winsorised && !d.logApplied && d.final.pass == true)
    }

    @Test func tiedMaximaAreWinsorisedTogether() throws {
        let out = try treat(panel(heavyTail))
        // step 1: skew 3.35, kurt 11.3 → 100 becomes 50; skew 2.79, kurt 6.49 still fails;
        // step 2: both 50s (tied maxima) become 3 → skew 1.77 passes. Count = the two tied cells.
        #expect(out.panel.column("a") == Array(repeating: 1.0, count: 15) + [2, 3, 3, 3])
        let d = try #require(out.record.details.first)
        #expect(d.winsorisedCount == 2)
        #expect(d.winsorisedCells.map(\.row) == [17, 18] && d.winsorisedCells.allSatisfy { $0.side == .high })
    }

    @Test func negativeSkewWinsorisesTheLowEnd() throws {
        let out = try treat(panel([-100] + oneToTen))
        // −100, 1…10: skew −3.27 → the minimum −100 becomes the next-lowest value 1
        #expect(out.panel.column("a") == [1] + oneToTen)
        #expect(out.record.details[0].winsorisedCells == [WinsorisedCell(row: 0, unit: "u0", side: .low)])
    }

    @Test func theSideIsDecidedAgainAtEachStep() throws {
        let oneToTwenty = (1...20).map(Double.init)
        let out = try treat(panel([-60, -40] + oneToTwenty + [1000]))
        // step 1: skew +4.73 → 1000 becomes 20; skew −2.74, kurt 7.71 fails;
        // step 2: skew < 0 → −60 becomes −40; skew −2.39, kurt 5.66 fails;
        // step 3: both −40s (tied minima) become 1 → skew 0.054 passes.
        // Count = latest high cells (1) + latest low cells (2) = 3, as COINr's nwin.
        #expect(out.panel.column("a") == [1, 1] + oneToTwenty + [20])
        let d = try #require(out.record.details.first)
        #expect(d.winsorisedCount == 3)
        #expect(d.winsorisedCells == [WinsorisedCell(row: 0, unit: "u0", side: .low), WinsorisedCell(row: 1, unit: "u1", side: .low),
                                      WinsorisedCell(row: 22, unit: "u22", side: .high)])
    }

    @Test func failingAfterMaxPointsFallsBackToLogOfTheOriginal() throws {
        let out = try treat(panel(heavyTail), maxPoints: 1)
        // one point (100 → 50) leaves skew 2.79, kurt 6.49: still failing at the limit, so the
        // original values are logged: ln(x − min + 0.01·(max − min)) = ln(x − 1 + 0.99)
        let expected = heavyTail.map { Foundation.log($0 - 1 + 0.99) }
        let got = try #require(out.panel.column("a"))
        for (g, e) in zip(got, expected) { #expect(g.isApproximatelyEqual(to: e, absoluteTolerance: 1e-12)) }
        #expect(got[17].isApproximatelyEqual(to: Foundation.log(49.99), absoluteTolerance: 1e-12))
        let d = try #require(out.record.details.first)
        #expect(d.outcome == .logTransformed && d.logApplied)
        #expect(d.winsorisedCount == 1 && d.winsorisedCells == [WinsorisedCell(row: 18, unit: "u18", side: .high)])
        #expect(d.afterWinsorising?.skew?.isApproximatelyEqual(to: 2.792985790270974, absoluteTolerance: 1e-12) == true)
        #expect(d.afterWinsorising?.pass == false)
        // the log does not pass either (skew 2.62, kurt 5.94), and is kept anyway, as in COINr
        #expect(d.afterLog?.skew?.isApproximatelyEqual(to: 2.62368460362432, absoluteTolerance: 1e-12) == true)
        #expect(d.afterLog?.pass == false && d.final == d.afterLog)
    }

    @Test func eachPeriodIsTreatedSeparatelyAndMissingCellsStay() throws {
        // rows alternate 2017 / 2018. 2017: 1…10, 100 → 100 becomes 10. 2018: 1…10, 11 and a gap → passes.
        let y2017 = oneToTen + [100], y2018 = oneToTen + [11, .nan]
        var values: [Double] = [], periods: [Int?] = []
        for k in 0..<12 {
            if k < 11 { values.append(y2017[k]); periods.append(2017) }
            values.append(y2018[k]); periods.append(2018)
        }
        var input = panel(values, periods: periods)
        input.categories = [(name: "g", values: periods.map { "\($0!)" })]
        let out = try treat(input)
        let a = try #require(out.panel.column("a"))
        #expect(a.enumerated().filter { periods[$0.offset] == 2017 }.map(\.element) == oneToTen + [10])
        let y2018Out = a.enumerated().filter { periods[$0.offset] == 2018 }.map(\.element)
        #expect(Array(y2018Out.prefix(11)) == oneToTen + [11] && y2018Out[11].isNaN)
        #expect(out.record.details.map(\.period) == [2017, 2018])
        #expect(out.record.details.map(\.outcome) == [.winsorised, .passed])
        #expect(out.record.details[0].winsorisedCells.map(\.row) == [20])  // the 11th 2017 row
        #expect(out.panel.categories.map(\.name) == ["g"] && out.panel.category("g")! == input.category("g")!)
    }

    @Test func tooFewOrEqualValuesAreLeftAlone() throws {
        // 1, 1, 100: kurtosis needs four values, but d = −33, −33, 66 gives skew
        // √3·215622/6534^1.5 · √6/1 = √3 ≈ 1.73 < 2, which passes on its own.
        // Two values: neither can be computed → undetermined. Equal values: no spread → undetermined.
        let three = try treat(panel([1, 1, 100]))
        #expect(three.record.details[0].before.kurtosis == nil && three.record.details[0].outcome == .passed)
        let two = try treat(panel([1, 100, .nan]))
        #expect(two.record.details[0].outcome == .undetermined && two.record.details[0].before.pass == nil)
        #expect(two.panel == panel([1, 100, .nan]))
        let constant = try treat(panel([4, 4, 4, 4, 4]))
        #expect(constant.record.details[0].outcome == .undetermined && constant.panel == panel([4, 4, 4, 4, 4]))
    }

    @Test func methodNoneLeavesTheDataAlone() throws {
        let input = panel(oneToTen + [100])
        let out = try Treat.apply(input, model: model(), parameters: TreatParameters(method: .none))
        #expect(out.panel == input && out.record.details.isEmpty)
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func matchesCOINrOnASEM() throws {
        let screened = try Fixtures.asemPanel("pipeline_04_Screened.csv", groups: true)
        let expected = try Fixtures.asemPanel("pipeline_05_Treated.csv")
        let details = try Fixtures.asem("pipeline_treat_details.csv")
        let points = try Fixtures.asem("pipeline_treat_points.csv")
        let model = try Fixtures.asemModel()
        let out = try Treat.apply(screened, model: model,
                                  parameters: TreatParameters(method: .winsorise, maxPoints: 5, maxSkew: 2, maxKurtosis: 3.5))
        var worst = 0.0
        for code in model.indicators {
            for (a, b) in zip(out.panel.column(code)!, expected.column(code)!) { worst = max(worst, abs(a - b)) }
        }
        #expect(details.column("iCode") == out.record.details.map(\.indicator))
        func number(_ s: String) -> Double? { s == "NA" ? nil : Double(s)! }
        func flag(_ s: String) -> Bool? { s == "NA" ? nil : s == "TRUE" }
        for (k, d) in out.record.details.enumerated() {
            let row = Dictionary(uniqueKeysWithValues: zip(details.header, details.rows[k]))
            worst = max(worst, abs(d.before.skew! - number(row["check_SkewKurt0.Skew"]!)!),
                        abs(d.before.kurtosis! - number(row["check_SkewKurt0.Kurt"]!)!))
            #expect(d.before.pass == flag(row["check_SkewKurt0.Pass"]!), "\(d.indicator)")
            #expect(d.winsorisedCount == Int(number(row["winsorise.nwin"]!) ?? 0), "\(d.indicator)")
            #expect(d.afterWinsorising?.pass == flag(row["check_SkewKurt1.Pass"]!), "\(d.indicator)")
            if let after = d.afterWinsorising {
                worst = max(worst, abs(after.skew! - number(row["check_SkewKurt1.Skew"]!)!),
                            abs(after.kurtosis! - number(row["check_SkewKurt1.Kurt"]!)!))
            }
            #expect(!d.logApplied)
            // COINr marks cells "winhi"/"winlo"; rows are in the same (uCode) order as the data.
            let marks = points.column(d.indicator)
            let expectedCells = marks.indices.filter { !marks[$0].isEmpty }
                .map { WinsorisedCell(row: $0, unit: screened.unitCodes[$0], side: marks[$0] == "winhi" ? .high : .low) }
            #expect(d.winsorisedCells == expectedCells, "\(d.indicator)")
        }
        #expect(out.record.details.filter { $0.winsorisedCount > 0 }.count == 15)
        print("ASEM treat: max abs diff \(worst)")
        #expect(worst < 1e-9)
    }
}
