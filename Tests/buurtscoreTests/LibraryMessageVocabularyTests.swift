import BuurtIndex
import BuurtWorkflow
import Foundation
import Testing

/// The library modules' messages name settings and actions in library terms: no command-line
/// option (`--data`) and no subcommand (`buurtscore update`), since a library user calls
/// functions. The tool adds its commands itself (for an error's ``BuurtError/remedy``).
@Suite struct LibraryMessageVocabularyTests {
    /// Literal text of the library that names the tool's options or commands on purpose.
    struct Allowance {
        var file: String
        /// Matched names allowed in the file; one ending in `-` allows every name it begins.
        var names: [String]
        var reason: String

        func allows(_ file: String, _ name: String) -> Bool {
            file == self.file && names.contains { $0 == name || ($0.hasSuffix("-") && name.hasPrefix($0)) }
        }
    }

    static let allowances = [
        Allowance(file: "Sources/BuurtReport/Explorer/WeightExplorerStyle.swift", names: ["--bs-x-"],
                  reason: "CSS custom properties of the weight explorer's style sheet, not options"),
        Allowance(file: "Sources/BuurtWorkflow/Manifest/ManifestToolCommit.swift", names: ["--porcelain"],
                  reason: "an argument the manifest passes to git to see whether the build is dirty"),
        Allowance(file: "Sources/BuurtSynthetic/SyntheticText.swift",
                  names: ["buurtscore synth", "--units", "--years", "--seed", "--indicators", "--out"],
                  reason: "a synthetic data set's model.yml and README record the command that reproduces it "
                      + "(the tool reads it back to recognise its earlier output): file content, not a message"),
        Allowance(file: "Sources/BuurtSynthetic/SyntheticDesign.swift", names: ["--method-break", "--recode"],
                  reason: "the design options of that recorded command"),
        Allowance(file: "Sources/BuurtReport/Explorer/WeightExplorerText.swift", names: ["buurtscore whatif", "--weight"],
                  reason: "the report page tells its reader, who has no function to call, which command tries other "
                      + "weights when the page cannot recompute the index"),
    ]

    @Test func libraryLiteralsNameNoCommandLineOptionOrSubcommand() throws {
        let files = try CLIHarness.librarySources()
        #expect(files.count > 100, "found only \(files.count) library sources")
        #expect(Set(files.map { $0.split(separator: "/")[1] }).count == 6)
        var found: [String] = [], used = Set<Int>()
        for file in files {
            let text = try String(contentsOf: CLIHarness.projectRoot.appendingPathComponent(file), encoding: .utf8)
            for (line, name) in try SwiftStringLiterals.commandLineNames(in: text) {
                if let k = Self.allowances.firstIndex(where: { $0.allows(file, name) }) {
                    used.insert(k)
                } else {
                    found.append("\(file):\(line): \(name)")
                }
            }
        }
        #expect(found.isEmpty, "library messages that name the command line:\n\(found.joined(separator: "\n"))")
        let stale = Self.allowances.indices.filter { !used.contains($0) }.map { Self.allowances[$0].file }
        #expect(stale.isEmpty, "allowances that match nothing: \(stale)")
    }

    /// The scanner finds names in every kind of literal and interpolation, and none in comments.
    @Test func scannerReadsLiteralsAndSkipsComments() throws {
        let source = ##"""
            let a = "plain --data here" // comment --init
            /// doc --model and "buurtscore run"
            /* block "--out" /* nested */ still --xlsx */
            let b = "x \(f("--threads", g(1))) y --decimal"
            let c = """
                line one
                "quoted" --weight \
                buurtscore verify
                """
            let d = #"raw \(no) "--seed" \#(h("buurtscore check"))"#
            let e = "escaped \"--lang\" and -- alone, -x"
            """##
        let names = try SwiftStringLiterals.commandLineNames(in: source)
        #expect(names.map(\.line) == [1, 4, 4, 7, 8, 10, 10, 11])
        #expect(names.map(\.name) == ["--data", "--threads", "--decimal", "--weight", "buurtscore verify", "--seed",
                                      "buurtscore check", "--lang"])
    }

    /// The library's error for a directory without a state describes it and carries the
    /// remedy as a value; the tool's command for it is no part of the message.
    @Test func missingStateErrorCarriesItsRemedyAsAValue() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-state-\(UUID().uuidString)").path
        let error = try #require(throws: BuurtErrors.self) {
            try StateUpdate.update(state: directory, dataPath: directory + "/new.csv", acceptRevisions: false)
        }
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.kind == .missingInput)
        #expect(problem.message == "\(directory) is not an update state (it has no file `latest`)")
        #expect(problem.remedy == .createUpdateState(directory: directory))
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
