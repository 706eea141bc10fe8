/// Names of the identifying columns in a data file. `nil` means "use the default when present":
/// `unit` or `uCode` for the unit code, `name` or `uName` for its name, `year` or `Time` for the period.
public struct DataColumns: Sendable, Equatable {
    public var unit: String?
    public var name: String?
    public var period: String?

    public init(unit: String? = nil, name: String? = nil, period: String? = nil) {
        self.unit = unit
        self.name = name
        self.period = period
    }

    public static let defaultUnit = ["unit", "uCode"]
    public static let defaultName = ["name", "uName"]
    public static let defaultPeriod = ["year", "Time"]
}
