import BuurtIndex
import BuurtNumerics
@testable import BuurtRanking
import Foundation
import Testing

/// Windows of `changes:` resolved against the data's periods, and the trend measures.
@Suite struct ChangeWindowsTests {
    static let years = [2018, 2020, 2017, 2019]

    static func resolve(_ spec: ChangeSpec?, _ periods: [Int] = years) throws -> ResolvedChanges? {
        try ResolvedChanges.resolve(spec, among: periods, at: SourceLocation(file: "model.yml", line: 3, column: 10))
    }

    static func pairs(_ list: [(Int, Int)]) -> [PeriodPair] { list.map { PeriodPair(from: $0.0, to: $0.1) } }

    @Test func firstPreviousAndLatestFollowThePeriods() throws {
        let windows = [ChangeWindow(from: .first, to: .latest), ChangeWindow(from: .previous, to: .latest),
                       ChangeWindow(from: .previous, to: .year(2019)), ChangeWindow(from: .year(2018), to: .latest)]
        let r = try #require(try Self.resolve(ChangeSpec(windows: windows)))
        #expect(r.pairs == Self.pairs([(2017, 2020), (2018, 2019), (2018, 2020), (2019, 2020)]))
        #expect(r.trends.isEmpty && r.periods == [2017, 2018, 2019, 2020])
        // A later period moves latest and previous on.
        let later = try #require(try Self.resolve(ChangeSpec(windows: windows), Self.years + [2021]))
        #expect(later.pairs == Self.pairs([(2017, 2021), (2018, 2019), (2018, 2021), (2020, 2021)]))
        // Without changes: first against last; with one period nothing.
        #expect(try Self.resolve(nil)?.pairs == Self.pairs([(2017, 2020)]))
        #expect(try Self.resolve(nil, [2017]) == nil)
    }

    @Test func pairsAreDeduplicatedAndSorted() throws {
        let spec = ChangeSpec(windows: [ChangeWindow(from: .previous, to: .latest), ChangeWindow(from: .year(2017), to: .year(2020)),
                                        ChangeWindow(), ChangeWindow(from: .year(2019), to: .year(2020))],
                              yearOnYear: true, trend: true)
        let r = try #require(try Self.resolve(spec))
        #expect(r.pairs == Self.pairs([(2017, 2018), (2017, 2020), (2018, 2019), (2019, 2020)]))
        // Trends: each window of more than two periods, and first..latest, once.
        #expect(r.trends == Self.pairs([(2017, 2020)]))
        let three = try #require(try Self.resolve(ChangeSpec(windows: [ChangeWindow(from: .year(2018), to: .latest)], trend: true)))
        #expect(three.trends == Self.pairs([(2017, 2020), (2018, 2020)]))
        #expect(try Self.resolve(ChangeSpec(windows: [], trend: true), [2017, 2018])?.trends == [])
    }

