import BuurtIndex
import BuurtNumerics

/// The city reference that a buurt's score is compared with (`priorities.reference`): for the
/// gaps of the problem list and for the strengths and weaknesses per indicator alike.
public enum CityReference {
    /// The reference of every column in every period group:
    /// ref[g][j] = (1 / |R|) Σ_{r ∈ R, x_rj finite} x_rj over the rows R with a value, where R is
    /// the rows of group g (``PriorityReference/periodMean``) or of the reference period
    /// (``PriorityReference/period(_:)``). NaN when no such row has a value, or when the
    /// reference period has no rows.
    /// - Parameters:
    ///   - columns: one value per panel row for each column.
    ///   - groups: the panel's period groups (`Panel.periodGroups`).
    /// - Returns: `[group][column]`.
    /// - Complexity: O(rows × columns); once per group with ``PriorityReference/periodMean``, once
    ///   in all with a reference period.
    public static func means(_ columns: [[Double]], groups: [PeriodRows], reference: PriorityReference) -> [[Double]] {
        func mean(_ column: [Double], _ rows: [Int]) -> Double {
            Descriptive.mean(rows.map { column[$0] }.filter(\.isFinite))
        }
        switch reference {
        case .periodMean:
            return groups.map { group in columns.map { mean($0, group.rows) } }
        case .period(let year):
            let rows = groups.first { $0.period == year }?.rows ?? []
            let fixed = columns.map { mean($0, rows) }
            return groups.map { _ in fixed }
        }
    }
}
