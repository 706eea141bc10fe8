import BuurtNumerics

/// Splits already validated UTF-8 bytes into CSV records (RFC 4180 quoting), tracking the line
/// and character column where fields start.
///
/// The fields' contents (quotes removed, `""` → `"`) are written to `output`, each followed by
/// ``CSVCells/cellEnd``, so that a table's cells are never held as separate Strings. `output`
/// must hold at least `bytes.count - start + 1` bytes: a field's content is never longer than
/// its text, and its end byte takes the place of the delimiter or line end after it (or, once,
/// of the end of the file).
/// Line ends are LF or CRLF; inside quotes any bytes, line breaks included, are field content.
/// Problems inside a record (a stray quote, text after a closing quote, a lone CR) are collected
/// and scanning goes on; an unterminated quote ends the scan, since everything after it is
/// swallowed by the open field.
struct CSVRecordScanner {
    /// Where the fields of the last record are; its buffers are reused from record to record.
    struct Record {
        /// Offset in the output of the record's first field.
        var start = 0
        var fieldCount = 0
        /// Physical line where the record starts.
        var line = 1
        /// Whether ``columns`` and ``lineOffsets`` are kept for every field (the header), or
        /// only for field ``watchedField`` (a data row: the first field too many).
        var keepsAllPositions = false
        var watchedField = Int.max
        /// Character column where each kept field starts (its opening quote when quoted).
        var columns: [Int32] = []
        /// Line of each kept field's start minus `line` (non-zero only after a quoted line break).
        var lineOffsets: [Int32] = []
        /// Indices of the fields that were quoted.
        var quotedFields: [Int32] = []
        /// Line just after the last field, and where that line starts and the record ends in
        /// the input (see ``CSVRecordScanner/endColumn(of:)``).
        var endLine = 1
        fileprivate var endLineStart = 0
        fileprivate var endPosition = 0
        /// Whether the record is an empty line (one empty, unquoted field).
        var isEmptyLine = false

        fileprivate mutating func reset(start: Int, line: Int) {
            self.start = start
            self.line = line
            fieldCount = 0
            columns.removeAll(keepingCapacity: true)
            lineOffsets.removeAll(keepingCapacity: true)
            quotedFields.removeAll(keepingCapacity: true)
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let output: UnsafeMutableBufferPointer<UInt8>
    /// Bytes of `output` written so far.
    private(set) var written = 0
    private let delimiter: UInt8
    private let asciiOnly: Bool
    private let file: String
    private var position: Int
    private var line = 1
    private var lineStart: Int
    private var anchor: Int
    private var anchorColumn = 1
    private var reportedLoneCarriageReturn = false
    private var problems: [BuurtError] = []
    /// Set when an unterminated quote stopped the scan.
    private(set) var stopped = false
    /// When set, every field scanned from now on is looked at for its decimal separator.
    var decimalDetection: DecimalSeparatorDetection?
    /// Content bytes of the last quoted field, when it had no doubled quotes.
    private var lastQuotedContent: Range<Int>?
    /// Offset of a byte known to be neither CR nor LF, found by the look-ahead for trailing empty lines.
    private var nextContent = 0

    /// The number of output bytes scanning `bytes` from `start` may need.
    static func outputCapacity(bytes: Int, start: Int) -> Int { bytes - start + 1 }

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, output: UnsafeMutableBufferPointer<UInt8>, delimiter: UInt8, asciiOnly: Bool, file: String) {
        precondition(output.count >= Self.outputCapacity(bytes: bytes.count, start: start), "output buffer too small")
        self.bytes = bytes
        self.output = output
        self.delimiter = delimiter
        self.asciiOnly = asciiOnly
        self.file = file
        self.position = start
        self.lineStart = start
        self.anchor = start
    }

    /// Drops the output from offset `start` on (a record that is not kept).
    mutating func discardOutput(from start: Int) {
        written = start
    }

