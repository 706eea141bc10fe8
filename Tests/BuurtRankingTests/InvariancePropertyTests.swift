import BuurtNumerics
import BuurtRanking
import Foundation
import PropertyBased
import Testing
import BuurtIndex

/// Properties a composite index must have whatever the data: relabelling or reordering inputs,
/// rescaling all weights, monotone transforms under rank-based normalisation, and a flipped
/// direction on negated values change no score; arithmetic aggregation of z-scores is a matrix
/// product; a duplicated unit scores as its original; zero uncertainty reproduces the nominal
/// ranks. Panels come from Philox streams seeded by the generated seed, so a failure names a
/// reproducible seed.
@Suite struct InvariancePropertyTests {
    static let seeds = Gen.int(in: 1...1_000_000)
    static let sizes = Gen.int(in: 3...25)

    /// Scores of every aggregate keyed by "unit|period|code".
    static func scores(_ panel: Panel, model: IndexModel, spec: PipelineSpec = TestPanels.spec) throws -> [String: Double] {
        let out = try Pipeline.run(panel, model: model, spec: spec, keepIntermediate: false).aggregated
        var result: [String: Double] = [:]
        for code in model.aggregatesTopDown {
            let column = try #require(out.column(code))
            for r in 0..<out.rowCount { result["\(out.unitCodes[r])|\(out.periods[r].map(String.init) ?? "-")|\(code)"] = column[r] }
        }
        return result
    }

    /// Whether two score maps have the same keys and values within `tolerance` (NaN = NaN).
    static func same(_ a: [String: Double], _ b: [String: Double], tolerance: Double = 0) -> Bool {
        guard Set(a.keys) == Set(b.keys) else { return false }
        return a.allSatisfy { key, x in
            let y = b[key]!
            return (x.isNaN && y.isNaN) || abs(x - y) <= tolerance * max(1, abs(x))
        }
    }

    static func panel(seed: Int, units: Int, model: IndexModel, missing: Double = 0) -> Panel {
        TestPanels.panel(model: model, units: units, periods: [2019, 2020], missing: missing, seed: UInt64(seed))
    }

    static let model = try! TestPanels.model(dims: 3, perDim: 3)

    /// A model equal to `model` with each node changed by `change`.
    static func model(_ model: IndexModel, _ change: (inout ModelNode) -> Void) throws -> IndexModel {
        try IndexModel(nodes: model.nodes.map { var n = $0; change(&n); return n })
    }

    // MARK: - Order and labels

