import BuurtNumerics
@testable import BuurtRanking
import Foundation
import CVectorMath
import Testing
import BuurtIndex

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
        #expect(compiled.usesCompiledPath && !general.usesCompiledPath)
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
    /// draws, plans whose draws run the stage, and Mazziotta–Pareto means of variable children
    /// (scored over whole periods).
    @Test func theRandomCasesCoverEveryMeanAndBothKindsOfFailure() throws {
        var means = Set<String>(), failing = 0, staged = 0, periodWide = 0
        for seed in 0..<24 {
            let c = try Self.randomCase(seed: UInt64(seed))
            let e = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty, scoreCodes: c.codes)
            guard case .compiled(let scorer) = e.evaluator else { continue }
            for plan in scorer.alternatives where plan.failure == nil && !plan.staged {
                for m in plan.means { means.insert("\(m)") }
            }
            failing += scorer.alternatives.filter { $0.failure != nil }.count
            staged += scorer.alternatives.filter(\.staged).count
            periodWide += scorer.alternatives.filter(\.periodWide).count
        }
        #expect(means.count == 7, "\(means.sorted())")
        #expect(failing > 0 && staged > 0 && periodWide > 0)
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
            #expect(e.usesCompiledPath && e.weightNodes == ["a", "b", "x1", "x2", "x3", "x4"])
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

/// The tile entry point and run-time normalised values of the compiled path.
@Suite struct CompiledPathTileTests {
    /// Equal within 1e-9 relative (absolute below 1).
    static func close(_ x: Double, _ y: Double) -> Bool {
        abs(x - y) <= 1e-9 * Swift.max(1, abs(y))
    }

    /// Scores every position of `engine` for `draws` through the scorer in tiles of `tile`
    /// positions (cut at period starts when `withinPeriods`) and blocks of `block` draws, with
    /// the running sums of `summed` codes, as the index and change passes call it.
    static func tiled(
        _ e: UncertaintyEngine, _ scorer: CompiledScorer, draws: [ReplicationDraw], tile: Int, block: Int, withinPeriods: Bool, summed: [Int]
    ) -> (scores: [Double], sums: [Double], counts: [Int], failures: [Int]) {
        let n = e.layout.count, codes = Array(e.scoreCodes.indices), d = draws.count
        var scores = [Double](repeating: 0, count: codes.count * d * n)
        var sums = [Double](repeating: 0, count: summed.count * d), counts = [Int](repeating: 0, count: summed.count * d)
        var failures = Set<Int>()
        let cuts = withinPeriods ? e.layout.periods.map(\.positions) : [0..<n]
        let tiles = cuts.flatMap { p in stride(from: p.lowerBound, to: p.upperBound, by: tile).map { $0..<Swift.min(p.upperBound, $0 + tile) } }
        var w = CompiledScorer.Workspace()
        for start in stride(from: 0, to: d, by: block) {
            let range = start..<Swift.min(d, start + block)
            for positions in tiles {
                let buffer = [Double](repeating: .nan, count: codes.count * range.count * positions.count)
                var local = buffer, localSums = [Double](repeating: 0, count: summed.count * range.count)
                var localCounts = [Int](repeating: 0, count: summed.count * range.count)
                local.withUnsafeMutableBufferPointer { out in
                    localSums.withUnsafeMutableBufferPointer { s in
                        localCounts.withUnsafeMutableBufferPointer { c in
                            let output = ScoreOutput(base: out.baseAddress!, codeStride: range.count * positions.count, rowCount: positions.count)
                            let reduce = ScoreSums(codes: summed, sums: s.baseAddress!, counts: c.baseAddress!, stride: range.count)
                            for f in scorer.score(draws[range], positions: positions, codes: codes, into: output, sums: reduce, workspace: &w) {
                                failures.insert(range.lowerBound + f.draw)
                            }
                        }
                    }
                }
                for c in codes.indices {
                    for j in 0..<range.count {
                        for (i, p) in positions.enumerated() {
                            scores[(c * d + range.lowerBound + j) * n + p] = local[(c * range.count + j) * positions.count + i]
                        }
                    }
                }
                for k in summed.indices {
                    for j in 0..<range.count {
                        sums[k * d + range.lowerBound + j] += localSums[k * range.count + j]
                        counts[k * d + range.lowerBound + j] += localCounts[k * range.count + j]
                    }
                }
            }
        }
        return (scores, sums, counts, failures.sorted())
    }

