import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// A JSON value written deterministically: object keys sorted by their UTF-8 bytes, two-space
/// indentation, one member or element per line, numbers in shortest round-trip form, `\n`
/// line ends. The same value always gives the same bytes.
package indirect enum ManifestJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number already written as JSON number text (see ``integer(_:)`` and ``number(_:)``).
    case numberText(String)
    case string(String)
    case array([ManifestJSON])
    case object([String: ManifestJSON])

    /// An integer, exactly (no detour through `Double`, so 64-bit seeds survive).
    package static func integer<T: BinaryInteger>(_ value: T) -> ManifestJSON { .numberText(String(value)) }

    /// A finite number in shortest round-trip form (``formatNumber(_:)``); non-finite values become `null`.
    package static func number(_ value: Double) -> ManifestJSON {
        value.isFinite ? .numberText(formatNumber(value)) : .null
    }

    /// `nil` → `null`.
    package static func optional(_ value: String?) -> ManifestJSON { value.map { .string($0) } ?? .null }

    /// The text of the value, ending with a line feed.
    package var text: String {
        var out = ""
        render(into: &out, indent: "")
        return out + "\n"
    }

    private func render(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .numberText(let s): out += s
        case .string(let s): out += Self.quoted(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                item.render(into: &out, indent: inner)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out += "{\n"
            for (k, key) in keys.enumerated() {
                out += inner + Self.quoted(key) + ": "
                members[key]!.render(into: &out, indent: inner)
                out += k == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    static func quoted(_ s: String) -> String { JSONString.quoted(s) }
}
