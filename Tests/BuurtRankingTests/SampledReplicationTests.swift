import BuurtNumerics
@testable import BuurtRanking
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// Replications with sampling on the column-wise path: equal to a pipeline run on the perturbed
/// panel, with draws keyed by what they perturb, for any thread count.
@Suite struct SampledReplicationTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo model and data as `run` loads them.
    static func demo() throws -> IndexProject {
        try IndexProject.load(modelPath: root.appendingPathComponent("datasets/demo/model.yml").path, recordingDigests: false)
    }

    /// `buurtscore synth` data of 40 buurten, 2017–2020: gaps in the data (a unit-year without
    /// its survey is screened out, scattered gaps are imputed by wijk) and the model's uncertainty.
    static func synthetic() throws -> IndexProject {
        let set = SyntheticData.generate(units: 40, years: 2017...2020, seed: 41)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurt-sampled-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try set.dataCSV.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try set.modelYAML.write(to: folder.appendingPathComponent("model.yml"), atomically: true, encoding: .utf8)
        try set.mapGeoJSON?.write(to: folder.appendingPathComponent("buurten.geojson"), atomically: true, encoding: .utf8)
        return try IndexProject.load(modelPath: folder.appendingPathComponent("model.yml").path, recordingDigests: false)
    }

    static func engine(_ project: IndexProject, replications: Int = 1000) throws -> UncertaintyEngine {
        var u = try #require(project.file.uncertainty)
        u.replications = replications
        let codes = project.model.nodes.filter { $0.kind == .aggregate }.map(\.code) + project.model.indicators.prefix(3)
        return try UncertaintyEngine(panel: project.panel, model: project.model, spec: project.file.spec, uncertainty: u, scoreCodes: codes)
    }

    static func sampled(_ e: UncertaintyEngine) -> GeneralEvaluator? {
        guard case .general(let g) = e.evaluator, g.sampled != nil else { return nil }
        return g
    }

    /// Every score of each draw equals the pipeline's on the perturbed raw panel (the draw's
    /// weights, alternatives and sampling) to 1e-12 relative; a draw the pipeline rejects fails.
    /// The normalised columns are aggregated by the compiled scorer's run-time entry.
    static func expectPipelineScores(_ project: IndexProject, draws: [Int]) throws {
        let e = try engine(project)
        let general = try #require(sampled(e), "the sampled path applies")
        #expect(general.scorer != nil, "the compiled scorer aggregates the sampled draws")
        #expect(general.sampled!.rowSets.allSatisfy { $0 != nil }, "every impute alternative keeps the nominal rows")
        let ds = draws.map { e.draw(replication: $0) }
        let block = try e.evaluate(ds, threads: 2)
        let rows = e.rows
        var compared = 0
        for (k, d) in ds.enumerated() {
            let input = general.sampling!.perturbed(project.panel, replication: d.samplingStream!)
            let reference: Panel
            do {
                reference = try Pipeline.run(input, model: GeneralEvaluator.model(e.model, d, plan: e.plan),
                                             spec: GeneralEvaluator.spec(e.spec, d, e.uncertainty), keepIntermediate: false).aggregated
            } catch {
                #expect(block.failures.contains { $0.draw == k }, "draw \(draws[k]) fails in the pipeline: \(error)")
                continue
            }
            #expect(!block.failures.contains { $0.draw == k })
            #expect(reference.unitCodes == rows.unitCodes && reference.periods == rows.periods)
            for (c, code) in e.scoreCodes.enumerated() {
                let column = try #require(reference.column(code))
                for i in 0..<rows.rowCount {
                    let got = block[code: c, draw: k, row: i], want = column[i]
                    #expect(got.isNaN == want.isNaN && (want.isNaN || abs(got - want) <= 1e-12 * Swift.max(1, abs(want))),
                            "draw \(draws[k]) \(code) row \(i): \(got) vs \(want)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }

    @Test func demoDrawsEqualThePipelineOnThePerturbedData() throws {
        try Self.expectPipelineScores(Self.demo(), draws: Array(0..<12) + [517, 998])
    }

    @Test func syntheticDrawsWithGapsAndGroupsEqualThePipeline() throws {
        let project = try Self.synthetic()
        #expect(project.panel.values.storage.contains { $0.isNaN }, "the data has gaps")
        try Self.expectPipelineScores(project, draws: Array(0..<10) + [321])
    }

    /// On the synthetic model (arithmetic means, every aggregate weighted by drawn weights) the
    /// compiled scorer keeps its run-time plan for the next sampled draw with the same missing
    /// cells; the scores of reused plans are those `syntheticDrawsWithGapsAndGroupsEqualThePipeline` checks.
    @Test func arithmeticSampledDrawsKeepTheRunTimePlan() throws {
        let e = try Self.engine(Self.synthetic())
        let draws = (0..<3).map { e.draw(replication: $0) }
        let n = e.layout.count
        var scores = [Double](repeating: .nan, count: e.scoreCodes.count * draws.count * n)
        var w = EvaluationWorkspace()
        let failures = scores.withUnsafeMutableBufferPointer { buffer in
            e.evaluateBlock(draws[...], positions: 0..<n, codes: Array(e.scoreCodes.indices),
                            into: ScoreOutput(base: buffer.baseAddress!, codeStride: draws.count * n, rowCount: n), workspace: &w)
        }
        #expect(failures.isEmpty)
        let kept = try #require(w.compiled.runTimePlan)
        #expect(kept.missing.count == e.model.indicators.count * n)
    }

    /// A block on 1 and on 2 threads, and a replication evaluated alone, give the same bits.
    @Test func threadCountAndRecomputationGiveIdenticalBits() throws {
        let e = try Self.engine(Self.synthetic())
        let draws = (0..<20).map { e.draw(replication: $0) }
        let one = try e.evaluate(draws, threads: 1), two = try e.evaluate(draws, threads: 2)
        let same = one == two
        #expect(same)
        let alone = try e.evaluate([e.draw(replication: 13)], threads: 1)
        for c in e.scoreCodes.indices {
            for i in 0..<e.rows.rowCount {
                #expect(alone[code: c, draw: 0, row: i].bitPattern == one[code: c, draw: 13, row: i].bitPattern)
            }
        }
    }

    /// A cell's draw depends on (seed, r, unit, period, indicator) only: reversing the rows,
    /// adding a period and a unit, and adding an indicator before the others leave every
    /// existing cell's draw unchanged, bit for bit; other seeds and replications change it.
    @Test func aCellsDrawIsUnchangedWhenRowsPeriodsAndIndicatorsAreAdded() throws {
        let model = SamplingTests.model
        let panel = SamplingTests.panel()
        let base = SamplingPerturbation(panel: panel, model: model, seed: 21)
        let drawn = base.perturbed(panel, replication: 5)

        var nodes = model.nodes
        nodes.insert(ModelNode(code: "share2", kind: .indicator, parent: "index", goalposts: (0, 100),
                               sampling: .binomial(sizeColumn: "survey_n", per: 100)), at: 1)
        let wider = try IndexModel(nodes: nodes)
        var rows: [[Double]] = [], units: [String] = [], periods: [Int?] = []
        for i in (0..<panel.rowCount).reversed() {
            for p in [2021, 2020] {
                units.append(panel.unitCodes[i])
                periods.append(p)
                rows.append([40] + (0..<5).map { panel.values[i, $0] })
            }
        }
        units.append("new")
        periods.append(2020)
        rows.append([40, 30, 50, 50, 300, 3000])
        let grown = Panel(unitCodes: units, periods: periods,
                          columnCodes: ["share2", "share", "burglary", "other", "survey_n", "population"], values: Matrix(rowMajor: rows))
        let regrown = SamplingPerturbation(panel: grown, model: wider, seed: 21).perturbed(grown, replication: 5)
        for i in 0..<panel.rowCount {
            let r = try #require(units.indices.first { units[$0] == panel.unitCodes[i] && periods[$0] == 2020 })
            for code in ["share", "burglary", "other"] {
                #expect(drawn.column(code)![i].bitPattern == regrown.column(code)![r].bitPattern, "\(code) of \(panel.unitCodes[i])")
            }
        }
        let otherReplication = base.perturbed(panel, replication: 6)
        let otherSeed = SamplingPerturbation(panel: panel, model: model, seed: 22).perturbed(panel, replication: 5)
        #expect(drawn.column("share")! != otherReplication.column("share")!)
        #expect(drawn.column("share")! != otherSeed.column("share")!)
        #expect(drawn.column("other")! == panel.column("other")!)
    }
}
