import BuurtIndex
import BuurtRanking
import BuurtWorkflow
import Foundation
import Testing

/// `strengths.csv` of the demo run against the normalised stage it was computed from, and the
/// profiles of the report that show the same rows.
@Suite struct StrengthsEndToEndTests {
    @Test func demoStrengthsAgreeWithTheNormalisedStageAndTheReport() throws {
        let cli = try CLIHarness()
        let model = try LibraryRunTests.smallDemo(cli)
        let (results, written) = try run(RunSettings(model: model, stages: true, threads: 2), writingTo: cli.path("out"))
        #expect(written.contains("strengths.csv"))
        #expect(written.firstIndex(of: "strengths.csv")! < written.firstIndex(of: "report.md")!)

        let normalised = try CSVReader.read(path: cli.path("out/stages/normalised.csv"))
        let column = Dictionary(uniqueKeysWithValues: normalised.header.enumerated().map { ($0.element, $0.offset) })
        var score: [String: Double] = [:]  // "unit|period|indicator"
        var values: [String: [Double]] = [:]  // "period|indicator": the period's values
        for row in normalised.rows {
            for code in results.model.indicators {
                guard let x = Double(row[column[code]!]) else { continue }
                score["\(row[0])|\(row[2])|\(code)"] = x
                values["\(row[2])|\(code)", default: []].append(x)
            }
        }
        let strengths = try CSVReader.read(path: cli.path("out/strengths.csv"))
        #expect(strengths.header == ["unit", "name", "period", "kind", "position", "indicator", "dimension", "score",
                                     "reference", "difference"])
        #expect(strengths.rows.count == results.strengths.count && !strengths.rows.isEmpty)
        var listed: [String: Int] = [:]  // "unit|period|kind": rows
        for row in strengths.rows {
            let (unit, period, kind, indicator) = (row[0], row[2], row[3], row[5])
            let x = try #require(Double(row[7])), reference = try #require(Double(row[8])), difference = try #require(Double(row[9]))
            let city = try #require(values["\(period)|\(indicator)"])
            #expect(score["\(unit)|\(period)|\(indicator)"] == x, "\(row)")
            #expect(abs(reference - city.reduce(0, +) / Double(city.count)) < 1e-9, "\(row)")
            #expect(abs(difference - (x - reference)) < 1e-9, "\(row)")
            #expect(kind == "strength" ? difference > 0 : kind == "weakness" && difference < 0, "\(row)")
            #expect(row[6] == results.model.node(indicator)?.parent, "\(row)")
            listed["\(unit)|\(period)|\(kind)", default: 0] += 1
            #expect(Int(row[4]) == listed["\(unit)|\(period)|\(kind)"], "positions 1, 2, 3 in order: \(row)")
        }
        // Every buurt-year lists min(3, indicators above the city) strengths, likewise weaknesses.
        for row in normalised.rows {
            for (kind, sign) in [("strength", 1.0), ("weakness", -1.0)] {
                let side = results.model.indicators.filter { code in
                    guard let x = score["\(row[0])|\(row[2])|\(code)"], let city = values["\(row[2])|\(code)"] else { return false }
                    return sign * (x - city.reduce(0, +) / Double(city.count)) > 1e-9
                }
                #expect((listed["\(row[0])|\(row[2])|\(kind)"] ?? 0) == min(StrengthsWeaknesses.defaultCount, side.count), "\(row[0]) \(row[2])")
            }
        }

        // The report's first profile (the buurt most in need in 2020) shows its 2020 rows by name.
        let report = try cli.read("out/report.md")
        let first = try #require(results.priorities.first { $0.period == 2020 && $0.priority == 1 })
        let profile = try #require(report.components(separatedBy: "### 1. \(first.name) (\(first.unit))").dropFirst().first)
        let block = try #require(profile.components(separatedBy: "#### Sterke en zwakke punten").dropFirst().first)
            .components(separatedBy: "\n#### ").first ?? ""
        let own = results.strengths.filter { $0.unit == first.unit && $0.period == 2020 }
        #expect(!own.isEmpty)
        for r in own {
            let name = try #require(results.model.node(r.indicator)?.name)
            let kind = r.kind == .strength ? "sterk punt" : "zwak punt"
            #expect(block.contains("| \(kind) | \(name) | \(results.model.node(r.dimension)?.name ?? "") |"), "\(name) in \(block)")
        }
        #expect(!block.contains("| \(results.model.indicators[0]) |"), "no codes in the block")
    }
}
