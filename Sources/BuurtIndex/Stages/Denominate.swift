/// What the denominate stage did: which indicators were divided by which column.
public struct DenominateRecord: Sendable, Equatable {
    /// One indicator divided by a denominator column.
    public struct Division: Sendable, Equatable {
        public var indicator: String
        public var denominator: String
        /// Multiplier applied after the division (the node's own `scale`, else the stage default).
        public var scale: Double
        /// Rows where the indicator had a value but the denominator was missing, so the result is missing.
        public var missingDenominators: Int

        public init(indicator: String, denominator: String, scale: Double, missingDenominators: Int) {
            self.indicator = indicator
            self.denominator = denominator
            self.scale = scale
            self.missingDenominators = missingDenominators
        }
    }

    /// Divisions in the model's indicator order; indicators without a denominator are not listed.
    public var divisions: [Division]

    public init(divisions: [Division]) {
        self.divisions = divisions
    }
}

/// The denominate stage (COINr `Denominate`): an indicator with a `denominator` column becomes
/// value / denominator × scale, where scale is the node's `scale` or else ``DenominateParameters/scale``.
///
/// A missing value or a missing denominator gives a missing result. A zero denominator under an
/// available value is an error, since the ratio is undefined; under a missing value it is allowed
/// (the result stays missing). Only indicator columns change; every other column is kept as it is.
public enum Denominate {
    /// - Throws: ``BuurtError`` (`.data`) when an indicator or denominator column is not in the data,
    ///   or when a denominator is 0 where the indicator has a value (naming unit, period, indicator
    ///   and denominator).
    /// - Complexity: O(rows × denominated indicators).
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: DenominateParameters
    ) throws(BuurtError) -> StageOutput<DenominateRecord> {
        let columns = try panel.indicatorColumns(of: model, stage: "denominate")
        var values = panel.values
        let n = panel.rowCount
        var divisions: [DenominateRecord.Division] = []
        for (code, j) in zip(model.indicators, columns) {
            guard let node = model.node(code), let denominator = node.denominator, !denominator.isEmpty else { continue }
            guard let d = panel.columnIndex(denominator) else {
                throw BuurtError(.data, "denominate: indicator '\(code)' is divided by '\(denominator)', but the data has no column '\(denominator)'")
            }
            let scale = node.scale ?? parameters.scale
            var missing = 0
            let base = j * n, denominatorBase = d * n
            for i in 0..<n {
                let x = panel.values.storage[base + i]
                let q = panel.values.storage[denominatorBase + i]
                if x.isNaN { continue }
                if q.isNaN {
                    missing += 1
                } else if q == 0 {
                    throw BuurtError(.data, "denominate: \(panel.describeRow(i)) has \(denominator) = 0, so '\(code)' (\(formatNumber(x))) cannot be divided by it; give a non-zero denominator or leave the value missing")
                }
            }
            values.storage.withUnsafeMutableBufferPointer { v in
                panel.values.storage.withUnsafeBufferPointer { input in
                    divide(UnsafeMutableBufferPointer(rebasing: v[base..<(base + n)]),
                           by: UnsafeBufferPointer(rebasing: input[denominatorBase..<(denominatorBase + n)]), scale: scale)
                }
            }
            divisions.append(.init(indicator: code, denominator: denominator, scale: scale, missingDenominators: missing))
        }
        var result = panel
        result.values = values
        return StageOutput(panel: result, record: DenominateRecord(divisions: divisions))
    }

    /// The division itself, in place: xᵢ ← xᵢ / qᵢ × scale. A missing value or denominator
    /// gives NaN; zero denominators under available values are the caller's to refuse first
    /// (``apply(_:model:parameters:)`` does).
    /// - Complexity: O(n), branch-free.
    package static func divide(_ values: UnsafeMutableBufferPointer<Double>, by denominators: UnsafeBufferPointer<Double>, scale: Double) {
        for i in 0..<Swift.min(values.count, denominators.count) { values[i] = values[i] / denominators[i] * scale }
    }
}
