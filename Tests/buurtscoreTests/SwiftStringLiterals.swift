/// The text of the string literals in Swift source, without comments and without the code
/// of interpolations (`\(…)`, whose own literals are literals too).
///
/// Knows single-line (`"…"`), multi-line (`"""…"""`) and raw (`#"…"#`, `#"""…"""#`)
/// literals, escapes, nested block comments and interpolations nested to any depth; enough for
/// this package's sources (it has no regex literals).
/// - Complexity: O(n) in the length of the source.
enum SwiftStringLiterals {
    /// A run of literal text between the quotes or interpolations, with the line it starts on (from 1).
    struct Piece: Equatable {
        var line: Int
        var text: String
    }

    private enum Context {
        /// Code; `parentheses` open since an interpolation began (0 at the top level).
        case code(parentheses: Int)
        case string(multiline: Bool, hashes: Int)
    }

    static func pieces(in source: String) -> [Piece] {
        let s = Array(source.utf8)
        var pieces: [Piece] = []
        var stack: [Context] = [.code(parentheses: 0)]
        var i = 0, line = 1
        var text: [UInt8] = [], textLine = 1

        func at(_ k: Int, _ byte: UInt8) -> Bool { k < s.count && s[k] == byte }
        func hashes(from k: Int) -> Int {
            var n = 0
            while at(k + n, UInt8(ascii: "#")) { n += 1 }
            return n
        }
        func startPiece() { text = []; textLine = line }
        func endPiece() {
            if !text.isEmpty { pieces.append(Piece(line: textLine, text: String(decoding: text, as: UTF8.self))) }
            text = []
        }

        while i < s.count {
            let c = s[i]
            switch stack[stack.count - 1] {
            case .code(let open):
                if c == UInt8(ascii: "/"), at(i + 1, UInt8(ascii: "/")) {
                    while i < s.count, s[i] != UInt8(ascii: "\n") { i += 1 }
                    continue
                }
                if c == UInt8(ascii: "/"), at(i + 1, UInt8(ascii: "*")) {
                    var depth = 0
                    repeat {
                        if at(i, UInt8(ascii: "/")), at(i + 1, UInt8(ascii: "*")) { depth += 1; i += 2; continue }
                        if at(i, UInt8(ascii: "*")), at(i + 1, UInt8(ascii: "/")) { depth -= 1; i += 2; continue }
                        if s[i] == UInt8(ascii: "\n") { line += 1 }
                        i += 1
                    } while depth > 0 && i < s.count
                    continue
                }
                let n = hashes(from: i)
                if at(i + n, UInt8(ascii: "\"")) {
                    let multiline = at(i + n + 1, UInt8(ascii: "\"")) && at(i + n + 2, UInt8(ascii: "\""))
                    i += n + (multiline ? 3 : 1)
                    stack.append(.string(multiline: multiline, hashes: n))
                    startPiece()
                    continue
                }
                if c == UInt8(ascii: "(") {
                    stack[stack.count - 1] = .code(parentheses: open + 1)
                } else if c == UInt8(ascii: ")"), stack.count > 1 {
                    if open == 0 {
                        stack.removeLast()
                        startPiece()
                    } else {
                        stack[stack.count - 1] = .code(parentheses: open - 1)
                    }
                } else if c == UInt8(ascii: "\n") {
                    line += 1
                }
                i += 1 + max(0, n - 1)
            case .string(let multiline, let n):
                if c == UInt8(ascii: "\\"), hashes(from: i + 1) == n {
                    let next = i + 1 + n
                    if at(next, UInt8(ascii: "(")) {
                        endPiece()
                        stack.append(.code(parentheses: 0))
                        i = next + 1
                    } else {
                        if next < s.count { text.append(s[next]) }
                        if at(next, UInt8(ascii: "\n")) { line += 1 }
                        i = next + 1
                    }
                    continue
                }
                let quotes = multiline ? 3 : 1
                if (0..<quotes).allSatisfy({ at(i + $0, UInt8(ascii: "\"")) }), hashes(from: i + quotes) >= n {
                    endPiece()
                    stack.removeLast()
                    i += quotes + n
                    continue
                }
                if c == UInt8(ascii: "\n") { line += 1 }
                text.append(c)
                i += 1
            }
        }
        return pieces
    }

    /// Each command-line option (`--` and a letter) or subcommand of the tool named in a literal
    /// of `source`: the line it is on and the text matched.
    static func commandLineNames(in source: String) throws -> [(line: Int, name: String)] {
        let pattern = try Regex("--[A-Za-z][A-Za-z0-9-]*|buurtscore (run|update|verify|check|synth|whatif)")
        return pieces(in: source).flatMap { piece in
            piece.text.matches(of: pattern).map { match in
                let before = piece.text[..<match.range.lowerBound]
                return (piece.line + before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }, String(piece.text[match.range]))
            }
        }
    }
}
