import Foundation
import Testing

/// One bad input for the catalogue: the files that differ from ``ValidProject``, the command
/// line, and what the user must see.
///
/// `"OUT"` in `arguments` stands for the output directory: each case runs once into a fresh
/// name and once into an existing directory with earlier results (which must stay as they were).
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Contents: Sendable {
        case text(String)
        case bytes([UInt8])
        case directory
        /// The file of ``ValidProject`` with this name is not written.
        case absent
    }

    var name: String
    /// Files written over (or instead of) ``ValidProject/files``.
    var files: [String: Contents] = [:]
    var arguments: [String] = BadInput.run
    /// The sysexits code: 64 usage, 65 data error, 66 missing input, 73 cannot create output.
    var exitCode: Int32
    /// `file:line:column` (or `file:line`, or just `file`) printed before the message; `nil`
    /// when the problem has no place in a file (usage errors, stage failures).
    var location: String?
    /// Text that must appear on standard error.
    var fragments: [String]

    var testDescription: String { name }

    /// `buurtscore run model.yml --out OUT`.
    static let run = ["run", "model.yml", "--out", "OUT"]
}

/// The small valid project every bad input starts from: an inline-tree model (`model.yml`),
/// the same tree as COINr metadata (`meta-model.yml` + `meta.csv`), and 6 buurten × 2 years of
/// data with a group column (wijk) and a population column.
enum ValidProject {
    /// Line numbers matter: cases name them in their expected locations.
    static let model = """
        title: Small test index
        data: data.csv
        unit: buurt
        name: naam
        period: jaar
        groups:
          - {code: index, name: Index}
          - {code: safety, name: Safety, parent: index, weight: 1}
          - {code: living, name: Living, parent: index, weight: 1}
        indicators:
          - {code: crime, name: Crime per 1000, parent: safety, direction: -1, denominator: population, scale: 1000}
          - {code: unsafe, name: Feels unsafe (%), parent: safety, direction: -1}
          - {code: green, name: Green space (%), parent: living, direction: 1}
          - {code: contact, name: Contact with neighbours (%), parent: living, direction: 1}
        columns:
          - {code: population, type: denominator}
          - {code: wijk, type: group}
        denominate: {scale: 1}
        impute: {method: mean, by: wijk}
        normalise: {method: minmax, range: [0, 100]}
        aggregate: {method: arithmetic}

        """

    static let metadataModel = """
        title: Small test index (COINr metadata)
        data: data.csv
        metadata: meta.csv
        unit: buurt
        name: naam
        period: jaar
        impute: {method: mean, by: wijk}
        aggregate: {method: arithmetic}
        denominate: {scale: 1}

        """

    static let metadata = """
        iCode,iName,Parent,Type,Direction,Weight,Denominator
        index,Index,,Aggregate,,1,
        safety,Safety,index,Aggregate,,1,
        living,Living,index,Aggregate,,1,
        crime,Crime per 1000,safety,Indicator,-1,1,population
        unsafe,Feels unsafe,safety,Indicator,-1,1,
        green,Green space,living,Indicator,1,1,
        contact,Contact,living,Indicator,1,1,
        population,Population,,Denominator,,,
        wijk,Wijk,,Group,,,

        """

    /// Header and rows of `data.csv`; line n of the file is `table[n - 1]`. One gap (B6 2020
    /// crime) is filled by the wijk mean.
    static let table: [[String]] = [
        ["buurt", "naam", "wijk", "jaar", "population", "crime", "unsafe", "green", "contact"],
        ["B1", "Noord", "W1", "2019", "1200", "30", "12.5", "40", "55"],
        ["B2", "Oost", "W1", "2019", "800", "22", "10.1", "35", "60"],
        ["B3", "Zuid", "W1", "2019", "1500", "51", "20.4", "22", "41"],
        ["B4", "West", "W2", "2019", "950", "18", "8.2", "51", "63"],
        ["B5", "Centrum", "W2", "2019", "2100", "80", "25.0", "15", "38"],
        ["B6", "Haven", "W2", "2019", "600", "12", "6.7", "44", "70"],
        ["B1", "Noord", "W1", "2020", "1210", "28", "11.9", "41", "56"],
        ["B2", "Oost", "W1", "2020", "805", "25", "10.8", "35", "58"],
        ["B3", "Zuid", "W1", "2020", "1490", "47", "19.7", "23", "43"],
        ["B4", "West", "W2", "2020", "960", "17", "8.0", "52", "64"],
        ["B5", "Centrum", "W2", "2020", "2080", "76", "24.1", "16", "40"],
        ["B6", "Haven", "W2", "2020", "610", "", "6.9", "45", "71"],
    ]

