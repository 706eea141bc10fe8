/// Splits already validated UTF-8 bytes into CSV records (RFC 4180 quoting), tracking the line
/// and character column where every field starts.
///
/// Line ends are LF or CRLF; inside quotes any bytes, line breaks included, are field content.
/// Problems inside a record (a stray quote, text after a closing quote, a lone CR) are collected
/// and scanning goes on; an unterminated quote ends the scan, since everything after it is
/// swallowed by the open field.
struct CSVRecordScanner {
    struct Record {
        var fields: [String] = []
        /// Physical line where the record starts.
        var line: Int
        /// Character column where each field starts (its opening quote when quoted).
        var columns: [Int32] = []
        /// Line of each field's start minus `line` (non-zero only after a quoted line break).
        var lineOffsets: [Int32] = []
        /// Line and character column just after the last field.
        var endLine = 1
        var endColumn = 1
        /// Whether the record is an empty line (one empty, unquoted field).
        var isEmptyLine = false
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private let asciiOnly: Bool
    private let file: String
    private var position: Int
    private var line = 1
    private var lineStart: Int
    private var anchor: Int
    private var anchorColumn = 1
    private var reportedLoneCarriageReturn = false
    private var scratch: [UInt8] = []
    private var problems: [BuurtError] = []
    /// Set when an unterminated quote stopped the scan.
    private(set) var stopped = false
    /// When set, every field scanned from now on is looked at for its decimal separator.
    var decimalDetection: DecimalSeparatorDetection?
    /// Content bytes of the last quoted field, when it had no doubled quotes.
    private var lastQuotedContent: Range<Int>?
    /// Offset of a byte known to be neither CR nor LF, found by the look-ahead for trailing empty lines.
    private var nextContent = 0

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, delimiter: UInt8, asciiOnly: Bool, file: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.asciiOnly = asciiOnly
        self.file = file
        self.position = start
        self.lineStart = start
        self.anchor = start
    }

    /// Problems found since the last call.
    mutating func takeProblems() -> [BuurtError] {
        defer { problems.removeAll() }
        return problems
    }

    /// The next record, or `nil` at the end of the input. Empty lines at the very end are skipped.
    /// - Parameter expectedFields: capacity to reserve for the fields.
    mutating func next(expectedFields: Int = 0) -> Record? {
        let n = bytes.count
        guard !stopped, position < n else { return nil }
        if isLineBreak(bytes[position]) && nextContent <= position {
            var j = position
            while j < n && isLineBreak(bytes[j]) { j += 1 }
            if j == n { position = n; return nil }
            nextContent = j  // each run of empty lines is looked through once
        }
        var record = Record(line: line)
        record.fields.reserveCapacity(expectedFields)
        record.columns.reserveCapacity(expectedFields)
        record.lineOffsets.reserveCapacity(expectedFields)
        let recordStart = position
        while true {
            let column = self.column(at: position), fieldLine = line, fieldStart = position
            record.columns.append(Int32(clamping: column))
            record.lineOffsets.append(Int32(clamping: line - record.line))
            let content: Range<Int>?
            if position < n && bytes[position] == CSVByte.quote {
                guard let value = scanQuoted(openColumn: column) else { stopped = true; return nil }
                record.fields.append(value)
                content = lastQuotedContent
            } else {
                record.fields.append(scanUnquoted())
                content = fieldStart..<position
            }
            if let content, decimalDetection?.isDecided == false {
                decimalDetection?.observe(UnsafeBufferPointer(rebasing: bytes[content])) {
                    SourceLocation(file: file, line: fieldLine, column: column)
                }
            }
            if position < n && bytes[position] == delimiter {
                position += 1
                continue
            }
            record.endLine = line
            record.endColumn = self.column(at: position)
            record.isEmptyLine = position == recordStart
            finishLine()
            return record
        }
    }

    private func isLineBreak(_ b: UInt8) -> Bool { b == CSVByte.lineFeed || b == CSVByte.carriageReturn }

    /// 1-based character column of byte `pos` on the current line. Calls on one line must come
    /// in increasing order of `pos` to stay O(line length) overall.
    private mutating func column(at pos: Int) -> Int {
        if asciiOnly { return pos - lineStart + 1 }
        if anchor < lineStart || anchor > pos { anchor = lineStart; anchorColumn = 1 }
        anchorColumn += CSVColumnCounter.characters(bytes, from: anchor, to: pos)
        anchor = pos
        return anchorColumn
    }

    private mutating func report(_ message: String, at pos: Int) {
        let location = SourceLocation(file: file, line: line, column: column(at: pos))
        problems.append(BuurtError(.data, message, at: location))
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// Reads up to the next delimiter or line end.
    private mutating func scanUnquoted() -> String {
        let start = position, n = bytes.count
        var reportedQuote = false
        while position < n {
            let b = bytes[position]
            if b == delimiter || b == CSVByte.lineFeed || b == CSVByte.carriageReturn { break }
            if b == CSVByte.quote && !reportedQuote {
                report("stray quote in an unquoted field; quote the whole field and double the quotes inside it (\"say \"\"hi\"\"\")", at: position)
                reportedQuote = true
            }
            position += 1
        }
        return text(start, position)
    }

    /// Reads a quoted field starting at the opening quote; `nil` when it never closes.
    private mutating func scanQuoted(openColumn: Int) -> String? {
        let openLine = line, n = bytes.count
        position += 1
        var segmentStart = position
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while position < n {
            let b = bytes[position]
            if b == CSVByte.quote {
                if position + 1 < n && bytes[position + 1] == CSVByte.quote {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...position]))
                    escaped = true
                    position += 2
                    segmentStart = position
                    continue
                }
                let value: String
                lastQuotedContent = escaped ? nil : segmentStart..<position
                if escaped {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
                    value = String(decoding: scratch, as: UTF8.self)
                } else {
                    value = text(segmentStart, position)
                }
                position += 1
                skipAfterClosingQuote()
                return value
            }
            if b == CSVByte.lineFeed { line += 1; lineStart = position + 1 }
            position += 1
        }
        problems.append(BuurtError(
            .data, "unterminated quote: the quoted field that starts here has no closing quote",
            at: SourceLocation(file: file, line: openLine, column: openColumn)))
        return nil
    }

    /// After a closing quote only a delimiter or a line end may follow; reports and skips anything else.
    private mutating func skipAfterClosingQuote() {
        let n = bytes.count
        guard position < n else { return }
        let b = bytes[position]
        guard b != delimiter && b != CSVByte.lineFeed && b != CSVByte.carriageReturn else { return }
        report("text after the closing quote of a quoted field; a quote inside a quoted field must be doubled (\"\")", at: position)
        while position < n {
            let c = bytes[position]
            if c == delimiter || c == CSVByte.lineFeed || c == CSVByte.carriageReturn { break }
            position += 1
        }
    }

    /// Consumes the line end after a record (LF or CRLF; a lone CR is reported once and accepted).
    private mutating func finishLine() {
        let n = bytes.count
        guard position < n else { return }
        if bytes[position] == CSVByte.carriageReturn {
            if position + 1 < n && bytes[position + 1] == CSVByte.lineFeed {
                position += 2
            } else {
                if !reportedLoneCarriageReturn {
                    report("line ends with a lone carriage return (CR); use LF or CRLF line ends", at: position)
                    reportedLoneCarriageReturn = true
                }
                position += 1
            }
        } else {
            position += 1
        }
        line += 1
        lineStart = position
    }
}
