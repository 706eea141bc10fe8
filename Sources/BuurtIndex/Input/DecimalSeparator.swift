/// How the decimal separator of a data file is chosen.
public enum DecimalSeparator: String, Sendable, CaseIterable {
    /// `1.5`.
    case point
    /// `1,5` (fields then separated by `;`).
    case comma
    /// From the file's own numbers (``DecimalSeparatorDetection``).
    case detect

    /// Reader options with this choice (the delimiter follows from the separator found).
    public var csvOptions: CSVOptions {
        var options = CSVOptions()
        switch self {
        case .point: options.decimalComma = false
        case .comma: options.decimalComma = true
        case .detect: break
        }
        return options
    }
}