    /// Rows in a random order (a Philox shuffle): min, max and weighted sums do not depend on
    /// row order, so every score is bit-identical.
    @Test func permutingUnitsChangesNoScore() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model, missing: 0.05)
            var g = RandomStream(seed: UInt64(seed), stream: 9)
            var order = Array(0..<panel.rowCount)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(g.uniform() * Double(i + 1))) }
            let spec = PipelineSpec(impute: ImputeParameters(method: .median), aggregate: TestPanels.spec.aggregate)
            let before = try Self.scores(panel, model: Self.model, spec: spec)
            let after = try Self.scores(panel.selecting(rows: order), model: Self.model, spec: spec)
            #expect(Self.same(before, after))
        }
    }

    /// The data's indicator columns in reverse order: columns are found by code.
    @Test func permutingIndicatorColumnsChangesNoScore() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model, missing: 0.05)
            let reversed = panel.selecting(columns: panel.columnCodes.reversed())
            #expect(reversed.columnCodes != panel.columnCodes)
            let before = try Self.scores(panel, model: Self.model), after = try Self.scores(reversed, model: Self.model)
            #expect(Self.same(before, after))
        }
    }

    /// A unit copied under a new code into every period: min and max per period do not move,
    /// so the copy scores exactly as its original and no other score changes.
    @Test func aDuplicatedUnitGetsTheSameScore() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model)
            let original = panel.rows(in: 2019).first!
            let copies = panel.unitCodes.indices.filter { panel.unitCodes[$0] == panel.unitCodes[original] }
            var codes = panel.unitCodes, periods = panel.periods
            var columns = (0..<panel.values.columns).map { panel.values.column($0) }
            for r in copies {
                codes.append("copy")
                periods.append(panel.periods[r])
                for j in columns.indices { columns[j].append(panel.values[r, j]) }
            }
            let extended = Panel(unitCodes: codes, periods: periods, columnCodes: panel.columnCodes,
                                 values: Matrix(columnList: columns, rows: codes.count))
            let before = try Self.scores(panel, model: Self.model), after = try Self.scores(extended, model: Self.model)
            for (key, x) in before { #expect(after[key] == x || (x.isNaN && after[key]!.isNaN), "\(key)") }
            for period in [2019, 2020] {
                #expect(after["copy|\(period)|index"] == after["\(panel.unitCodes[original])|\(period)|index"])
            }
        }
    }

    // MARK: - Weights and directions

    /// Every weight times c > 0: each mean is Σ(c·w)x / Σ(c·w), equal up to rounding.
    @Test func scalingAllWeightsChangesNothing() async throws {
        await propertyCheck(input: Self.seeds, Gen.double(in: 0.001...1000)) { seed, c in
            let panel = Self.panel(seed: seed, units: 12, model: Self.model, missing: 0.05)
            let scaled = try Self.model(Self.model) { $0.weight *= c }
            let before = try Self.scores(panel, model: Self.model), after = try Self.scores(panel, model: scaled)
            #expect(Self.same(before, after, tolerance: 1e-12))
        }
    }

    /// Direction d on x equals direction −d on −x: normalisation sees d·x = (−d)(−x), bit for bit.
    @Test func flippingDirectionAndNegatingValuesIsANoOp() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model, missing: 0.05)
            var negated = panel
            negated.values = Matrix(rows: panel.values.rows, columns: panel.values.columns,
                                    columnMajor: panel.values.storage.map { -$0 })
            let flipped = try Self.model(Self.model) { if $0.kind == .indicator { $0.direction = -$0.direction } }
            for method in [NormaliseMethod.minmax(lower: 0, upper: 100), .zscore(mean: 0, sd: 1), .rank, .prank] {
                let spec = PipelineSpec(normalise: NormaliseParameters(method: method), aggregate: TestPanels.spec.aggregate)
                let before = try Self.scores(panel, model: Self.model, spec: spec)
                let after = try Self.scores(negated, model: flipped, spec: spec)
                #expect(Self.same(before, after), "\(method)")
            }
        }
    }

    // MARK: - Normalisation

    /// rank, borda and prank depend on the order of values only: a strictly increasing transform
    /// of every indicator (x ↦ a·e^(x/25) + b, a > 0, a different one per indicator) gives the
    /// same normalised values and scores.
    @Test func rankNormalisationsIgnoreIncreasingTransforms() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model, missing: 0.05)
            var transformed = panel
            var g = RandomStream(seed: UInt64(seed), stream: 3)
            for j in 0..<panel.values.columns {
                let a = 0.1 + 10 * g.uniform(), b = 200 * g.uniform() - 100
                transformed.values.setColumn(j, panel.values.column(j).map { a * exp($0 / 25) + b })
            }
            for method in [NormaliseMethod.rank, .borda, .prank] {
                let spec = PipelineSpec(normalise: NormaliseParameters(method: method), aggregate: TestPanels.spec.aggregate)
                let before = try Self.scores(panel, model: Self.model, spec: spec)
                let after = try Self.scores(transformed, model: Self.model, spec: spec)
                #expect(Self.same(before, after), "\(method)")
            }
        }
    }

    // MARK: - Aggregation as a matrix product

    /// Arithmetic means of z-scores, complete data: the index is N·w with N the normalised
    /// indicators (rows × indicators) and wᵢ = (w_d/Σw_d)·(wᵢ/Σ_{j∈d} w_j) the indicator's
    /// effective weight (dimension d its parent). Tolerance 1e-12 relative: only the summation
    /// order differs.
    @Test func arithmeticAggregationOfZScoresIsAMatrixProduct() async throws {
        await propertyCheck(input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model)
            let spec = PipelineSpec(normalise: NormaliseParameters(method: .zscore(mean: 0, sd: 1)))
            let result = try Pipeline.run(panel, model: Self.model, spec: spec)
            let normalised = try #require(result.panel(after: .normalised))
            let indicators = Self.model.indicators
            let n = normalised.selecting(columns: indicators).values
            let dims = Self.model.children(of: "index")
            let dimTotal = dims.map { Self.model.node($0)!.weight }.reduce(0, +)
            let w = indicators.map { code -> Double in
                let node = Self.model.node(code)!, parent = Self.model.node(node.parent!)!
                let siblings = Self.model.children(of: parent.code).map { Self.model.node($0)!.weight }.reduce(0, +)
                return parent.weight / dimTotal * node.weight / siblings
            }
            let product = n * Matrix(rows: w.count, columns: 1, columnMajor: w)
            let index = try #require(result.aggregated.column("index"))
            for r in 0..<index.count {
                #expect(abs(product[r, 0] - index[r]) <= 1e-12 * max(1, abs(index[r])), "row \(r)")
            }
        }
    }

    // MARK: - Uncertainty

    /// Weight noise 0 draws multipliers 1 − 0 + 2·0·u = 1 exactly: every replication's index
    /// ranks equal the nominal ranks within each period.
    @Test func zeroNoiseReproducesTheNominalRanks() async throws {
        await propertyCheck(count: 25, input: Self.seeds, Self.sizes) { seed, units in
            let panel = Self.panel(seed: seed, units: units, model: Self.model, missing: 0.05)
            let spec = UncertaintySpec(weights: WeightNoise(noise: 0, levels: [1, 2]), replications: 8, seed: UInt64(seed))
            let engine = try UncertaintyEngine(panel: panel, model: Self.model, spec: TestPanels.spec, uncertainty: spec,
                                               scoreCodes: ["index"])
            let nominal = engine.rows
            let nominalRanks = try #require(nominal.ranksWithinPeriods(of: "index"))
            let block = try engine.evaluate((0..<8).map { engine.draw(replication: $0) })
            #expect(block.failures.isEmpty)
            for d in 0..<8 {
                var replicated = nominal
                replicated.setColumn("index", Array(block.scores(code: 0, draw: d)))
                let ranks = try #require(replicated.ranksWithinPeriods(of: "index"))
                #expect(zip(ranks, nominalRanks).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "draw \(d)")
            }
        }
    }
}
