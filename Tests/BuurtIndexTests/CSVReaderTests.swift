import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// Shorthands for reading CSV text in tests; every table is named `t.csv`.
enum CSVText {
    static func parse(_ text: String, options: CSVOptions = .init()) throws(BuurtErrors) -> CSVTable {
        try CSVReader.parse(Array(text.utf8), file: "t.csv", options: options)
    }

    /// The problems reading `bytes` reports; empty when it parses.
    static func problems(_ bytes: [UInt8], options: CSVOptions = .init()) -> [BuurtError] {
        do {
            _ = try CSVReader.parse(bytes, file: "t.csv", options: options)
            return []
        } catch {
            return error.problems
        }
    }

    static func problems(_ text: String, options: CSVOptions = .init()) -> [BuurtError] {
        problems(Array(text.utf8), options: options)
    }

    static func at(_ line: Int?, _ column: Int?) -> BuurtIndex.SourceLocation {
        BuurtIndex.SourceLocation(file: "t.csv", line: line, column: column)
    }
}

@Suite("CSV reader: structure")
struct CSVReaderStructureTests {
    @Test func readsHeaderRowsAndPositions() throws {
        let table = try CSVText.parse("unit,a,b\nX,1,2\nY,3,4\n")
        #expect(table.header == ["unit", "a", "b"])
        #expect(table.rows == [["X", "1", "2"], ["Y", "3", "4"]])
        #expect(table.lineNumbers == [2, 3])
        #expect(table.delimiter == ",")
        #expect(table.decimalComma == false)
        // "Y,3,4": Y at 1, '3' at 3, '4' at 5.
        #expect(table.location(row: 1, column: 2) == CSVText.at(3, 5))
        // "unit,a,b": 'a' at 6.
        #expect(table.headerLocation(column: 1) == CSVText.at(1, 6))
    }

    @Test func quotedFieldsHoldQuotesDelimitersAndLineBreaks() throws {
        let text = "id,note,x\n1,\"say \"\"hi\"\", ok\",5\n2,\"two\nlines\",6\n3,plain,7\n"
        let table = try CSVText.parse(text)
        #expect(table.rows == [["1", "say \"hi\", ok", "5"], ["2", "two\nlines", "6"], ["3", "plain", "7"]])
        #expect(table.lineNumbers == [2, 3, 5])
        #expect(table.location(row: 1, column: 1) == CSVText.at(3, 3))  // the opening quote
        // `lines",6` on line 4: the quote is at 6, the comma at 7, '6' at 8.
        #expect(table.location(row: 1, column: 2) == CSVText.at(4, 8))
        #expect(table.location(row: 2, column: 2) == CSVText.at(5, 9))
    }

    @Test func crlfLineEndsReadLikeLF() throws {
        let text = "id,note\r\n1,\"a\r\nb\"\r\n2,c\r\n"
        let table = try CSVText.parse(text)
        #expect(table.rows == [["1", "a\r\nb"], ["2", "c"]])  // a line break inside quotes is content
        #expect(table.lineNumbers == [2, 4])
        #expect(table.location(row: 1, column: 1) == CSVText.at(4, 3))
    }

    @Test func characterColumnsCountUnicodeScalarsNotBytes() throws {
        // "ĳs,😀,3": ĳ 1, s 2, ',' 3, 😀 4, ',' 5, '3' 6 (😀 is 4 bytes, ĳ 2).
        let table = try CSVText.parse("a,b,c\nĳs,😀,3\n")
        #expect(table.location(row: 0, column: 2) == CSVText.at(2, 6))
        let problems = CSVText.problems("a,b,c\nĳs,😀,3,4\n")
        #expect(problems.map(\.location) == [CSVText.at(2, 8)])
    }

    @Test func headerOnlyGivesNoRows() throws {
        for text in ["a,b", "a,b\n", "a,b\r\n", "a,b\n\n\r\n"] {
            let table = try CSVText.parse(text)
            #expect(table.header == ["a", "b"])
            #expect(table.rows.isEmpty)
        }
    }

