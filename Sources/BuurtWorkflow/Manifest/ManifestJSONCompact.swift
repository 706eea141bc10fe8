import BuurtIndex
import Foundation

extension ManifestJSON {
    /// The value on one line (keys sorted by their UTF-8 bytes, no spaces), for one-line output.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .numberText(let s): s
        case .string(let s): JSONString.quoted(s)
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { JSONString.quoted($0) + ":" + fields[$0]!.compactText }.joined(separator: ",") + "}"
        }
    }
}
