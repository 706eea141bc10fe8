import BuurtNumerics
import BuurtRanking
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// Report inputs used by the report tests: the committed demo (19 buurten), a small hand-made
/// model, and large synthetic data.
enum ReportFixture {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo as `buurtscore run` computes it: nominal run, multivariate analysis, removal analysis.
    static func demo(language: ReportLanguage? = nil, withBands: Bool = false) throws -> ReportInput {
        let project = try IndexProject.load(modelPath: projectRoot.appendingPathComponent("datasets/demo/model.yml").path)
        return try input(project, language: language, bands: withBands ? (200, 128) : nil)
    }

    /// Synthetic data of `units` buurten (2017–2020, seed 99) through the same steps; `bands`:
    /// replications and sensitivity samples (0: no sensitivity) of ``WeightNoiseBands``.
    /// - Parameter withMap: gives the report synth's map (`buurten.geojson`).
    static func synthetic(units: Int, bands: (replications: Int, samples: Int)? = nil, withMap: Bool = false) throws -> ReportInput {
        let set = SyntheticData.generate(units: units, years: 2017...2020, seed: 99)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurt-report-\(units)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try set.dataCSV.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try set.modelYAML.write(to: folder.appendingPathComponent("model.yml"), atomically: true, encoding: .utf8)
        try set.mapGeoJSON?.write(to: folder.appendingPathComponent("buurten.geojson"), atomically: true, encoding: .utf8)
        let project = try IndexProject.load(modelPath: folder.appendingPathComponent("model.yml").path)
        var made = try input(project, language: nil, bands: bands)
        if withMap { made.map = project.map }
        return made
    }

    static func input(_ project: IndexProject, language: ReportLanguage?, bands: (replications: Int, samples: Int)?) throws -> ReportInput {
        let result = try project.run(keepIntermediate: true)
        let normalised = try #require(result.panel(after: .normalised))
        let analysis = try GroupAnalysis.run(normalised, model: project.model, period: normalised.periodList.last ?? nil)
        let removal = try RemovalAnalysis.run(nominal: result, model: project.model, spec: project.file.spec)
        var input = ReportInput(language: language, model: project.model, file: project.file, result: result,
                                analysis: analysis, removal: removal, dataPath: project.dataPath)
        input.changes = try ChangePass.nominal(aggregated: result.aggregated, project: project)
        if let bands {
            let noise = try WeightNoiseBands(project: project, nominal: result, replications: bands.replications)
            input.priorities = noise.priorities
            input.themes = noise.themes
            input.replications = bands.replications
            if bands.samples > 0 {
                input.sensitivity = try WeightNoiseBands.sensitivity(project: project, nominal: result, samples: bands.samples)
            }
        }
        return input
    }
}

/// A small uncertainty analysis for the tests: each replication multiplies every dimension and
/// indicator weight by U(0.75, 1.25) (stream (7, r)) and re-aggregates the nominal normalised data. It
/// gives real rank and gap bands to render; it is not the product's uncertainty engine.
struct WeightNoiseBands {
    var priorities: [ReportPriority]
    var themes: [ReportTheme]

