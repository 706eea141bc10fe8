import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex

/// `normalise: {scope: reference, reference: 2017}` promises that adding a year never moves the
/// scores of earlier years. That holds when every stage before normalisation works per period
/// (denominate and screen per row; impute mean/median `by: period` or a group column; treat per
/// period), which is the demo model's design.
@Suite struct ReferenceScopeTests {
    static let demoModel = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/demo/model.yml").path

    /// The `scores.csv` lines (after the header) of the given periods, as written by `run`.
    static func scoreLines(_ project: IndexProject, periods: ClosedRange<Int>) throws -> [String] {
        let result = try project.run(keepIntermediate: false)
        let lines = ResultTables.scores(result.aggregated, model: project.model).split(separator: "\n").dropFirst()
        return lines.map(String.init).filter { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.count > 2 && Int(cells[2]).map(periods.contains) == true
        }
    }

    @Test func demoScoresOfEarlierYearsDoNotDependOnLaterYears() throws {
        let full = try IndexProject.load(modelPath: Self.demoModel)
        guard case .reference(let reference) = full.file.spec.normalise.scope else {
            Issue.record("the demo model must normalise with scope: reference")
            return
        }
        #expect(reference == 2017)
        var shorter = full
        shorter.panel = full.panel.selecting(rows: full.panel.periods.indices.filter { (full.panel.periods[$0] ?? 0) <= 2019 })
        let withoutLastYear = try Self.scoreLines(shorter, periods: 2017...2019)
        let withLastYear = try Self.scoreLines(full, periods: 2017...2019)
        // 19 buurten × 3 years, less the unit-years the screen drops (a missing survey).
        #expect(withoutLastYear.count >= 50)
        #expect(withoutLastYear == withLastYear)
        // The last year itself is scored (and would move if the reference did not hold).
        #expect(try !Self.scoreLines(full, periods: 2020...2020).isEmpty)
    }

    /// Each stage the demo runs before normalisation is itself period-local: a stage applied to
    /// 2017-2019 alone gives the same 2017-2019 rows as applied to 2017-2020.
    @Test func everyDemoStageIsPeriodLocal() throws {
        let full = try IndexProject.load(modelPath: Self.demoModel)
        let keep = full.panel.periods.indices.filter { (full.panel.periods[$0] ?? 0) <= 2019 }
        let short = try Pipeline.run(full.panel.selecting(rows: keep), model: full.model, spec: full.file.spec)
        let long = try Pipeline.run(full.panel, model: full.model, spec: full.file.spec)
        for stage in [StageName.denominated, .imputed, .screened, .treated, .normalised] {
            let a = try #require(short.panel(after: stage))
            let b = try #require(long.panel(after: stage))
            let rows = b.periods.indices.filter { (b.periods[$0] ?? 0) <= 2019 }
            #expect(a == b.selecting(rows: rows), "stage \(stage.rawValue)")
        }
    }

    /// Interpolation is not period-local: a gap in the last year is first filled with the last
    /// observation and refilled by interpolation when the next year arrives (README: "Over the
    /// years"). x: 2017 = 10, 2018 missing; with 2019 = 30 the gap becomes 10 + (30 − 10)·1/2 = 20.
    @Test func interpolationRefillsTheLastYearWhenTheNextArrives() throws {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "x", kind: .indicator, parent: "index"),
        ])
        let panel = Panel(unitCodes: ["U", "U", "U"], unitNames: ["U", "U", "U"], periods: [2017, 2018, 2019],
                          columnCodes: ["x"], values: Matrix(rowMajor: [[10], [.nan], [30]]))
        let parameters = ImputeParameters(method: .interpolate)
        let two = try Impute.apply(panel.selecting(rows: [0, 1]), model: model, parameters: parameters).panel
        let three = try Impute.apply(panel, model: model, parameters: parameters).panel
        #expect(two.column("x") == [10, 10])
        #expect(three.column("x") == [10, 20, 30])
    }
}
