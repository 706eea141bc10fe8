/// Where an imputed value came from.
public enum ImputationSource: Sendable, Equatable, CustomStringConvertible {
    /// Mean of `count` available values of the row's pool: its period (or every row with scope
    /// `.all`), narrowed to the rows whose group column equals `group` when there is one.
    case mean(group: String?, count: Int)
    /// Median of `count` available values of the row's pool (as for `mean`).
    case median(group: String?, count: Int)
    /// Linear interpolation between the unit's observations in periods `from` and `to`.
    case interpolated(from: Int, to: Int)
    /// The unit's nearest observation, in `period` (before its first or after its last observation).
    case nearest(period: Int)

    public var description: String {
        switch self {
        case let .mean(group, count): "mean of \(count) values" + (group.map { " in group '\($0)'" } ?? "")
        case let .median(group, count): "median of \(count) values" + (group.map { " in group '\($0)'" } ?? "")
        case let .interpolated(from, to): "interpolated between \(from) and \(to)"
        case let .nearest(period): "nearest observation (\(period))"
        }
    }
}

/// One filled cell.
public struct ImputedCell: Sendable, Equatable {
    /// Row index in the stage's input panel.
    public var row: Int
    public var unit: String
    public var period: Int?
    public var indicator: String
    public var value: Double
    public var how: ImputationSource

    public init(row: Int, unit: String, period: Int?, indicator: String, value: Double, how: ImputationSource) {
        self.row = row
        self.unit = unit
        self.period = period
        self.indicator = indicator
        self.value = value
        self.how = how
    }
}

/// A missing cell the method could not fill (its pool, or the unit's series, has no value at all).
public struct UnfilledCell: Sendable, Equatable {
    /// Row index in the stage's input panel.
    public var row: Int
    public var unit: String
    public var period: Int?
    public var indicator: String

    public init(row: Int, unit: String, period: Int?, indicator: String) {
        self.row = row
        self.unit = unit
        self.period = period
        self.indicator = indicator
    }
}

/// Number of filled and still-missing cells of one indicator.
public struct ImputationCount: Sendable, Equatable {
    public var indicator: String
    public var imputed: Int
    public var unfilled: Int

    public init(indicator: String, imputed: Int, unfilled: Int) {
        self.indicator = indicator
        self.imputed = imputed
        self.unfilled = unfilled
    }
}

/// What the impute stage did. Cells are listed by indicator (model order), then by row.
public struct ImputeRecord: Sendable, Equatable {
    public var method: ImputeMethod
    public var imputed: [ImputedCell]
    public var unfilled: [UnfilledCell]
    /// One entry per indicator of the model, in model order.
    public var counts: [ImputationCount]

    public init(method: ImputeMethod, imputed: [ImputedCell] = [], unfilled: [UnfilledCell] = [], counts: [ImputationCount] = []) {
        self.method = method
        self.imputed = imputed
        self.unfilled = unfilled
        self.counts = counts
    }
}
