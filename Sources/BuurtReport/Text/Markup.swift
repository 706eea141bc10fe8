/// Escaping of text for the markup BuurtReport writes: HTML (`report.html` with its inline SVG
/// charts and weight explorer, and the explorer's standalone page) and XML 1.0 (the parts of
/// `results.xlsx`). Every text placed in such markup goes through ``escaped(_:_:)`` (element
/// content) or ``attribute(_:_:)`` (attribute values).
///
/// In both dialects and both places, `&`, `<`, `>` and `"` become `&amp;`, `&lt;`, `&gt;` and
/// `&quot;`, so a name never becomes markup and never ends an attribute value. Attribute values
/// are meant to be written between double quotes (as every attribute BuurtReport writes is);
/// `'` is left as it is. The text is read scalar by scalar, not character by character, so a
/// special character carrying a combining mark (`"` + U+0301) is escaped too.
///
/// Characters a dialect does not allow in a document are replaced:
/// - HTML: the characters the HTML parser reports as errors in its input — the C0 controls
///   other than tab and line feed (carriage return and form feed included), U+007F–U+009F,
///   and the noncharacters U+FDD0–U+FDEF and U+xFFFE, U+xFFFF of every plane — become a
///   space, so words they separated stay apart on screen.
/// - XML: the characters outside XML 1.0's `Char` production — the C0 controls other than tab,
///   line feed and carriage return, and U+FFFE, U+FFFF — become U+FFFD, so a spreadsheet cell
///   keeps a mark where a character was lost. A carriage return becomes `&#13;`, since XML's
///   end-of-line handling would turn a literal one into a line feed; in an attribute value tab
///   and line feed become `&#9;` and `&#10;` too, since attribute-value normalisation would
///   turn them into spaces.
///
/// Everything else, astral-plane characters included, is copied unchanged.
///
/// The one text not escaped here is what the weight explorer's script writes in the browser
/// (unit names and codes from its JSON data into the table): its `esc` replaces the same four
/// characters, and `'` by `&#39;`; control characters there reach the page's DOM as text.
enum Markup {
    /// The markup language the text is written into.
    enum Dialect: Sendable {
        case html, xml
    }

    /// `text` escaped for element content.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String, _ dialect: Dialect = .html) -> String {
        escape(text, dialect, inAttribute: false)
    }

    /// `value` escaped for a double-quoted attribute value.
    /// - Complexity: O(n) in the length of `value`.
    static func attribute(_ value: String, _ dialect: Dialect = .html) -> String {
        escape(value, dialect, inAttribute: true)
    }

    private static func escape(_ text: String, _ dialect: Dialect, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let referencesWhiteSpace = inAttribute && dialect == .xml
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t" where referencesWhiteSpace: out += "&#9;"
            case "\n" where referencesWhiteSpace: out += "&#10;"
            case "\t", "\n": out.unicodeScalars.append(u)
            case "\r" where dialect == .xml: out += "&#13;"
            case _ where !allows(u, dialect): out.unicodeScalars.append(replacement(dialect))
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether `u` may appear literally in a `dialect` document (tab, line feed and the
    /// characters handled before this test aside).
    static func allows(_ u: Unicode.Scalar, _ dialect: Dialect) -> Bool {
        let v = u.value
        guard v >= 0x20 else { return false }
        switch dialect {
        case .html: return !(0x7F...0x9F).contains(v) && !(0xFDD0...0xFDEF).contains(v) && v & 0xFFFE != 0xFFFE
        case .xml: return v != 0xFFFE && v != 0xFFFF
        }
    }

    /// What a character the dialect does not allow becomes.
    static func replacement(_ dialect: Dialect) -> Unicode.Scalar {
        switch dialect {
        case .html: " "
        case .xml: "\u{FFFD}"
        }
    }
}
