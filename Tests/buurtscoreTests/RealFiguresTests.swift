import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// The worked example in notebooks-md/heerlen-crime-2023: real police and CBS figures for
/// Heerlen's 57 buurten, read in place from ../shared.
@Suite(.enabled(if: HeerlenData.available, "../shared/datasets-external is absent: real-figure example skipped"))
struct RealFiguresTests {
    static let data = HeerlenData.path

    @Test func heerlenCrimeRatesTreatmentAndRanks() throws {
        let cli = try CLIHarness()
        let model = CLIHarness.projectRoot.appendingPathComponent("notebooks-md/heerlen-crime-2023/model.yml").path
        let outcome = try cli.run(["run", model, "--out", "out", "--stages", "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")

        let source = try CSVReader.read(path: Self.data.path)
        let crimes = source.rows.map { Double($0[source.columnIndex("geregistreerde_misdrijven_totaal_2023")!])! }
        let people = source.rows.map { Double($0[source.columnIndex("inwoners_2024")!])! }
        let published = source.rows.map { Double($0[source.columnIndex("misdrijven_per_1000_inw")!])! }
        // The source's own totals (its README): 6,196 crimes, 87,460 inhabitants, 57 buurten.
        #expect(crimes.reduce(0, +) == 6196 && people.reduce(0, +) == 87460 && crimes.count == 57)

        // Denominate: crimes / inhabitants × 1000 equals the published rate (rounded to 0.1).
        let denominated = try CSVReader.read(path: cli.path("out/stages/denominated.csv"))
        let rates = denominated.rows.map { Double($0[2])! }
        for (k, rate) in rates.enumerated() {
            #expect(abs(rate - crimes[k] / people[k] * 1000) < 1e-12)
            #expect(abs(rate - published[k]) <= 0.05 + 1e-9, "\(denominated.rows[k][1]): \(rate) vs \(published[k])")
        }

        // Treat: the rates are heavily right-skewed (Terworm: 66 crimes, 15 inhabitants); the
        // four highest are winsorised to the fifth-highest rate, nothing else moves.
        let treated = try CSVReader.read(path: cli.path("out/stages/treated.csv")).rows.map { Double($0[2])! }
        let fifthHighest = rates.sorted(by: >)[4]
        for k in rates.indices {
            #expect(treated[k] == min(rates[k], fifthHighest))
        }
        #expect(rates.filter { $0 > fifthHighest }.count == 4)

        // Ranks: lower crime rate = better = lower rank number; the five tied at the cap share rank 53.
        let scores = try CSVReader.read(path: cli.path("out/scores.csv"))
        let rank = scores.rows.map { Int($0[scores.columnIndex("rank")!])! }
        for i in rates.indices {
            for j in rates.indices where treated[i] < treated[j] { #expect(rank[i] < rank[j]) }
        }
        #expect(rank.filter { $0 == 53 }.count == 5 && rank.max() == 53)
    }
}

/// Location of the Heerlen figures in ../shared.
enum HeerlenData {
    static let path = CLIHarness.shared
        .appendingPathComponent("datasets-external/politie-47018-buurt-2023/heerlen_buurten_crime2023_pop2024.csv")
    static var available: Bool { FileManager.default.fileExists(atPath: path.path) }
}