    init(project: IndexProject, nominal: PipelineResult, replications: Int) throws {
        let model = project.model
        let normalised = try #require(nominal.panel(after: .normalised))
        let aggregated = nominal.aggregated
        let dimensions = model.children(of: model.root)
        let periods = PeriodPartition(aggregated)
        let n = aggregated.rowCount
        var scores: [[Double]] = [], ranks: [[Double]] = [], dimensionScores: [[[Double]]] = []
        for r in 0..<replications {
            var rng = RandomStream(seed: 7, stream: UInt64(r))
            var weights: [String: Double] = [:]
            for code in dimensions + model.indicators { weights[code] = (model.node(code)?.weight ?? 1) * (0.75 + 0.5 * rng.uniform()) }
            let run = try Pipeline.run(normalised, model: model.withWeights(weights), spec: project.file.spec,
                                       resumingAfter: .normalised, keepIntermediate: false)
            let index = try #require(run.aggregated.column(model.root))
            scores.append(index)
            ranks.append(periods.ranks(index))
            dimensionScores.append(try dimensions.map { try #require(run.aggregated.column($0)) })
        }
        let nominalList = ReportLists.priorities(aggregated, model: model, spec: project.file.priorities ?? PrioritySpec())
        let top = (project.file.priorities ?? PrioritySpec()).top
        // p_top: among the `top` lowest scores of the period in a replication.
        var inTop = [Int](repeating: 0, count: n)
        for s in scores {
            for rows in periods.groups {
                let ordered = rows.filter { s[$0].isFinite }.sorted { (s[$0], $0) < (s[$1], $1) }
                for r in ordered.prefix(top) { inTop[r] += 1 }
            }
        }
        var rowOf: [String: Int] = [:]
        for r in 0..<n { rowOf[aggregated.unitCodes[r] + "|" + String(aggregated.periods[r] ?? 0)] = r }
        priorities = nominalList.map { p in
            var p = p
            let r = rowOf[p.unit + "|" + String(p.period ?? 0)]!
            let rankSample = ranks.map { $0[r] }, scoreSample = scores.map { $0[r] }
            p.rankP05 = Descriptive.quantile(rankSample, 0.05)
            p.rankP95 = Descriptive.quantile(rankSample, 0.95)
            p.scoreP05 = Descriptive.quantile(scoreSample, 0.05)
            p.scoreP95 = Descriptive.quantile(scoreSample, 0.95)
            p.pTop = Double(inTop[r]) / Double(replications)
            return p
        }
        // Gaps against the period mean of the same replication.
        let nominalThemes = ReportLists.themes(aggregated, model: model, spec: project.file.priorities ?? PrioritySpec())
        var gaps = [[Double]](repeating: [], count: nominalThemes.count)
        var worst = [Int](repeating: 0, count: nominalThemes.count)
        let dimensionIndex = Dictionary(uniqueKeysWithValues: dimensions.enumerated().map { ($1, $0) })
        var themeOf = [Int](repeating: -1, count: n * dimensions.count)  // row-major (row, dimension)
        for (k, th) in nominalThemes.enumerated() {
            let r = rowOf[th.unit + "|" + String(th.period ?? 0)]!
            themeOf[r * dimensions.count + dimensionIndex[th.group]!] = k
        }
        for rep in dimensionScores {
            for rows in periods.groups {
                let means = rep.map { column in Descriptive.mean(rows.map { column[$0] }.filter(\.isFinite)) }
                for r in rows {
                    let g = dimensions.indices.map { means[$0] - rep[$0][r] }
                    let largest = g.filter(\.isFinite).max()
                    for d in dimensions.indices {
                        let k = themeOf[r * dimensions.count + d]
                        guard k >= 0 else { continue }
                        gaps[k].append(g[d])
                        if g[d] == largest { worst[k] += 1 }
                    }
                }
            }
        }
        themes = nominalThemes.enumerated().map { k, th in
            var th = th
            th.gapP05 = Descriptive.quantile(gaps[k].filter(\.isFinite), 0.05)
            th.gapP95 = Descriptive.quantile(gaps[k].filter(\.isFinite), 0.95)
            th.pWorst = Double(worst[k]) / Double(replications)
            th.significant = th.gapP05 > 0
            return th
        }
    }

    /// Sensitivity of the mean rank shift to each dimension weight (U(0.75, 1.25) × weight), N = `samples`.
    static func sensitivity(project: IndexProject, nominal: PipelineResult, samples: Int) throws -> [ReportSensitivity] {
        let model = project.model
        let normalised = try #require(nominal.panel(after: .normalised))
        let dimensions = model.children(of: model.root)
        let periods = PeriodPartition(nominal.aggregated)
        let nominalScores = try #require(nominal.aggregated.column(model.root))
        let indices = try SensitivityAnalysis.run(inputs: dimensions.count, samples: samples, seed: 11, bootstrap: 100) { points in
            try points.map { u in
                var weights: [String: Double] = [:]
                for (i, d) in dimensions.enumerated() { weights[d] = (model.node(d)?.weight ?? 1) * (0.75 + 0.5 * u[i]) }
                let run = try Pipeline.run(normalised, model: model.withWeights(weights), spec: project.file.spec,
                                           resumingAfter: .normalised, keepIntermediate: false)
                return meanAbsoluteRankShift(nominal: nominalScores, replication: run.aggregated.column(model.root) ?? [], periods: periods)
            }
        }
        return indices.map { ReportSensitivity($0, inputNames: dimensions.map { (model.node($0)?.name ?? $0) + " (weight)" }) }
    }
}

@Suite struct ReportInputTests {
    @Test func titleAndLanguageDefaultToTheModelFile() throws {
        let demo = try ReportFixture.demo()
        // datasets/demo/model.yml: title "Leefbaarheid en veiligheid (synthetic demo)", language nl.
        #expect(demo.title == "Leefbaarheid en veiligheid (synthetic demo)")
        #expect(demo.language == .nl)
        #expect(demo.dataPath?.hasSuffix("datasets/demo/data.csv") == true)
        let english = try ReportFixture.demo(language: .en)
        #expect(english.language == .en)
        #expect(ReportLanguage(code: "en") == .en && ReportLanguage(code: "fr") == .nl && ReportLanguage(code: nil) == .nl)
    }

    @Test func sensitivityRowsTakeTheirDesignColumnsName() {
        let index = SensitivityIndex(input: 1, firstOrder: 0.25, total: 0.5)
        #expect(ReportSensitivity(index, inputNames: ["weights", "normalisation"]).input == "normalisation")
        #expect(ReportSensitivity(SensitivityIndex(input: 2, firstOrder: 0, total: 0), inputNames: ["weights"]).input == "input 3")
    }
}
