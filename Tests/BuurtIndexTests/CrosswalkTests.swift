import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct CrosswalkTests {
    /// index ← {x (count, ÷ pop), s (survey share)}; pop a denominator, n another column, wijk a group.
    static func model(withDenominator: Bool = true) throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "x", kind: .indicator, parent: "index", denominator: withDenominator ? "pop" : nil),
            ModelNode(code: "s", kind: .indicator, parent: "index"),
        ] + (withDenominator ? [ModelNode(code: "pop", kind: .denominator)] : [ModelNode(code: "pop", kind: .other)])
          + [ModelNode(code: "n", kind: .other), ModelNode(code: "wijk", kind: .group)])
    }

    /// A 2017 (pop 1000, x 10, s 20, n 50, W1), B 2017 (3000, 30, 40, 100, W2), C 2018 (4000, 41, 35, 90, W1).
    static let panel = Panel(
        unitCodes: ["A", "B", "C"], unitNames: ["Aa", "Bb", "Cc"], periods: [2017, 2017, 2018],
        columnCodes: ["x", "s", "pop", "n"],
        values: Matrix(rowMajor: [[10, 20, 1000, 50], [30, 40, 3000, 100], [41, 35, 4000, 90]]),
        categories: [(name: "wijk", values: ["W1", "W2", "W1"])])

    static func crosswalk(_ text: String) throws -> Crosswalk {
        try Crosswalk.load(CSVReader.parse([UInt8](text.utf8), file: "cw.csv", options: CSVOptions()))
    }

    /// A → C (share 1); B splits half to C, half to D, in 2017.
    static let split = "from_code,to_code,period_from,period_to,share\nA,C,2017,2017,1\nB,C,2017,2017,0.5\nB,D,2017,2017,0.5\n"

    @Test func countsSplitByShareAndSharesWeightedByPopulation() throws {
        let out = try Self.crosswalk(Self.split).apply(to: Self.panel, model: Self.model())
        let p = out.panel
        #expect(p.unitCodes == ["C", "D", "C"])
        #expect(p.periods == [2017, 2017, 2018])
        // C 2017: pop 1000 + 0.5·3000 = 2500; x 10 + 0.5·30 = 25; n 50 + 0.5·100 = 100;
        // s = (1·1000·20 + 0.5·3000·40)/(1000 + 1500) = 80000/2500 = 32.
        // D 2017: pop 1500, x 15, n 50, s 40 (one contribution).
        #expect(p.column("pop") == [2500, 1500, 4000])
        #expect(p.column("x") == [25, 15, 41])
        #expect(p.column("n") == [100, 50, 90])
        let s = try #require(p.column("s"))
        #expect(s[0].isApproximatelyEqual(to: 32, absoluteTolerance: 1e-12))
        #expect(s[1] == 40 && s[2] == 35)
        // Group from the largest share (A's 1 over B's 0.5); names: C's own, D's from B.
        #expect(p.category("wijk") == ["W1", "W2", "W1"])
        #expect(p.unitNames == ["Cc", "Bb", "Cc"])
        // D has 2017 only and the crosswalk does not map it: reported, not dropped.
        #expect(out.warnings.count == 1)
        #expect(out.warnings.first?.hasPrefix("unit D (Bb) has data up to 2017 but none in 2018") == true)
    }

    @Test func sharesWeightTheMeanWithoutADenominatorColumn() throws {
        let out = try Self.crosswalk(Self.split).apply(to: Self.panel, model: Self.model(withDenominator: false))
        // s of C 2017 = (1·20 + 0.5·40)/(1 + 0.5) = 40/1.5; x is then a plain indicator (a mean too):
        // (1·10 + 0.5·30)/1.5 = 25/1.5.
        let s = try #require(out.panel.column("s")), x = try #require(out.panel.column("x"))
        #expect(s[0].isApproximatelyEqual(to: 40 / 1.5, absoluteTolerance: 1e-12))
        #expect(x[0].isApproximatelyEqual(to: 25 / 1.5, absoluteTolerance: 1e-12))
    }

    @Test func aMissingCountMakesTheSumMissingAndAMeanUsesTheRest() throws {
        var panel = Self.panel
        panel.values[1, 0] = .nan  // B's x
        panel.values[0, 1] = .nan  // A's s
        let p = try Self.crosswalk(Self.split).apply(to: panel, model: Self.model()).panel
        #expect(p.column("x")![0].isNaN)
        // s of C 2017 from B alone: 40.
        #expect(p.column("s")![0] == 40)
    }

    @Test func sharesThatDoNotSumToOneAreAnErrorAtTheirLine() throws {
        let text = "from_code,to_code,period_from,period_to,share\nA,C,2017,2017,1\nB,C,2016,2017,0.5\nB,D,2017,2017,0.4\n"
        #expect {
            try Self.crosswalk(text)
        } throws: { error in
            let problems = (error as? BuurtErrors)?.problems ?? []
            // 2016: B → C only (0.5); 2017: 0.5 + 0.4 = 0.9. Reported once, at B's first line (3).
            return problems.count == 1 && problems[0].location?.line == 3 && problems[0].location?.file == "cw.csv"
                && problems[0].message.contains("the shares of B in 2016 sum to 0.5")
        }
    }

    @Test func badCellsAreNamedWithFileLineAndColumn() throws {
        let text = "from_code,to_code,period_from,period_to,share\nA,C,2018,2017,1\nB,,2017,2017,1.5\n"
        #expect {
            try Self.crosswalk(text)
        } throws: { error in
            let problems = (error as? BuurtErrors)?.problems ?? []
            return problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["2:5", "3:3", "3:14"]
                && problems[0].message.contains("period_from 2018 is after period_to 2017")
        }
    }

    @Test func aMissingColumnIsNamed() throws {
        #expect {
            try Self.crosswalk("from_code,to_code,period_from,share\nA,C,2017,1\n")
        } throws: { error in
            (error as? BuurtErrors)?.problems.first?.message.contains("missing column 'period_to'") == true
        }
    }

    @Test func unitsThatDisappearWithoutAMappingAreReported() {
        // A: 2017 and 2018; B: 2017 only; C: 2018 only; the last period is 2018.
        let panel = Panel(unitCodes: ["A", "B", "A", "C"], unitNames: ["Aa", "Bb", "Aa", "Cc"], periods: [2017, 2017, 2018, 2018],
                          columnCodes: ["x"], values: Matrix(rowMajor: [[1], [2], [3], [4]]))
        let warnings = Crosswalk.disappearing(panel)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("unit B (Bb) has data up to 2017 but none in 2018") == true)
    }
}