    @Test func unresolvableWindowsSayWhyAndWhere() throws {
        func message(_ spec: ChangeSpec, _ periods: [Int] = Self.years) -> String? {
            do {
                _ = try Self.resolve(spec, periods)
                return nil
            } catch let error as BuurtError {
                #expect(error.location == SourceLocation(file: "model.yml", line: 3, column: 10))
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message(ChangeSpec(from: 2016)) == "changes: from 2016 is not a period of the scored data (periods: 2017, 2018, 2019, 2020)")
        #expect(message(ChangeSpec(windows: [ChangeWindow(from: .year(2020), to: .latest)]))
            == "changes: from 2020 (2020) is not before to 2020 (latest); a window runs forward in time (periods: 2017, 2018, 2019, 2020)")
        #expect(message(ChangeSpec(windows: [ChangeWindow(from: .previous, to: .year(2017))]))
            == "changes: from previous needs a period before 2017; the scored data has 2017, 2018, 2019, 2020")
        #expect(message(ChangeSpec(windows: [ChangeWindow(from: .previous)]), [2020])
            == "changes need two different periods; the scored data has 2020")
    }

    /// 10, 14, 21 over 2017–2019: slope ((−1)(10 − 15) + 0 + (1)(21 − 15)) / 2 = 5.5 points a
    /// year, CAGR (21/10)^(1/2) − 1; a missing middle year leaves the slope of the two ends.
    @Test func slopeAndGrowthByHand() {
        #expect(ChangeMeasures.value(.slope, years: [2017, 2018, 2019], scores: [10, 14, 21]) == 5.5)
        #expect(abs(ChangeMeasures.value(.cagr, years: [2017, 2019], scores: [10, 21]) - (2.1.squareRoot() - 1)) < 1e-15)
        #expect(ChangeMeasures.value(.slope, years: [2017, 2018, 2019], scores: [10, .nan, 21]) == 5.5)
        #expect(ChangeMeasures.value(.slope, years: [2017, 2018], scores: [10, .nan]).isNaN)
        #expect(ChangeMeasures.value(.cagr, years: [2017, 2019], scores: [0, 21]).isNaN)
        #expect(ChangeMeasures.value(.cagr, years: [2017, 2019], scores: [10, -1]).isNaN)
        #expect(ChangeMeasures.value(.change, years: [2017, 2019], scores: [10, 21]) == 11)
    }

    /// index ← {d1 ← x1, d2 ← x2}; min-max on 2017 (x1 ∈ [0, 10], x2 ∈ [10, 30]):
    /// u0 index 0, 50, 100; u1 index 100, 75, 50 (d2 100, 50, 0); u2 d1 50, 60, 90, d2 50, 50, 75,
    /// index 50, 55, 82.5.
    @Test func trendRowsOfATinyPanel() throws {
        let panel = Panel(
            unitCodes: ["u0", "u1", "u2", "u0", "u1", "u2", "u0", "u1", "u2"],
            periods: [2017, 2017, 2017, 2018, 2018, 2018, 2019, 2019, 2019], columnCodes: ["x1", "x2"],
            values: Matrix(rowMajor: [[0, 10], [10, 30], [5, 20], [5, 20], [10, 20], [6, 20], [10, 30], [10, 10], [9, 25]]))
        let aggregated = try Pipeline.run(panel, model: ChangePassTests.model, spec: ChangePassTests.spec).aggregated
        let changes = try #require(try ResolvedChanges.resolve(ChangeSpec(windows: [ChangeWindow()], trend: true), among: [2017, 2018, 2019]))
        let a = ChangeAnalysis.nominal(aggregated, model: ChangePassTests.model, changes: changes, breaks: [])
        let window = PeriodPair(from: 2017, to: 2019)
        #expect(a.pairs == [window] && a.trends == [window])
        #expect(a.rows.map(\.measure) == [ChangeMeasure](repeating: .change, count: 9) + Array(repeating: .slope, count: 9)
            + Array(repeating: .cagr, count: 9))
        let slopes = a.rows(window, .slope).map(\.change)
        // u0: 50 a year everywhere; u1: index −25, d1 0, d2 −50; u2: index 16.25, d1 20, d2 12.5.
        let expected = [50, 50, 50, -25, 0, -50, 16.25, 20, 12.5]
        #expect(zip(slopes, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(slopes)")
        let growth = a.rows(window, .cagr).map(\.change)
        #expect(growth[0].isNaN && growth[1].isNaN && growth[2].isNaN)  // u0 starts at 0
        #expect(abs(growth[3] - (0.5.squareRoot() - 1)) < 1e-12 && growth[4] == 0 && growth[5].isNaN)
        #expect(abs(growth[6] - ((82.5 / 50).squareRoot() - 1)) < 1e-12 && abs(growth[7] - (1.8.squareRoot() - 1)) < 1e-12)
        #expect(a.rows(window, .slope).allSatisfy { $0.from == 2017 && $0.to == 2019 && $0.changeP05.isNaN })
        #expect(a.rows(window, .slope)[6].scoreFrom == 50 && abs(a.rows(window, .slope)[6].scoreTo - 82.5) < 1e-12)
    }
}
