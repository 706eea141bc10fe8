import BuurtIndex
import BuurtNumerics

/// A replication with sampling computed column by column: the perturbed raw columns of the
/// model's indicators → denominate → impute (mean or median) → the screened rows → treat →
/// normalise, in reused buffers, giving each indicator's normalised values in the layout order
/// of the nominal aggregated rows, for the compiled scorer to aggregate
/// (``CompiledScorer/score(normalised:aggregateIndex:draws:positions:codes:into:sums:workspace:)``).
///
/// Sampling never changes which cells are missing, so the rows screening keeps are those of a
/// run on the unperturbed data with the same impute alternative (computed once per
/// alternative), and so are the cells imputation fills; only the values change. Every stage
/// uses the pipeline's own kernels (`Denominate.divide`, `Treat.treat`, `Normalise.column`;
/// imputation the fill of `Impute.fill` prepared once per indicator, ``ImputeColumnPlan``) on
/// the same values in the same order, so the result is what
/// ``BuurtNumerics/Pipeline/run(_:model:spec:resumingAfter:keepIntermediate:stoppingAfter:)``
/// gives on the perturbed panel.
///
/// It applies when no denominator is itself a sampled indicator. A draw whose impute
/// alternative interpolates, or whose screened rows differ from the nominal rows, is left to
/// the pipeline (``columns(for:)`` returns `nil`).
struct SampledReplication: Sendable {
    /// The rows one impute alternative keeps and what the later stages need of them.
    struct RowSet: Sendable {
        /// Raw rows kept by screening, in raw order; kept row s is at layout position `position[s]`.
        var kept: [Int]
        var position: [Int]
        /// Period groups of the kept rows (indices into `kept`), for treat.
        var groups: [PeriodRows]
        /// Normalisation bases of the kept rows per normalise alternative (index 0: the model's own).
        var bases: [Result<NormaliseBasis, BuurtError>]
    }

    /// Reused buffers of one thread.
    struct Workspace {
        var raw: [[Double]] = []
        var imputed: [[Double]] = []
        var screened: [[Double]] = []
        var normalised = NormalisedColumns(rowCount: 0, columns: [])
        var sample: [Double] = []
        var sampleRows: [Int] = []
        var impute = ImputeWorkspace()
        var normalise = NormaliseWorkspace()
        /// Rows the eight-lane sampling draws leave to the scalar sampler.
        var pending: [Int32] = []
    }

    let raw: Panel
    let model: IndexModel
    let spec: PipelineSpec
    let uncertainty: UncertaintySpec
    let perturbation: SamplingPerturbation
    /// Raw column of each model indicator, and of its denominator with the scale (when denominated).
    let columns: [Int]
    let denominators: [(column: Int, scale: Double)?]
    let imputePools: ImputePools?
    /// Per indicator: its fill, prepared from the unperturbed denominated column.
    let imputePlans: [ImputeColumnPlan]
    /// Row sets by impute choice (0: the model's own impute, i + 1: alternative i); `nil` when the
    /// choice's rows are not the nominal rows or it interpolates.
    let rowSets: [Result<RowSet, BuurtError>?]
    let layoutCount: Int

    /// `nil` when the path does not apply (a sampled denominator).
    init?(raw: Panel, nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, uncertainty: UncertaintySpec,
          plan: DrawPlan, layout: RowLayout) {
        let perturbation = SamplingPerturbation(panel: raw, model: model, seed: plan.seed)
        let sampledColumns = Set(perturbation.targets.map(\.column))
        var columns: [Int] = [], denominators: [(column: Int, scale: Double)?] = []
        for code in model.indicators {
            guard let j = raw.columnIndex(code) else { return nil }
            columns.append(j)
            let node = model.node(code)!
            if let p = spec.denominate, let d = node.denominator, !d.isEmpty {
                guard let q = raw.columnIndex(d), !sampledColumns.contains(q) else { return nil }
                denominators.append((q, node.scale ?? p.scale))
            } else {
                denominators.append(nil)
            }
        }
        self.raw = raw
        self.model = model
        self.spec = spec
        self.uncertainty = uncertainty
        self.perturbation = perturbation
        self.columns = columns
        self.denominators = denominators
        layoutCount = layout.count
        let scope = spec.impute?.scope ?? .period
        let pools = try? ImputePools(panel: raw, scope: scope)
        imputePools = pools
        imputePlans = pools.map { Self.imputePlans(raw: raw, columns: columns, denominators: denominators, pools: $0) } ?? []
        let nominalRows = nominal.aggregated
        var sets: [Result<RowSet, BuurtError>?] = []
        for i in [nil] + (0..<plan.imputeCount).map({ Optional($0) }) {
            let s = GeneralEvaluator.spec(spec, ReplicationDraw(imputeIndex: i), uncertainty)
            if s.impute?.method == .interpolate {
                sets.append(nil)
                continue
            }
            sets.append(Self.rowSet(raw: raw, model: model, spec: s, uncertainty: uncertainty, plan: plan,
                                    nominalRows: nominalRows, layout: layout))
        }
        rowSets = sets
    }

