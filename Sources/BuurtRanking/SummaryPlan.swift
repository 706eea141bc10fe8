import BuurtIndex
import BuurtNumerics

/// What ``UncertaintySummary`` computes and how it splits the work.
///
/// **Samples.** Per row the index pass keeps R ranks and R index scores, and, when they are
/// *stored*, the R scores of every *sample code*: the problem dimensions (unless fixed), then the
/// change groups that vary with the draws and are not among them. Bytes per row and replication:
/// rank (2, or 4 above 65,535 rows a period) + score + score · sample codes, the score `Double`
/// when all of it fits the budget and ``doubleLimit`` (1 GiB), else `Float`: beyond a gigabyte,
/// writing, gathering and selecting twice the bytes costs more than the seventh digit of a
/// band is worth (14,000 rows × 10,000 replications: 1.4 GB of Double samples).
///
/// **Splits.** When the single-precision samples fit the budget, one index pass over all rows
/// stores everything and every band is derived from those samples: each replication is
/// evaluated once. The default budget (``UncertaintySummary/defaultMemoryBudget``, 2 GiB) holds
/// the general path's samples of 56,000 rows × 6 dimensions × 1,000 replications:
/// 56,000 · 1,000 · (2 + 4 + 6 · 4) bytes = 1.68 GB (peak about 1.8 GB with the engine's
/// matrices and the workers' blocks). Beyond the budget:
/// - on the compiled path each period is its own index pass (index samples only), the
///   dimension scores of tiles of rows are recomputed for all replications (``ThemeTiles``,
///   matrix products under any mean; chunks of rows when a dimension aggregates varying
///   aggregates or a plan is staged) and the
///   change groups' scores of chunks of units in the two periods likewise (``ChangeBands``):
///   still one evaluation of every row per replication, spread over tiles;
/// - on the general path (a pipeline run per replication, which always scores every row) the
///   memory stays within the budget at the price of re-running every replication: once per
///   run of periods whose index samples fit, once per chunk of rows for the dimensions and
///   once per chunk of units for the change groups. A general-path model exceeds the default
///   budget when rows · R · (6 + 4 · sample codes) > 2 GiB, e.g. 56,000 rows × 6 dimensions
///   with more than 1,278 replications; raise the budget where the memory is there.
struct SummaryPlan: Sendable {
    let engine: UncertaintyEngine
    let priorities: PrioritySpec
    let replications: Int
    let rootCode: Int
    /// Score-code indices of the problem dimensions.
    let themeCodes: [Int]
    var dimensions: Int { themeCodes.count }
    /// When no dimension depends on the weights (compiled path): each dimension's scores per
    /// alternative, so the theme statistics need no per-replication samples.
    let fixedThemes: [[[Double]?]]?
    /// Score-code indices kept per row and replication when samples are stored: the problem
    /// dimensions (unless fixed), then the varying change groups not among them.
    let sampleCodes: [Int]
    /// The change bands asked for: one plan per pair of periods compared.
    let changes: [ChangePlan]
    /// Whether one index pass stores every sample code (else: per-period passes, tiles).
    let storesSamples: Bool
    /// The codes an index pass evaluates: the root, then the sample codes when stored, else the
    /// dimensions unless fixed (their period means are the gap references).
    let indexCodes: [Int]
    /// For each layout period, the layout period whose mean is the reference.
    let referencePeriod: [Int]
    /// Position ranges of the index passes (whole periods).
    let indexGroups: [Range<Int>]
    /// Rows per theme chunk when the dimensions are neither stored nor tiled (compiled path).
    let themeChunks: [Range<Int>]
    let fitsAsDouble: Bool
    /// The largest sample store kept in double precision, whatever the budget.
    static let doubleLimit = 1 << 30
    /// Bytes of samples the summary may hold (see above for the general path).
    let memoryBudget: Int

    /// The problem dimensions are scored in the index pass (stored, or none).
    var themesInIndexPass: Bool { storesSamples || dimensions == 0 }

    /// Replication evaluations over all passes, in units of R (for progress): 1 when the
    /// samples are stored.
    var evaluations: Int {
        indexGroups.count + (themesInIndexPass || fixedThemes != nil ? 0 : themeChunks.count)
            + recomputeEvaluations
    }

    /// Evaluations of the recomputed change groups: all chunks together one on the linear
    /// path (each scores only its rows), one per chunk on the general path.
    var recomputeEvaluations: Int { changes.map { recomputeEvaluations(of: $0) }.reduce(0, +) }

