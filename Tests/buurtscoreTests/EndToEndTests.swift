import BuurtNumerics
import BuurtReport
import Foundation
import Numerics
import Testing
import BuurtIndex
import BuurtWorkflow

/// `buurtscore run` as a user runs it: on the demo, and on COINr's ASEM example through the
/// YAML + iMeta path, compared with COINr's own results.
@Suite struct EndToEndTests {
    /// Reads a CSV output as (header, rows keyed by the first column or by unit+period).
    static func table(_ path: String) throws -> CSVTable {
        try CSVReader.read(path: path)
    }

    @Test func demoRunWritesScoresRanksAndAnalysisAndIsByteIdenticalOnRerun() throws {
        let cli = try CLIHarness()
        let model = CLIHarness.projectRoot.appendingPathComponent("datasets/demo/model.yml").path
        let first = try cli.run(["run", model, "--out", "a", "--stages"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("Results written to a/"))
        // The summary lists the ten buurten most in need of 2020: lowest index first, so the
        // highest rank numbers first, in the order of the 2020 priority list.
        #expect(first.stdout.contains("the 10 most in need (lowest index first; rank 1 is the highest)"))
        let priorities = try cli.read("a/priorities.csv").split(separator: "\n").filter { $0.contains(",2020,") }
        let listed = priorities.prefix(10).map { String($0.split(separator: ",")[1]) }
        let printed = first.stdout.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            return cells.count >= 3 && cells[1].hasPrefix("BU") ? String(cells[1]) : nil
        }
        #expect(printed == listed)
        // Kloosheide's index of 2020 is below 0 (the scale is fixed on 2017): the summary says why.
        #expect(first.stdout.contains("-0.17\n"))
        #expect(first.stdout.hasSuffix("A score below 0 or above 100 is not an error: the scale is fixed on 2017, "
            + "so a unit that later scores worse than the worst (better than the best) of 2017 falls outside it.\n"))
        let second = try cli.run(["run", model, "--out", "b", "--stages", "--quiet"])
        #expect(second.status == 0 && second.stdout.isEmpty)
        for file in ["scores.csv", "ranks.csv", "analysis/reliability.csv", "analysis/pca.csv",
                     "analysis/weights_pca.csv", "stages/raw.csv", "stages/aggregated.csv"] {
            let a = try cli.read("a/\(file)"), b = try cli.read("b/\(file)")
            #expect(!a.isEmpty && a == b, "\(file) differs between identical runs")
        }

        let scores = try Self.table(cli.path("a/scores.csv"))
        #expect(scores.header == ["unit", "name", "period", "index", "cohesion", "nuisance", "deterioration",
                                  "crime", "victimisation", "unsafety", "rank"])
        // 19 buurten × 4 years, minus the unit-years the screen drops (no survey).
        let raw = try Self.table(cli.path("a/stages/raw.csv"))
        #expect(raw.rows.count == 76)
        #expect(scores.rows.count <= 76 && scores.rows.count >= 70)
        // The index is the mean of its six dimensions (equal weights, arithmetic).
        for row in scores.rows {
            let dims = row[4...9].compactMap { Double($0) }
            let index = try #require(Double(row[3]))
            #expect(index.isApproximatelyEqual(to: dims.reduce(0, +) / Double(dims.count), absoluteTolerance: 1e-9))
        }
        // Ranks within each year are a permutation-with-ties starting at 1.
        let byYear = Dictionary(grouping: scores.rows, by: { $0[2] })
        for (_, rows) in byYear {
            let ranks = rows.map { Int($0[10])! }.sorted()
            #expect(ranks.first == 1 && ranks.last! <= rows.count)
        }
        let reliability = try Self.table(cli.path("a/analysis/reliability.csv"))
        #expect(reliability.rows.map { $0[0] } == ["cohesion", "nuisance", "deterioration", "crime", "victimisation", "unsafety"])
        try Self.checkUncertaintyOutputs(cli, scores: scores)
    }

    /// The demo model has `uncertainty:` (1000 replications, sensitivity on) and `priorities: {top: 5}`.
    static func checkUncertaintyOutputs(_ cli: CLIHarness, scores: CSVTable) throws {
        for file in ["uncertainty.csv", "priorities.csv", "themes.csv", "sensitivity.csv", "removal.csv", "report.md", "report.html"] {
            #expect(cli.exists("a/\(file)"), "\(file) missing")
        }
        let uncertainty = try table(cli.path("a/uncertainty.csv"))
        #expect(uncertainty.header == ["unit", "name", "period", "score", "rank", "rank_mean", "rank_median", "rank_p05",
                                       "rank_p95", "score_p05", "score_p50", "score_p95", "p_top", "replications"])
        #expect(uncertainty.rows.count == scores.rows.count)
        // No replication of the demo is left out: every row's statistics come from all 1000.
        #expect(uncertainty.rows.allSatisfy { $0[13] == "1000" })
        let recorded = try Manifest.parse(try Data(contentsOf: URL(fileURLWithPath: cli.path("a/manifest.json"))), file: "manifest.json")
        #expect(recorded.uncertainty?.replicationsLeftOut == 0 && recorded.uncertainty?.changeReplicationsLeftOut == 0)
        #expect(recorded.uncertainty?.sensitivityRowsLeftOut == 0)
        #expect(recorded.uncertainty?.indexScoresWithBand == uncertainty.rows.count)
        let outside = uncertainty.rows.filter { Double($0[3])! < Double($0[9])! || Double($0[3])! > Double($0[11])! }.count
        #expect(recorded.uncertainty?.indexScoresOutsideBand == outside)
        for row in uncertainty.rows {
            let v = row[3...].map { Double($0)! }
            // rank_p05 ≤ rank_median ≤ rank_p95, score_p05 ≤ score_p50 ≤ score_p95, 0 ≤ p_top ≤ 1.
            #expect(v[4] <= v[3] && v[3] <= v[5] && v[6] <= v[7] && v[7] <= v[8] && (0...1).contains(v[9]))
        }
        // Exactly five buurten are the five lowest in each replication (ties aside): Σ p_top ≈ 5 per year.
        for (_, rows) in Dictionary(grouping: uncertainty.rows, by: { $0[2] }) {
            let total = rows.map { Double($0[12])! }.reduce(0, +)
            #expect(total >= 5 - 1e-9 && total <= 5.05)
        }
        let priorities = try table(cli.path("a/priorities.csv"))
        #expect(priorities.header == ["priority", "unit", "name", "period", "score", "rank", "rank_p05", "rank_p95", "p_top", "category"])
        for (_, rows) in Dictionary(grouping: priorities.rows, by: { $0[3] }) {
            // Priority 1 is the lowest index score of its year, and scores rise with the priority number.
            let ordered = rows.sorted { Int($0[0])! < Int($1[0])! }
            let values = ordered.map { Double($0[4])! }
            #expect(values == values.sorted())
            #expect(Int(ordered[0][5]) == ordered.count)
        }
        let themes = try table(cli.path("a/themes.csv"))
        #expect(themes.header == ["unit", "name", "period", "priority", "group", "score", "reference", "gap", "gap_p05",
                                  "gap_p95", "p_worst", "significant"])
        for row in themes.rows {
            // gap = reference − score; significant exactly when the band excludes zero on the "behind" side.
            #expect(abs(Double(row[7])! - (Double(row[6])! - Double(row[5])!)) < 1e-9)
            #expect((row[11] == "true") == (Double(row[8])! > 0))
        }
        let sensitivity = try table(cli.path("a/sensitivity.csv"))
        #expect(sensitivity.rows.map { $0[0] } == ["weights", "normalise", "treat", "impute", "sampling"])
        let removal = try table(cli.path("a/removal.csv"))
        #expect(removal.rows.map { $0[0] } == ["cohesion", "nuisance", "deterioration", "crime", "victimisation", "unsafety"])
    }

    @Test func checkAcceptsTheDemoAndSynthReproducesIt() throws {
        let cli = try CLIHarness()
        let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
        let check = try cli.run(["check", demo.appendingPathComponent("model.yml").path])
        #expect(check.status == 0, "stderr: \(check.stderr)")
        #expect(check.stdout.contains("ok"))
        let synth = try cli.run(["synth", "--units", "19", "--years", "2017-2020", "--seed", "2017",
                                 "--method-break", "2018", "--recode", "2019", "--out", "demo"])
        #expect(synth.status == 0, "stderr: \(synth.stderr)")
        for file in ["data.csv", "model.yml", "crosswalk.csv"] {
            let committed = try String(contentsOf: demo.appendingPathComponent(file), encoding: .utf8)
            #expect(try cli.read("demo/\(file)") == committed, "datasets/demo/\(file) is not the generator's output")
        }
        // The card is generated; the section on the 2021 figures is appended after it.
        let card = try String(contentsOf: demo.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(card.hasPrefix(try cli.read("demo/README.md")), "datasets/demo/README.md does not start with the generator's card")
    }
}

