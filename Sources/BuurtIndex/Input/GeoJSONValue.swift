import Foundation

/// A JSON value as read from a GeoJSON file, before its meaning is checked.
///
/// The bytes are first scanned for their nesting depth (``depth(of:)``), so a hostile file of
/// a million `[` is refused before a decoder recurses into it.
indirect enum GeoJSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
    case list([GeoJSONValue])
    case object([String: GeoJSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else if let items = try? c.decode([GeoJSONValue].self) {
            self = .list(items)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else {
            self = .object(try c.decode([String: GeoJSONValue].self))
        }
    }

    /// "an object", "a list", "the text 'x'", …: what a value is, for "got …" in messages.
    var described: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let x): "the number \(formatNumber(x))"
        case .text(let s): "the text '\(MessageText.excerpt(s))'"
        case .list: "a list"
        case .object: "an object"
        }
    }

    subscript(key: String) -> GeoJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The deepest nesting of `[` and `{` outside strings.
    /// - Complexity: O(n) in the number of bytes, no allocation.
    static func depth(of bytes: UnsafeRawBufferPointer) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
