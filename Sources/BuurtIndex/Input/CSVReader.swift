import Foundation

/// A strict reader for the CSV files users give buurtscore.
///
/// Rules (every violation is a ``BuurtError`` of kind `.data` with `file:line:column`, and all
/// problems of a file are reported together):
/// - UTF-8 only; a byte order mark is accepted only as the very first character.
/// - Fields are separated by `,` or `;` (detected from the header line, see ``CSVOptions``);
///   a field may be quoted with `"`, and then holds delimiters, line breaks and doubled quotes
///   (`""` → `"`). A quote inside an unquoted field, text after a closing quote, and an
///   unterminated quote are errors.
/// - Line ends are LF or CRLF. Empty lines at the end of the file are ignored (so a one-column
///   table cannot end with an empty unquoted cell); an empty line elsewhere is a row with one
///   empty cell.
/// - The first line is the header: names are trimmed of spaces and tabs and must be non-empty
///   and unique. Every row must have as many fields as the header.
/// - A file with no characters other than whitespace is an error; a header without rows is a
///   table with no rows.
public enum CSVReader {
    /// Reads a file from disk: memory-mapped, scanned once into the table's compact cell buffer
    /// and unmapped before returning; refused unread when larger than `options.maxFileBytes`
    /// (see ``InputFile``). The table then takes about as many bytes as the file, plus 8 per row.
    /// - Parameter bytesRead: called with exactly the bytes that are parsed (before parsing),
    ///   e.g. to record their SHA-256.
    /// - Throws: `.missingInput` when the file is missing or unreadable, `.data` when it is too
    ///   large, otherwise as ``parse(_:file:options:)``.
    public static func read(
        path: String, options: CSVOptions = .init(), bytesRead: ((Data) -> Void)? = nil
    ) throws(BuurtErrors) -> CSVTable {
        let data: Data
        do throws(BuurtError) {
            data = try InputFile.contents(path: path, limit: options.maxFileBytes)
        } catch {
            throw BuurtErrors([error])
        }
        bytesRead?(data)
        let result = data.withUnsafeBytes { raw in
            Result { () throws(BuurtErrors) in try parse(buffer: raw.bindMemory(to: UInt8.self), file: path, options: options) }
        }
        return try result.get()
    }

