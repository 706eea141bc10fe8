import Foundation

/// A treatment decided on the reference period's values (normalise `scope: reference`) and
/// applied unchanged to every period, so that a later year is treated the way the scale it is
/// normalised on was:
///
/// - passed or undetermined in the reference period: every period is left as it is;
/// - winsorised: every value is clipped to [lower, upper], the reference period's winsorised
///   minimum and maximum on the side(s) it was winsorised (−∞ / +∞ on a side it was not);
/// - log-transformed: every value becomes ln(max(x, min) − min + 0.01·(max − min)) with the
///   reference period's raw min and max; a value below that minimum (where the log would be
///   undefined or far below the scale) is taken as the minimum and listed as a low cell.
///
/// The reference period itself gets exactly its own treatment.
struct ReferenceTreatment {
    /// The reference period's own treatment.
    var decided: OutlierTreatment.Result
    var lower = -Double.infinity, upper = Double.infinity
    var logMinimum = Double.nan, logShift = Double.nan

    /// - Complexity: that of ``OutlierTreatment/treat(_:)`` on the reference sample.
    init(reference sample: [Double], treatment: OutlierTreatment) {
        decided = treatment.treat(sample)
        switch decided.outcome {
        case .winsorised:
            if let values = decided.values {
                if let i = decided.high.first { upper = values[i] }
                if let i = decided.low.first { lower = values[i] }
            }
        case .logTransformed:
            if let lo = sample.min(), let hi = sample.max() {
                logMinimum = lo
                logShift = 0.01 * (hi - lo)
            }
        case .passed, .undetermined:
            break
        }
    }

    /// The treatment of another period's available values; the cells clipped to a bound
    /// (or raised to the log's minimum) are listed as high and low cells.
    /// - Complexity: O(n).
    func apply(_ sample: [Double], treatment: OutlierTreatment) -> OutlierTreatment.Result {
        var result = OutlierTreatment.Result(values: values(sample), before: treatment.check(sample), outcome: decided.outcome)
        switch decided.outcome {
        case .winsorised:
            result.high = sample.indices.filter { sample[$0] > upper }
            result.low = sample.indices.filter { !(sample[$0] > upper) && sample[$0] < lower }
            result.afterWinsorising = result.values.map(treatment.check)
        case .logTransformed:
            result.low = sample.indices.filter { sample[$0] < logMinimum }
            result.afterLog = result.values.map(treatment.check)
        case .passed, .undetermined:
            break
        }
        return result
    }

    /// The treated values alone of another period's available values (`nil`: left as they are),
    /// those of ``apply(_:treatment:)`` without its checks and cell lists.
    /// - Complexity: O(n).
    func values(_ sample: [Double]) -> [Double]? {
        switch decided.outcome {
        case .winsorised:
            return sample.map { $0 > upper ? upper : $0 < lower ? lower : $0 }
        case .logTransformed:
            return sample.map { Foundation.log(Swift.max($0, logMinimum) - logMinimum + logShift) }
        case .passed, .undetermined:
            return nil
        }
    }
}

extension Treat {
    /// Each indicator's treatment decided on period `year` (columns as in `apply`).
    /// - Throws: `BuurtError(.data)` when the data has no rows in `year`.
    static func referenceTreatments(
        _ panel: Panel, columns: [Int], year: Int, treatment: OutlierTreatment
    ) throws(BuurtError) -> [ReferenceTreatment] {
        let groups = panel.periodGroups
        guard let reference = groups.first(where: { $0.period == year }) else {
            let known = groups.compactMap(\.period).map(String.init).joined(separator: ", ")
            throw BuurtError(.data, "treat: the reference period \(year) of normalise scope: reference has no rows in the data"
                + (known.isEmpty ? " (the data has no periods)" : " (periods: \(known))"))
        }
        let input = panel.values.storage, n = panel.rowCount
        return columns.map { j in
            let sample = reference.rows.map { input[j * n + $0] }.filter { !$0.isNaN }
            return ReferenceTreatment(reference: sample, treatment: treatment)
        }
    }
}

extension Treat {
    /// The treat stage on one indicator column in place (the stage's rows, NaN = missing,
    /// `groups` its period groups): per period, or decided on the reference period and applied
    /// to every period, exactly as ``apply(_:model:parameters:)`` treats that column, without
    /// its record. `sample` and `rows` are reused buffers.
    /// - Throws: `BuurtError(.data)` when the reference period has no rows.
    /// - Complexity: O(n × (1 + winsorising steps)).
    package static func treat(
        _ column: UnsafeMutableBufferPointer<Double>, groups: [PeriodRows], parameters: TreatParameters,
        sample: inout [Double], rows: inout [Int]
    ) throws(BuurtError) {
        guard parameters.method == .winsorise else { return }
        let treatment = OutlierTreatment(parameters)
        // Gathers a period's available values through pointers, then trims to their count.
        func collect(_ group: PeriodRows) {
            let size = group.rows.count
            // Grown within the kept capacity after the first periods.
            if sample.count < size { sample.append(contentsOf: repeatElement(0, count: size - sample.count)) }
            if rows.count < size { rows.append(contentsOf: repeatElement(0, count: size - rows.count)) }
            var m = 0
            sample.withUnsafeMutableBufferPointer { values in
                rows.withUnsafeMutableBufferPointer { at in
                    group.rows.withUnsafeBufferPointer { groupRows in
                        for t in groupRows where !column[t].isNaN {
                            values[m] = column[t]
                            at[m] = t
                            m += 1
                        }
                    }
                }
            }
            sample.removeLast(sample.count - m)
            rows.removeLast(rows.count - m)
        }
        var fitted: ReferenceTreatment?
        if let year = parameters.reference {
            guard let reference = groups.first(where: { $0.period == year }) else {
                throw BuurtError(.data, "treat: the reference period \(year) of normalise scope: reference has no rows in the data")
            }
            collect(reference)
            fitted = ReferenceTreatment(reference: sample, treatment: treatment)
        }
        for group in groups {
            collect(group)
            let values = fitted.map { group.period == parameters.reference ? $0.decided.values : $0.values(sample) }
                ?? treatment.treat(sample).values
            guard let treated = values else { continue }
            for (q, t) in rows.enumerated() { column[t] = treated[q] }
        }
    }
}
