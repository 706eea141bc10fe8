import BuurtIndex
import BuurtNumerics

/// One strength or weakness of a unit in a period: an indicator on which the unit's normalised
/// score lies far above (strength) or below (weakness) the city reference of that indicator.
public struct StrengthRow: Sendable, Equatable {
    /// A strength (score above the city) or a weakness (below it).
    public enum Kind: String, Sendable, CaseIterable {
        case strength, weakness
    }

    /// The row of the panel the scores come from.
    public var row: Int
    public var unit: String
    public var name: String
    public var period: Int?
    public var kind: Kind
    /// 1 = furthest from the city of its kind (the largest difference for a strength, the most
    /// negative for a weakness).
    public var position: Int
    /// The indicator's code.
    public var indicator: String
    /// The aggregate the indicator belongs to directly (its parent in the model).
    public var dimension: String
    /// The normalised score (higher is better, after the indicator's direction).
    public var score: Double
    /// The city reference of the indicator in this period.
    public var reference: Double
    /// score − reference: > 0 for a strength, < 0 for a weakness.
    public var difference: Double

    public init(row: Int, unit: String, name: String, period: Int?, kind: Kind, position: Int, indicator: String,
                dimension: String, score: Double, reference: Double, difference: Double) {
        self.row = row
        self.unit = unit
        self.name = name
        self.period = period
        self.kind = kind
        self.position = position
        self.indicator = indicator
        self.dimension = dimension
        self.score = score
        self.reference = reference
        self.difference = difference
    }
}

/// The strengths and weaknesses of every unit and period at indicator level: the indicators on
/// which a buurt scores furthest above and below the city.
///
/// For unit u in period t and indicator j with normalised score x_utj (higher is better: the
/// normalise stage has applied the direction) and city reference ref_tj (``CityReference``, the
/// same reference as the gaps of the problem list, `priorities.reference`: by default the mean
/// over the units of period t), the difference is d_utj = x_utj − ref_tj. The strengths are the
/// `count` indicators with the largest d_utj > 0, the weaknesses the `count` with the most
/// negative d_utj < 0, each ordered by |d| descending with ties in the model's indicator order.
/// An indicator without a score for the unit (or without a reference) is skipped, so a unit
/// with fewer scored indicators, or fewer above or below the city, gets fewer rows; an
/// indicator exactly at the reference is neither.
///
/// COINr's `get_str_weak` ranks the units on each indicator and reports the indicators with the
/// unit's best and worst ranks. Here the score is compared with the city reference instead, so
/// a weakness always means "below the city" (what a policy adviser asks), a strength "above
/// it", and the same indicator is never both; a rank also hides how far a buurt is behind,
/// while the difference is on the scale of the report's scores and gaps. COINr's `min_discard`
/// (drop a strength at an indicator's lowest rank, which many tied units can share) is not
/// needed: the lowest score lies below the mean unless every unit has it, so it is never a
/// strength. Its `unq_discard` (leave out indicators with few distinct values) is not offered:
/// a buurt that scores well on a yes/no indicator where half the city does not is above the
/// city there, and the adviser sees it so.
///
/// - Complexity: O(rows × indicators × count) time, O(rows × indicators) memory for the columns.
public enum StrengthsWeaknesses {
    /// The number of strengths and of weaknesses per unit and period that `strengths.csv` and
    /// the report show.
    public static let defaultCount = 3

    /// The strengths and weaknesses of every row of `panel` (in row order; per row its strengths
    /// by position, then its weaknesses by position).
    /// - Parameters:
    ///   - panel: normalised indicator scores (the normalise stage's panel, or the aggregated
    ///     panel, which holds them too); indicators of `model` without a column are skipped.
    ///   - reference: what each score is compared with (`priorities.reference`).
    ///   - count: at most this many strengths and this many weaknesses per row (≥ 0).
    ///   - units: only the rows of these units (the references still use every row).
    public static func rows(
        _ panel: Panel, model: IndexModel, reference: PriorityReference = .periodMean, count: Int = defaultCount,
        units: Set<String>? = nil
    ) -> [StrengthRow] {
        let codes = model.indicators.filter { panel.columnIndex($0) != nil }
        let columns = codes.map { panel.column($0) ?? [] }
        let dimensions = codes.map { model.node($0)?.parent ?? "" }
        let groups = panel.periodGroups
        let references = CityReference.means(columns, groups: groups, reference: reference)
        var groupOf = [Int](repeating: 0, count: panel.rowCount)
        for (g, group) in groups.enumerated() {
            for r in group.rows { groupOf[r] = g }
        }
        var out: [StrengthRow] = []
        for r in 0..<panel.rowCount where units?.contains(panel.unitCodes[r]) ?? true {
            let referenceOf = references[groupOf[r]]
            let differences = codes.indices.map { columns[$0][r] - referenceOf[$0] }
            for kind in StrengthRow.Kind.allCases {
                for (k, j) in furthest(differences, kind: kind, count: count).enumerated() {
                    out.append(StrengthRow(
                        row: r, unit: panel.unitCodes[r], name: panel.unitNames[r], period: panel.periods[r], kind: kind,
                        position: k + 1, indicator: codes[j], dimension: dimensions[j], score: columns[j][r],
                        reference: referenceOf[j], difference: differences[j]))
                }
            }
        }
        return out
    }

    /// The positions of at most `count` differences on the side of `kind` (> 0 for a strength,
    /// < 0 for a weakness; NaN on neither), furthest from 0 first, ties by position: each
    /// position in turn is inserted behind every chosen one at least as far out.
    /// - Complexity: O(m × count) for m differences.
    static func furthest(_ differences: [Double], kind: StrengthRow.Kind, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let sign: Double = kind == .strength ? 1 : -1
        var chosen: [Int] = []
        chosen.reserveCapacity(min(count, differences.count) + 1)
        for j in differences.indices {
            let x = sign * differences[j]
            guard x > 0 else { continue }
            var k = chosen.count
            while k > 0, sign * differences[chosen[k - 1]] < x { k -= 1 }
            guard k < count else { continue }
            chosen.insert(j, at: k)
            if chosen.count > count { chosen.removeLast() }
        }
        return chosen
    }
}
