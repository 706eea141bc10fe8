import BuurtNumerics
import Testing
import BuurtIndex

/// CSV outputs never hold a text cell a spreadsheet would run as a formula (OWASP CSV injection),
/// while number cells stay numbers.
@Suite struct SpreadsheetTextTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("-Kerkdonk", "'-Kerkdonk"),
        ("-1.5x", "'-1.5x"),
        ("-e5", "'-e5"),
        ("-.", "'-."),
        ("-1e", "'-1e"),
    ])
    func textStartingWithAFormulaTriggerGetsAQuote(text: String, expected: String) {
        #expect(SpreadsheetText.neutralised(text) == expected)
        // Idempotent: the quoted text starts with `'` and stays as it is.
        #expect(SpreadsheetText.neutralised(expected) == expected)
    }

    @Test(arguments: ["-1.5", "+3", "-2e-05", "-1.5E+300", "-.5", "-7.", "-Inf", "Inf", "0101", "Kerkdonk", "", "'=x",
                      " =1+1", "a=b", "100-200"])
    func numbersAndHarmlessTextStayAsTheyAre(text: String) {
        #expect(SpreadsheetText.neutralised(text) == text)
    }

    @Test func numberLiteralGrammar() {
        for yes in ["0", "-0", "12", "1.", ".5", "+.5", "1e5", "1E-5", "-1.25e+10", "Inf", "-Inf"] {
            #expect(SpreadsheetText.isNumberLiteral(yes), "\(yes)")
        }
        for no in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", "inf", "-inf", "NaN", "0x10", "1,5", " 1"] {
            #expect(!SpreadsheetText.isNumberLiteral(no), "\(no)")
        }
    }

    @Test func csvWriterEscapesTextCellsAndHeaderButNotNumbers() throws {
        var csv = CSVWriter(header: ["unit", "=bad_code", "score"])
        csv.appendRow(["=HYPERLINK(\"http://x\")", "@x", formatNumber(-1.5)])
        csv.appendRow(["\r=1+1", "-", formatNumber(-.infinity)])
        csv.appendRow(["plain, with comma", "-2+3", ""])
        // Row 1: the quote goes in front, then RFC 4180 quoting doubles the inner quotes.
        // Row 2: the CR forces quoting; `-` alone is text; -Inf is formatNumber's number text.
        #expect(csv.text == """
            unit,'=bad_code,score
            "'=HYPERLINK(""http://x"")",'@x,-1.5
            "'\r=1+1",'-,-Inf
            "plain, with comma",'-2+3,

            """)
        // Read back, the cells are the quoted texts and the numbers unchanged.
        let table = try CSVReader.parse(Array(csv.text.utf8), file: "t.csv", options: CSVOptions(delimiter: ",", decimalComma: false))
        #expect(table.header == ["unit", "'=bad_code", "score"])
        #expect(table.rows[0] == ["'=HYPERLINK(\"http://x\")", "'@x", "-1.5"])
        #expect(table.rows[1][0] == "'\r=1+1")
    }
}
