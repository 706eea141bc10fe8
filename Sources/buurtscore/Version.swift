/// The tool's version, written into outputs that record provenance.
enum BuurtscoreVersion {
    static let string = "0.1.0"
}
