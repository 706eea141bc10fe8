/// JSON string literals for the JSON text buurtscore writes itself (the canonical model form,
/// the manifest, the data of the report's weight explorer): `"` and `\` escaped, `\n`, `\t`,
/// `\r` as such, other control characters as `\u00XX`, everything else as is (UTF-8).
package enum JSONString {
    /// - Parameter scriptSafe: also writes `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`, so
    ///   the literal can stand inside an HTML `<script>` element (a name can never close it).
    package static func quoted(_ s: String, scriptSafe: Bool = false) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where u.value < 0x20 || (scriptSafe && scriptUnsafe.contains(u)): out += escape(u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// What must not appear as itself inside a `<script>` element.
    private static let scriptUnsafe: Set<Unicode.Scalar> = ["<", ">", "&", "\u{2028}", "\u{2029}"]

    /// `\u` and four lowercase hex digits.
    private static func escape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