/// The ASEM example through `buurtscore run` with COINr's own iData and iMeta.
@Suite(.enabled(if: CLIHarness.sharedAvailable, "../shared/peers/coinr-asem is absent: COINr cross-check skipped"))
struct ASEMEndToEndTests {
    static let asem = CLIHarness.shared.appendingPathComponent("peers/coinr-asem")

    static let model = """
        title: ASEM connectivity and sustainability (COINr example)
        data: \(asem.appendingPathComponent("input_iData.csv").path)
        metadata: \(asem.appendingPathComponent("input_iMeta.csv").path)
        unit: uCode
        name: uName
        denominate: {scale: 1}
        impute: {method: mean, by: EurAsia_group}
        screen: {min_coverage: 0.9}
        treat: {method: winsorise, max_points: 5, max_skew: 2, max_kurtosis: 3.5}
        normalise: {method: minmax, range: [0, 100]}
        aggregate: {method: arithmetic}
        """

    /// Largest |ours − COINr| over every numeric cell of `columns`, joining rows on the unit code.
    static func deviation(ours: CSVTable, reference file: String, columns: [String]) throws -> Double {
        let ref = try CSVReader.read(path: asem.appendingPathComponent(file).path)
        let refUnit = ref.header.firstIndex(of: "uCode")!
        let refRows = Dictionary(uniqueKeysWithValues: ref.rows.map { ($0[refUnit], $0) })
        var worst = 0.0
        for row in ours.rows {
            let refRow = try #require(refRows[row[0]], "unit \(row[0]) missing from \(file)")
            for code in columns {
                let mine = ours.rows.isEmpty ? "" : row[ours.header.firstIndex(of: code)!]
                let theirs = refRow[ref.header.firstIndex(of: code)!]
                if theirs == "NA" || theirs.isEmpty {
                    #expect(mine.isEmpty, "\(file) \(row[0]) \(code): COINr has NA, we have \(mine)")
                } else {
                    let a = try #require(Double(mine), "\(file) \(row[0]) \(code): no value"), b = Double(theirs)!
                    worst = max(worst, abs(a - b))
                }
            }
        }
        #expect(ours.rows.count == ref.rows.count)
        return worst
    }

