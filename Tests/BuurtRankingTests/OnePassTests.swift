import BuurtNumerics
import Foundation
@testable import BuurtRanking
import Testing
import BuurtIndex

/// Every band from one evaluation per replication: the splits of the memory budget, the thread
/// count and the evaluation path change no result at the same sample precision, and change
/// bands equal the type-7 quantiles of s_to,r − s_from,r from ``UncertaintyEngine/evaluate(_:threads:progress:)``.
@Suite struct OnePassTests {
    static let uncertainty = UncertaintySpec(
        weights: WeightNoise(noise: 0.3, levels: [1, 2]),
        normalise: [NormaliseParameters(), NormaliseParameters(method: .rank)], replications: 120, seed: 4)

    /// index ← d1, d2, d3 (3 indicators each); 30 units × 2019–2021, 5 % missing.
    static func engine(_ model: IndexModel, path: EvaluationPath = .automatic,
                       uncertainty: UncertaintySpec = Self.uncertainty) throws -> UncertaintyEngine {
        let panel = TestPanels.panel(model: model, units: 30, periods: [2019, 2020, 2021], missing: 0.05, seed: 21)
        return try UncertaintyEngine(panel: panel, model: model, spec: TestPanels.spec, uncertainty: uncertainty,
                                     scoreCodes: UncertaintySummary.scoreCodes(model: model, priorities: PrioritySpec(), changes: true),
                                     path: path)
    }

    /// Summary and change bands as text: Double's description round-trips, so equal text is
    /// equal bits (NaN included).
    static func run(_ engine: UncertaintyEngine, budget: Int, threads: Int) throws -> (text: String, changes: ChangeAnalysis) {
        let nominal = ChangeAnalysis.nominal(engine.rows, model: engine.model, from: 2019, to: 2021, breaks: [])
        let out = try UncertaintySummary.compute(engine: engine, priorities: PrioritySpec(top: 4), changes: nominal,
                                                 threads: threads, memoryBudget: budget)
        let changes = try #require(out.changes)
        return ("\(out.result)\n\(changes)", changes)
    }

    static func plan(_ engine: UncertaintyEngine, budget: Int) throws -> SummaryPlan {
        let nominal = ChangeAnalysis.nominal(engine.rows, model: engine.model, from: 2019, to: 2021, breaks: [])
        return try SummaryPlan(engine: engine, priorities: PrioritySpec(top: 4), changes: nominal, memoryBudget: budget)
    }

    /// 90 rows × 120 replications × (2 + 4 · 8) = 367,200 bytes stored in double precision,
    /// × (2 + 4 · 4) = 194,400 in single: 300,000 stores Float samples, 100,000 (compiled path)
    /// splits: on the compiled path per-period index passes, theme tiles and recomputed change
    /// chunks; on the general path one index pass (64,800 bytes), theme and change chunks.
    @Test(arguments: [EvaluationPath.automatic, .general])
    func splitsAndThreadsGiveIdenticalResults(path: EvaluationPath) throws {
        let e = try Self.engine(TestPanels.model(dims: 3, perDim: 3), path: path)
        let modes = try [1 << 30, 300_000, 100_000].map { try Self.plan(e, budget: $0) }
        #expect(modes.map(\.fitsAsDouble) == [true, false, false])
        #expect(modes.map(\.storesSamples) == [true, true, false])
        #expect(modes[2].indexGroups.count == (path == .general ? 1 : 3) && !modes[2].themeChunks.isEmpty)
        let double = try Self.run(e, budget: 1 << 30, threads: 2)
        let stored = try Self.run(e, budget: 300_000, threads: 2)
        let split = try Self.run(e, budget: 100_000, threads: 1)
        let splitTwo = try Self.run(e, budget: 100_000, threads: 2)
        #expect(stored.text == split.text)
        #expect(split.text == splitTwo.text)
        #expect(try Self.run(e, budget: 1 << 30, threads: 1).text == double.text)
        // Single against double precision: changes of scores in [0, 100] move by ≤ 2 · 100 · 2⁻²⁴.
        func close(_ a: Double, _ b: Double) -> Bool { (a.isNaN && b.isNaN) || abs(a - b) <= 2e-5 }
        let rows = zip(double.changes.rows, stored.changes.rows)
        #expect(rows.allSatisfy { close($0.changeP05, $1.changeP05) && close($0.changeP95, $1.changeP95) })
        #expect(double.changes.rows.count == 30 * 4 && double.changes.rows.contains { $0.changeP05 < $0.changeP95 })
        #expect(double.changes.rows.allSatisfy { !$0.changeP05.isNaN || $0.change.isNaN })
        #expect(double.changes.replications == 120)
    }

