/// Checks that a file's bytes are UTF-8 text with a byte order mark at most at the very start.
enum CSVEncodingCheck {
    struct Outcome {
        /// Offset of the first byte after a leading byte order mark (0 or 3).
        var start: Int
        /// Whether every byte after the mark is ASCII (then byte offsets are character columns).
        var asciiOnly: Bool
        var problems: [BuurtError]
    }

    /// At most this many lines with encoding problems are reported; the rest are counted.
    static let reportLimit = 20

    /// Validates UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) and rejects a
    /// byte order mark anywhere but at offset 0. Reports the first problem on each line, with its
    /// line and character column.
    /// - Complexity: O(n), one pass.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Outcome {
        let n = bytes.count
        let start = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var problems: [BuurtError] = []
        var badLines = 0
        var asciiOnly = true
        var line = 1, lineStart = start, lastBadLine = 0
        var i = start
        if let encoding = unicodeByteOrderMark(bytes) {
            let problem = BuurtError(.data, "invalid UTF-8 byte \(hex(bytes[0])); the file looks like \(encoding), save it as UTF-8",
                                     at: SourceLocation(file: file, line: 1, column: 1))
            return Outcome(start: 0, asciiOnly: false, problems: [problem])
        }

        func report(_ message: String, at pos: Int) {
            guard line != lastBadLine else { return }
            lastBadLine = line
            badLines += 1
            guard badLines <= reportLimit else { return }
            let column = CSVColumnCounter.characters(bytes, from: lineStart, to: pos) + 1
            problems.append(BuurtError(.data, message, at: SourceLocation(file: file, line: line, column: column)))
        }

        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == CSVByte.lineFeed { line += 1; lineStart = i + 1 }
                if b == 0 { report("NUL byte (0x00): this is not a text file, or it is UTF-16 or UTF-32 without a byte order mark (save the file as UTF-8)", at: i) }
                i += 1
                continue
            }
            asciiOnly = false
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                report("invalid UTF-8 byte \(hex(b)) (save the file as UTF-8)", at: i)
                i += 1
                continue
            }
            if length == 3 && b == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {
                report("byte order mark (U+FEFF) inside the file; it is allowed only as the very first character", at: i)
            }
            i += length
        }
        if badLines > reportLimit {
            problems.append(BuurtError(
                .data, "\(badLines - reportLimit) more lines with encoding problems", at: SourceLocation(file: file)))
        }
        return Outcome(start: start, asciiOnly: asciiOnly, problems: problems)
    }

    /// `0xFF`, `0x0A`: a byte as two upper-case hexadecimal digits.
    static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// The encoding a leading UTF-16 or UTF-32 byte order mark names (`FF FE 00 00` is UTF-32
    /// little-endian, not UTF-16 followed by NUL), `nil` without one.
    static func unicodeByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        if head == [0xFF, 0xFE, 0, 0] || head == [0, 0, 0xFE, 0xFF] { return "UTF-32" }
        if head.count >= 2 && (head[0...1] == [0xFF, 0xFE] || head[0...1] == [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    /// Follows the table of well-formed byte sequences in the Unicode Standard, §3.9.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        let length: Int
        var secondLow: UInt8 = 0x80, secondHigh: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        guard (secondLow...secondHigh).contains(bytes[i + 1]) else { return 0 }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }
}

/// Character columns from byte offsets.
enum CSVColumnCounter {
    /// Number of Unicode scalars (bytes that are not UTF-8 continuation bytes) in `bytes[from..<to]`.
    static func characters(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