    /// ``recomputeEvaluations`` of one pair's plan.
    func recomputeEvaluations(of change: ChangePlan) -> Int {
        let chunks = change.recomputeChunks(storesSamples: storesSamples, plan: self).count
        return engine.usesCompiledPath ? Swift.min(1, chunks) : chunks
    }

    init(engine: UncertaintyEngine, priorities: PrioritySpec, changes analysis: ChangeAnalysis? = nil,
         memoryBudget: Int) throws(BuurtError) {
        self.engine = engine
        self.priorities = priorities
        self.memoryBudget = memoryBudget
        replications = engine.uncertainty.replications
        if priorities.top < 1 { throw BuurtError(.data, "priorities: top must be at least 1, got \(priorities.top)") }
        let model = engine.model
        guard let root = engine.scoreCodes.firstIndex(of: model.root) else {
            throw BuurtError(.data, "uncertainty: the engine does not score the index '\(model.root)'")
        }
        rootCode = root
        let wanted = try UncertaintySummary.scoreCodes(model: model, priorities: priorities).dropFirst()
        var themeCodes: [Int] = []
        for code in wanted {
            guard let c = engine.scoreCodes.firstIndex(of: code) else {
                throw BuurtError(.data, "uncertainty: the engine does not score the problem dimension '\(code)'")
            }
            themeCodes.append(c)
        }
        self.themeCodes = themeCodes
        let fixed = themeCodes.map { engine.fixedScores(code: $0) }
        fixedThemes = !fixed.isEmpty && fixed.allSatisfy { $0 != nil } ? fixed.map { $0! } : nil
        var sampleCodes = fixedThemes == nil ? themeCodes : []
        var plans: [ChangePlan] = []
        for pair in analysis?.pairs ?? [] {
            plans.append(try ChangePlan(analysis!, pair: pair, engine: engine, root: root, sampleCodes: &sampleCodes))
        }
        changes = plans
        self.sampleCodes = sampleCodes
        let periods = engine.layout.periods
        switch priorities.reference {
        case .periodMean:
            referencePeriod = Array(periods.indices)
        case .period(let year):
            guard let k = periods.firstIndex(where: { $0.period == year }) else {
                let known = periods.compactMap(\.period).map(String.init).joined(separator: ", ")
                throw BuurtError(.data, "priorities: reference period \(year) has no rows (periods: \(known))")
            }
            referencePeriod = periods.map { _ in k }
        }

        let rows = engine.layout.count
        let r = replications
        let rankBytes = (periods.map(\.positions.count).max() ?? 0) <= Int(UInt16.max) ? 2 : 4
        func bytes(score: Int) -> Int { rows * r * (rankBytes + score + sampleCodes.count * score) }
        fitsAsDouble = bytes(score: 8) <= Swift.min(memoryBudget, Self.doubleLimit)
        storesSamples = fitsAsDouble || bytes(score: 4) <= memoryBudget
        if storesSamples {
            indexGroups = [0..<rows]
        } else if engine.usesCompiledPath {
            indexGroups = periods.map(\.positions)
        } else {
            // Runs of whole periods whose index samples fit the budget.
            var groups: [Range<Int>] = []
            for p in periods {
                if let last = groups.last, (last.count + p.positions.count) * r * (rankBytes + 4) <= memoryBudget {
                    groups[groups.count - 1] = last.lowerBound..<p.positions.upperBound
                } else {
                    groups.append(p.positions)
                }
            }
            indexGroups = groups
        }
        indexCodes = [root] + (storesSamples ? sampleCodes : fixedThemes == nil ? themeCodes : [])
        if storesSamples || themeCodes.isEmpty {
            themeChunks = []
        } else {
            let chunk = Swift.max(1, memoryBudget / Swift.max(r * themeCodes.count * 4, 1))
            themeChunks = stride(from: 0, to: rows, by: chunk).map { $0..<Swift.min(rows, $0 + chunk) }
        }
    }

    /// The layout period index of each position.
    func periodIndex(of position: Int) -> Int {
        engine.layout.periods.firstIndex { $0.positions.contains(position) }!
    }

    /// Draws per block for `rows` rows: the engine's block size, capped so a worker's block of
    /// the evaluated codes stays within 64 MiB.
    func blockSize(rows: Int) -> Int {
        let perDraw = Swift.max(1, indexCodes.count * rows * 8)
        return Swift.max(1, Swift.min(engine.blockSize, (64 << 20) / perDraw))
    }
}

