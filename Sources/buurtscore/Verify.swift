import ArgumentParser
import BuurtIndex
import BuurtReport
import BuurtWorkflow
import Foundation

extension Buurtscore {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run a recorded run and check that every output is reproduced byte for byte.",
            discussion: """
                Reads DIR/manifest.json, checks that the model, data and metadata files still have \
                their recorded SHA-256, repeats the run with the recorded options (in memory; DIR \
                is not changed) and compares every output with the manifest and with DIR. \
                Each differing file is listed with its first differing line.

                The manifest is checked before any file it names is read: its inputs must be \
                the files the model names (or the recorded --data), its outputs files inside DIR, \
                and its options values `run` accepts; after the re-run, seed, replications, \
                model hash, inputs and options must equal what the re-run records. Otherwise it \
                is a bad manifest, named by its field.

                A run of an update state also has diff.md and diff.csv: they are made again \
                from the previous run its manifest records (its manifest, result tables and \
                figures by their recorded SHA-256) and compared like every output.

                Exit codes: 0 every input and output matches; 65 an input changed, an output \
                differs or the manifest is bad; 66 DIR has no manifest.json or a recorded input is missing.
                """)

        @Argument(help: "The output directory of `buurtscore run`.")
        var directory: String

        @Option(help: "The model file, when DIR was moved away from it (default: the location recorded in the manifest).")
        var model: String?

        func run() throws {
            let verification = try reportingFailures { try Verification.verify(directory: directory, model: model) }
            let manifest = verification.manifest
            printNotes(manifest)
            if !verification.inputs.isEmpty { try reportInputs(verification.inputs) }
            if !verification.uncheckedAnnotations.isEmpty {
                print(TerminalText.escaped("note: \(verification.uncheckedAnnotations.joined(separator: " and ")) not checked: "
                    + "the manifest does not record the run they compare with (written before runs recorded it)"))
            }
            let found = verification.outputs
            guard found.isEmpty else {
                for discrepancy in found { print(Self.describe(discrepancy)) }
                printError("\(found.count) of \(manifest.outputs.count) recorded outputs in \(directory) do not verify")
                throw ExitCode(BuurtError.Kind.data.exitCode)
            }
            // The inputs as paths from the current directory (the manifest records them
            // relative to the model's folder, which for a state's later versions is versions/<run>/).
            let modelFile = ManifestPath.join(directory, manifest.modelLocation)
            let inputs = manifest.inputs.map { ManifestPath.relative(to: ManifestPath.resolve($0.path, modelFile: modelFile), from: ".") }
            print(TerminalText.escaped("verified: all \(manifest.outputs.count) outputs in \(directory) reproduced byte for byte from "
                + inputs.joined(separator: ", ")))
        }

        /// Missing or changed inputs: printed (hashes only, never content), then exit 66
        /// (missing) or 65 (changed).
        func reportInputs(_ changed: [InputDiscrepancy]) throws {
            for input in changed {
                if let actual = input.actualSHA256 {
                    print(TerminalText.escaped("input changed: \(input.recordedPath) (\(input.role), \(input.path)): SHA-256 \(actual), recorded \(input.recordedSHA256)"))
                } else {
                    print(TerminalText.escaped("input missing: \(input.recordedPath) (\(input.role)): cannot read \(input.path)"))
                }
            }
            let missing = changed.contains { $0.actualSHA256 == nil }
            printError(missing ? "a recorded input is missing; nothing was re-run"
                : "the inputs are not the ones \(directory) was computed from; nothing was re-run")
            throw ExitCode((missing ? BuurtError.Kind.missingInput : .data).exitCode)
        }

        /// Differences in the program or BLAS library: reported, not failures by themselves.
        func printNotes(_ manifest: Manifest) {
            let tool = Manifest.Tool.current, blas = Manifest.BLAS.current
            if tool != manifest.tool {
                print(TerminalText.escaped("note: recorded by \(manifest.tool.name) \(manifest.tool.version) (commit \(manifest.tool.commit)), "
                    + "verifying with \(tool.version) (commit \(tool.commit))"))
            }
            if blas != manifest.blas {
                print(TerminalText.escaped("note: recorded with BLAS \(manifest.blas.configuration) (\(manifest.blas.core)), "
                    + "verifying with \(blas.configuration) (\(blas.core))"))
            }
        }

        static func describe(_ d: OutputDiscrepancy) -> String {
            let what = switch d.problem {
            case .changedAfterRun: "changed after the run (the re-run reproduces the recorded file)"
            case .notReproduced: "not reproduced (the re-run gives different bytes than recorded)"
            case .neitherMatches: "neither the file nor the re-run has the recorded SHA-256"
            case .missing: "missing from the directory"
            case .notProducedByRerun: "recorded, but the re-run does not write it"
            case .notInManifest: "not listed in the manifest"
            case .previousRunChanged(let problem, let changed):
                (changed ? "changed after the run, and " : "") + "cannot be made again: \(problem)"
            }
            var text = "\(TerminalText.escaped(d.path)): \(what)"
            switch d.difference {
            case .line(let number, let expected, let actual):
                text += "\n  first difference at line \(number)\n    expected: \(shown(expected))\n    actual:   \(shown(actual))"
            case .byte(let offset):
                text += "\n  first difference at byte \(offset)"
            case nil:
                break
            }
            return text
        }

        /// A line as printed: `(no such line)` past the end, long lines cut at 300 characters,
        /// control characters escaped.
        static func shown(_ line: String?) -> String {
            guard let line else { return "(no such line)" }
            return TerminalText.escaped(line.count > 300 ? String(line.prefix(300)) + "…" : line)
        }
    }
}