    /// Each indicator's fill (``ImputeColumnPlan``) from its raw column, denominated.
    /// - Complexity: O(rows × indicators).
    private static func imputePlans(
        raw: Panel, columns: [Int], denominators: [(column: Int, scale: Double)?], pools: ImputePools
    ) -> [ImputeColumnPlan] {
        let n = raw.rowCount
        return raw.values.storage.withUnsafeBufferPointer { input in
            columns.indices.map { c in
                var column = Array(input[(columns[c] * n)..<(columns[c] * n + n)])
                return column.withUnsafeMutableBufferPointer { values in
                    if let d = denominators[c] {
                        Denominate.divide(values, by: UnsafeBufferPointer(rebasing: input[(d.column * n)..<(d.column * n + n)]), scale: d.scale)
                    }
                    return ImputeColumnPlan(column: UnsafeBufferPointer(values), pools: pools)
                }
            }
        }
    }

    /// The row set of an impute choice from a run to screening on the unperturbed data;
    /// `nil` when its rows are not the nominal rows in their order.
    private static func rowSet(
        raw: Panel, model: IndexModel, spec: PipelineSpec, uncertainty: UncertaintySpec, plan: DrawPlan,
        nominalRows: Panel, layout: RowLayout
    ) -> Result<RowSet, BuurtError>? {
        let screened: PipelineResult
        do {
            screened = try Pipeline.run(raw, model: model, spec: spec, keepIntermediate: false, stoppingAfter: .screened)
        } catch {
            return .failure(error)
        }
        let kept = screened.record.screen.map { $0.rows.filter(\.kept).map(\.row) } ?? Array(0..<raw.rowCount)
        guard kept.count == nominalRows.rowCount,
              kept.indices.allSatisfy({ raw.unitCodes[kept[$0]] == nominalRows.unitCodes[$0] && raw.periods[kept[$0]] == nominalRows.periods[$0] })
        else { return nil }
        let rows = Panel(unitCodes: kept.map { raw.unitCodes[$0] }, periods: kept.map { raw.periods[$0] }, columnCodes: [],
                         values: Matrix(rows: kept.count, columns: 0))
        let bases = [spec.normalise] + uncertainty.normalise
        return .success(RowSet(
            kept: kept, position: layout.positionOf, groups: rows.periodGroups,
            bases: bases.map { p in Result { () throws(BuurtError) in try NormaliseBasis(rows, parameters: p) } }))
    }

    /// The normalised columns of draw `d` (which has a sampling stream), or `nil` when the
    /// pipeline must compute this draw.
    /// - Throws: the stage's error (with its stage) when normalisation fails under the draw.
    /// - Complexity: O(rows × indicators) plus the treat steps and rank sorts; no allocation
    ///   besides the fits once `workspace` has grown.
    func columns(for d: ReplicationDraw, workspace w: inout Workspace) throws(BuurtError) -> NormalisedColumns? {
        guard let stream = d.samplingStream, let set = rowSets[d.imputeIndex.map { $0 + 1 } ?? 0] else { return nil }
        let rows = try set.get()
        let s = GeneralEvaluator.spec(spec, d, uncertainty)
        let k = columns.count, n = raw.rowCount, m = rows.kept.count
        prepare(&w, indicators: k, rows: n, kept: m)
        perturbAndDenominate(replication: stream, into: &w.raw, pending: &w.pending)
        if let impute = s.impute, impute.method != .none, let pools = imputePools {
            for c in 0..<k { fill(c, in: &w, pools: pools, median: impute.method == .median) }
        }
        for c in 0..<k {
            w.screened[c].withUnsafeMutableBufferPointer { out in
                w.raw[c].withUnsafeBufferPointer { input in
                    for (t, i) in rows.kept.enumerated() { out[t] = input[i] }
                }
            }
        }
        if let treat = s.treat { try self.treat(&w, rows: rows, parameters: treat) }
        let basis = try rows.bases[d.normaliseIndex.map { $0 + 1 } ?? 0].get()
        for c in 0..<k {
            let node = model.node(model.indicators[c])!
            do {
                try w.screened[c].withUnsafeMutableBufferPointer { (v) throws(BuurtError) in
                    try Normalise.column(v, node: node, method: s.normalise.method, basis: basis, workspace: &w.normalise)
                }
            } catch {
                var failure = error
                failure.stage = .normalised
                throw failure
            }
            w.normalised.columns[c].withUnsafeMutableBufferPointer { out in
                w.screened[c].withUnsafeBufferPointer { values in
                    rows.position.withUnsafeBufferPointer { position in
                        for t in 0..<m { out[position[t]] = values[t] }
                    }
                }
            }
        }
        return w.normalised
    }

