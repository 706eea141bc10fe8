import BuurtNumerics
import BuurtRanking
import Numerics
import Foundation
import Testing
import BuurtIndex

@Suite struct UncertaintyEngineTests {
    static let model = try! TestPanels.model(dims: 3, perDim: 4)
    static let panel = TestPanels.panel(model: model, units: 40, periods: [2019, 2020], missing: 0.1, seed: 11)
    static let codes = ["index", "d1", "d2", "d3"]

    /// Weight noise on indicators and dimensions, two normalisations: the compiled path applies.
    static let linearInputs = UncertaintySpec(
        weights: WeightNoise(noise: 0.3, levels: [1, 2]),
        normalise: [NormaliseParameters(method: .minmax(lower: 1, upper: 100)), NormaliseParameters(method: .zscore(mean: 10, sd: 2))],
        replications: 150, seed: 5)

    static func engine(_ u: UncertaintySpec, path: EvaluationPath = .automatic, spec: PipelineSpec = TestPanels.spec) throws -> UncertaintyEngine {
        try UncertaintyEngine(panel: panel, model: model, spec: spec, uncertainty: u, scoreCodes: codes, path: path)
    }

    @Test func drawsComeFromTheReplicationStreamAlone() throws {
        let e = try Self.engine(Self.linearInputs)
        #expect(e.inputNames == ["weights", "normalise"])
        // Heights 1 and 2: 12 indicators and 3 dimensions, in model order.
        #expect(e.weightNodes.count == 15 && e.weightNodes.first == "d1" && e.weightNodes[1] == "x1_1")
        let d = e.draw(replication: 17)
        #expect(d == e.draw(replication: 17))
        // Same stream by hand: 15 multipliers U(0.7, 1.3), then ⌊2u⌋.
        var g = RandomStream(seed: 5, stream: 17)
        let m = (0..<15).map { _ in 0.7 + 0.6 * g.uniform() }
        #expect(d.weightMultipliers == m)
        #expect(d.normaliseIndex == Int(g.uniform() * 2))
        #expect(d.samplingStream == nil && d.aggregateIndex == nil)
        // A design point: u = 0.5 for weights picks replication ⌊0.5·150⌋ = 75's multipliers.
        let s = e.draw(sample: [0.5, 0.99])
        #expect(s.weightMultipliers == e.draw(replication: 75).weightMultipliers && s.normaliseIndex == 1)
    }

    @Test func linearPathEqualsPipelineRunsWithMissingValues() throws {
        let fast = try Self.engine(Self.linearInputs)
        let slow = try Self.engine(Self.linearInputs, path: .general)
        #expect(fast.usesCompiledPath && !slow.usesCompiledPath)
        let draws = (0..<60).map { fast.draw(replication: $0) }
        let a = try fast.evaluate(draws, threads: 2)
        let b = try slow.evaluate(draws, threads: 2)
        #expect(a.failures.isEmpty && b.failures.isEmpty)
        var worst = 0.0, missing = 0
        for (x, y) in zip(a.values, b.values) {
            #expect(x.isNaN == y.isNaN)
            if x.isNaN { missing += 1 } else { worst = max(worst, abs(x - y)) }
        }
        #expect(worst < 1e-9)
        #expect(missing > 0, "the coverage rule should leave some dimension scores missing")
    }

    @Test(arguments: [EvaluationPath.automatic, .general])
    func sameSeedSameScoresForAnyThreadCount(path: EvaluationPath) throws {
        let e = try Self.engine(Self.linearInputs, path: path)
        let draws = (0..<100).map { e.draw(replication: $0) }
        let one = try e.evaluate(draws, threads: 1)
        let two = try e.evaluate(draws, threads: 2)
        let sameScores = one == two
        #expect(sameScores)
        let s1 = try UncertaintySummary.compute(engine: e, threads: 1)
        let s2 = try UncertaintySummary.compute(engine: e, threads: 2)
        // Field by field, NaN included (printed values are exact: shortest round-trip).
        let same = String(describing: s1) == String(describing: s2)
        #expect(same)
    }

    @Test(arguments: [EvaluationPath.automatic, .general])
    func aSubsetRecomputedAloneEqualsItsSlice(path: EvaluationPath) throws {
        let e = try Self.engine(Self.linearInputs, path: path)
        let all = try e.evaluate((0..<150).map { e.draw(replication: $0) }, threads: 2)
        let part = try e.evaluate((37..<71).map { e.draw(replication: $0) }, threads: 1)
        for c in 0..<Self.codes.count {
            for (k, r) in (37..<71).enumerated() {
                let same = zip(part.scores(code: c, draw: k), all.scores(code: c, draw: r))
                    .allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
                #expect(same, "code \(Self.codes[c]), replication \(r)")
            }
        }
    }

