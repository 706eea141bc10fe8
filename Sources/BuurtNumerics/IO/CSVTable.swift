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
public struct CSVTable: Sendable, Equatable {
    /// The file name used in error locations.
    public var file: String
    /// Column names (surrounding spaces and tabs removed), unique and non-empty.
    public var header: [String]
    /// Data rows, each with `header.count` cells, exactly as written (quotes removed, `""` → `"`).
    public var rows: [[String]]
    /// 1-based physical line on which each data row starts (the header is line 1).
    public var lineNumbers: [Int]
    /// The field separator that was used.
    public var delimiter: Character
    /// Whether numbers in this file use a decimal comma.
    public var decimalComma: Bool

    /// Character column (1-based, in Unicode scalars) where each header cell starts.
    var headerColumns: [Int32]
    /// Line (1-based) where each header cell starts; more than 1 only after a quoted line break.
    var headerLines: [Int32]
    /// Character column where each data cell starts, row after row (`rows.count × header.count`).
    var cellColumns: [Int32]
    /// For the few cells that start on a later line than their row (after a quoted line break):
    /// flat cell index → lines below the row's first line.
    var cellLineOffsets: [Int: Int32]

    /// A table built in code. Lines default to 2, 3, … (one line per row after the header);
    /// locations then carry no column.
    public init(
        file: String, header: [String], rows: [[String]], lineNumbers: [Int]? = nil,
        delimiter: Character = ",", decimalComma: Bool = false
    ) {
        self.init(
            file: file, header: header, rows: rows, lineNumbers: lineNumbers ?? rows.indices.map { $0 + 2 },
            delimiter: delimiter, decimalComma: decimalComma, headerColumns: [], headerLines: [], cellColumns: [],
            cellLineOffsets: [:])
    }

    init(
        file: String, header: [String], rows: [[String]], lineNumbers: [Int], delimiter: Character,
        decimalComma: Bool, headerColumns: [Int32], headerLines: [Int32], cellColumns: [Int32],
        cellLineOffsets: [Int: Int32]
    ) {
        self.file = file
        self.header = header
        self.rows = rows
        self.lineNumbers = lineNumbers
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.headerColumns = headerColumns
        self.headerLines = headerLines
        self.cellColumns = cellColumns
        self.cellLineOffsets = cellLineOffsets
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
    public func location(row: Int, column: Int) -> SourceLocation {
        guard lineNumbers.indices.contains(row) else { return SourceLocation(file: file) }
        let flat = row * header.count + column
        guard header.indices.contains(column), cellColumns.indices.contains(flat) else {
            return SourceLocation(file: file, line: lineNumbers[row])
        }
        let line = lineNumbers[row] + Int(cellLineOffsets[flat] ?? 0)
        return SourceLocation(file: file, line: line, column: Int(cellColumns[flat]))
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