    /// Tiles of 5 positions within periods and arbitrary 7-position runs, blocks of 3 and 8
    /// draws: every score is bit for bit the one-block, all-positions score; the sums of a tile
    /// pass equal the per-draw sums of the available scores (up to rounding: the tile sums add
    /// per tile first).
    @Test(arguments: 0..<24)
    func anyTilingAndBlockSplitGivesTheSameScores(seed: Int) throws {
        let c = try CompiledPathTests.randomCase(seed: UInt64(seed))
        let e = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty, scoreCodes: c.codes)
        guard case .compiled(let scorer) = e.evaluator else { Issue.record("not compiled"); return }
        let draws = (0..<20).map { e.draw(replication: $0) }
        let n = e.layout.count, codes = e.scoreCodes.count
        let whole = Self.tiled(e, scorer, draws: draws, tile: n, block: draws.count, withinPeriods: false, summed: [1])
        for (tile, block, within) in [(5, 3, true), (7, 8, false)] {
            let part = Self.tiled(e, scorer, draws: draws, tile: tile, block: block, withinPeriods: within, summed: [1])
            #expect(part.failures == whole.failures)
            let same = zip(part.scores, whole.scores).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
            #expect(same, "tile \(tile), block \(block)")
            #expect(part.counts == whole.counts)
            for (x, y) in zip(part.sums, whole.sums) { #expect(Self.close(x, y)) }
        }
        // The sums are the sums of the written scores of code 1.
        for j in draws.indices where !whole.failures.contains(j) {
            let start = (draws.count + j) * n
            let column = whole.scores[start..<(start + n)].filter { !$0.isNaN }
            let total: Double = column.reduce(0, +)
            #expect(whole.counts[j] == column.count)
            #expect(Self.close(whole.sums[j], total))
        }
        #expect(codes == c.codes.count)
    }

    /// Normalised values supplied at run time (here the nominal normalised panel) score as the
    /// precomputed plan of the same settings, and as pipeline runs.
    @Test(arguments: [2, 5, 9])
    func runTimeNormalisedValuesScoreAsTheStage(seed: Int) throws {
        var c = try CompiledPathTests.randomCase(seed: UInt64(seed))
        c.uncertainty.normalise = []
        c.uncertainty.treatMaxPoints = []
        c.uncertainty.impute = []
        let e = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty, scoreCodes: c.codes)
        let general = try UncertaintyEngine(panel: c.panel, model: c.model, spec: c.spec, uncertainty: c.uncertainty,
                                            scoreCodes: c.codes, path: .general)
        guard case .compiled(let scorer) = e.evaluator else { Issue.record("not compiled"); return }
        let normalised = e.nominal.panel(after: .normalised)!
        let columns = NormalisedColumns(rowCount: e.layout.count, columns: c.model.indicators.map { code in
            let column = normalised.column(code)!
            return e.layout.rowAt.map { column[$0] }
        })
        let draws = (0..<12).map { e.draw(replication: $0) }
        let reference = try general.evaluate(draws, threads: 1)
        let n = e.layout.count, codes = e.scoreCodes.count
        var out = [Double](repeating: .nan, count: codes * draws.count * n)
        var w = CompiledScorer.Workspace()
        var failed: [Int] = []
        for aggregate in [nil] + (c.uncertainty.aggregate.isEmpty ? [] : [0, 1]) as [Int?] {
            let members = draws.indices.filter { draws[$0].aggregateIndex == aggregate }
            guard !members.isEmpty else { continue }
            let subset = members.map { draws[$0] }
            var local = [Double](repeating: .nan, count: codes * subset.count * n)
            local.withUnsafeMutableBufferPointer { buffer in
                let output = ScoreOutput(base: buffer.baseAddress!, codeStride: subset.count * n, rowCount: n)
                failed += scorer.score(normalised: columns, aggregateIndex: aggregate, draws: subset[...], positions: 0..<n,
                                       codes: Array(0..<codes), into: output, workspace: &w).map { members[$0.draw] }
            }
            for k in 0..<codes {
                for (j, m) in members.enumerated() {
                    for p in 0..<n { out[(k * draws.count + m) * n + e.layout.rowAt[p]] = local[(k * subset.count + j) * n + p] }
                }
            }
        }
        #expect(failed.sorted() == reference.failures.map(\.draw))
        for (x, y) in zip(out, reference.values) {
            #expect(x.isNaN == y.isNaN)
            if !x.isNaN { #expect(Self.close(x, y)) }
        }
    }
}

