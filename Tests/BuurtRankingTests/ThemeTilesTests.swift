import BuurtNumerics
@testable import BuurtRanking
import Testing
import BuurtIndex

/// The theme tiles under every mean of the compiled path: gap quantiles and p_worst of each row
/// and dimension equal those computed by hand from pipeline runs (general path) of the same
/// draws, and the tiled summary equals the stored-sample summary.
@Suite struct ThemeTilesTests {
    /// Aggregate alternatives: each pair puts a non-arithmetic mean on the dimensions in some draws.
    static let alternatives: [[AggregateMethod]] = [
        [.arithmetic, .geometric], [.harmonic, .generalised(p: 2)], [.mazziottaPareto, .generalised(p: 0.5)],
        [.generalised(p: -1), .geometric],
    ]

    /// index ← d1, d2, d3 (3 indicators each, weights 1, 2, 3), 30 units × 2019–2021, 8 %
    /// missing; min-max [1, 100] keeps every geometric and harmonic mean defined.
    static func engine(_ aggregate: [AggregateMethod], path: EvaluationPath, lower: Double = 1) throws -> UncertaintyEngine {
        let model = try TestPanels.model(dims: 3, perDim: 3)
        let panel = TestPanels.panel(model: model, units: 30, periods: [2019, 2020, 2021], missing: 0.08, seed: 5)
        let spec = PipelineSpec(
            normalise: NormaliseParameters(method: .minmax(lower: lower, upper: 100)),
            aggregate: AggregateParameters(rule: AggregateRule(method: .arithmetic), levelRules: [2: AggregateRule(method: .arithmetic, minCoverage: 0.6)]))
        let uncertainty = UncertaintySpec(weights: WeightNoise(noise: 0.3, levels: [1, 2]), aggregate: aggregate, replications: 61, seed: 8)
        return try UncertaintyEngine(panel: panel, model: model, spec: spec, uncertainty: uncertainty,
                                     scoreCodes: UncertaintySummary.scoreCodes(model: model, priorities: PrioritySpec()), path: path)
    }

    /// Type-7 quantile of a sample, by sorting.
    static func quantile(_ x: [Double], _ p: Double) -> Double {
        let s = x.sorted(), h = Double(s.count - 1) * p, lo = Int(h.rounded(.down))
        return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        (a.isNaN && b.isNaN) || abs(a - b) <= tolerance
    }

    @Test(arguments: alternatives.indices)
    func tilesEqualTheGapsOfPipelineRuns(alternative: Int) throws {
        let compiled = try Self.engine(Self.alternatives[alternative], path: .automatic)
        let general = try Self.engine(Self.alternatives[alternative], path: .general)
        #expect(compiled.usesCompiledPath && !general.usesCompiledPath)
        // 90 rows × 61 replications × (2 + 4 + 3 · 4) bytes do not fit 20,000: tiles.
        let plan = try SummaryPlan(engine: compiled, priorities: PrioritySpec(), memoryBudget: 20_000)
        #expect(!plan.storesSamples && plan.fixedThemes == nil)
        let r = plan.replications, dims = plan.dimensions, layout = compiled.layout
        let draws = (0..<r).map(compiled.draw(replication:))
        let tiles = try #require(ThemeTiles<Double>(plan: plan, draws: draws))
        #expect(Set(tiles.segments.map(\.alternative)).count == 2, "both means drawn")

        // Pipeline scores, and each period's dimension means per replication (the references).
        let block = try general.evaluate(draws)
        let failed = Set(block.failures.map(\.draw))
        #expect(failed.count < r / 2)
        let references = SharedBuffer<Double>(count: layout.periods.count * dims * r, repeating: .nan)
        for (k, period) in layout.periods.enumerated() {
            for d in 0..<dims {
                for rep in 0..<r where !failed.contains(rep) {
                    let scores = period.positions.map { block[code: plan.themeCodes[d], draw: rep, row: layout.rowAt[$0]] }.filter { !$0.isNaN }
                    references.pointer[(k * dims + d) * r + rep] = scores.reduce(0, +) / Double(scores.count)
                }
            }
        }
        let progress = ProgressReporter(total: plan.evaluations * r, callback: nil)
        let statistics = tiles.statistics(references: references, threads: 2, progress: progress)
        // As text: Double's description round-trips, so equal text is equal bits (NaN included).
        func text(_ s: [Int: [ThemeStatistics]]) -> String { "\(s.sorted { $0.key < $1.key })" }
        #expect(text(tiles.statistics(references: references, threads: 1, progress: progress)) == text(statistics))

        var checked = 0
        for (k, period) in layout.periods.enumerated() {
            for position in period.positions {
                let row = layout.rowAt[position]
                let gaps = (0..<dims).map { d in
                    (0..<r).map { rep in
                        failed.contains(rep) ? Double.nan
                            : references.pointer[(k * dims + d) * r + rep] - block[code: plan.themeCodes[d], draw: rep, row: row]
                    }
                }
                var worst = [Int](repeating: 0, count: dims), comparable = 0
                for rep in 0..<r {
                    let largest = (0..<dims).map { gaps[$0][rep] }.filter { !$0.isNaN }.max()
                    guard let largest else { continue }
                    comparable += 1
                    for d in 0..<dims where abs(gaps[d][rep] - largest) <= 1e-9 { worst[d] += 1 }
                }
                let found = try #require(statistics[row])
                for d in 0..<dims {
                    let sample = gaps[d].filter { !$0.isNaN }
                    guard !sample.isEmpty else { #expect(found[d].gapP05.isNaN && found[d].gapP95.isNaN); continue }
                    #expect(Self.close(found[d].gapP05, Self.quantile(sample, 0.05), 1e-12), "row \(row) d\(d + 1)")
                    #expect(Self.close(found[d].gapP95, Self.quantile(sample, 0.95), 1e-12), "row \(row) d\(d + 1)")
                    #expect(Self.close(found[d].pWorst, comparable > 0 ? Double(worst[d]) / Double(comparable) : .nan, 1e-12))
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
    }

    /// Beyond the budget (index passes per period, tiles) the summary is the one of a single
    /// pass that stores every sample, both in single precision, for 1 and 2 threads. The last
    /// case scales to [0, 100]: each period's minimum is 0, so every geometric draw fails and
    /// the tiles leave that plan out.
    @Test(arguments: alternatives.indices.map { ($0, 1.0) } + [(0, 0.0)])
    func tiledSummaryEqualsTheStoredOne(alternative: Int, lower: Double) throws {
        let e = try Self.engine(Self.alternatives[alternative], path: .automatic, lower: lower)
        let failures = try UncertaintySummary.compute(engine: e, memoryBudget: 20_000).failures.count
        #expect(lower == 0 ? failures > 0 && failures < 61 : failures == 0)
        func summary(budget: Int, threads: Int) throws -> String {
            let plan = try SummaryPlan(engine: e, priorities: PrioritySpec(top: 4), memoryBudget: budget)
            #expect(!plan.fitsAsDouble && plan.storesSamples == (budget > 20_000))
            return "\(try UncertaintySummary.compute(engine: e, priorities: PrioritySpec(top: 4), threads: threads, memoryBudget: budget))"
        }
        // 90 × 61 × (2 + 4 + 3 · 4) = 98,820 bytes in single precision, 241,560 in double.
        let stored = try summary(budget: 120_000, threads: 2)
        #expect(try summary(budget: 20_000, threads: 1) == stored)
        #expect(try summary(budget: 20_000, threads: 2) == stored)
    }
}
