import BuurtIndex
import BuurtNumerics
import CVectorMath

/// The data's own sampling error: a replication replaces each declared indicator value by a
/// draw from the posterior of the true value given the observation (Jeffreys prior).
///
/// - binomial (survey share, value = share·per with n respondents in the size column):
///   x = value/per·n successes (clamped to [0, n]), true share p ~ Beta(x + ½, n − x + ½),
///   new value p·per.
/// - poisson (count in a population): when the indicator's denominator is the exposure column
///   the raw value is the count c, else c = value·population/per; the true count
///   λ ~ Gamma(c + ½, 1), new value λ (or λ·per/population).
///
/// A missing value stays missing; a row whose size or population is missing or ≤ 0 keeps its
/// value (there is nothing to draw from).
///
/// **Keyed draws.** The draw of one cell is a pure function of (seed, replication r, unit code,
/// period, indicator code), so adding, removing or reordering rows, periods or indicators leaves
/// every other cell's draw unchanged. With the stable hashes of ``BuurtNumerics/StableHash``:
///
///     k_r    = Philox4x32-10 keyed by the seed, block (index 2⁶⁴ − 1, stream r), words 0‖1
///     k_cell = combine(combine(text(unit), period(period)), text(indicator))
///     state  = mix(k_r ⊕ k_cell)
///
/// and the cell's Beta or Gamma variate is drawn from `SplitMix64(state)` (normally 4 values for
/// a Beta, 2 for a Gamma). Block index 2⁶⁴ − 1 of stream r is never reached by the replication's
/// weight and alternative draws (``DrawPlan``), which start at block 0.
///
/// **Prepared cells.** Only the stream differs between replications: each cell's k_cell and
/// the constants of its Gamma shapes (``BuurtNumerics/GammaShape``) are computed once, from the
/// panel given at initialisation, which every later call perturbs.
///
/// **Eight cells at a time.** On processors with AVX-512 the cells whose shapes are at least 1
/// are first drawn eight at a time (`buurt_draw_fast`), which keeps a lane only when the scalar
/// sampler would decide it on its fast path with the same stream values and operations; the
/// rest (the ziggurat's tail and wedges, a logarithm test, shapes below 1, kept values) are
/// drawn here one by one, so every cell gets the bits of the scalar sampler either way.
struct SamplingPerturbation: Sendable {
    struct Target: Sendable {
        /// The indicator's position in `model.indicators` and its column in the raw data.
        var indicator: Int
        var column: Int
        var sizeColumn: Int
        var per: Double
        var binomial: Bool
        /// Poisson only: the raw value is the count itself.
        var rawIsCount: Bool
        /// `StableHash.text` of the indicator code.
        var key: UInt64
        /// k_cell of each raw row.
        var cellKeys: [UInt64] = []
        /// Per raw row: the shapes of the draw, Beta(first, second) or Gamma(first) (a
        /// placeholder where the value is kept).
        var first: [GammaShape] = []
        var second: [GammaShape] = []
        /// Per raw row: Marsaglia & Tsang's d and c of the first and second shapes for the
        /// eight-lane draws, NaN where the cell is drawn one by one.
        var firstD: [Double] = [], firstC: [Double] = [], secondD: [Double] = [], secondC: [Double] = []

        /// How `buurt_draw_fast` makes this target's values.
        var drawKind: buurt_draw_kind {
            binomial ? buurt_draw_beta : rawIsCount ? buurt_draw_gamma : buurt_draw_gamma_per_size
        }
    }

    let targets: [Target]
    let seed: UInt64
    /// `combine(text(unit), period(period))` of each raw row.
    let rowKeys: [UInt64]