    @Test func emptyFileIsAnError() {
        for bytes in [[], Array(" \r\n\t\n".utf8), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0A]] as [[UInt8]] {
            let problems = CSVText.problems(bytes)
            #expect(problems.count == 1)
            #expect(problems.first?.message.hasPrefix("empty file") == true)
            #expect(problems.first?.location == CSVText.at(nil, nil))
            #expect(problems.first?.kind == .data)
        }
    }

    @Test func trailingEmptyLinesAreIgnoredButInnerOnesAreRows() throws {
        #expect(try CSVText.parse("a,b\n1,2\n\n\n").rows == [["1", "2"]])
        #expect(try CSVText.parse("a\n1\n\n2\n").rows == [["1"], [""], ["2"]])
        let problems = CSVText.problems("a,b\n1,2\n\n3,4\n")
        #expect(problems.map(\.message) == ["empty line, expected 2 fields (header)"])
        #expect(problems.map(\.location) == [CSVText.at(3, 1)])
    }

    @Test func everyRaggedRowIsReported() {
        let problems = CSVText.problems("a,b,c\n1,2,3\n1,2\n1,2,3\n1,2,3,4\n1\n")
        #expect(problems.map(\.message) == [
            "2 fields, expected 3 (header)", "4 fields, expected 3 (header)", "1 field, expected 3 (header)",
        ])
        // A short row points after its last field ("1,2" → column 4), a long one at the first
        // extra field ("1,2,3,4" → column 7).
        #expect(problems.map(\.location) == [CSVText.at(3, 4), CSVText.at(5, 7), CSVText.at(6, 2)])
        #expect(problems.map(\.description).first == "t.csv:3:4: 2 fields, expected 3 (header)")
        #expect(problems.allSatisfy { $0.kind == .data })
    }

    @Test func headerNamesMustBeUniqueAndNonEmpty() throws {
        let problems = CSVText.problems("a,,b,a\n1,2,3,4\n")
        #expect(problems.map(\.message) == [
            "empty column name (field 2 of the header); every column needs a name",
            "duplicate column name 'a' (fields 1 and 4 of the header)",
        ])
        #expect(problems.map(\.location) == [CSVText.at(1, 3), CSVText.at(1, 6)])
        #expect(try CSVText.parse(" a ,\tb\n1,2\n").header == ["a", "b"])
        #expect(CSVText.problems("a, a\n1,2\n").map(\.location) == [CSVText.at(1, 3)])
    }

    @Test func strayQuoteInAnUnquotedFieldIsAnError() {
        let problems = CSVText.problems("a,b\n1,x\"y\n2,ok\n3,\"z\"w\n")
        #expect(problems.count == 2)
        #expect(problems.first?.message.hasPrefix("stray quote in an unquoted field") == true)
        #expect(problems.first?.location == CSVText.at(2, 4))
        #expect(problems.last?.message.hasPrefix("text after the closing quote") == true)
        #expect(problems.last?.location == CSVText.at(4, 6))
    }

    @Test func unterminatedQuotePointsWhereItOpened() {
        let problems = CSVText.problems("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("unterminated quote") == true)
        #expect(problems.first?.location == CSVText.at(3, 3))
    }

    @Test func loneCarriageReturnIsReportedOnce() {
        let problems = CSVText.problems("a,b\r1,2\r3,4\r")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("lone carriage return") == true)
        #expect(problems.first?.location == CSVText.at(1, 4))
    }
}

@Suite("CSV reader: encoding")
struct CSVReaderEncodingTests {
    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let table = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8), file: "t.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.headerLocation(column: 0) == CSVText.at(1, 1))
        #expect(table.location(row: 0, column: 1) == CSVText.at(2, 3))
    }

    @Test func byteOrderMarkElsewhereIsAnError() {
        for (text, line, column) in [("a,b\n1,\u{FEFF}2\n", 2, 3), ("a,\u{FEFF}b\n1,2\n", 1, 3)] {
            let problems = CSVText.problems(text)
            #expect(problems.count == 1)
            #expect(problems.first?.message.hasPrefix("byte order mark (U+FEFF) inside the file") == true)
            #expect(problems.first?.location == CSVText.at(line, column))
        }
        // Two marks at the start: the second one is inside the file.
        #expect(CSVText.problems([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a\n".utf8)).map(\.location) == [CSVText.at(1, 1)])
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        let cases: [([UInt8], BuurtIndex.SourceLocation, String)] = [
            (Array("a,b\n1,x".utf8) + [0xFF] + Array("\n".utf8), CSVText.at(2, 4), "0xFF"),
            (Array("né,".utf8) + [0xC0, 0x80] + Array("\n".utf8), CSVText.at(1, 4), "0xC0"),  // overlong "/"
            (Array("a\n".utf8) + [0xED, 0xA0, 0x80], CSVText.at(2, 1), "0xED"),  // a UTF-16 surrogate
            (Array("a\n".utf8) + [0xE2, 0x82], CSVText.at(2, 1), "0xE2"),  // truncated at the end
            (Array("a\n".utf8) + [0xF4, 0x90, 0x80, 0x80], CSVText.at(2, 1), "0xF4"),  // above U+10FFFF
        ]
        for (bytes, location, byte) in cases {
            let problems = CSVText.problems(bytes)
            #expect(problems.count == 1)
            #expect(problems.first?.message.hasPrefix("invalid UTF-8 byte \(byte)") == true)
            #expect(problems.first?.location == location)
            #expect(problems.first?.kind == .data)
        }
    }

    @Test func utf16FilesGetAHint() {
        let problems = CSVText.problems([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00])
        #expect(problems.first?.message.contains("looks like UTF-16") == true)
        #expect(problems.first?.location == CSVText.at(1, 1))
    }

    @Test func onlyTheFirstEncodingProblemOfALineIsReported() {
        let problems = CSVText.problems(Array("a\n".utf8) + [0xFF, 0xFF, 0x0A, 0x61, 0xFE])
        #expect(problems.map(\.location) == [CSVText.at(2, 1), CSVText.at(3, 2)])
    }
}

@Suite("CSV reader: files")
struct CSVReaderFileTests {
    @Test func missingFileIsNoInput() {
        let path = "/nonexistent-buurtscore-dir/data.csv"
        #expect {
            _ = try CSVReader.read(path: path)
        } throws: { error in
            guard let errors = error as? BuurtErrors, let problem = errors.problems.first else { return false }
            return errors.kind == .missingInput && problem.kind == .missingInput && problem.location == BuurtIndex.SourceLocation(file: path)
                && problem.message == "file not found"
        }
    }

    @Test func directoryIsNoInput() {
        let path = FileManager.default.temporaryDirectory.path
        #expect {
            _ = try CSVReader.read(path: path)
        } throws: { error in
            (error as? BuurtErrors)?.problems.map(\.message) == ["this is a directory, not a file"]
        }
    }

    @Test func readsAFileFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-csv-\(UUID().uuidString).csv")
        try Data("a;b\nX;1,5\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try CSVReader.read(path: url.path)
        #expect(table.file == url.path)
        #expect(table.rows == [["X", "1,5"]])
        #expect(table.delimiter == ";")
        #expect(table.decimalComma)
    }
}