    /// Imputes indicator `c`'s column in place: by its prepared fill when its missing cells are
    /// the planned ones, else (a draw that made a value missing) by `Impute.fill` on a copy.
    private func fill(_ c: Int, in w: inout Workspace, pools: ImputePools, median: Bool) {
        w.raw[c].withUnsafeMutableBufferPointer { column in
            if imputePlans[c].matches(column) {
                imputePlans[c].fill(column, median: median, buffer: &w.sample)
                return
            }
            w.imputed[c].withUnsafeMutableBufferPointer { input in
                _ = input.update(fromContentsOf: column)
                Impute.fill(UnsafeBufferPointer(input), into: column, pools: pools, median: median, workspace: &w.impute)
            }
        }
    }

    private func prepare(_ w: inout Workspace, indicators k: Int, rows n: Int, kept m: Int) {
        if w.raw.count != k || w.raw.first?.count != n {
            w.raw = Array(repeating: [Double](repeating: .nan, count: n), count: k)
            w.imputed = w.raw
        }
        if w.screened.count != k || w.screened.first?.count != m {
            w.screened = Array(repeating: [Double](repeating: .nan, count: m), count: k)
        }
        if w.normalised.columns.count != k || w.normalised.rowCount != layoutCount {
            w.normalised = NormalisedColumns(rowCount: layoutCount, columns: Array(repeating: [Double](repeating: .nan, count: layoutCount), count: k))
        }
    }

    /// Each indicator's raw column, redrawn where it has a sampling model, then denominated.
    private func perturbAndDenominate(replication r: UInt64, into buffers: inout [[Double]], pending: inout [Int32]) {
        let key = SamplingPerturbation.replicationKey(seed: perturbation.seed, replication: r)
        let n = raw.rowCount
        var target = [Int?](repeating: nil, count: columns.count)
        for (t, x) in perturbation.targets.enumerated() { target[x.indicator] = t }
        raw.values.storage.withUnsafeBufferPointer { input in
            func column(_ j: Int) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(rebasing: input[(j * n)..<(j * n + n)]) }
            for c in columns.indices {
                buffers[c].withUnsafeMutableBufferPointer { out in
                    if let t = target[c] {
                        let x = perturbation.targets[t]
                        perturbation.perturb(x, values: column(x.column), sizes: column(x.sizeColumn), key: key, into: out, pending: &pending)
                    } else {
                        _ = out.update(fromContentsOf: column(columns[c]))
                    }
                    if let d = denominators[c] { Denominate.divide(out, by: column(d.column), scale: d.scale) }
                }
            }
        }
    }

    /// Treat on the screened columns, per indicator, as the treat stage does.
    /// - Throws: the stage's error (stage set) when the reference period has no rows.
    private func treat(_ w: inout Workspace, rows: RowSet, parameters: TreatParameters) throws(BuurtError) {
        var sample: [Double] = [], sampleRows: [Int] = []
        swap(&sample, &w.sample)
        swap(&sampleRows, &w.sampleRows)
        defer {
            swap(&sample, &w.sample)
            swap(&sampleRows, &w.sampleRows)
        }
        for c in w.screened.indices {
            do {
                try w.screened[c].withUnsafeMutableBufferPointer { (column) throws(BuurtError) in
                    try Treat.treat(column, groups: rows.groups, parameters: parameters, sample: &sample, rows: &sampleRows)
                }
            } catch {
                var failure = error
                failure.stage = .treated
                throw failure
            }
        }
    }
}