    /// index ← a ← {d1, d2}, b ← d3: the problem dimensions a, b aggregate varying aggregates,
    /// so beyond the budget the compiled path scores them in chunks of rows (no tiles).
    /// Double samples only up to ``SummaryPlan/doubleLimit`` (1 GiB), whatever the budget: 90
    /// rows × 2,000,000 replications need more than 1.8 GB even without the sample codes, so a
    /// 16 GiB budget still stores them as Float; 120 replications stay Double.
    @Test func samplesBeyondAGigabyteAreSinglePrecision() throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        var many = Self.uncertainty
        many.replications = 2_000_000
        let large = try Self.plan(Self.engine(model, uncertainty: many), budget: 16 << 30)
        #expect(!large.fitsAsDouble && large.storesSamples)
        let small = try Self.plan(Self.engine(model), budget: 16 << 30)
        #expect(small.fitsAsDouble && small.storesSamples)
    }

    @Test func chunkedThemesGiveIdenticalResults() throws {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "a", kind: .aggregate, parent: "index"),
            ModelNode(code: "b", kind: .aggregate, parent: "index", weight: 2),
            ModelNode(code: "d1", kind: .aggregate, parent: "a"),
            ModelNode(code: "d2", kind: .aggregate, parent: "a", weight: 3),
            ModelNode(code: "d3", kind: .aggregate, parent: "b"),
        ] + (1...3).flatMap { d in
            (1...2).map { i in ModelNode(code: "x\(d)_\(i)", kind: .indicator, parent: "d\(d)", direction: i == 2 ? -1 : 1) }
        })
        let e = try Self.engine(model)
        #expect(e.usesCompiledPath)
        let plan = try Self.plan(e, budget: 30_000)
        #expect(!plan.storesSamples && plan.themeChunks.count > 1)
        #expect(ThemeTiles<Float>(plan: plan, draws: (0..<120).map(e.draw(replication:))) == nil)
        // 90 × 120 × (2 + 4 + 2 · 4) = 151,200 bytes in single precision.
        let stored = try Self.run(e, budget: 160_000, threads: 2)
        let chunked = try Self.run(e, budget: 30_000, threads: 2)
        #expect(stored.text == chunked.text)
        #expect(try Self.run(e, budget: 30_000, threads: 1).text == chunked.text)
    }

    /// Bands recomputed by hand: evaluate every replication, change_r = s_to,r − s_from,r per
    /// unit, and the type-7 quantiles h = (n − 1)·p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
    @Test(arguments: [EvaluationPath.automatic, .general])
    func bandsAreTheQuantilesOfTheEvaluatedChanges(path: EvaluationPath) throws {
        let e = try Self.engine(TestPanels.model(dims: 3, perDim: 3), path: path)
        let changes = try Self.run(e, budget: 1 << 30, threads: 2).changes
        let block = try e.evaluate((0..<120).map(e.draw(replication:)))
        let pairs = ChangeAnalysis.pairs(e.rows, from: 2019, to: 2021)
        func quantile(_ x: [Double], _ p: Double) -> Double {
            let s = x.sorted(), h = Double(s.count - 1) * p, lo = Int(h.rounded(.down))
            return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
        }
        var checked = 0
        for unit in [0, 7, 18, 29] {
            let (i, j) = pairs[unit]
            for (k, group) in changes.groups.enumerated() {
                let c = try #require(e.scoreCodes.firstIndex(of: group))
                let samples = (0..<120).map { r in
                    let s = Array(block.scores(code: c, draw: r))
                    return s[j] - s[i]
                }.filter { !$0.isNaN }
                let row = changes.rows[unit * changes.groups.count + k]
                guard !samples.isEmpty else { #expect(row.changeP05.isNaN); continue }
                #expect(abs(row.changeP05 - quantile(samples, 0.05)) <= 1e-9, "\(row.unit) \(group)")
                #expect(abs(row.changeP95 - quantile(samples, 0.95)) <= 1e-9, "\(row.unit) \(group)")
                checked += 1
            }
        }
        #expect(checked >= 12)
    }

    /// Noise on the dimensions' weights only: on the compiled path the dimensions do not depend
    /// on the weights and their change bands come from the alternatives' scores; the general
    /// path keeps every replication's scores. Both agree.
    @Test func fixedDimensionsMatchTheGeneralPath() throws {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        var u = Self.uncertainty
        u.weights = WeightNoise(noise: 0.3, levels: [2])
        let fast = try Self.run(Self.engine(model, uncertainty: u), budget: 1 << 30, threads: 2).changes
        let slow = try Self.run(Self.engine(model, path: .general, uncertainty: u), budget: 1 << 30, threads: 2).changes
        #expect(fast.rows.count == slow.rows.count)
        for (a, b) in zip(fast.rows, slow.rows) {
            #expect((a.changeP05.isNaN && b.changeP05.isNaN) || abs(a.changeP05 - b.changeP05) <= 1e-9)
            #expect((a.changeP95.isNaN && b.changeP95.isNaN) || abs(a.changeP95 - b.changeP95) <= 1e-9)
        }
        #expect(fast.rows.contains { $0.group == "d1" && $0.changeP05 < $0.changeP95 })
    }
    /// The demo model (general path: sampling, aggregate and treat alternatives) with its lists
    /// and change bands: the passes report R evaluations in all, one per replication, and the
    /// change bands are there.
    @Test func theDemoEvaluatesEachReplicationOnce() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/demo/model.yml").path
        let project = try IndexProject.load(modelPath: path)
        var spec = try #require(project.file.uncertainty)
        spec.replications = 24
        let priorities = project.file.priorities ?? PrioritySpec()
        let engine = try UncertaintyEngine(
            panel: project.panel, model: project.model, spec: project.file.spec, uncertainty: spec,
            scoreCodes: UncertaintySummary.scoreCodes(model: project.model, priorities: priorities, changes: true))
        #expect(!engine.usesCompiledPath)
        let nominal = try #require(try ChangePass.nominal(aggregated: engine.rows, project: project))
        let counter = EvaluationCounter()
        let out = try UncertaintySummary.compute(engine: engine, priorities: priorities, changes: nominal, threads: 2) {
            counter.note(finished: $0, total: $1)
        }
        #expect(counter.total == 24 && counter.finished == 24)
        let changes = try #require(out.changes)
        #expect(changes.replications == 24 && changes.rows.contains { $0.changeP05 < $0.changeP95 })
    }
}

/// The last (finished, total) a progress callback saw.
final class EvaluationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var values = (finished: 0, total: 0)
    var finished: Int { lock.withLock { values.finished } }
    var total: Int { lock.withLock { values.total } }

    func note(finished: Int, total: Int) {
        lock.withLock { values = (Swift.max(values.finished, finished), total) }
    }
}
