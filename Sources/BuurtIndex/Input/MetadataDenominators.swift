/// The `Denominator` column of a COINr metadata file against the model's `denominate:` key.
///
/// As with an inline tree, and as in COINr (where `Denominate()` divides by the iMeta
/// `Denominator` only when it is called), the denominators are applied only when the model asks
/// for the denominate stage. A metadata file that names denominators in a model without a
/// `denominate:` key is refused rather than silently left undivided: the message says to add
/// `denominate: {scale: 1}` to divide, or `denominate: none` to use the figures as they are.
public enum MetadataDenominators {
    /// What the model's `denominate:` key asks for.
    public enum Request: Sendable, Equatable {
        /// `denominate: {…}`: divide by the denominators.
        case divide
        /// `denominate: none`: the figures as they are.
        case none
        /// No `denominate:` key.
        case unstated(modelFile: String)
    }

    /// - Throws: ``BuurtErrors`` with one problem at the first indicator's `Denominator` cell
    ///   (naming every indicator with one) when `denominate` is ``Request/unstated(modelFile:)``.
    /// - Complexity: O(rows).
    public static func check(_ table: CSVTable, nodes: [ModelNode], denominate: Request) throws(BuurtErrors) {
        guard case .unstated(let modelFile) = denominate,
              let column = table.header.firstIndex(where: { $0.lowercased() == "denominator" }) else { return }
        let rows = nodes.indices.filter { nodes[$0].kind == .indicator && !(nodes[$0].denominator ?? "").isEmpty }
        guard let first = rows.first, nodes.count == table.rows.count else { return }
        let named = rows.prefix(3).map { "'\(nodes[$0].code)' by '\(nodes[$0].denominator ?? "")'" }.joined(separator: ", ")
            + (rows.count > 3 ? " and \(rows.count - 3) more" : "")
        let message = "the metadata's Denominator column divides \(rows.count == 1 ? "1 indicator" : "\(rows.count) indicators") "
            + "(\(named)), but \(modelFile) has no 'denominate:' key, so nothing would be divided; add 'denominate: {scale: 1}' "
            + "to the model to divide each indicator by its Denominator (as COINr's Denominate), or 'denominate: none' to use the figures as they are"
        throw BuurtErrors([BuurtError(.data, message, at: table.location(row: first, column: column))])
    }
}