    @Test func everyStageAndTheScoresEqualCOINr() throws {
        let cli = try CLIHarness()
        let modelPath = try cli.write("asem.yml", Self.model)
        let outcome = try cli.run(["run", modelPath, "--out", "out", "--stages", "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let meta = try Fixtures.asemIndicatorsAndAggregates()
        let stages: [(String, String)] = [
            ("raw", "pipeline_01_Raw.csv"), ("denominated", "pipeline_02_Denominated.csv"),
            ("imputed", "pipeline_03_Imputed.csv"), ("screened", "pipeline_04_Screened.csv"),
            ("treated", "pipeline_05_Treated.csv"), ("normalised", "pipeline_06_Normalised.csv"),
        ]
        for (stage, file) in stages {
            let ours = try CSVReader.read(path: cli.path("out/stages/\(stage).csv"))
            let worst = try Self.deviation(ours: ours, reference: file, columns: meta.indicators)
            #expect(worst < 1e-9, "stage \(stage): max deviation \(worst)")
        }
        let aggregated = try CSVReader.read(path: cli.path("out/stages/aggregated.csv"))
        #expect(try Self.deviation(ours: aggregated, reference: "pipeline_07_Aggregated.csv",
                                   columns: meta.indicators + meta.aggregates) < 1e-9)
        let scores = try CSVReader.read(path: cli.path("out/scores.csv"))
        #expect(try Self.deviation(ours: scores, reference: "pipeline_results_scores.csv", columns: meta.aggregates) < 1e-9)
        // Ranks are integers: equal exactly, for the index (`rank`) and every aggregate.
        let ranks = try CSVReader.read(path: cli.path("out/ranks.csv"))
        #expect(try Self.deviation(ours: ranks, reference: "pipeline_results_ranks.csv", columns: meta.aggregates) == 0)
        let refScores = try CSVReader.read(path: Self.asem.appendingPathComponent("pipeline_results_scores.csv").path)
        let refRank = Dictionary(uniqueKeysWithValues: refScores.rows.map { ($0[0], $0[1]) })
        for row in scores.rows { #expect(refRank[row[0]] == row[scores.header.firstIndex(of: "rank")!]) }
    }
}

enum Fixtures {
    /// Indicator and aggregate codes of the ASEM iMeta, in file order.
    static func asemIndicatorsAndAggregates() throws -> (indicators: [String], aggregates: [String]) {
        let meta = try CSVReader.read(path: ASEMEndToEndTests.asem.appendingPathComponent("input_iMeta.csv").path)
        let code = meta.header.firstIndex(of: "iCode")!, type = meta.header.firstIndex(of: "Type")!
        return (meta.rows.filter { $0[type] == "Indicator" }.map { $0[code] },
                meta.rows.filter { $0[type] == "Aggregate" }.map { $0[code] })
    }
}
