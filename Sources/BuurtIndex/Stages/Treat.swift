/// The treat stage (COINr `Treat` with its defaults: winsorise up to `maxPoints` cells, then
/// `log_CT` when that does not suffice). Each indicator is treated separately within each period,
/// over its available values; missing cells stay missing.
///
/// An indicator passes when |skew| < ``TreatParameters/maxSkew`` **or** kurtosis <
/// ``TreatParameters/maxKurtosis`` (e1071 type 2 skew and excess kurtosis). A failing indicator is
/// winsorised one step at a time while it fails and fewer than ``TreatParameters/maxPoints`` cells
/// sit at a winsorised end: with skew ≥ 0 every cell equal to the maximum is set to the largest
/// other value, otherwise the same at the minimum; the side is decided again at each step. If it
/// still fails, the winsorising is undone and the original values become
/// ln(x − min + 0.01·(max − min)) (COINr `log_CT`), kept whether they pass or not.
/// When the check cannot be decided (skew needs 3 values, kurtosis 4, both need unequal values)
/// the indicator is left as it is, where COINr stops with an error for fewer than four values.
/// Only indicator columns change; every other column is kept as it is.
///
/// With ``TreatParameters/reference`` (set from normalise `scope: reference`) the treatment is
/// decided on that period's values and applied to every period (``ReferenceTreatment``); each
/// detail then names that period in ``TreatmentDetail/fittedOn``.
public enum Treat {
    /// - Throws: ``BuurtError`` (`.data`) when an indicator column is not in the data.
    /// - Complexity: O(rows × indicators × (1 + winsorising steps)).
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: TreatParameters
    ) throws(BuurtError) -> StageOutput<TreatRecord> {
        let columns = try panel.indicatorColumns(of: model, stage: "treat")
        guard parameters.method == .winsorise else {
            return StageOutput(panel: panel, record: TreatRecord(details: []))
        }
        let treatment = OutlierTreatment(parameters)
        let codes = model.indicators
        let n = panel.rowCount
        let input = panel.values.storage
        var values = panel.values
        var details: [TreatmentDetail] = []
        var sample: [Double] = []
        var rowOf: [Int] = []
        let fitted = try parameters.reference.map { year throws(BuurtError) in
            try referenceTreatments(panel, columns: columns, year: year, treatment: treatment)
        }
        for period in panel.periodGroups {
            sample.reserveCapacity(period.rows.count)
            rowOf.reserveCapacity(period.rows.count)
            for (k, (code, j)) in zip(codes, columns).enumerated() {
                let base = j * n
                sample.removeAll(keepingCapacity: true)
                rowOf.removeAll(keepingCapacity: true)
                for i in period.rows where !input[base + i].isNaN {
                    sample.append(input[base + i])
                    rowOf.append(i)
                }
                let result = fitted.map { period.period == parameters.reference ? $0[k].decided : $0[k].apply(sample, treatment: treatment) }
                    ?? treatment.treat(sample)
                if let treated = result.values {
                    for (k, i) in rowOf.enumerated() { values.storage[base + i] = treated[k] }
                }
                var cells = result.high.map { WinsorisedCell(row: rowOf[$0], unit: panel.unitCodes[rowOf[$0]], side: .high) }
                    + result.low.map { WinsorisedCell(row: rowOf[$0], unit: panel.unitCodes[rowOf[$0]], side: .low) }
                if !result.high.isEmpty && !result.low.isEmpty { cells.sort { $0.row < $1.row } }
                details.append(TreatmentDetail(
                    indicator: code, period: period.period, before: result.before,
                    winsorisedCount: cells.count, winsorisedCells: cells,
                    afterWinsorising: result.afterWinsorising, afterLog: result.afterLog, outcome: result.outcome,
                    fittedOn: parameters.reference))
            }
        }
        var output = panel
        output.values = values
        return StageOutput(panel: output, record: TreatRecord(details: details))
    }
}
