import BuurtNumerics
import Testing
import BuurtIndex

/// `impute: {method: interpolate, max_gap: g}`.
@Suite struct ImputeMaxGapTests {
    static let model = try! IndexModel(nodes: [
        ModelNode(code: "index", kind: .aggregate), ModelNode(code: "x", kind: .indicator, parent: "index"),
    ])

    /// One unit over 2015…2024 with x observed in 2016 (10), 2018 (20) and 2022 (60):
    /// 2015 · 10 · 2017 · 20 · 2019 2020 2021 · 60 · 2023 2024.
    static func filled(maxGap: Int?) throws -> [Double] {
        let years = Array(2015...2024)
        let x: [Double] = [.nan, 10, .nan, 20, .nan, .nan, .nan, 60, .nan, .nan]
        let panel = Panel(unitCodes: years.map { _ in "U" }, periods: years, columnCodes: ["x"],
                          values: Matrix(columnList: [x], rows: years.count))
        return try Impute.apply(panel, model: model, parameters: ImputeParameters(method: .interpolate, maxGap: maxGap)).panel.column("x")!
    }

    @Test func withoutALimitEveryGapIsFilled() throws {
        // 2017 = 10 + (20 − 10)·1/2 = 15; 2019…2021 = 20 + 40·k/4 = 30, 40, 50; ends: 10 before, 60 after.
        #expect(try Self.filled(maxGap: nil) == [10, 10, 15, 20, 30, 40, 50, 60, 60, 60])
    }

    @Test func gapsLongerThanMaxGapStayMissing() throws {
        // max_gap 2: the one-year gap 2017 is filled (15); 2019-2021 spans 3 years and stays empty;
        // ends within 2 years of an observation are carried (2015 ← 2016; 2023, 2024 ← 2022).
        let two = try Self.filled(maxGap: 2)
        #expect(two.map { $0.isNaN ? -1 : $0 } == [10, 10, 15, 20, -1, -1, -1, 60, 60, 60])
        // max_gap 1: 2024 lies 2 years after 2022 and stays empty.
        let one = try Self.filled(maxGap: 1)
        #expect(one.map { $0.isNaN ? -1 : $0 } == [10, 10, 15, 20, -1, -1, -1, 60, 60, -1])
        // max_gap 0 fills nothing.
        #expect(try Self.filled(maxGap: 0).filter { !$0.isNaN } == [10, 20, 60])
    }

    @Test func maxGapIsReadFromTheModelAndCheckedThere() throws {
        let base = "data: d.csv\ngroups: [{code: index}]\nindicators: [{code: x, parent: index}]\n"
        let ok = try ModelFile.parse(base + "impute: {method: interpolate, max_gap: 2}\n", file: "m.yml", baseDirectory: "")
        #expect(ok.spec.impute == ImputeParameters(method: .interpolate, maxGap: 2))
        #expect(ok.canonicalForm().contains("\"max_gap\": 2"))
        #expect {
            try ModelFile.parse(base + "impute: {method: mean, max_gap: 2}\n", file: "m.yml", baseDirectory: "")
        } throws: { error in
            let p = (error as? BuurtErrors)?.problems.first
            return p?.message.contains("max_gap of impute applies only to method interpolate") == true && p?.location?.line == 4
        }
    }
}
