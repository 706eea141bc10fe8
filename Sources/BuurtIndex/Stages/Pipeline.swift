/// What every stage of one pipeline run did; `nil` for stages the spec skipped.
public struct PipelineRecord: Sendable, Equatable {
    public var denominate: DenominateRecord?
    public var impute: ImputeRecord?
    public var screen: ScreenRecord?
    public var treat: TreatRecord?
    public var normalise: NormaliseRecord?
    public var aggregate: AggregateRecord?

    public init() {}
}

/// The panels after each stage that ran, in stage order, and the stages' records.
public struct PipelineResult: Sendable, Equatable {
    /// Stage outputs in order; the first is the input (`raw`, or the stage the run resumed after).
    public var stages: [(name: StageName, panel: Panel)]
    public var record: PipelineRecord

    public static func == (a: PipelineResult, b: PipelineResult) -> Bool {
        a.stages.map(\.name) == b.stages.map(\.name) && a.stages.map(\.panel) == b.stages.map(\.panel)
            && a.record == b.record
    }

    /// The panel after `stage`, when that stage ran (or was the input).
    public func panel(after stage: StageName) -> Panel? {
        stages.last { $0.name == stage }?.panel
    }

    /// The final panel: normalised indicators plus one column per aggregate.
    public var aggregated: Panel { stages[stages.count - 1].panel }
}

/// The fixed stage sequence denominate → impute → screen → treat → normalise → aggregate.
///
/// `run` is a pure function of its arguments: no I/O, no randomness, no global state. The
/// uncertainty engine resumes it after any stage with an altered spec (`resumingAfter:`),
/// reusing the unchanged earlier stages.
public enum Pipeline {
    /// Runs every stage after `resumingAfter` on `input` (which must be that stage's output).
    ///
    /// - Parameters:
    ///   - input: the raw panel, or the output of stage `resumingAfter`.
    ///   - keepIntermediate: keep every stage's panel in the result (for `--stages` and the report);
    ///     when false only the input and the final panel are kept.
    ///   - last: the last stage to run (default: every stage); the result's final panel is then
    ///     that stage's output.
    /// - Throws: the first stage's ``BuurtError``, naming unit, period and indicator, with
    ///   ``BuurtError/stage`` set to the stage that failed.
    public static func run(
        _ input: Panel, model: IndexModel, spec: PipelineSpec,
        resumingAfter start: StageName = .raw, keepIntermediate: Bool = true, stoppingAfter last: StageName = .aggregated
    ) throws(BuurtError) -> PipelineResult {
        var current = start
        do {
            return try runStages(input, model: model, spec: spec, start: start, last: last, keepIntermediate: keepIntermediate,
                                 current: &current)
        } catch {
            var failure = error
            if failure.stage == nil { failure.stage = current }
            throw failure
        }
    }

    /// The stages after `start` up to normalisation, without aggregating: the panel an
    /// aggregation would start from (errors as ``run(_:model:spec:resumingAfter:keepIntermediate:)``).
    /// - Complexity: as ``run(_:model:spec:resumingAfter:keepIntermediate:)`` without the aggregation.
    public static func normalised(
        _ input: Panel, model: IndexModel, spec: PipelineSpec, resumingAfter start: StageName = .raw
    ) throws(BuurtError) -> Panel {
        try run(input, model: model, spec: spec, resumingAfter: start, keepIntermediate: false, stoppingAfter: .normalised)
            .aggregated
    }

    /// The stages in order; `current` names the stage being computed, for error reports.
    private static func runStages(
        _ input: Panel, model: IndexModel, spec: PipelineSpec, start: StageName, last: StageName, keepIntermediate: Bool,
        current: inout StageName
    ) throws(BuurtError) -> PipelineResult {
        var record = PipelineRecord()
        var stages: [(name: StageName, panel: Panel)] = [(start, input)]
        var panel = input
        var latest: StageName?
        func keep(_ name: StageName) throws(BuurtError) {
            try checkFinite(panel, after: name)
            latest = name
            if keepIntermediate || name == .aggregated { stages.append((name, panel)) }
        }
        // Stopping after `last`: the latest stage's output is the final panel.
        func stop() -> PipelineResult {
            if !keepIntermediate, let latest { stages.append((latest, panel)) }
            return PipelineResult(stages: stages, record: record)
        }
        if start < .denominated, let p = spec.denominate {
            current = .denominated
            let out = try Denominate.apply(panel, model: model, parameters: p)
            panel = out.panel; record.denominate = out.record; try keep(.denominated)
        }
        if last <= .denominated { return stop() }
        // Screening on the observed data counts the cells before imputation; only the counts
        // are kept, not a copy of the data.
        var observedCounts: Screen.Counts?
        if start < .screened, let p = spec.screen, p.basis == .observed, start < .imputed, spec.impute != nil {
            current = .screened
            observedCounts = try Screen.counts(panel, model: model)
        }
        if start < .imputed, let p = spec.impute {
            current = .imputed
            let out = try Impute.apply(panel, model: model, parameters: p)
            panel = out.panel; record.impute = out.record; try keep(.imputed)
        }
        if last <= .imputed { return stop() }
        if start < .screened, let p = spec.screen {
            current = .screened
            let counts: Screen.Counts
            if let observedCounts { counts = observedCounts } else { counts = try Screen.counts(panel, model: model) }
            let out = try Screen.apply(panel, model: model, parameters: p, counts: counts)
            panel = out.panel; record.screen = out.record; try keep(.screened)
        }
        if last <= .screened { return stop() }
        if start < .treated, let p = spec.treat {
            current = .treated
            let out = try Treat.apply(panel, model: model, parameters: p)
            panel = out.panel; record.treat = out.record; try keep(.treated)
        }
        if last <= .treated { return stop() }
        if start < .normalised {
            current = .normalised
            let out = try Normalise.apply(panel, model: model, parameters: spec.normalise)
            panel = out.panel; record.normalise = out.record; try keep(.normalised)
        }
        if last <= .normalised { return stop() }
        current = .aggregated
        let out = try Aggregate.apply(panel, model: model, parameters: spec.aggregate)
        panel = out.panel; record.aggregate = out.record; try keep(.aggregated)
        return PipelineResult(stages: stages, record: record)
    }

    /// A stage's output must not hold an infinite value: it would turn every score it enters
    /// into ±∞ or NaN without a word. Values that large come from figures near the limit of
    /// double precision (about 1.8e308) or weights far out of proportion.
    /// - Throws: ``BuurtError`` `.data` naming the first infinite value's unit, period and column.
    /// - Complexity: O(cells), a scan that stops at the first infinite value.
    static func checkFinite(_ panel: Panel, after stage: StageName) throws(BuurtError) {
        guard let k = panel.values.storage.firstIndex(where: \.isInfinite) else { return }
        let rows = panel.values.rows
        let row = k % rows, column = panel.columnCodes[k / rows]
        let period = panel.periods[row].map { " (\($0))" } ?? ""
        var failure = BuurtError(
            .data, "'\(column)' of unit '\(panel.unitCodes[row])'\(period) becomes infinite: the figures it is computed from are too large "
                + "to compute with (beyond about 1.8e308); check the figures of the indicators under '\(column)', or express them in larger units")
        failure.stage = stage
        throw failure
    }
}
