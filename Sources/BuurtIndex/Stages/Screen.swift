/// Data availability of one row (a unit in a period) over the model's indicators.
public struct RowCoverage: Sendable, Equatable {
    /// Row index in the stage's input panel.
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    /// Missing indicator values.
    public var missing: Int
    /// Indicator values equal to 0.
    public var zeros: Int
    /// 1 − missing / indicators (COINr `Dat_Avail`).
    public var coverage: Double
    /// 1 − zeros / available values (COINr `Non_Zero`); `nil` when no value is available.
    public var nonZeroShare: Double?
    /// Whether the row passed the screen.
    public var kept: Bool

    public init(row: Int, unit: String, name: String, period: Int?, missing: Int, zeros: Int,
                coverage: Double, nonZeroShare: Double?, kept: Bool) {
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.missing = missing
        self.zeros = zeros
        self.coverage = coverage
        self.nonZeroShare = nonZeroShare
        self.kept = kept
    }
}

/// What the screen stage did.
public struct ScreenRecord: Sendable, Equatable {
    public var minCoverage: Double
    /// Every input row, in input order.
    public var rows: [RowCoverage]

    public init(minCoverage: Double, rows: [RowCoverage]) {
        self.minCoverage = minCoverage
        self.rows = rows
    }

    /// The rows that were removed (coverage below ``minCoverage``), in input order.
    public var removed: [RowCoverage] { rows.filter { !$0.kept } }
}

/// The screen stage (COINr `Screen(unit_screen = "byNA", dat_thresh = minCoverage)`): a row's
/// coverage is 1 − missing/k over the model's k indicators, and rows with coverage strictly below
/// ``ScreenParameters/minCoverage`` are removed (COINr flags `Dat_Avail < dat_thresh`), so a row with
/// exactly the threshold stays. Each row stands for one unit in one period, so a unit can be
/// removed from one period and kept in another. The remaining rows keep their order and every column.
public enum Screen {
    /// Missing and zero cells per row over the model's indicators: what screening counts.
    /// The pipeline takes them before imputation (``ScreenBasis/observed``) so that the data
    /// before imputation need not be kept.
    public struct Counts: Sendable, Equatable {
        public var missing: [Int]
        public var zeros: [Int]
        /// The number of indicators counted over (k).
        public var indicators: Int

        public init(missing: [Int], zeros: [Int], indicators: Int) {
            self.missing = missing
            self.zeros = zeros
            self.indicators = indicators
        }
    }

    /// The counts of `panel`'s rows.
    /// - Throws: ``BuurtError`` (`.data`) when an indicator column is not in the data.
    /// - Complexity: O(rows × indicators).
    public static func counts(_ panel: Panel, model: IndexModel) throws(BuurtError) -> Counts {
        let columns = try panel.indicatorColumns(of: model, stage: "screen")
        let n = panel.rowCount
        let storage = panel.values.storage
        var missing = [Int](repeating: 0, count: n)
        var zeros = [Int](repeating: 0, count: n)
        for j in columns {
            let base = j * n
            for i in 0..<n {
                let x = storage[base + i]
                if x.isNaN { missing[i] += 1 } else if x == 0 { zeros[i] += 1 }
            }
        }
        return Counts(missing: missing, zeros: zeros, indicators: columns.count)
    }

    /// - Parameter observed: with ``ScreenBasis/observed``, the same rows before imputation;
    ///   coverage is then counted on it (`nil`: on `panel`).
    /// - Throws: ``BuurtError`` (`.data`) when an indicator column is not in the data.
    /// - Complexity: O(rows × indicators).
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: ScreenParameters, observed: Panel? = nil
    ) throws(BuurtError) -> StageOutput<ScreenRecord> {
        let basis = parameters.basis == .observed ? (observed ?? panel) : panel
        return try apply(panel, model: model, parameters: parameters, counts: counts(basis, model: model))
    }

    /// Screens `panel` with coverage from `counts` (``counts(_:model:)`` of the same rows).
    /// - Throws: ``BuurtError`` (`.internalFailure`) when `counts` has another number of rows.
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: ScreenParameters, counts: Counts
    ) throws(BuurtError) -> StageOutput<ScreenRecord> {
        let n = panel.rowCount, k = counts.indicators
        guard counts.missing.count == n, counts.zeros.count == n else {
            throw BuurtError(.internalFailure, "screen: counts for \(counts.missing.count) rows, data has \(n)")
        }
        let missing = counts.missing, zeros = counts.zeros
        var rows: [RowCoverage] = []
        rows.reserveCapacity(n)
        var kept: [Int] = []
        kept.reserveCapacity(n)
        for i in 0..<n {
            // Same arithmetic as COINr: 1 - nabyrow/ncol and 1 - zerobyrow/(ncol - nabyrow).
            let coverage = 1 - Double(missing[i]) / Double(k)
            let available = k - missing[i]
            let keep = !(coverage < parameters.minCoverage)
            if keep { kept.append(i) }
            rows.append(RowCoverage(
                row: i, unit: panel.unitCodes[i], name: panel.unitNames[i], period: panel.periods[i],
                missing: missing[i], zeros: zeros[i], coverage: coverage,
                nonZeroShare: available > 0 ? 1 - Double(zeros[i]) / Double(available) : nil, kept: keep))
        }
        let result = kept.count == n ? panel : panel.selecting(rows: kept)
        return StageOutput(panel: result, record: ScreenRecord(minCoverage: parameters.minCoverage, rows: rows))
    }
}
