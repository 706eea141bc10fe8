import BuurtNumerics

/// The impute stage: fills missing indicator values (COINr `Impute` with `i_mean`, `i_median`,
/// `i_mean_grp`, `i_median_grp` applied per period, or `impute_panel` with linear interpolation).
///
/// * `.mean` / `.median`: a missing cell gets the mean (or median, R's definition) of the available
///   values of the same indicator in its pool. The pool is every row (`.all`), the rows of its
///   period (`.period`), or the rows of its period with the same value of a categorical column
///   (`.group`); a row whose group value is missing uses its whole period.
/// * `.interpolate`: per unit over its periods in ascending order, y = y₀ + (y₁ − y₀)·(t − t₀)/(t₁ − t₀)
///   between the nearest observed periods t₀ < t < t₁, and the nearest observation before the
///   first or after the last one (R `approx(rule = 2)`, as COINr `impute_panel` "linear"). The
///   scope is not used.
///
/// Statistics are taken over the input values only, never over cells filled in the same call.
/// A cell whose pool (or unit series) has no value stays missing and is listed as unfilled.
/// Only indicator columns change; every other column is kept as it is.
///
/// Normalise `scope: reference` does not change the pools: a missing figure is best guessed
/// from its own year's level, and a pool of one year never changes another year's filled
/// values (only `.all` pools the years, so adding a year changes earlier filled cells).
public enum Impute {
    /// - Throws: ``BuurtError`` (`.data`) when an indicator column is not in the data, when the
    ///   group column of `.group` does not exist (listing the categorical columns there are), or
    ///   when `.interpolate` is asked of data without periods.
    /// - Complexity: O(rows × indicators) plus a sort of each pool that needs a median.
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: ImputeParameters
    ) throws(BuurtError) -> StageOutput<ImputeRecord> {
        let columns = try panel.indicatorColumns(of: model, stage: "impute")
        var result = panel
        var record = ImputeRecord(method: parameters.method)
        switch parameters.method {
        case .none:
            return StageOutput(panel: panel, record: record)
        case .mean, .median:
            let pools = try ImputePools(panel: panel, scope: parameters.scope)
            fillFromPools(panel, into: &result.values, record: &record, columns: columns,
                          codes: model.indicators, pools: pools, median: parameters.method == .median)
        case .interpolate:
            guard panel.hasPeriods else {
                throw BuurtError(.data, "impute: method 'interpolate' fills gaps between a unit's periods, but the data has no period column; use mean or median instead")
            }
            interpolate(panel, into: &result.values, record: &record, columns: columns, codes: model.indicators,
                        maxGap: parameters.maxGap)
        }
        return StageOutput(panel: result, record: record)
    }

    /// Mean/median fill with records, per indicator through ``fill(_:into:pools:median:workspace:filled:unfilled:)``.
    private static func fillFromPools(
        _ panel: Panel, into values: inout Matrix, record: inout ImputeRecord,
        columns: [Int], codes: [String], pools: ImputePools, median: Bool
    ) {
        let n = panel.rowCount
        var workspace = ImputeWorkspace()
        for (code, j) in zip(codes, columns) {
            let base = j * n
            var imputed = 0, unfilled = 0
            panel.values.storage.withUnsafeBufferPointer { input in
                values.storage.withUnsafeMutableBufferPointer { output in
                    fill(UnsafeBufferPointer(rebasing: input[base..<(base + n)]),
                         into: UnsafeMutableBufferPointer(rebasing: output[base..<(base + n)]),
                         pools: pools, median: median, workspace: &workspace,
                         filled: { i, p, value, count in
                             imputed += 1
                             let how: ImputationSource = median
                                 ? .median(group: pools.label[p], count: count) : .mean(group: pools.label[p], count: count)
                             record.imputed.append(ImputedCell(row: i, unit: panel.unitCodes[i], period: panel.periods[i],
                                                               indicator: code, value: value, how: how))
                         },
                         unfilled: { i in
                             unfilled += 1
                             record.unfilled.append(UnfilledCell(row: i, unit: panel.unitCodes[i], period: panel.periods[i], indicator: code))
                         })
                }
            }
            record.counts.append(ImputationCount(indicator: code, imputed: imputed, unfilled: unfilled))
        }
    }

    /// The mean/median fill of one column: every missing cell of `input` whose pool has a value
    /// gets the pool's mean (or median) of `input`'s available values, written to `output`
    /// (which holds `input`'s values beforehand); each pool's statistic is computed once, the
    /// first time a missing cell of it is met. `filled(row, pool, value, count)` and
    /// `unfilled(row)` see each missing cell in row order.
    /// - Complexity: O(rows) plus the pools met (a sort each for the median); no allocation once
    ///   `workspace` has grown to the pools' size.
    package static func fill(
        _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>, pools: ImputePools,
        median: Bool, workspace: inout ImputeWorkspace,
        filled: (_ row: Int, _ pool: Int, _ value: Double, _ count: Int) -> Void = { _, _, _, _ in },
        unfilled: (_ row: Int) -> Void = { _ in }
    ) {
        workspace.reset(pools: pools.members.count)
        for i in 0..<input.count where input[i].isNaN {
            let p = pools.poolOf[i]
            if workspace.poolCount[p] < 0 {
                workspace.buffer.removeAll(keepingCapacity: true)
                for r in pools.members[p] where !input[r].isNaN { workspace.buffer.append(input[r]) }
                workspace.statistic[p] = median ? Descriptive.median(workspace.buffer) : Descriptive.mean(workspace.buffer)
                workspace.poolCount[p] = workspace.buffer.count
            }
            guard workspace.poolCount[p] > 0 else {
                unfilled(i)
                continue
            }
            output[i] = workspace.statistic[p]
            filled(i, p, workspace.statistic[p], workspace.poolCount[p])
        }
    }
}

