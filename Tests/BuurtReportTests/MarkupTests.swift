@testable import BuurtReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// ``Markup``: hand-written cases per character class, and round trips of random text through
/// a small decoder written here and through Foundation's XML parser.
@Suite struct MarkupTests {
    /// Compared scalar by scalar: `String`'s `==` would call `<` + U+0338 equal to `≮`.
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test(arguments: [Markup.Dialect.html, .xml])
    func theFourSpecialCharactersBecomeEntitiesInTextAndAttributes(_ dialect: Markup.Dialect) {
        for escape in [{ Markup.escaped($0, dialect) }, { Markup.attribute($0, dialect) }] as [(String) -> String] {
            #expect(escape("&") == "&amp;")
            #expect(escape("<") == "&lt;")
            #expect(escape(">") == "&gt;")
            #expect(escape("\"") == "&quot;")
            #expect(escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
            // An entity in the input is text, not markup: its `&` is escaped again.
            #expect(escape("&amp; &#39;") == "&amp;amp; &amp;#39;")
            // `'` stays: every attribute is written between double quotes.
            #expect(escape("'s avonds") == "'s avonds")
            #expect(escape("") == "")
        }
    }

    @Test func anAttributeValueCannotEndItsQuotes() {
        let value = Markup.attribute("x\" onload=\"alert(1)")
        #expect(value == "x&quot; onload=&quot;alert(1)")
        #expect(!value.contains("\""))
        // A quote carrying a combining mark is still a quote.
        #expect(Self.scalars(Markup.attribute("\"\u{301}")) == Self.scalars("&quot;\u{301}"))
        #expect(Self.scalars(Markup.escaped("<\u{338}&\u{301}")) == Self.scalars("&lt;\u{338}&amp;\u{301}"))
    }

    @Test func htmlReplacesTheCharactersItsParserRejectsBySpaces() {
        let rejected: [UInt32] = Array(0x00...0x08) + [0x0B, 0x0C, 0x0D] + Array(0x0E...0x1F) + Array(0x7F...0x9F)
            + [0xFDD0, 0xFDE7, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FFFF, 0x10FFFE, 0x10FFFF]
        for v in rejected {
            let u = Unicode.Scalar(v)!
            #expect(Markup.escaped("a\(u)b") == "a b", "U+\(String(v, radix: 16))")
            #expect(Markup.attribute("a\(u)b") == "a b", "U+\(String(v, radix: 16))")
        }
        #expect(Markup.escaped("tab\there\nnext") == "tab\there\nnext")
        #expect(Markup.attribute("tab\there\nnext") == "tab\there\nnext")
        for v: UInt32 in [0x20, 0x7E, 0xA0, 0xFDCF, 0xFDF0, 0xFFFD, 0x1FFFD, 0x2028, 0x202E] {
            let s = String(Unicode.Scalar(v)!)
            #expect(Self.scalars(Markup.escaped(s)) == [v], "U+\(String(v, radix: 16))")
        }
    }

    @Test func xmlReplacesWhatXML10CannotHoldByTheReplacementCharacter() {
        let forbidden: [UInt32] = Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF]
        for v in forbidden {
            let u = Unicode.Scalar(v)!
            #expect(Markup.escaped("a\(u)b", .xml) == "a\u{FFFD}b", "U+\(String(v, radix: 16))")
            #expect(Markup.attribute("a\(u)b", .xml) == "a\u{FFFD}b", "U+\(String(v, radix: 16))")
        }
        // A carriage return survives end-of-line handling only as a reference; in an attribute,
        // tab and line feed survive attribute-value normalisation only as references too.
        #expect(Markup.escaped("a\rb\tc\nd", .xml) == "a&#13;b\tc\nd")
        #expect(Markup.attribute("a\rb\tc\nd", .xml) == "a&#13;b&#9;c&#10;d")
        // XML 1.0 allows DEL, the C1 controls and the other noncharacters.
        for v: UInt32 in [0x7F, 0x85, 0x9F, 0xFDD0, 0xFFFD, 0x1FFFE, 0x10FFFF] {
            let s = String(Unicode.Scalar(v)!)
            #expect(Self.scalars(Markup.escaped(s, .xml)) == [v], "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: [Markup.Dialect.html, .xml])
    func charactersBeyondTheBasicPlaneAreCopied(_ dialect: Markup.Dialect) {
        let text = "𝔘 🏘 👨‍👩‍👧 \u{10000}\u{E0001}"
        #expect(Self.scalars(Markup.escaped(text, dialect)) == Self.scalars(text))
        #expect(Self.scalars(Markup.attribute("<𝔘>", dialect)) == Self.scalars("&lt;𝔘&gt;"))
    }

    // MARK: - Round trips

    /// Undoes the references Markup writes (`&amp;` `&lt;` `&gt;` `&quot;` and `&#N;`); `nil`
    /// when the text holds a raw `<`, `>` or `"`, or an `&` that starts no such reference.
    static func decoded(_ s: String) -> String? {
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\""]
        var out = String.UnicodeScalarView()
        var rest = Substring(s).unicodeScalars[...]
        while let u = rest.popFirst() {
            guard u != "<", u != ">", u != "\"" else { return nil }
            guard u == "&" else { out.append(u); continue }
            guard let end = rest.firstIndex(of: ";") else { return nil }
            let name = String(String.UnicodeScalarView(rest[..<end]))
            rest = rest[rest.index(after: end)...]
            if let c = named[name] {
                out.append(c)
            } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let c = Unicode.Scalar(v) {
                out.append(c)
            } else {
                return nil
            }
        }
        return String(out)
    }