    /// Parses CSV bytes.
    ///
    /// Decimal separator: a `,`-delimited file uses decimal points unless the options say
    /// otherwise. In a `;`-delimited file the data cells that look like numbers decide:
    /// `3,5` (digits, comma, digits) is evidence for a decimal comma, `3.5` or `3.5e2` for a
    /// decimal point; evidence of both kinds is an error naming one cell of each; no evidence
    /// means a decimal comma (the usual convention of `;` files).
    /// - Parameter file: the name used in error locations.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], file: String, options: CSVOptions = .init()) throws(BuurtErrors) -> CSVTable {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(BuurtErrors) in try parse(buffer: buffer, file: file, options: options) }
        }
        return try result.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, file: String, options: CSVOptions) throws(BuurtErrors) -> CSVTable {
        let encoding = CSVEncodingCheck.check(buffer, file: file)
        guard encoding.problems.isEmpty else { throw BuurtErrors(encoding.problems) }
        guard buffer[encoding.start...].contains(where: { !isWhitespace($0) }) else {
            throw BuurtErrors([BuurtError(.data, "empty file: expected a header line and data rows", at: SourceLocation(file: file))])
        }
        let delimiter = try delimiter(options.delimiter, buffer: buffer, start: encoding.start, file: file)

        // The cells are written straight into the table's byte buffer, sized for the worst case
        // (address space only: pages that are never written take no memory).
        var scan = Scan()
        let capacity = CSVRecordScanner.outputCapacity(bytes: buffer.count, start: encoding.start)
        let cellBytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            var scanner = CSVRecordScanner(
                bytes: buffer, start: encoding.start, output: output, delimiter: delimiter, asciiOnly: encoding.asciiOnly, file: file)
            scan.run(&scanner, file: file, detectDecimalSeparator: options.decimalComma == nil && delimiter == CSVByte.semicolon)
            count = scanner.written
        }
        var problems = scan.problems
        var decimalComma = options.decimalComma ?? false
        if let detection = scan.decimalDetection {
            do throws(BuurtError) {
                decimalComma = try detection.usesDecimalComma()
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty, let header = scan.header else { throw BuurtErrors(problems) }

        return CSVTable(
            file: file, header: header, cells: CSVCells(bytes: cellBytes, rowStarts: scan.rowStarts, width: header.count),
            lineNumbers: scan.lineNumbers, delimiter: Character(Unicode.Scalar(delimiter)), decimalComma: decimalComma,
            headerColumns: scan.headerColumns, headerLines: scan.headerLines, quotedCells: scan.quotedCells, hasPositions: true)
    }

    /// The records of a file, scanned: everything of the table but its cell bytes.
    private struct Scan {
        var header: [String]?
        var headerColumns: [Int32] = [], headerLines: [Int32] = []
        var rowStarts: [Int] = [], lineNumbers: [Int] = []
        var quotedCells = CSVBitSet()
        var decimalDetection: DecimalSeparatorDetection?
        var problems: [BuurtError] = []

        /// Reads the header, then every row; a row with the wrong number of fields is reported
        /// and left out of the output.
        mutating func run(_ scanner: inout CSVRecordScanner, file: String, detectDecimalSeparator: Bool) {
            var record = CSVRecordScanner.Record()
            record.keepsAllPositions = true
            let hasHeader = scanner.next(into: &record)
            problems += scanner.takeProblems()
            guard hasHeader else { return }
            let header = scanner.fields(of: record).map(trimmed)
            self.header = header
            problems += headerProblems(header, record, file: file)
            headerColumns = record.columns
            headerLines = record.lineOffsets.map { $0 + 1 }
            scanner.discardOutput(from: record.start)
            if detectDecimalSeparator { scanner.decimalDetection = DecimalSeparatorDetection() }

            record.keepsAllPositions = false
            record.watchedField = header.count
            while scanner.next(into: &record) {
                problems += scanner.takeProblems()
                if let problem = fieldCountProblem(record, expected: header.count, scanner: scanner, file: file) {
                    problems.append(problem)
                    scanner.discardOutput(from: record.start)
                    continue
                }
                for k in record.quotedFields { quotedCells.insert(rowStarts.count * header.count + Int(k)) }
                rowStarts.append(record.start)
                lineNumbers.append(record.line)
            }
            problems += scanner.takeProblems()
            decimalDetection = scanner.decimalDetection
        }
    }

    private static func isWhitespace(_ b: UInt8) -> Bool {
        CSVByte.isBlank(b) || b == CSVByte.lineFeed || b == CSVByte.carriageReturn
    }

    /// `s` without surrounding spaces and tabs.
    static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last, CSVByte.isBlank(first) || CSVByte.isBlank(last) else { return s }
        let u = s.utf8
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, CSVByte.isBlank(u[lo]) { u.formIndex(after: &lo) }
        while lo < hi, CSVByte.isBlank(u[u.index(before: hi)]) { u.formIndex(before: &hi) }
        return String(Substring(u[lo..<hi]))
    }

    /// The delimiter byte: the option when given, else `,` or `;` by count outside quotes in the header line.
    private static func delimiter(
        _ option: Character?, buffer: UnsafeBufferPointer<UInt8>, start: Int, file: String
    ) throws(BuurtErrors) -> UInt8 {
        if let option {
            guard option.utf8.count == 1, let byte = option.asciiValue,
                  byte != CSVByte.quote, byte != CSVByte.lineFeed, byte != CSVByte.carriageReturn else {
                throw BuurtErrors([BuurtError(.usage, "the delimiter must be one ASCII character other than a quote or a line break, got '\(option)'")])
            }
            return byte
        }
        var commas = 0, semicolons = 0, quoted = false, i = start
        while i < buffer.count {
            let b = buffer[i]
            if b == CSVByte.quote { quoted.toggle() }
            else if !quoted && (b == CSVByte.lineFeed || b == CSVByte.carriageReturn) { break }
            else if !quoted && b == CSVByte.comma { commas += 1 }
            else if !quoted && b == CSVByte.semicolon { semicolons += 1 }
            i += 1
        }
        if commas > 0 && commas == semicolons {
            throw BuurtErrors([BuurtError(
                .data, "cannot tell the delimiter: the header line has \(commas) commas and \(semicolons) semicolons outside quotes; set the delimiter explicitly",
                at: SourceLocation(file: file, line: 1))])
        }
        return semicolons > commas ? CSVByte.semicolon : CSVByte.comma
    }

    private static func headerProblems(_ header: [String], _ record: CSVRecordScanner.Record, file: String) -> [BuurtError] {
        var problems: [BuurtError] = []
        var firstIndex: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            let location = SourceLocation(file: file, line: record.line + Int(record.lineOffsets[k]), column: Int(record.columns[k]))
            if name.isEmpty {
                problems.append(BuurtError(.data, "empty column name (field \(k + 1) of the header); every column needs a name", at: location))
            } else if let first = firstIndex[name] {
                problems.append(BuurtError(.data, "duplicate column name '\(MessageText.excerpt(name))' (fields \(first + 1) and \(k + 1) of the header)", at: location))
            } else {
                firstIndex[name] = k
            }
        }
        return problems
    }

    /// "5 fields, expected 6 (header)" at the first extra field, or at the end of a short row.
    private static func fieldCountProblem(
        _ record: CSVRecordScanner.Record, expected: Int, scanner: CSVRecordScanner, file: String
    ) -> BuurtError? {
        let count = record.fieldCount
        guard count != expected else { return nil }
        let message: String
        let column: Int
        if record.isEmptyLine {
            message = "empty line, expected \(expected) fields (header)"
            column = 1
        } else {
            message = "\(count) field\(count == 1 ? "" : "s"), expected \(expected) (header)"
            column = count > expected ? Int(record.columns[0]) : scanner.endColumn(of: record)
        }
        let line = count > expected ? record.line + Int(record.lineOffsets[0]) : record.endLine
        return BuurtError(.data, message, at: SourceLocation(file: file, line: line, column: column))
    }
}