/// The change bands between two periods that ``UncertaintySummary`` derives from its samples
/// (the rows of one pair with measure `change` and nothing left out).
struct ChangePlan: Sendable {
    /// Positions of a unit's rows in the two periods.
    struct Pair: Sendable {
        var from: Int
        var to: Int
    }

    /// Where a group's replications come from.
    enum Source: Sendable {
        /// The index samples of the index pass.
        case index
        /// Sample code `slot` (stored, or recomputed on the compiled path), score code `code`.
        case sample(slot: Int, code: Int)
        /// Scores per alternative that do not depend on the weights (compiled path).
        case fixed([[Double]?])
        /// Not scored by the engine: no band.
        case none
    }

    /// Every unit scored in both periods, in the order of the analysis' rows.
    let pairs: [Pair]
    /// Position ranges of the two periods.
    let fromPositions: Range<Int>
    let toPositions: Range<Int>
    /// One per group of the analysis.
    let sources: [Source]
    /// Index of the pair's first row in the analysis' rows (its rows are pairs × groups from there).
    let rowOffset: Int

    /// - Parameter sampleCodes: extended by the varying change groups not yet among them.
    /// - Throws: `BuurtError(.internalFailure)` when the analysis' rows are not the engine's pairs.
    init(_ analysis: ChangeAnalysis, pair: PeriodPair, engine: UncertaintyEngine, root: Int, sampleCodes: inout [Int]) throws(BuurtError) {
        let layout = engine.layout
        let pairs = ChangeAnalysis.pairs(engine.rows, from: pair.from, to: pair.to)
        let g = analysis.groups.count
        let own = analysis.rows.indices.filter { k in
            let row = analysis.rows[k]
            return row.from == pair.from && row.to == pair.to && row.measure == .change && row.excluding.isEmpty
        }
        guard pairs.count * g == own.count, own.last.map({ $0 - own[0] + 1 }) ?? 0 == own.count,
              let from = layout.range(of: pair.from), let to = layout.range(of: pair.to) else {
            throw BuurtError(.internalFailure, "changes \(pair): the replications score \(pairs.count) units in both periods, the nominal run \(own.count / Swift.max(g, 1))")
        }
        rowOffset = own.first ?? 0
        self.pairs = pairs.map { Pair(from: layout.positionOf[$0.0], to: layout.positionOf[$0.1]) }
        fromPositions = from
        toPositions = to
        var sources: [Source] = []
        for group in analysis.groups {
            guard let c = engine.scoreCodes.firstIndex(of: group) else { sources.append(.none); continue }
            if c == root { sources.append(.index); continue }
            if let slot = sampleCodes.firstIndex(of: c) { sources.append(.sample(slot: slot, code: c)); continue }
            if let fixed = engine.fixedScores(code: c) { sources.append(.fixed(fixed)); continue }
            sampleCodes.append(c)
            sources.append(.sample(slot: sampleCodes.count - 1, code: c))
        }
        self.sources = sources
    }

    /// Changes held at once when recomputed, at most (bytes): 64 MiB, or the memory budget when
    /// smaller.
    static func recomputeBudget(_ plan: SummaryPlan) -> Int { Swift.min(64 << 20, plan.memoryBudget) }

    /// The chunks of pairs whose groups are recomputed (none when stored or nothing varies);
    /// each costs one evaluation of its rows on the compiled path, a pipeline run per replication
    /// on the general path.
    func recomputeChunks(storesSamples: Bool, plan: SummaryPlan) -> [Range<Int>] {
        let c = recomputed(storesSamples: storesSamples).count
        guard c > 0, !pairs.isEmpty else { return [] }
        let chunk = Swift.max(1, Self.recomputeBudget(plan) / Swift.max(1, 8 * c * plan.replications))
        return stride(from: 0, to: pairs.count, by: chunk).map { $0..<Swift.min(pairs.count, $0 + chunk) }
    }

    /// Score codes recomputed for the change bands when the samples are not stored, with
    /// their group indices.
    func recomputed(storesSamples: Bool) -> [(group: Int, code: Int)] {
        guard !storesSamples else { return [] }
        return sources.enumerated().compactMap { k, s in
            if case .sample(_, let code) = s { return (k, code) }
            return nil
        }
    }
}
