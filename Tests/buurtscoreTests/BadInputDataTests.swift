import Testing

/// Broken data files: each breaks one thing in `data.csv` of ``ValidProject``.
@Suite struct BadInputDataTests {
    typealias V = ValidProject

    static let catalogue: [BadInput] = [
        BadInput(name: "ragged row (one field too many)",
                 files: ["data.csv": .text(V.data { $0[1].append("1") })],
                 exitCode: 65, location: "data.csv:2:37", fragments: ["10 fields, expected 9 (header)"]),
        BadInput(name: "ragged row (one field too few)",
                 files: ["data.csv": .text(V.data { $0[4].removeLast() })],
                 exitCode: 65, location: "data.csv:5:30", fragments: ["8 fields, expected 9 (header)"]),
        BadInput(name: "duplicate unit and period",
                 files: ["data.csv": .text(V.data { $0[7][0] = "B2"; $0[7][1] = "Oost" })],
                 exitCode: 65, location: "data.csv:9:1", fragments: ["unit 'B2' appears twice for period 2020: lines 8 and 9"]),
        BadInput(name: "model indicator absent from the data",
                 files: ["data.csv": .text(V.data { $0[0][V.column("contact")] = "neighbour_contact" })],
                 exitCode: 65, location: "data.csv:1", fragments: ["indicator 'contact' of the model has no column in the data"]),
        BadInput(name: "all values of an indicator missing",
                 files: ["data.csv": V.data(column: "green", allSetTo: "")],
                 exitCode: 65, location: "data.csv:1:46", fragments: ["indicator 'green' has no values: all 12 rows are missing"]),
        BadInput(name: "unterminated quote",
                 files: ["data.csv": V.data(line: 4, "naam", "\"Zuid")],
                 exitCode: 65, location: "data.csv:4:4",
                 fragments: ["unterminated quote: the quoted field that starts here has no closing quote"]),
        BadInput(name: "byte order mark in the middle",
                 files: ["data.csv": V.data(line: 5, "naam", "\u{FEFF}West")],
                 exitCode: 65, location: "data.csv:5:4",
                 fragments: ["byte order mark (U+FEFF) inside the file; it is allowed only as the very first character"]),
        BadInput(name: "invalid UTF-8 (Latin-1 é)",
                 files: ["data.csv": V.latin1(V.data { $0[2][1] = "Café" })],
                 exitCode: 65, location: "data.csv:3:7", fragments: ["invalid UTF-8 byte 0xE9 (save the file as UTF-8)"]),
        BadInput(name: "empty file",
                 files: ["data.csv": .text("")],
                 exitCode: 65, location: "data.csv", fragments: ["empty file: expected a header line and data rows"]),
        // A header without rows gives nothing to score: a data error, not an empty result.
        BadInput(name: "header only",
                 files: ["data.csv": .text(V.data { $0.removeSubrange(1...) })],
                 exitCode: 65, location: "data.csv:1", fragments: ["no data rows: the file has only a header"]),
        BadInput(name: "text in a number cell (12abc)",
                 files: ["data.csv": V.data(line: 6, "crime", "12abc")],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'12abc' in column 'crime' is not a number; expected a number such as 3.5, -2 or 1e-5 (decimal point)"]),
        BadInput(name: "thousands separator and decimal comma in a comma file (1.000,5)",
                 files: ["data.csv": V.data(line: 6, "crime", "\"1.000,5\"")],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'1.000,5' in column 'crime' is not a number", "write it without a thousands separator, e.g. 1000.5"]),
        BadInput(name: "mixed decimal separators in a ; file",
                 files: ["data.csv": .text(V.data(separator: ";") { $0[5][V.column("unsafe")] = "25.0" })],
                 exitCode: 65, location: "data.csv:6:28",
                 fragments: ["the file mixes decimal separators: '12,5' (line 2, column 26) has a decimal comma but '25.0' (line 6, column 28) has a decimal point",
                             "use one separator throughout, or set the decimal separator to comma or point instead of detecting it"]),
        BadInput(name: "period that is not a whole number",
                 files: ["data.csv": V.data(line: 6, "jaar", "2019.5")],
                 exitCode: 65, location: "data.csv:6:15",
                 fragments: ["period '2019.5' is not a whole number for unit 'B5' in column 'jaar' (expected a year such as 2024)"]),
        BadInput(name: "empty unit code",
                 files: ["data.csv": V.data(line: 6, "buurt", "")],
                 exitCode: 65, location: "data.csv:6:1", fragments: ["empty unit code in column 'buurt'"]),
        BadInput(name: "data file missing",
                 files: ["data.csv": .absent],
                 exitCode: 66, location: "data.csv",
                 fragments: ["cannot read the data file: file not found (named by 'data:' at model.yml:2:7"]),
        BadInput(name: "data file given with --data missing",
                 arguments: ["run", "model.yml", "--data", "nodata.csv", "--out", "OUT"],
                 exitCode: 66, location: "nodata.csv", fragments: ["cannot read the data file: file not found (given instead of the model's `data:`)"]),
        BadInput(name: "data file is a directory",
                 files: ["data.csv": .directory],
                 exitCode: 66, location: "data.csv", fragments: ["cannot read the data file: this is a directory, not a file"]),
    ]

    @Test(arguments: catalogue)
    func failsWithALocatedMessageAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }
}