    /// - Complexity: O(rows × (unit code length + sampled indicators)).
    init(panel: Panel, model: IndexModel, seed: UInt64) {
        var targets: [Target] = []
        for (k, code) in model.indicators.enumerated() {
            let node = model.node(code)!
            guard let sampling = node.sampling, let j = panel.columnIndex(code) else { continue }
            let key = StableHash.text(code)
            switch sampling {
            case .binomial(let size, let per):
                targets.append(Target(indicator: k, column: j, sizeColumn: panel.columnIndex(size)!, per: per, binomial: true,
                                      rawIsCount: false, key: key))
            case .poisson(let exposure, let per):
                targets.append(Target(indicator: k, column: j, sizeColumn: panel.columnIndex(exposure)!, per: per, binomial: false,
                                      rawIsCount: node.denominator == exposure, key: key))
            }
        }
        let rowKeys = zip(panel.unitCodes, panel.periods).map { StableHash.combine(StableHash.text($0), StableHash.period($1)) }
        let n = panel.rowCount, values = panel.values.storage
        for (t, target) in targets.enumerated() {
            let (column, sizes) = (target.column * n, target.sizeColumn * n)
            let shapes = (0..<n).map { Self.shapes(target, value: values[column + $0], size: values[sizes + $0]) }
            targets[t].cellKeys = rowKeys.map { StableHash.combine($0, target.key) }
            targets[t].first = shapes.map(\.0)
            if target.binomial { targets[t].second = shapes.map(\.1) }
            // The eight-lane draws take a cell only where `draw` samples shapes of at least 1.
            let wide = (0..<n).map { i in
                let x = values[column + i], size = values[sizes + i]
                guard !x.isNaN, shapes[i].0.shape >= 1, !target.binomial || shapes[i].1.shape >= 1 else { return false }
                return (!target.binomial && target.rawIsCount) || size > 0
            }
            targets[t].firstD = (0..<n).map { wide[$0] ? shapes[$0].0.constants.d : .nan }
            targets[t].firstC = (0..<n).map { wide[$0] ? shapes[$0].0.constants.c : .nan }
            if target.binomial {
                targets[t].secondD = (0..<n).map { wide[$0] ? shapes[$0].1.constants.d : .nan }
                targets[t].secondC = (0..<n).map { wide[$0] ? shapes[$0].1.constants.c : .nan }
            }
        }
        self.targets = targets
        self.seed = seed
        self.rowKeys = rowKeys
    }

    /// The shapes of one cell's draw: binomial x = value/per·n successes (clamped to [0, n]),
    /// Beta(x + ½, n − x + ½); poisson count c (the value itself, or value·population/per),
    /// Gamma(c + ½). Shape 1 where ``draw(_:first:second:value:size:tables:generator:)`` keeps the value.
    static func shapes(_ t: Target, value x: Double, size: Double) -> (GammaShape, GammaShape) {
        let kept = (GammaShape(1), GammaShape(1))
        if x.isNaN { return kept }
        if t.binomial {
            guard size > 0 else { return kept }
            let successes = Swift.min(Swift.max(x / t.per * size, 0), size)
            return (GammaShape(successes + 0.5), GammaShape(size - successes + 0.5))
        }
        if t.rawIsCount { return (GammaShape(Swift.max(x, 0) + 0.5), kept.1) }
        guard size > 0 else { return kept }
        return (GammaShape(Swift.max(x * size / t.per, 0) + 0.5), kept.1)
    }

    /// k_r: the key of replication r's sampling draws.
    static func replicationKey(seed: UInt64, replication r: UInt64) -> UInt64 {
        let b = Philox4x32(seed: seed).block(stream: r, index: .max)
        return UInt64(b.0) | UInt64(b.1) << 32
    }

    /// The posterior draw of the cell in raw row `i` (value `x`, size or population `size`)
    /// from its own generator: Beta(first, second)·per, Gamma(first) for a raw count, else
    /// Gamma(first)·per/population; the value itself when there is nothing to draw from.
    @inline(__always)
    static func draw(
        _ t: Target, first: GammaShape, second: GammaShape, value x: Double, size: Double, tables: NormalZiggurat,
        generator g: inout SplitMix64
    ) -> Double {
        if x.isNaN { return x }
        if t.binomial {
            guard size > 0 else { return x }
            return tables.beta(first, second, using: &g) * t.per
        }
        if t.rawIsCount { return tables.gamma(first, using: &g) }
        guard size > 0 else { return x }
        return tables.gamma(first, using: &g) * t.per / size
    }

