import BuurtNumerics

/// Normalised indicator values supplied at run time: per model indicator (model order), the
/// values in layout order (``RowLayout``), NaN = missing.
struct NormalisedColumns: Sendable {
    var rowCount: Int
    var columns: [[Double]]
}

extension SampledReplication {
    /// The aggregated panel of normalised columns under draw `d`'s weights and aggregation
    /// method, its rows in layout order (row p = layout position p): the aggregate stage on a
    /// panel of the normalised indicators. The one place the sampling path aggregates.
    /// - Throws: the aggregate stage's error (stage set), or rejected drawn weights.
    /// - Complexity: that of ``BuurtNumerics/Aggregate/apply(_:model:parameters:)`` plus one
    ///   copy of the columns.
    func aggregate(_ normalised: NormalisedColumns, draw d: ReplicationDraw, plan: DrawPlan, rows: Panel) throws(BuurtError) -> Panel {
        let drawnModel = try GeneralEvaluator.model(model, d, plan: plan)
        let parameters = GeneralEvaluator.spec(spec, d, uncertainty).aggregate
        var storage: [Double] = []
        storage.reserveCapacity(normalised.rowCount * normalised.columns.count)
        for column in normalised.columns { storage += column }
        let panel = Panel(unitCodes: rows.unitCodes, unitNames: rows.unitNames, periods: rows.periods,
                          columnCodes: model.indicators,
                          values: Matrix(rows: normalised.rowCount, columns: normalised.columns.count, columnMajor: storage))
        do {
            return try Aggregate.apply(panel, model: drawnModel, parameters: parameters).panel
        } catch {
            var failure = error
            if failure.stage == nil { failure.stage = .aggregated }
            throw failure
        }
    }
}
