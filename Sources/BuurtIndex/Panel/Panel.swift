import BuurtNumerics

/// Indicator data: one row per unit and period, numeric columns in a ``Matrix``,
/// categorical columns (groups) beside them.
///
/// Missing numeric values are `Double.nan`. Rows keep the order the data file gave them;
/// stages that drop rows (screen) keep the order of the rest.
public struct Panel: Sendable, Equatable {
    /// Unit code per row.
    public var unitCodes: [String]
    /// Unit name per row (the code again when the data has no name column).
    public var unitNames: [String]
    /// Period per row; `nil` throughout when the data has no period column.
    public var periods: [Int?]
    /// Numeric column codes, in file order.
    public var columnCodes: [String]
    /// rows × numeric columns, NaN = missing.
    public var values: Matrix
    /// Categorical columns in file order: name and one value per row (`nil` = missing).
    public var categories: [(name: String, values: [String?])]

    public init(
        unitCodes: [String], unitNames: [String]? = nil, periods: [Int?]? = nil,
        columnCodes: [String], values: Matrix, categories: [(name: String, values: [String?])] = []
    ) {
        precondition(values.rows == unitCodes.count && values.columns == columnCodes.count,
                     "panel matrix must be rows × columns")
        self.unitCodes = unitCodes
        self.unitNames = unitNames ?? unitCodes
        self.periods = periods ?? Array(repeating: nil, count: unitCodes.count)
        self.columnCodes = columnCodes
        self.values = values
        self.categories = categories
    }

    public static func == (a: Panel, b: Panel) -> Bool {
        a.unitCodes == b.unitCodes && a.unitNames == b.unitNames && a.periods == b.periods
            && a.columnCodes == b.columnCodes && a.values.rows == b.values.rows
            && zip(a.values.storage, b.values.storage).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            && a.categories.map(\.name) == b.categories.map(\.name)
            && a.categories.map(\.values) == b.categories.map(\.values)
    }

    public var rowCount: Int { unitCodes.count }

    /// Whether the data has a period column.
    public var hasPeriods: Bool { periods.contains { $0 != nil } }

    /// Distinct periods in ascending order (`[nil]` without a period column).
    public var periodList: [Int?] {
        let distinct = Set(periods.compactMap { $0 }).sorted()
        return distinct.isEmpty ? [nil] : distinct.map { Optional($0) }
    }

    /// Row indices belonging to `period`, in row order.
    public func rows(in period: Int?) -> [Int] {
        periods.indices.filter { periods[$0] == period }
    }

    /// Index of the numeric column `code`.
    public func columnIndex(_ code: String) -> Int? {
        columnCodes.firstIndex(of: code)
    }

    /// Values of the numeric column `code`, or `nil` when there is no such column.
    public func column(_ code: String) -> [Double]? {
        columnIndex(code).map { values.column($0) }
    }

    /// Values of the categorical column `name`, or `nil` when there is no such column.
    public func category(_ name: String) -> [String?]? {
        categories.first { $0.name == name }?.values
    }

    /// Sets (or appends) the numeric column `code`.
    public mutating func setColumn(_ code: String, _ newValues: [Double]) {
        if let j = columnIndex(code) {
            values.setColumn(j, newValues)
        } else {
            columnCodes.append(code)
            values = Matrix(rows: rowCount, columns: columnCodes.count,
                            columnMajor: values.storage + newValues)
        }
    }

    /// The panel restricted to the given rows, in the given order.
    public func selecting(rows picked: [Int]) -> Panel {
        Panel(
            unitCodes: picked.map { unitCodes[$0] }, unitNames: picked.map { unitNames[$0] },
            periods: picked.map { periods[$0] }, columnCodes: columnCodes,
            values: values.selecting(rows: picked),
            categories: categories.map { c in (name: c.name, values: picked.map { c.values[$0] }) })
    }

    /// The panel restricted to the named numeric columns (categorical columns are kept).
    public func selecting(columns codes: [String]) -> Panel {
        let idx = codes.compactMap { columnIndex($0) }
        return Panel(
            unitCodes: unitCodes, unitNames: unitNames, periods: periods,
            columnCodes: idx.map { columnCodes[$0] }, values: values.selecting(columns: idx),
            categories: categories)
    }
}