/// The vectorised exponential of the geometric mean's inverse against `exp`, on the loop this
/// processor uses and on the portable one.
@Suite struct CompiledPathExponentialTests {
    static func exponential(_ x: [Double], portable: Bool = false) -> [Double] {
        var q = x
        let available = [Double](repeating: 1, count: x.count)
        if portable { buurt_exp_masked_portable(&q, available, q.count) } else { buurt_exp_masked(&q, available, q.count) }
        return q
    }

    @Test func withinOneUlpOfExpOverTheRangeOfLogarithms() {
        var g = RandomStream(seed: 8, stream: 0)
        // An odd count, so the wide loop leaves a tail to go value by value.
        let x = (0..<40_001).map { i in i.isMultiple(of: 2) ? -700 + 1400 * g.uniform() : -5 + 10 * g.uniform() }
        let y = Self.exponential(x)
        let worst = zip(x, y).map { abs($1 - exp($0)) / exp($0).ulp }.max()!
        #expect(worst <= 1, "largest error \(worst) ulp on \(buurt_vector_math_lanes()) lanes")
        // Beyond ±708 and NaN: exp itself, also when the other values of a group are in range.
        let edge = Self.exponential([710, -746, 1, .nan, 0, 2, -1] + [Double](repeating: 0.5, count: 9))
        #expect(edge[0] == exp(710) && edge[1] == 0 && edge[3].isNaN && edge[4] == 1)
        #expect(abs(edge[2] - exp(1)) <= exp(1).ulp && abs(edge[5] - exp(2)) <= exp(2).ulp)
    }

    @Test func theWideAndPortableLoopsGiveTheSameBits() {
        var g = RandomStream(seed: 9, stream: 0)
        let x = (0..<10_003).map { _ in -20 + 40 * g.uniform() } + [709, -709, .infinity, -.infinity, .nan, 0]
        let wide = Self.exponential(x), portable = Self.exponential(x, portable: true)
        #expect(zip(wide, portable).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(portable[x.count - 4] == .infinity && portable[x.count - 3] == 0 && portable[x.count - 2].isNaN && portable[x.count - 1] == 1)
    }

    @Test func maskedColumnsAreZeroWhereNotAvailable() {
        var q = (0..<37).map { Double($0) / 8 - 2 }
        let available = q.indices.map { $0 % 3 == 1 ? 0.0 : 1 }
        let expected = zip(Self.exponential(q), available).map { $1 != 0 ? $0 : 0 }
        buurt_exp_masked(&q, available, q.count)
        #expect(q == expected && q[0] == exp(-2) && q[1] == 0 && q[16] == 0 && abs(q[24] - exp(1)) <= exp(1).ulp)
    }
}
