/// How to read a CSV file. `nil` fields are detected from the file itself.
public struct CSVOptions: Sendable, Equatable {
    /// Field separator; `nil` picks `,` or `;`, whichever occurs more often outside quotes in the header line.
    public var delimiter: Character?
    /// Whether numbers use a decimal comma (`3,5`); `nil` decides from the data cells
    /// (see ``CSVReader/parse(_:file:options:)``).
    public var decimalComma: Bool?
    /// Largest file ``CSVReader/read(path:options:)`` accepts, in bytes (default 2 GiB).
    public var maxFileBytes: Int

    public init(delimiter: Character? = nil, decimalComma: Bool? = nil, maxFileBytes: Int = InputFile.defaultSizeLimit) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.maxFileBytes = maxFileBytes
    }
}

/// A CSV file as text cells: a header and rows of equal length, with where each cell came from.
///
/// The cells are stored compactly (one byte buffer, see ``CSVCells``); ``rows`` and
/// ``cell(row:column:)`` build Strings on demand, ``withCellBytes(row:column:_:)`` reads a cell
/// without building one.
public struct CSVTable: Sendable, Equatable {
    /// The file name used in error locations.
    public var file: String
    /// Column names (surrounding spaces and tabs removed), unique and non-empty.
    public var header: [String]
    /// 1-based physical line on which each data row starts (the header is line 1).
    public var lineNumbers: [Int]
    /// The field separator that was used.
    public var delimiter: Character
    /// Whether numbers in this file use a decimal comma.
    public var decimalComma: Bool

    /// The data cells, `header.count` per row, exactly as written (quotes removed, `""` → `"`).
    var cells: CSVCells
    /// Character column (1-based, in Unicode scalars) where each header cell starts.
    var headerColumns: [Int32]
    /// Line (1-based) where each header cell starts; more than 1 only after a quoted line break.
    var headerLines: [Int32]
    /// Which data cells (flat index `row × header.count + column`) were quoted in the file.
    var quotedCells: CSVBitSet
    /// Whether the table was read from a file, so that cell positions can be worked out.
    var hasPositions: Bool

    /// A table built in code. Lines default to 2, 3, … (one line per row after the header);
    /// locations then carry no column.
    /// - Precondition: every row has `header.count` cells.
    public init(
        file: String, header: [String], rows: [[String]], lineNumbers: [Int]? = nil,
        delimiter: Character = ",", decimalComma: Bool = false
    ) {
        self.init(
            file: file, header: header, cells: CSVCells(rows: rows, width: header.count),
            lineNumbers: lineNumbers ?? rows.indices.map { $0 + 2 }, delimiter: delimiter, decimalComma: decimalComma,
            headerColumns: [], headerLines: [], quotedCells: CSVBitSet(), hasPositions: false)
    }

    init(
        file: String, header: [String], cells: CSVCells, lineNumbers: [Int], delimiter: Character,
        decimalComma: Bool, headerColumns: [Int32], headerLines: [Int32], quotedCells: CSVBitSet, hasPositions: Bool
    ) {
        self.file = file
        self.header = header
        self.cells = cells
        self.lineNumbers = lineNumbers
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.headerColumns = headerColumns
        self.headerLines = headerLines
        self.quotedCells = quotedCells
        self.hasPositions = hasPositions
    }

    /// Number of data rows.
    public var rowCount: Int { cells.rowCount }

    /// The data rows, each with `header.count` cells; a row's Strings are built when it is read.
    /// For single cells use ``cell(row:column:)`` or ``withCellBytes(row:column:_:)``.
    public var rows: Rows { Rows(cells: cells) }

    /// The cell at `row`, `column` (0-based indices into ``rows`` and ``header``).
    /// - Complexity: O(bytes of the row up to the cell).
    public func cell(row: Int, column: Int) -> String {
        cells.string(row: row, column: column)
    }

    /// Calls `body` with the UTF-8 bytes of the cell at `row`, `column`, valid only during the call.
    /// - Complexity: O(bytes of the row up to the cell).
    package func withCellBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try cells.withCell(row: row, column: column, body)
    }

    /// Where a data cell starts in the file.
    ///
    /// - Parameters:
    ///   - row: 0-based index into ``rows``.
    ///   - column: 0-based index into ``header``.
    /// - Returns: `file:line:column`, where `line` is the physical line the cell starts on and
    ///   `column` the 1-based character position of its first character (its opening quote when
    ///   quoted) on that line, counted in Unicode scalars. Without position information (a table
    ///   built in code, or an index out of range) the column, and if need be the line, is omitted.
    /// - Complexity: O(bytes of the row up to the cell): the position is worked out from the
    ///   cells before it, written back as they were in the file (quotes, doubled quotes, line breaks).
    public func location(row: Int, column: Int) -> SourceLocation {
        guard lineNumbers.indices.contains(row) else { return SourceLocation(file: file) }
        guard hasPositions, row < cells.rowCount, column >= 0, column < cells.width else {
            return SourceLocation(file: file, line: lineNumbers[row])
        }
        var line = lineNumbers[row], character = 1
        cells.forEachCell(inRow: row, upTo: column) { k, bytes in
            let quoted = quotedCells.contains(row * cells.width + k)
            if quoted { character += 1 }
            for b in bytes {
                if b == CSVByte.lineFeed {
                    line += 1
                    character = 1
                } else if b & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: one scalar
                    character += quoted && b == CSVByte.quote ? 2 : 1
                }
            }
            character += quoted ? 2 : 1  // the closing quote and the delimiter
        }
        return SourceLocation(file: file, line: line, column: character)
    }

    /// Where a header cell starts, or the header line (line 1) when `column` is `nil`.
    /// - Parameter column: 0-based index into ``header``.
    public func headerLocation(column: Int? = nil) -> SourceLocation {
        guard let column, headerColumns.indices.contains(column), headerLines.indices.contains(column) else {
            return SourceLocation(file: file, line: 1)
        }
        return SourceLocation(file: file, line: Int(headerLines[column]), column: Int(headerColumns[column]))
    }

    /// Index of the column named `name`, if present.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }
}
