import BuurtNumerics
@testable import BuurtRanking
import Foundation
import Testing

/// The compiled path against pipeline runs: on random models (2–3 levels, random weights,
/// missing values, a mean per level, aggregate, normalise, treat and impute alternatives) both
/// paths score the same draws alike, replication by replication.
@Suite struct CompiledPathTests {
    /// A random tree: the root over 2–3 dimensions; with three levels each dimension has 2
    /// sub-dimensions; 2–4 indicators under each lowest aggregate; weights in [0.5, 3).
    static func randomModel(levels: Int, _ g: inout RandomStream) throws -> IndexModel {
        var nodes = [ModelNode(code: "index", kind: .aggregate)]
        var indicator = 0
        func weight() -> Double { 0.5 + 2.5 * g.uniform() }
        func indicators(under parent: String) {
            for _ in 0..<(2 + Int(g.uniform() * 3)) {
                indicator += 1
                nodes.append(ModelNode(code: "x\(indicator)", kind: .indicator, parent: parent,
                                       direction: g.uniform() < 0.3 ? -1 : 1, weight: weight()))
            }
        }
        for d in 1...(2 + Int(g.uniform() * 2)) {
            nodes.append(ModelNode(code: "d\(d)", kind: .aggregate, parent: "index", weight: weight()))
            if levels == 3 {
                for s in 1...2 {
                    nodes.append(ModelNode(code: "d\(d)s\(s)", kind: .aggregate, parent: "d\(d)", weight: weight()))
                    indicators(under: "d\(d)s\(s)")
                }
            } else {
                indicators(under: "d\(d)")
            }
        }
        return try IndexModel(nodes: nodes)
    }

    static let methods: [AggregateMethod] = [
        .arithmetic, .geometric, .harmonic, .generalised(p: 2), .generalised(p: 0.5), .generalised(p: -1), .mazziottaPareto,
    ]

    struct Case {
        var model: IndexModel
        var panel: Panel
        var spec: PipelineSpec
        var uncertainty: UncertaintySpec
        var codes: [String]
    }

    /// Case `seed`: per-level methods, a coverage rule at the lowest level, and a random choice
    /// of uncertain inputs (weight noise always).
    static func randomCase(seed: UInt64) throws -> Case {
        var g = RandomStream(seed: seed, stream: 99)
        func pick<T>(_ list: [T]) -> T { list[Int(g.uniform() * Double(list.count))] }
        let levels = 2 + Int(g.uniform() * 2)
        let model = try randomModel(levels: levels, &g)
        let panel = TestPanels.panel(model: model, units: 12 + Int(g.uniform() * 10), periods: [2019, 2020], missing: 0.12, seed: seed)
        var rules: [Int: AggregateRule] = [:]
        for h in 2...(levels + 1) { rules[h] = AggregateRule(method: pick(methods), minCoverage: h == 2 ? 0.5 : nil) }
        let spec = PipelineSpec(normalise: NormaliseParameters(method: .minmax(lower: 1, upper: 100)),
                                aggregate: AggregateParameters(rule: AggregateRule(), levelRules: rules))
        let heights = pick([[1], [2], [1, 2], [1, 2, 3]]).filter { $0 <= levels + 1 }
        var u = UncertaintySpec(weights: WeightNoise(noise: 0.4, levels: heights), replications: 40, seed: seed)
        if g.uniform() < 0.5 { u.aggregate = [pick(methods), pick(methods)] }
        if g.uniform() < 0.5 {
            // z-scores around 10 stay positive; [0, 100] meets zeros; z-scores around 0 are negative.
            u.normalise = [NormaliseParameters(method: .minmax(lower: 1, upper: 100)),
                           NormaliseParameters(method: pick([.zscore(mean: 10, sd: 2), .minmax(lower: 0, upper: 100), .zscore(mean: 0, sd: 1)]))]
        }
        if g.uniform() < 0.3 { u.treatMaxPoints = [1, 2] }
        if g.uniform() < 0.3 { u.impute = [.none, .mean] }
        let codes = ["index"] + model.children(of: "index") + (levels == 3 ? ["d1s1", "x1"] : ["x1"])
        return Case(model: model, panel: panel, spec: spec, uncertainty: u, codes: codes)
    }

