import BuurtNumerics
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// `datasets/demo/2021/data.csv`, the demo's next year for `buurtscore update`, is exactly
/// what `buurtscore synth --units 19 --years 2017-2021 --seed 2017 --method-break 2018 --recode 2019 --only 2021`
/// writes.
@Suite struct DemoFigures2021Tests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/demo/2021/data.csv")

    static let design = SyntheticDesign(methodBreak: 2018, recode: 2019)

    @Test func the2021FiguresEqualTheirGenerator() throws {
        let generated = SyntheticData.generate(units: 19, years: 2017...2021, seed: 2017, design: Self.design, only: 2021...2021)
        #expect(try String(contentsOf: Self.file, encoding: .utf8) == generated.dataCSV)
    }

    @Test func onlyKeepsThoseYearsOfTheFullSeriesUnchanged() {
        let full = SyntheticData.generate(units: 19, years: 2017...2021, seed: 2017, design: Self.design).dataCSV.split(separator: "\n")
        let only = SyntheticData.generate(units: 19, years: 2017...2021, seed: 2017, design: Self.design, only: 2021...2021)
            .dataCSV.split(separator: "\n")
        // Header, then the 19 rows whose year column (the 4th) is 2021, in the same order.
        #expect(only.first == full.first)
        #expect(Array(only.dropFirst()) == full.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "2021" })
        #expect(only.count == 1 + 19)
        // The years before are the 2017-2020 series (extending the years leaves them as they were).
        let series = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, design: Self.design).dataCSV.split(separator: "\n")
        #expect(Array(series.dropFirst()) == full.dropFirst().filter { $0.split(separator: ",", omittingEmptySubsequences: false)[3] != "2021" })
    }
}
