import Foundation
import Testing

/// Hostile and unusual inputs: bytes that are not text, number spellings that are not plain
/// decimals, structure that looks right but is not, weights and years that leave nothing to
/// compute, and output locations nobody can write, whoever runs the tool.
@Suite struct BadInputHardeningTests {
    typealias V = ValidProject

    /// `data.csv` with the 2019 crime figure of B5 (line 6, column 25) replaced by `text`.
    static func crime(_ text: String) -> BadInput.Contents { V.data(line: 6, "crime", text) }

    static func numberCase(_ text: String, _ name: String, hint: String? = nil) -> BadInput {
        BadInput(name: "\(name) (\(text))", files: ["data.csv": crime(text)],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'\(text)' in column 'crime' is not a number; expected a number such as 3.5, -2 or 1e-5"] + (hint.map { [$0] } ?? []))
    }

    static let grouping = "or - for a missing value; write it without a thousands separator, e.g. 1234"

    /// A 10 MB line without any line break: one header name of 10 MB and no rows.
    static let tenMegabyteLine = String(repeating: "x", count: 10 << 20)

    static let catalogue: [BadInput] = [
        numberCase("NaN", "NaN literal", hint: "NA, . or - for a missing value\n"),
        numberCase("nan", "lower-case nan literal"),
        numberCase("inf", "inf literal"),
        numberCase("-Inf", "negative Inf literal"),
        numberCase("Infinity", "Infinity literal"),
        numberCase("1e999", "number too large for a double"),
        numberCase("-1e999", "negative number too large for a double"),
        numberCase("0x1A", "hexadecimal number"),
        numberCase("1_000", "digit group underscore", hint: grouping),
        numberCase("1 234", "space as a thousands separator", hint: grouping),
        numberCase("1'234", "apostrophe as a thousands separator", hint: grouping),
        numberCase("12%", "percent sign", hint: "; write it without the % sign"),
        numberCase("−5", "Unicode minus sign", hint: "; write the minus sign as the ASCII hyphen-minus -"),
        BadInput(name: "thousands separator and decimal comma in a ; file (1.234,5)",
                 files: ["data.csv": .text(V.data(separator: ";") { $0[5][V.column("crime")] = "1.234,5" })],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'1.234,5' in column 'crime' is not a number", "without a thousands separator"]),
        BadInput(name: "thousands separator in a comma file (\"1,234\")",
                 files: ["data.csv": crime("\"1,234\"")],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'1,234' in column 'crime' is not a number", "without a thousands separator"]),
        BadInput(name: "header repeated in the middle of the file",
                 files: ["data.csv": .text(V.data { $0.insert($0[0], at: 7) })],
                 exitCode: 65, location: "data.csv:8:1",
                 fragments: ["line 8 repeats the header line", "remove it"]),
        BadInput(name: "duplicate column names",
                 files: ["data.csv": .text(V.data { $0[0][V.column("contact")] = "green" })],
                 exitCode: 65, location: "data.csv:1:52", fragments: ["duplicate column name 'green' (fields 8 and 9 of the header)"]),
        BadInput(name: "duplicate column names differing only in spaces",
                 files: ["data.csv": .text(V.data { $0[0][V.column("contact")] = " green " })],
                 exitCode: 65, location: "data.csv:1:52", fragments: ["duplicate column name 'green' (fields 8 and 9 of the header)"]),
        BadInput(name: "empty column name in the header",
                 files: ["data.csv": .text(V.data { $0[0][V.column("wijk")] = "" })],
                 exitCode: 65, location: "data.csv:1:12", fragments: ["empty column name (field 3 of the header); every column needs a name"]),
        BadInput(name: "indicator named like the period column",
                 files: ["model.yml": V.model("{code: green, name: Green space (%)", "{code: jaar, name: Green space (%)")],
                 exitCode: 65, location: "data.csv:1:17",
                 fragments: ["indicator 'jaar' of the model has the name of the period column; rename the indicator in the model or the column in the data"]),
        BadInput(name: "indicator named like the unit column",
                 files: ["model.yml": V.model("{code: green, name: Green space (%)", "{code: buurt, name: Green space (%)")],
                 exitCode: 65, location: "data.csv:1:1", fragments: ["indicator 'buurt' of the model has the name of the unit column"]),
        BadInput(name: "indicator that is also the denominator column",
                 files: ["model.yml": V.model("{code: green, name: Green space (%)", "{code: population, name: Green space (%)")],
                 exitCode: 65, location: "model.yml:11:85",
                 fragments: ["denominator 'population' of indicator 'crime' is a", "model.yml:16:12: code 'population' is already defined at line 13"]),
        BadInput(name: "group with the code of an indicator",
                 files: ["model.yml": V.model("{code: living, name: Living, parent: index, weight: 1}", "{code: living, name: Living, parent: index, weight: 1}\n  - {code: green, name: Green group, parent: index}")],
                 exitCode: 65, location: "model.yml:14:12", fragments: ["code 'green' is already defined at line 10"]),
        BadInput(name: "weights of every dimension zero",
                 files: ["model.yml": .text(V.replacing("index, weight: 1}\n  - {code: living, name: Living, parent: index, weight: 1}",
                                                        with: "index, weight: 0}\n  - {code: living, name: Living, parent: index, weight: 0}", in: V.model))],
                 exitCode: 65, location: "model.yml:8:57",
                 fragments: ["the weights of the children of 'index' are all zero ('safety', 'living'); give at least one of them a positive weight"]),
        BadInput(name: "weights of every dimension zero through weights:",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {safety: 0, living: 0}")],
                 exitCode: 65, location: "model.yml:22:19", fragments: ["the weights of the children of 'index' are all zero"]),
        BadInput(name: "negative weight",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {crime: -1}")],
                 exitCode: 65, location: "model.yml:22:18", fragments: ["weight of 'crime' must be ≥ 0, got -1"]),
        BadInput(name: "reference year absent from the data",
                 files: ["model.yml": V.model("range: [0, 100]}", "range: [0, 100], scope: reference, reference: 2015}")],
                 exitCode: 65, location: "model.yml:20:1", fragments: ["reference period 2015 has no rows in the data (periods: 2019, 2020)", "(normalise stage)"]),
        BadInput(name: "aggregate without children in the metadata",
                 files: ["meta.csv": V.metadata("living,Living,index,Aggregate,,1,", "living,Living,index,Aggregate,,1,\nempty,Empty,index,Aggregate,,1,")],
                 arguments: BadInputModelTests.runMetadata,
                 exitCode: 65, location: "meta.csv", fragments: ["aggregate 'empty' has no children"]),
        BadInput(name: "UTF-16 data file",
                 files: ["data.csv": .bytes([0xFF, 0xFE] + Array(V.data().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))],
                 exitCode: 65, location: "data.csv:1:1", fragments: ["invalid UTF-8 byte 0xFF; the file looks like UTF-16, save it as UTF-8"]),
        BadInput(name: "NUL byte in a data cell",
                 files: ["data.csv": .bytes(Array(V.data().utf8).map { $0 == UInt8(ascii: "Z") ? 0 : $0 })],
                 exitCode: 65, location: "data.csv:4:4", fragments: ["NUL byte (0x00): this is not a text file, or it is UTF-16 or UTF-32 without a byte order mark"]),
        BadInput(name: "old Mac line ends (CR only)",
                 files: ["data.csv": .text(V.data().replacingOccurrences(of: "\n", with: "\r"))],
                 exitCode: 65, location: "data.csv:1:59", fragments: ["line ends with a lone carriage return (CR); use LF or CRLF line ends"]),
        BadInput(name: "file holding only a byte order mark",
                 files: ["data.csv": .bytes([0xEF, 0xBB, 0xBF])],
                 exitCode: 65, location: "data.csv", fragments: ["empty file: expected a header line and data rows"]),
        BadInput(name: "a single 10 MB line",
                 files: ["data.csv": .text(tenMegabyteLine)],
                 exitCode: 65, location: "data.csv:1",
                 fragments: ["unit column 'buurt' not found; the header has 'xxxxxxxxxx", "x…(10485760 characters)'"]),
        BadInput(name: "period too large for an integer",
                 files: ["data.csv": V.data(line: 6, "jaar", "99999999999999999999")],
                 exitCode: 65, location: "data.csv:6:15", fragments: ["period '99999999999999999999' is not a whole number"]),
        BadInput(name: "model top level is a list",
                 files: ["model.yml": .text("- data: data.csv\n- unit: buurt\n")],
                 exitCode: 65, location: "model.yml:1:1", fragments: ["the model file"]),
        BadInput(name: "empty model file",
                 files: ["model.yml": .text("")],
                 exitCode: 65, location: "model.yml:1:1", fragments: ["the model file is empty; it needs at least a 'data' key"]),
        BadInput(name: "duplicate key in the model",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nnormalise: {method: rank}")],
                 exitCode: 65, location: "model.yml:20:1", fragments: ["key 'normalise' appears more than once in the same mapping"]),
        BadInput(name: "YAML alias bomb",
                 files: ["model.yml": .text(V.model + """
                     a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]
                     b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                     c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                     d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                     e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                     f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                     g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                     h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]

                     """)],
                 exitCode: 65, location: "model.yml:23:1", fragments: ["unknown key 'a'"]),
        BadInput(name: "replications zero",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nuncertainty: {weights: {noise: 0.2, levels: [1]}, replications: 0}")],
                 exitCode: 65, location: "model.yml:22:65", fragments: ["replications of uncertainty must be between 2 and 1000000, got 0"]),
        BadInput(name: "weight noise of 1 or more",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nuncertainty: {weights: {noise: 1.5, levels: [1]}}")],
                 exitCode: 65, location: "model.yml:22:32", fragments: ["noise of uncertainty weights must be ≥ 0 and < 1", "got 1.5"]),
        BadInput(name: "--threads 0",
                 arguments: ["run", "model.yml", "--out", "OUT", "--threads", "0"],
                 exitCode: 64, location: nil, fragments: ["--threads"]),
        BadInput(name: "output parent that nobody can write (/proc)",
                 arguments: ["run", "model.yml", "--out", "/proc/buurtscore-out"],
                 exitCode: 73, location: nil, fragments: ["/proc/buurtscore-out"]),
        BadInput(name: "output directory is the data file's folder's file",
                 arguments: ["run", "model.yml", "--out", "data.csv"],
                 exitCode: 73, location: nil, fragments: ["data.csv: output path exists and is not a directory"]),
    ]

    @Test(arguments: catalogue)
    func failsWithALocatedMessageAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }

    /// A problem in a huge line is reported briefly: the message quotes at most a short
    /// excerpt of what it found, never the whole line.
    @Test func aHugeLineGivesAShortMessage() throws {
        let cli = try CLIHarness()
        try BadInputRunner.write(ValidProject.files.merging(["data.csv": .text(Self.tenMegabyteLine)]) { _, new in new }, into: cli)
        let outcome = try cli.run(["check", "model.yml"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.utf8.count < 4000, "stderr has \(outcome.stderr.utf8.count) bytes")
    }
}