    @Test(arguments: 0..<24)
    func bothPathsScoreEveryDrawAlike(seed: Int) throws {
        let c = try Self.randomCase(seed: UInt64(seed))
        let compiled = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty,
                                             scoreCodes: c.codes)
        let general = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty,
                                            scoreCodes: c.codes, path: .general)
        #expect(compiled.usesLinearPath && !general.usesLinearPath)
        let draws = (0..<c.uncertainty.replications).map { compiled.draw(replication: $0) }
        let a = try compiled.evaluate(draws, threads: 2)
        let b = try general.evaluate(draws, threads: 1)
        #expect(a.failures.map(\.draw) == b.failures.map(\.draw))
        #expect(a.failures.map(\.message) == b.failures.map(\.message), "\(Set(a.failures.map(\.message)).symmetricDifference(b.failures.map(\.message)))")
        var worst = 0.0, mismatched = 0
        for (x, y) in zip(a.values, b.values) {
            if x.isNaN != y.isNaN { mismatched += 1; continue }
            if !x.isNaN { worst = max(worst, abs(x - y) / max(1, abs(y))) }
        }
        #expect(mismatched == 0)
        #expect(worst < 1e-9, "largest relative difference \(worst)")
    }

    /// Across the random cases, the comparison covers every mean as a variable node, failing
    /// draws, and plans whose draws run the stage.
    @Test func theRandomCasesCoverEveryMeanAndBothKindsOfFailure() throws {
        var means = Set<String>(), failing = 0, staged = 0
        for seed in 0..<24 {
            let c = try Self.randomCase(seed: UInt64(seed))
            let e = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty, scoreCodes: c.codes)
            guard case .linear(let scorer) = e.evaluator else { continue }
            for plan in scorer.alternatives where plan.failure == nil && !plan.staged {
                for m in plan.means { means.insert("\(m)") }
            }
            failing += scorer.alternatives.filter { $0.failure != nil }.count
            staged += scorer.alternatives.filter(\.staged).count
        }
        #expect(means.count == 7, "\(means.sorted())")
        #expect(failing > 0 && staged > 0)
    }

    /// Three units, two indicators per dimension, no periods: geometric dimensions under a
    /// Mazziotta–Pareto index, then (an aggregate alternative) harmonic means at both levels,
    /// scored under given multipliers and worked out here.
    @Test func handComputedGeometricHarmonicMazziottaPareto() throws {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "a", kind: .aggregate, parent: "index", weight: 1),
            ModelNode(code: "b", kind: .aggregate, parent: "index", weight: 2),
            ModelNode(code: "x1", kind: .indicator, parent: "a", weight: 1),
            ModelNode(code: "x2", kind: .indicator, parent: "a", weight: 1),
            ModelNode(code: "x3", kind: .indicator, parent: "b", weight: 1),
            ModelNode(code: "x4", kind: .indicator, parent: "b", weight: 1),
        ])
        // Min-max [1, 100] of 0…9 is 1 + 11·x.
        let raw: [[Double]] = [[0, 9, 4], [9, 0, 2], [1, 0, 9], [0, 9, 5]]
        let x1: [Double] = [1, 100, 45], x2: [Double] = [100, 1, 23], x3: [Double] = [12, 1, 100], x4: [Double] = [1, 100, 56]
        let panel = Panel(unitCodes: ["p", "q", "r"], columnCodes: ["x1", "x2", "x3", "x4"], values: Matrix(columnList: raw, rows: 3))
        let spec = PipelineSpec(normalise: NormaliseParameters(method: .minmax(lower: 1, upper: 100)), aggregate: AggregateParameters(
            rule: AggregateRule(method: .mazziottaPareto), levelRules: [2: AggregateRule(method: .geometric)]))
        // Noise on the indicators and the dimensions, in model order: a, b, x1 … x4.
        let m: [Double] = [1.1, 0.7, 1.4, 0.8, 0.6, 1.2]
        let wa = 1.1, wb = 2 * 0.7
        func scores(_ u: UncertaintySpec, aggregate: Int?) throws -> ScoreBlock {
            let e = try UncertaintyEngine(panel: panel, model: model, spec: spec, uncertainty: u, scoreCodes: ["index", "a", "b"])
            #expect(e.usesLinearPath && e.weightNodes == ["a", "b", "x1", "x2", "x3", "x4"])
            return try e.evaluate([ReplicationDraw(weightMultipliers: m, aggregateIndex: aggregate)])
        }
        func expectClose(_ block: ScoreBlock, _ expected: [[Double]]) {
            for (c, values) in expected.enumerated() {
                for i in 0..<3 {
                    let x = Array(block.scores(code: c, draw: 0))[i]
                    #expect(abs(x - values[i]) < 1e-12 * abs(values[i]), "code \(c), unit \(i): \(x) ≠ \(values[i])")
                }
            }
        }

        // Geometric: exp((1.4 ln x1 + 0.8 ln x2) / 2.2), exp((0.6 ln x3 + 1.2 ln x4) / 1.8).
        let a = (0..<3).map { exp((1.4 * log(x1[$0]) + 0.8 * log(x2[$0])) / 2.2) }
        let b = (0..<3).map { exp((0.6 * log(x3[$0]) + 1.2 * log(x4[$0])) / 1.8) }
        // Mazziotta–Pareto: z = 100 + 10 (v − mean)/sd over the units (population sd), then per
        // unit M_z − S_z²/M_z with the weights 1.1 and 1.4 renormalised.
        func z(_ v: [Double]) -> [Double] {
            let mean = v.reduce(0, +) / 3
            let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
            return v.map { 100 + 10 * ($0 - mean) / sd }
        }
        let za = z(a), zb = z(b)
        let mp = (0..<3).map { i -> Double in
            let mz = (wa * za[i] + wb * zb[i]) / (wa + wb)
            let variance = (wa * (za[i] - mz) * (za[i] - mz) + wb * (zb[i] - mz) * (zb[i] - mz)) / (wa + wb)
            return mz - variance / mz
        }
        let noise = WeightNoise(noise: 0.5, levels: [1, 2])
        expectClose(try scores(UncertaintySpec(weights: noise, replications: 4, seed: 3), aggregate: nil), [mp, a, b])

        // Harmonic at both levels: Σw / Σ(w/x).
        let ha = (0..<3).map { 2.2 / (1.4 / x1[$0] + 0.8 / x2[$0]) }
        let hb = (0..<3).map { 1.8 / (0.6 / x3[$0] + 1.2 / x4[$0]) }
        let hIndex = (0..<3).map { (wa + wb) / (wa / ha[$0] + wb / hb[$0]) }
        let harmonic = UncertaintySpec(weights: noise, aggregate: [.harmonic], replications: 4, seed: 3)
        expectClose(try scores(harmonic, aggregate: 0), [hIndex, ha, hb])
    }
}