    static var files: [String: BadInput.Contents] {
        ["model.yml": .text(model), "data.csv": .text(data()), "meta-model.yml": .text(metadataModel), "meta.csv": .text(metadata)]
    }

    /// Marks a replacement whose original text is not in the file (a broken case, caught by
    /// ``BadInputFixtureTests/everyCaseChangesTheFilesItNames(_:)``).
    static let notFound = "<<replacement target not found>>"

    /// `text` with `old` (which must occur exactly once) replaced by `new`.
    static func replacing(_ old: String, with new: String, in text: String) -> String {
        text.components(separatedBy: old).count == 2 ? text.replacingOccurrences(of: old, with: new) : notFound
    }

    static func model(_ old: String, _ new: String) -> BadInput.Contents { .text(replacing(old, with: new, in: model)) }

    static func metadataModel(_ old: String, _ new: String) -> BadInput.Contents { .text(replacing(old, with: new, in: metadataModel)) }

    static func metadata(_ old: String, _ new: String) -> BadInput.Contents { .text(replacing(old, with: new, in: metadata)) }

    /// Index of a data column by name.
    static func column(_ name: String) -> Int { table[0].firstIndex(of: name)! }

    /// `data.csv` after `edit`, joined with `separator` (with `;`, numbers get decimal commas
    /// before the edit).
    static func data(separator: String = ",", _ edit: (inout [[String]]) -> Void = { _ in }) -> String {
        var t = table
        if separator == ";" { t = t.map { $0.map { $0.replacingOccurrences(of: ".", with: ",") } } }
        edit(&t)
        return t.map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n"
    }

    /// `data.csv` with one cell replaced (line as in the file, 1 = header).
    static func data(line: Int, _ columnName: String, _ value: String) -> BadInput.Contents {
        .text(data { $0[line - 1][column(columnName)] = value })
    }

    /// `data.csv` with every value of a column replaced.
    static func data(column columnName: String, allSetTo value: String) -> BadInput.Contents {
        .text(data { t in for r in 1..<t.count { t[r][column(columnName)] = value } })
    }

    /// Text encoded as ISO 8859-1 (so `é` becomes the single byte 0xE9, invalid in UTF-8).
    static func latin1(_ text: String) -> BadInput.Contents { .bytes(Array(text.data(using: .isoLatin1)!)) }
}

/// Runs a ``BadInput`` through the real `buurtscore` binary and checks everything a user sees.
enum BadInputRunner {
    static func expectFailure(_ input: BadInput, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cli = try CLIHarness()
        try write(ValidProject.files.merging(input.files) { _, new in new }, into: cli)

        // 1. A fresh output name: nothing may appear, not even a hidden `.out.partial-*`, and
        //    no file changes.
        let filesBefore = try snapshot(cli.directory)
        let fresh = try cli.run(input.arguments.map { $0 == "OUT" ? "out" : $0 })
        expect(fresh, input, sourceLocation)
        #expect(try snapshot(cli.directory) == filesBefore, "files changed, appeared or vanished", sourceLocation: sourceLocation)

        // 2. An existing output directory (a genuine earlier output, which a successful run
        //    would replace) keeps its earlier results, byte for byte.
        if input.arguments.contains("OUT") {
            try EarlierOutput.copy(to: "previous", in: cli)
            let before = try snapshot(cli.directory)
            let again = try cli.run(input.arguments.map { $0 == "OUT" ? "previous" : $0 })
            expect(again, input, sourceLocation)
            #expect(try snapshot(cli.directory) == before, "files changed, appeared or vanished", sourceLocation: sourceLocation)
        }

        // 3. `check` reports a problem with the inputs exactly as `run` does.
        if input.arguments.first == "run", input.exitCode == 65 || input.exitCode == 66,
           let out = input.arguments.firstIndex(of: "--out") {
            var arguments = input.arguments
            arguments.removeSubrange(out...(out + 1))
            arguments[0] = "check"
            let check = try cli.run(arguments)
            #expect(check.status == fresh.status && check.stderr == fresh.stderr, "check: \(check.stderr)", sourceLocation: sourceLocation)
        }
    }

