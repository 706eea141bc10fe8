/// Text from data and model files made safe to print on a terminal: a name holding an escape
/// sequence must not recolour, move or clear the screen, and a name holding a newline must not
/// forge a line of its own.
package enum TerminalText {
    /// `text` with every control character written as a visible escape: tab `\t`, newline `\n`,
    /// carriage return `\r`, any other control character (C0, DEL, C1), the line and paragraph
    /// separators U+2028/U+2029 and the bidirectional controls (U+200E/F, U+202A–E, U+2066–9,
    /// which can show a line's characters in another order than they are) as `\u{1B}` (its
    /// hexadecimal code point). Other text, such as `é` or `’s-Hertogenbosch`, is kept as it is.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Control characters, the Unicode line and paragraph separators and bidirectional controls.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
