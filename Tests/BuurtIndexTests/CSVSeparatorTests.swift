import BuurtNumerics
import Testing
import BuurtIndex

@Suite("CSV reader: delimiter and decimal separator")
struct CSVSeparatorTests {
    @Test func semicolonIsDetectedFromTheHeader() throws {
        let table = try CSVText.parse("a;b;c\n1,5;2;3\n")
        #expect(table.delimiter == ";")
        #expect(table.rows == [["1,5", "2", "3"]])
    }

    @Test func delimitersInsideQuotedHeaderNamesDoNotCount() throws {
        // Outside quotes: two commas, no semicolons.
        let table = try CSVText.parse("\"x;y;z\",b,c\n1,2,3\n")
        #expect(table.delimiter == ",")
        #expect(table.header == ["x;y;z", "b", "c"])
    }

    @Test func aTieBetweenCommasAndSemicolonsIsAnError() {
        let problems = CSVText.problems("a,b;c\n1,2;3\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("cannot tell the delimiter: the header line has 1 commas and 1 semicolons") == true)
        #expect(problems.first?.location == CSVText.at(1, nil))
    }

    @Test func aSingleColumnFileUsesCommas() throws {
        let table = try CSVText.parse("a\n1.5\n")
        #expect(table.delimiter == ",")
        #expect(table.rows == [["1.5"]])
    }

    @Test func delimiterCanBeForced() throws {
        let table = try CSVText.parse("a\tb,c\n1\t2,5\n", options: CSVOptions(delimiter: "\t"))
        #expect(table.header == ["a", "b,c"])
        #expect(table.rows == [["1", "2,5"]])
        #expect(table.decimalComma == false)  // only `;` files are checked for decimal commas
    }

    @Test func delimiterMustBeOneAsciiCharacterOtherThanQuoteOrLineBreak() {
        for delimiter: Character in ["\"", "\n", "\r\n", "é"] {
            let problems = CSVText.problems("a,b\n", options: CSVOptions(delimiter: delimiter))
            #expect(problems.map(\.kind) == [.usage])
            #expect(problems.first?.kind == .usage)
        }
    }

    @Test func decimalCommaIsDetectedInSemicolonFiles() throws {
        #expect(try CSVText.parse("a;b\nX;2,5\nY;4\n").decimalComma == true)
        #expect(try CSVText.parse("a;b\nX;2.5\nY;4\n").decimalComma == false)
        #expect(try CSVText.parse("a;b\nX;2.5e-3\n").decimalComma == false)
        #expect(try CSVText.parse("a;b\nX; -2,5 \n").decimalComma == true)
        // Without evidence (integers and text only) a `;` file is taken to use decimal commas.
        #expect(try CSVText.parse("a;b\nX;2\nv1.2;NA\n").decimalComma == true)
        // A `,` file uses decimal points even when a quoted cell looks like a decimal comma.
        #expect(try CSVText.parse("a,b\nX,\"2,5\"\n").decimalComma == false)
    }

    @Test func mixedDecimalSeparatorsNameOneCellOfEachKind() {
        let problems = CSVText.problems("u;a;b\nX;2,5;1\nY;3.25;4\nZ;1.5;7,5\n")
        #expect(problems.count == 1)
        let message = problems.first?.message ?? ""
        #expect(message.contains("'2,5' (line 2, column 3) has a decimal comma"))
        #expect(message.contains("'3.25' (line 3, column 3) has a decimal point"))
        #expect(problems.first?.location == CSVText.at(3, 3))
        #expect(problems.first?.kind == .data)
    }

    @Test func decimalSeparatorCanBeForced() throws {
        let text = "u;a;b\nX;2,5;1\nY;3.25;4\n"
        #expect(try CSVText.parse(text, options: CSVOptions(decimalComma: true)).decimalComma == true)
        #expect(try CSVText.parse(text, options: CSVOptions(decimalComma: false)).decimalComma == false)
        #expect(try CSVText.parse("a,b\n1,\"2,5\"\n", options: CSVOptions(decimalComma: true)).decimalComma == true)
    }
}

@Suite("CSV number cells")
struct CSVNumberTests {
    @Test func missingTokens() {
        for cell in ["", "NA", ".", "-", "  ", " NA ", "\t-\t", " . "] {
            #expect(CSVReader.parseNumber(cell, decimalComma: false) == .missing, "\(cell)")
            #expect(CSVReader.parseNumber(cell, decimalComma: true) == .missing, "\(cell)")
        }
    }

    @Test func acceptedNumbersWithDecimalPoint() {
        let cases: [(String, Double)] = [
            ("0", 0), ("42", 42), ("-3", -3), ("+7", 7), ("3.5", 3.5), (" 3.5 ", 3.5), ("\t-0.25", -0.25),
            ("1e-5", 1e-5), ("2.5E3", 2500), ("-1.5e+2", -150), (".5", 0.5), ("5.", 5), ("007", 7),
            ("5.0999999999999996", 5.0999999999999996), ("4.9406564584124654e-324", .leastNonzeroMagnitude),
        ]
        for (cell, value) in cases {
            #expect(CSVReader.parseNumber(cell, decimalComma: false) == .number(value), "\(cell)")
        }
    }

    @Test func rejectedCells() {
        let cells = [
            "1,000.5", "12abc", "abc", "Inf", "-Inf", "NaN", "nan", "inf", "0x1p3", "0x10", "1e", "1e+", "e5",
            "+", "--1", "1.2.3", "1 2", "N A", "na", "3,5", "1e400", "−1", "١٢",
        ]
        for cell in cells {
            #expect(CSVReader.parseNumber(cell, decimalComma: false) == .invalid, "\(cell)")
        }
    }

    @Test func decimalComma() {
        #expect(CSVReader.parseNumber("3,5", decimalComma: true) == .number(3.5))
        #expect(CSVReader.parseNumber(" -0,125 ", decimalComma: true) == .number(-0.125))
        #expect(CSVReader.parseNumber("1,5e2", decimalComma: true) == .number(150))
        #expect(CSVReader.parseNumber("12", decimalComma: true) == .number(12))
        #expect(CSVReader.parseNumber("3.5", decimalComma: true) == .invalid)
        #expect(CSVReader.parseNumber("1.000,5", decimalComma: true) == .invalid)
    }

    @Test func substringsParseLikeStrings() {
        let line = "x;12,5;y"
        let cell = line.split(separator: ";")[1]
        #expect(CSVReader.parseNumber(cell, decimalComma: true) == .number(12.5))
    }
}