    private static func expect(_ outcome: CLIHarness.Outcome, _ input: BadInput, _ sourceLocation: SourceLocation) {
        #expect(outcome.status == input.exitCode, "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)", sourceLocation: sourceLocation)
        if let location = input.location {
            #expect(outcome.stderr.contains("error: \(location): "), "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        }
        for fragment in input.fragments {
            #expect(outcome.stderr.contains(fragment), "missing \"\(fragment)\" in stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        }
    }

    static func write(_ files: [String: BadInput.Contents], into cli: CLIHarness) throws {
        for (name, contents) in files {
            switch contents {
            case .text(let text): try cli.write(name, text)
            case .bytes(let bytes): try cli.write(name, bytes: bytes)
            case .directory: try FileManager.default.createDirectory(atPath: cli.path(name), withIntermediateDirectories: true)
            case .absent: continue
            }
        }
    }

    /// Every file and directory below `root` with its contents (directories map to empty data).
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: root.path)! {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return result
    }
}

/// The valid project succeeds (so every failure below is caused by the one thing each case
/// breaks), the catalogue is well formed, and `check` lists every problem of a model.
@Suite struct BadInputFixtureTests {
    static let catalogue = BadInputDataTests.catalogue + BadInputModelTests.catalogue
        + BadInputComputationTests.catalogue + BadInputCommandLineTests.catalogue
        + BadInputHardeningTests.catalogue + BadInputDomainTests.catalogue + HostileCatalogue.badInputs

    /// A real earlier output (written with `--stages`) is replaced as a whole; a folder that is
    /// not a buurtscore output is refused and kept.
    @Test(arguments: ["model.yml", "meta-model.yml"])
    func theValidProjectRunsAndReplacesAnExistingOutput(_ model: String) throws {
        let cli = try CLIHarness()
        try BadInputRunner.write(ValidProject.files, into: cli)
        try cli.write("foreign/stale.csv", "left over\n")
        let refused = try cli.run(["run", model, "--out", "foreign", "--quiet"])
        #expect(refused.status == 73 && refused.stderr.contains("is not a buurtscore output"), "stderr: \(refused.stderr)")
        #expect(try cli.read("foreign/stale.csv") == "left over\n")
        try FileManager.default.removeItem(atPath: cli.path("foreign"))
        try EarlierOutput.copy(to: "out", in: cli)
        #expect(cli.exists("out/stages/raw.csv"))
        let outcome = try cli.run(["run", model, "--out", "out", "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(!cli.exists("out/stages"))
        // 6 buurten × 2 years, nothing screened out.
        #expect(try CLIHarness.scoreRows(cli.read("out/scores.csv")) == 12)
        #expect(try cli.entries() == ["model.yml", "data.csv", "meta-model.yml", "meta.csv", "out"])
        let check = try cli.run(["check", model])
        #expect(check.status == 0 && check.stdout.contains("4 indicators, 12 rows, 6 units"), "\(check.stderr)")
    }

    @Test func theCatalogueHasAtLeastThirtyDistinctCases() {
        #expect(Self.catalogue.count >= 30)
        #expect(Set(Self.catalogue.map(\.name)).count == Self.catalogue.count)
        #expect(Set(Self.catalogue.map(\.exitCode)) == [64, 65, 66, 73])
    }

    /// Guards against a case that, through a typo in its replacement, tests the valid project.
    @Test(arguments: catalogue)
    func everyCaseChangesTheFilesItNames(_ input: BadInput) {
        let valid = ValidProject.files
        for (name, contents) in input.files {
            switch (contents, valid[name]) {
            case (.text(let text), .text(let original)?):
                #expect(!text.contains(ValidProject.notFound) && text != original, "\(name) is unchanged")
            case (.text(let text), nil):
                #expect(!text.contains(ValidProject.notFound))
            default: continue
            }
        }
    }

    /// Three independent problems in one model: `check` prints all three, each located, and
    /// exits 65.
    @Test func checkListsEveryProblemOfTheModel() throws {
        let cli = try CLIHarness()
        var model = ValidProject.model
        for (old, new) in [("parent: safety, direction: -1}", "parent: safety, direction: 2}"),  // line 12
                           ("by: wijk", "by: district"),                                           // line 19
                           ("method: minmax", "method: minimax")] {                                // line 20
            model = ValidProject.replacing(old, with: new, in: model)
        }
        try BadInputRunner.write(ValidProject.files.merging(["model.yml": .text(model)]) { _, new in new }, into: cli)
        let outcome = try cli.run(["check", "model.yml"])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "error: model.yml:12:71: direction of indicator 'unsafe' must be 1 (higher is better) or -1 (lower is better), got 2",
            "error: model.yml:19:28: impute by 'district': expected period, all, or a column declared with type: group (declared: 'wijk')",
            "error: model.yml:20:21: unknown normalise method 'minimax'; did you mean 'minmax'?",
        ])
    }
}

extension CLIHarness {
    /// Data rows of a CSV text (lines after the header).
    static func scoreRows(_ text: String) -> Int {
        text.split(separator: "\n").count - 1
    }
}