    /// `text` with what `dialect` cannot hold replaced, by its own list (not ``Markup``'s).
    static func representable(_ text: String, _ dialect: Markup.Dialect) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { u -> Unicode.Scalar in
            let v = u.value
            switch dialect {
            case .html:
                let control = (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v)
                let nonCharacter = (0xFDD0...0xFDEF).contains(v) || v % 0x10000 >= 0xFFFE
                return control || nonCharacter ? " " : u
            case .xml:
                return (v < 0x20 && ![0x09, 0x0A, 0x0D].contains(v)) || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : u
            }
        }))
    }

    /// Seeded random text mixing markup characters, controls, noncharacters, combining marks,
    /// letters and astral characters.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pool: [UInt32] = [0x26, 0x3C, 0x3E, 0x22, 0x27, 0x3B, 0x23, 0x09, 0x0A, 0x0D, 0x00, 0x01, 0x0B, 0x0C, 0x1B, 0x1F,
                              0x7F, 0x85, 0x9B, 0x301, 0x338, 0x200D, 0x2028, 0x202E, 0xFDD0, 0xFFFD, 0xFFFE, 0xFFFF,
                              0x1F3D8, 0x1D518, 0x1FFFE, 0x10FFFF, 0x61, 0x7A, 0x20, 0xE9, 0x20AC]
        return (0..<count).map { _ in
            let length = Int(next() % 24)
            return String(String.UnicodeScalarView((0..<length).map { _ in
                next() % 3 == 0 ? Unicode.Scalar(UInt32(0x20 + next() % 0x5F))! : Unicode.Scalar(pool[Int(next() % UInt64(pool.count))])!
            }))
        }
    }

    @Test(arguments: [Markup.Dialect.html, .xml])
    func decodingTheEscapedTextGivesTheTextBack(_ dialect: Markup.Dialect) throws {
        for text in Self.randomTexts(count: 2_000, seed: dialect == .html ? 17 : 18) {
            let expected = Self.scalars(Self.representable(text, dialect))
            for escaped in [Markup.escaped(text, dialect), Markup.attribute(text, dialect)] {
                let back = try #require(Self.decoded(escaped), "\(Self.scalars(text)) → \(escaped.debugDescription)")
                #expect(Self.scalars(back) == expected, "\(Self.scalars(text))")
            }
        }
        // Text the dialect can hold comes back exactly.
        let plain = "Oost & \"West\" <b>'s-Hertogenbosch</b>\t\n𝔘 e\u{301}"
        #expect(Self.decoded(Markup.escaped(plain, dialect)) == plain)
    }

    /// Collects the text and the `a` attribute of a one-element document.
    final class TextAndAttribute: NSObject, XMLParserDelegate {
        var text = ""
        var attribute: String?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            attribute = attributeDict["a"]
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func anXMLParserReadsBackTheTextAndTheAttribute() throws {
        for text in Self.randomTexts(count: 300, seed: 19) + ["a\r\nb\tc\nd\re"] {
            let document = "<r a=\"\(Markup.attribute(text, .xml))\">\(Markup.escaped(text, .xml))</r>"
            let reader = TextAndAttribute()
            let parser = XMLParser(data: Data(document.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "\(Self.scalars(text)): \(parser.parserError.map { "\($0)" } ?? "")")
            let expected = Self.scalars(Self.representable(text, .xml))
            #expect(Self.scalars(reader.text) == expected, "\(Self.scalars(text))")
            #expect(reader.attribute.map(Self.scalars) == expected, "\(Self.scalars(text))")
        }
    }
}
