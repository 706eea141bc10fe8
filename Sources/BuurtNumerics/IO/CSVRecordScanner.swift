/// Splits already validated UTF-8 bytes into CSV records (RFC 4180 quoting), tracking the line
/// and character column where every field starts.
///
/// The fields' contents (quotes removed, `""` → `"`) are appended to ``cells``, each followed
/// by ``CSVCells/cellEnd``, so that a table's cells are never held as separate Strings.
/// Line ends are LF or CRLF; inside quotes any bytes, line breaks included, are field content.
/// Problems inside a record (a stray quote, text after a closing quote, a lone CR) are collected
/// and scanning goes on; an unterminated quote ends the scan, since everything after it is
/// swallowed by the open field.
struct CSVRecordScanner {
    /// Where the fields of the last record are; its buffers are reused from record to record.
    struct Record {
        /// Offset in ``CSVRecordScanner/cells`` of the record's first field.
        var start = 0
        var fieldCount = 0
        /// Physical line where the record starts.
        var line = 1
        /// Character column where each field starts (its opening quote when quoted).
        var columns: [Int32] = []
        /// Line of each field's start minus `line` (non-zero only after a quoted line break).
        var lineOffsets: [Int32] = []
        /// Indices of the fields that were quoted.
        var quotedFields: [Int32] = []
        /// Line and character column just after the last field.
        var endLine = 1
        var endColumn = 1
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

    /// Contents of the fields scanned so far, each followed by ``CSVCells/cellEnd``.
    private(set) var cells: [UInt8] = []
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
        // Cells never take more bytes than the text they come from (one end byte per delimiter
        // or line end, one for the end of the file): reserving that much (address space, not
        // memory, until used) spares the copies of a growing buffer.
        cells.reserveCapacity(bytes.count - start + 1)
    }

    /// Drops the cells from offset `start` on (a record that is not kept).
    mutating func discardCells(from start: Int) {
        cells.removeSubrange(start...)
    }

    /// The cells scanned, handed over; the scanner keeps none.
    mutating func takeCells() -> [UInt8] {
        defer { cells = [] }
        return cells
    }

    /// The fields of `record` as text.
    func fields(of record: Record) -> [String] {
        cells[record.start...].split(separator: CSVCells.cellEnd, omittingEmptySubsequences: false)
            .prefix(record.fieldCount).map { String(decoding: $0, as: UTF8.self) }
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
        record.reset(start: cells.count, line: line)
        let recordStart = position
        while true {
            let column = self.column(at: position), fieldLine = line
            record.columns.append(Int32(clamping: column))
            record.lineOffsets.append(Int32(clamping: line - record.line))
            let content: Range<Int>?
            if position < n && bytes[position] == CSVByte.quote {
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
            if let content, decimalDetection?.isDecided == false {
                decimalDetection?.observe(UnsafeBufferPointer(rebasing: bytes[content])) {
                    SourceLocation(file: file, line: fieldLine, column: column)
                }
            }
            cells.append(CSVCells.cellEnd)
            if position < n && bytes[position] == delimiter {
                position += 1
                continue
            }
            record.endLine = line
            record.endColumn = self.column(at: position)
            record.isEmptyLine = position == recordStart
            finishLine()
            return true
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
        cells.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
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
                    cells.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...position]))
                    escaped = true
                    position += 2
                    segmentStart = position
                    continue
                }
                lastQuotedContent = escaped ? nil : segmentStart..<position
                cells.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<position]))
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