    @Test(arguments: [EvaluationPath.automatic, .general])
    func zeroNoiseCollapsesEveryBandToTheNominalRun(path: EvaluationPath) throws {
        let e = try Self.engine(UncertaintySpec(weights: WeightNoise(noise: 0, levels: [1, 2]), replications: 40), path: path)
        let nominal = e.nominal.aggregated
        let ranks = nominal.ranksWithinPeriods(of: "index")!
        let result = try UncertaintySummary.compute(engine: e, threads: 2)
        #expect(result.units.count == nominal.rowCount)
        for u in result.units {
            let score = nominal.column("index")![u.row]
            #expect(u.score.bitPattern == score.bitPattern && u.rank.bitPattern == ranks[u.row].bitPattern)
            if score.isNaN { continue }
            #expect(u.replications == 40)
            #expect([u.rankP05, u.rankMedian, u.rankP95, u.rankMean] == [u.rank, u.rank, u.rank, u.rank])
            #expect([u.scoreP05, u.scoreP50, u.scoreP95] == [score, score, score])
        }
    }

    @Test func evaluateReturnsNominalRowOrder() throws {
        let e = try Self.engine(UncertaintySpec(weights: WeightNoise(noise: 0, levels: [2]), replications: 3))
        let block = try e.evaluate([e.draw(replication: 0)])
        let nominal = e.nominal.aggregated
        for (c, code) in Self.codes.enumerated() {
            let expected = nominal.column(code)!
            #expect(zip(block.scores(code: c, draw: 0), expected).allSatisfy { $0.bitPattern == $1.bitPattern })
        }
    }

    /// A geometric mean of min-max [0, 100] data meets the zeros at each indicator's minimum:
    /// those replications fail, are counted, and leave NaN; the arithmetic ones are scored. The
    /// compiled path fails the same draws with the same messages as pipeline runs.
    @Test func failingReplicationsAreCountedNotFatal() throws {
        let u = UncertaintySpec(aggregate: [.arithmetic, .geometric], replications: 30, seed: 2)
        let e = try Self.engine(u)
        #expect(e.usesCompiledPath)
        let draws = (0..<30).map { e.draw(replication: $0) }
        let block = try e.evaluate(draws, threads: 2)
        let general = try Self.engine(u, path: .general).evaluate(draws, threads: 1)
        #expect(block.failures.map(\.draw) == general.failures.map(\.draw))
        #expect(block.failures.map(\.message) == general.failures.map(\.message))
        let geometric = draws.indices.filter { draws[$0].aggregateIndex == 1 }
        #expect(!geometric.isEmpty && geometric.count < 30)
        #expect(block.failures.map(\.draw) == geometric)
        #expect(block.failures.allSatisfy { $0.message.contains("geometric mean needs positive values") })
        for d in geometric { #expect(block.scores(code: 0, draw: d).allSatisfy { $0.isNaN }) }
        let summary = try UncertaintySummary.compute(engine: e, threads: 2)
        #expect(summary.failures.map(\.draw) == geometric)
        let scored = summary.units.filter { !$0.score.isNaN }
        #expect(scored.allSatisfy { $0.replications == 30 - geometric.count })
    }

    @Test func drawsThatDoNotFitAreRejected() throws {
        let e = try Self.engine(Self.linearInputs)
        #expect(throws: BuurtError.self) { try e.evaluate([ReplicationDraw(weightMultipliers: [1, 1])]) }
        #expect(throws: BuurtError.self) { try e.evaluate([ReplicationDraw(normaliseIndex: 2)]) }
        #expect(throws: BuurtError.self) { try e.evaluate([ReplicationDraw(treatIndex: 0)]) }
    }

    @Test func invalidSettingsNameTheProblem() {
        func message(_ u: UncertaintySpec, codes: [String] = Self.codes) -> String? {
            do { _ = try UncertaintyEngine(panel: Self.panel, model: Self.model, spec: TestPanels.spec, uncertainty: u, scoreCodes: codes); return nil }
            catch { return error.message }
        }
        #expect(message(UncertaintySpec(weights: WeightNoise(noise: 1, levels: [2])))?.contains("[0, 1)") == true)
        #expect(message(UncertaintySpec(weights: WeightNoise(noise: 0.1, levels: [4])))?.contains("levels are 1, 2, 3") == true)
        #expect(message(UncertaintySpec(replications: 0))?.contains("at least 1") == true)
        #expect(message(UncertaintySpec(sampling: true))?.contains("no indicator declares") == true)
        #expect(message(UncertaintySpec(), codes: ["x1_1", "nope"])?.contains("'nope'") == true)
    }
}

/// Collects progress reports from worker threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls: [(Int, Int)] = []
    func record(_ done: Int, _ total: Int) {
        lock.lock()
        calls.append((done, total))
        lock.unlock()
    }
}

@Suite struct ProgressTests {
    @Test func progressCountsEveryEvaluatedReplication() throws {
        let e = try UncertaintyEngineTests.engine(UncertaintyEngineTests.linearInputs)
        let log = ProgressLog()
        _ = try UncertaintySummary.compute(engine: e, threads: 2) { log.record($0, $1) }
        // One index pass over 150 replications (everything fits in memory at once).
        #expect(log.calls.last.map { $0 == (150, 150) } == true)
        #expect(zip(log.calls, log.calls.dropFirst()).allSatisfy { $0.0 < $1.0 })
        let block = ProgressLog()
        _ = try e.evaluate((0..<40).map { e.draw(replication: $0) }, threads: 2) { block.record($0, $1) }
        #expect(block.calls.map(\.0).max() == 40 && block.calls.allSatisfy { $0.1 == 40 })
    }
}