    /// The fields of `record` as text.
    func fields(of record: Record) -> [String] {
        UnsafeBufferPointer(rebasing: output[record.start..<written])
            .split(separator: CSVCells.cellEnd, omittingEmptySubsequences: false)
            .prefix(record.fieldCount).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
    }

    /// Character column just after the last field of `record` (the last record scanned).
    func endColumn(of record: Record) -> Int {
        CSVColumnCounter.characters(bytes, from: record.endLineStart, to: record.endPosition) + 1
    }

    /// Problems found since the last call.
    mutating func takeProblems() -> [BuurtError] {
        defer { problems.removeAll() }
        return problems
    }

    /// Scans the next record into `record`; `false` at the end of the input. Empty lines at the
    /// very end are skipped.
    mutating func next(into record: inout Record) -> Bool {
        let n = bytes.count
        guard !stopped, position < n else { return false }
        if isLineBreak(bytes[position]) && nextContent <= position {
            var j = position
            while j < n && isLineBreak(bytes[j]) { j += 1 }
            if j == n { position = n; return false }
            nextContent = j  // each run of empty lines is looked through once
        }
        record.reset(start: written, line: line)
        let recordStart = position
        while true {
            let quoted = position < n && bytes[position] == CSVByte.quote
            let detecting = decimalDetection?.isDecided == false
            let kept = record.keepsAllPositions || record.fieldCount == record.watchedField
            // Columns are counted only where needed: scanning stays one pass over the bytes.
            let column = quoted || detecting || kept ? self.column(at: position) : 0
            let fieldLine = line
            if kept {
                record.columns.append(Int32(clamping: column))
                record.lineOffsets.append(Int32(clamping: line - record.line))
            }
            let content: Range<Int>?
            if quoted {
                guard scanQuoted(openColumn: column) else { stopped = true; return false }
                record.quotedFields.append(Int32(clamping: record.fieldCount))
                content = lastQuotedContent
            } else {
                let fieldStart = position
                scanUnquoted()
                content = fieldStart..<position
            }
            record.fieldCount += 1
            // A field with doubled quotes holds a quote, so it is no evidence either way.
            if detecting, let content {
                decimalDetection?.observe(UnsafeBufferPointer(rebasing: bytes[content])) {
                    SourceLocation(file: file, line: fieldLine, column: column)
                }
            }
            precondition(written < output.count, "CSV output buffer overrun")
            output[written] = CSVCells.cellEnd
            written += 1
            if position < n && bytes[position] == delimiter {
                position += 1
                continue
            }
            record.endLine = line
            record.endLineStart = lineStart
            record.endPosition = position
            record.isEmptyLine = position == recordStart
            finishLine()
            return true
        }
    }

    /// Copies `bytes[range]` to the output.
    private mutating func emit(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(written + range.count <= output.count, "CSV output buffer overrun")
        (output.baseAddress! + written).initialize(from: bytes.baseAddress! + range.lowerBound, count: range.count)
        written += range.count
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

    /// Reads up to the next delimiter or line end.
    private mutating func scanUnquoted() {
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
        emit(start..<position)
    }

    /// Reads a quoted field starting at the opening quote; `false` when it never closes.
    private mutating func scanQuoted(openColumn: Int) -> Bool {
        let openLine = line, n = bytes.count
        position += 1
        var segmentStart = position
        var escaped = false
        while position < n {
            let b = bytes[position]
            if b == CSVByte.quote {
                if position + 1 < n && bytes[position + 1] == CSVByte.quote {
                    emit(segmentStart..<position + 1)
                    escaped = true
                    position += 2
                    segmentStart = position
                    continue
                }
                lastQuotedContent = escaped ? nil : segmentStart..<position
                emit(segmentStart..<position)
                position += 1
                skipAfterClosingQuote()
                return true
            }
            if b == CSVByte.lineFeed { line += 1; lineStart = position + 1 }
            position += 1
        }
        problems.append(BuurtError(
            .data, "unterminated quote: the quoted field that starts here has no closing quote",
            at: SourceLocation(file: file, line: openLine, column: openColumn)))
        return false
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