    /// Target `t`'s raw column redrawn for replication key `key` into `output` (raw row order):
    /// eight cells at a time where the processor allows, the others one by one.
    /// - Parameter pending: scratch for the rows left to the scalar sampler, grown to the
    ///   number of rows when shorter (kept by the caller between calls).
    /// - Complexity: O(rows), no allocation once `pending` has grown.
    func perturb(
        _ t: Target, values: UnsafeBufferPointer<Double>, sizes: UnsafeBufferPointer<Double>, key: UInt64,
        into output: UnsafeMutableBufferPointer<Double>, pending scratch: inout [Int32]
    ) {
        let tables = NormalZiggurat.shared
        let n = output.count
        if scratch.count < Swift.max(n, 1) { scratch = [Int32](repeating: 0, count: Swift.max(n, 1)) }
        scratch.withUnsafeMutableBufferPointer { pending in
            let waiting = Self.drawFast(t, sizes: sizes, key: key, tables: tables, into: output, pending: pending.baseAddress!)
            t.cellKeys.withUnsafeBufferPointer { cells in
                t.first.withUnsafeBufferPointer { first in
                    // Gamma targets have no second shapes: the first stand in (never read).
                    (t.binomial ? t.second : t.first).withUnsafeBufferPointer { second in
                        for k in 0..<(waiting ?? n) {
                            let i = waiting == nil ? k : Int(pending[k])
                            var g = SplitMix64(state: StableHash.mix(key ^ cells[i]))
                            output[i] = Self.draw(t, first: first[i], second: second[i], value: values[i], size: sizes[i],
                                                  tables: tables, generator: &g)
                        }
                    }
                }
            }
        }
    }

    /// The eight-lane draws of target `t` into `output`: the number of cells left for the
    /// scalar sampler, their rows in `pending`; nil when the processor has no eight-lane path.
    private static func drawFast(
        _ t: Target, sizes: UnsafeBufferPointer<Double>, key: UInt64, tables: NormalZiggurat,
        into output: UnsafeMutableBufferPointer<Double>, pending: UnsafeMutablePointer<Int32>
    ) -> Int? {
        let secondD = t.binomial ? t.secondD : t.firstD, secondC = t.binomial ? t.secondC : t.firstC
        let waiting = buurt_draw_fast(t.drawKind, t.cellKeys, key, t.firstD, t.firstC, secondD, secondC, t.per,
                                      sizes.baseAddress, tables.edges, output.baseAddress, pending, output.count)
        return waiting < 0 ? nil : waiting
    }

    /// The raw panel (the one given at initialisation) with every declared indicator redrawn
    /// for replication `r`.
    /// - Complexity: O(rows × sampled indicators).
    func perturbed(_ panel: Panel, replication r: UInt64) -> Panel {
        let key = Self.replicationKey(seed: seed, replication: r)
        let n = panel.rowCount
        var values = panel.values.storage
        var pending: [Int32] = []
        panel.values.storage.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { output in
                for t in targets {
                    perturb(t, values: UnsafeBufferPointer(rebasing: input[(t.column * n)..<(t.column * n + n)]),
                            sizes: UnsafeBufferPointer(rebasing: input[(t.sizeColumn * n)..<(t.sizeColumn * n + n)]), key: key,
                            into: UnsafeMutableBufferPointer(rebasing: output[(t.column * n)..<(t.column * n + n)]),
                            pending: &pending)
                }
            }
        }
        var out = panel
        out.values = Matrix(rows: n, columns: panel.values.columns, columnMajor: values)
        return out
    }
}
