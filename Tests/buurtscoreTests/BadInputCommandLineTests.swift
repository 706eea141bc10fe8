import Testing

/// Wrong use of the command line (64) and output locations that cannot be created (73).
@Suite struct BadInputCommandLineTests {
    static let catalogue: [BadInput] = [
        BadInput(name: "--top -1",
                 arguments: ["run", "model.yml", "--out", "OUT", "--top", "-1"],
                 exitCode: 64, location: nil, fragments: ["--top must be 0 or more, got -1"]),
        BadInput(name: "unknown subcommand",
                 arguments: ["score", "model.yml"],
                 exitCode: 64, location: nil, fragments: ["2 unexpected arguments: 'score', 'model.yml'", "See 'buurtscore --help'"]),
        BadInput(name: "unknown option",
                 arguments: ["run", "model.yml", "--out", "OUT", "--output-format", "xlsx"],
                 exitCode: 64, location: nil, fragments: ["Unknown option '--output-format'"]),
        BadInput(name: "model argument missing",
                 arguments: ["run", "--out", "OUT"],
                 exitCode: 64, location: nil, fragments: ["Missing expected argument '<model>'"]),
        BadInput(name: "unknown decimal separator",
                 arguments: ["run", "model.yml", "--decimal", "dot", "--out", "OUT"],
                 exitCode: 64, location: nil, fragments: ["The value 'dot' is invalid for '--decimal <decimal>'"]),
        BadInput(name: "synth with years in reverse",
                 arguments: ["synth", "--years", "2020-2017", "--out", "OUT"],
                 exitCode: 64, location: nil, fragments: ["--years must be FIRST-LAST with FIRST ≤ LAST, e.g. 2017-2020"]),
        BadInput(name: "output path is an existing regular file",
                 files: ["results": .text("not a directory\n")],
                 arguments: ["run", "model.yml", "--out", "results"],
                 exitCode: 73, location: nil, fragments: ["/results: output path exists and is not a directory"]),
        // Tests run as root, so an unwritable parent cannot be made with permissions; a path
        // below a regular file cannot be created by anyone.
        BadInput(name: "output below a regular file",
                 files: ["report": .text("not a directory\n")],
                 arguments: ["run", "model.yml", "--out", "report/2024"],
                 exitCode: 73, location: nil,
                 fragments: ["/report: this is a file, not a directory, so the output directory", "/report/2024 cannot be created inside it"]),
    ]

    @Test(arguments: catalogue)
    func failsWithTheRightExitCodeAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }
}