/// Reused storage of ``Impute/fill(_:into:pools:median:workspace:filled:unfilled:)``: each
/// pool's statistic and count (−1 = not computed yet) and the values of one pool.
public struct ImputeWorkspace: Sendable {
    var statistic: [Double] = []
    var poolCount: [Int] = []
    var buffer: [Double] = []

    public init() {}

    mutating func reset(pools: Int) {
        if statistic.count != pools {
            statistic = [Double](repeating: .nan, count: pools)
            poolCount = [Int](repeating: -1, count: pools)
        } else {
            for p in 0..<pools { poolCount[p] = -1 }
        }
    }
}

/// The pools a mean or median is taken over: `poolOf[row]` is the row's pool, `members[pool]`
/// the rows whose values enter it, `label[pool]` its group value (`nil` for a whole period or
/// the whole panel). Pools of a period are built only when some row of it has no group value.
/// They depend on the rows' periods and groups only, not on the values.
public struct ImputePools: Sendable {
    public private(set) var poolOf: [Int]
    public private(set) var members: [[Int]]
    public private(set) var label: [String?]

    /// - Throws: ``BuurtError`` (`.data`) when the group column of `.group` does not exist.
    public init(panel: Panel, scope: ImputeScope) throws(BuurtError) {
        let n = panel.rowCount
        switch scope {
        case .all:
            poolOf = Array(repeating: 0, count: n)
            members = [Array(0..<n)]
            label = [nil]
        case .period:
            let periods = panel.periodGroups
            poolOf = Array(repeating: 0, count: n)
            for (k, group) in periods.enumerated() { for i in group.rows { poolOf[i] = k } }
            members = periods.map(\.rows)
            label = Array(repeating: nil, count: periods.count)
        case .group(let name):
            guard let groupValues = panel.category(name) else {
                let available = panel.categories.map { "'\($0.name)'" }.joined(separator: ", ")
                throw BuurtError(.data, "impute: group column '\(name)' is not in the data; "
                    + (available.isEmpty ? "the data has no categorical columns" : "categorical columns: \(available)"))
            }
            poolOf = Array(repeating: 0, count: n)
            members = []
            label = []
            for period in panel.periodGroups {
                var poolOfLabel: [String: Int] = [:]
                var wholePeriod: Int?
                for i in period.rows {
                    if let g = groupValues[i] {
                        if let p = poolOfLabel[g] {
                            poolOf[i] = p
                            members[p].append(i)
                        } else {
                            poolOfLabel[g] = members.count
                            poolOf[i] = members.count
                            members.append([i])
                            label.append(g)
                        }
                    } else {
                        if wholePeriod == nil {
                            wholePeriod = members.count
                            members.append(period.rows)
                            label.append(nil)
                        }
                        poolOf[i] = wholePeriod!
                    }
                }
            }
        }
    }
}
