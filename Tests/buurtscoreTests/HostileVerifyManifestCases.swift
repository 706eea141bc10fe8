import Foundation
import Testing

/// `verify` against a manifest.json that a run did not write: forged values, paths that lead to
/// other files, option values `run` does not accept. Each case runs the valid project, edits
/// the manifest, runs `verify out`, and checks the exit code, the "bad manifest" message
/// naming the field, that no content of a file outside the record is printed, and that
/// nothing in the scratch folder changed.
enum VerifyManifestCases {
    /// Single-command cases (run by BadInputRunner like the rest of the catalogue).
    static let badInputs: [BadInput] = []

    /// Scenarios of several steps.
    static let catalogue: [HostileCase] = forgedValues + foreignFiles + optionValues

    /// Recorded values the re-run must reproduce or that can be checked on their own.
    static let forgedValues: [HostileCase] = [
        forged("verify refuses a forged seed", [("\"seed\": 7\n", "\"seed\": 8\n")],
               expect: "bad manifest: uncertainty.seed is 8 but the re-run gives 7"),
        forged("verify refuses a forged replication count", [("\"replications\": 20,", "\"replications\": 21,")],
               expect: "bad manifest: uncertainty.replications is 21 but the re-run gives 20"),
        forged("verify refuses a forged canonical model hash", [], forgeCanonicalHash: true,
               expect: "bad manifest: model.canonical_sha256 is \(String(repeating: "e", count: 64)) but the re-run gives "),
        forged("verify refuses an unknown input role", [(#""role": "data""#, #""role": "extra""#)],
               expect: "bad manifest: inputs[1].role is 'extra', expected one of model, data, metadata, crosswalk"),
        forged("verify refuses two inputs with the role model", [(#""role": "data""#, #""role": "model""#)],
               expect: "bad manifest: inputs[1].role repeats role 'model' of inputs[0]"),
        forged("verify refuses an output listed twice", [(#""path": "ranks.csv""#, #""path": "report.html""#)],
               expect: "bad manifest: outputs lists 'report.html' twice"),
        forged("verify refuses a metadata file recorded as a crosswalk", model: "meta-model.yml",
               [(#""role": "metadata""#, #""role": "crosswalk""#)],
               expect: "bad manifest: inputs[2] records a crosswalk file 'meta.csv' but meta-model.yml names none"),
    ]

    /// Paths that point away from the files the model names or out of the output directory:
    /// the file there is never read and nothing of it is printed.
    static let foreignFiles: [HostileCase] = [
        forged("verify never reads a data input the model does not name", [(#""path": "data.csv""#, #""path": "private/secret.csv""#)],
               expect: "bad manifest: inputs[1].path is 'private/secret.csv' but model.yml names 'data.csv' as its data file"),
        forged("verify never re-runs on a run.data other than the data input", [(#""data": null"#, #""data": "private/secret.csv""#)],
               expect: "bad manifest: run.data is 'private/secret.csv' but the data input is 'data.csv'"),
        forged("verify never opens a model location that is a device",
               [(#""location": "../model.yml""#, #""location": "../../../../../../../../../../../../dev/null""#)],
               expect: "bad manifest: model.location leads to 'out/../../../../../../../../../../../../dev/null', which is not a model file"),
        forged("verify refuses an output path outside the output directory", [(#""path": "ranks.csv""#, #""path": "../private/secret.csv""#)],
               expect: "bad manifest: outputs lists '../private/secret.csv', which is not a file inside the output directory"),
        forged("verify never prints a file an output links to outside the output directory",
               setUp: { cli in
                   try FileManager.default.removeItem(atPath: cli.path("out/ranks.csv"))
                   try FileManager.default.createSymbolicLink(atPath: cli.path("out/ranks.csv"), withDestinationPath: cli.path("private/ranks.csv"))
               },
               [], expect: "bad manifest: outputs lists 'ranks.csv', a link that leads out of out"),
    ]

    /// Option values `run` does not accept: a bad manifest, not a usage error about flags.
    static let optionValues: [HostileCase] = [
        forged("verify names run.worker_threads beyond what run takes", [(#""worker_threads": 1"#, #""worker_threads": 1000000000000"#)],
               expect: "bad manifest: run.worker_threads is 1000000000000, expected 1 to 1024"),
        forged("verify refuses an absolute model location", [(#""location": "../model.yml""#, #""location": "/nonexistent/model.yml""#)],
               expect: "bad manifest: model.location is the absolute path '/nonexistent/model.yml'"),
        forged("verify does not follow a manifest.json that is a symbolic link",
               setUp: { cli in
                   try FileManager.default.moveItem(atPath: cli.path("out/manifest.json"), toPath: cli.path("private/manifest.json"))
                   try FileManager.default.createSymbolicLink(atPath: cli.path("out/manifest.json"), withDestinationPath: cli.path("private/manifest.json"))
               },
               [], expect: "bad manifest: manifest.json is not a regular file"),
        forged("verify names run.decimal of a manifest", [(#""decimal": "detect""#, #""decimal": "dot""#)],
               expect: "bad manifest: run.decimal is 'dot', expected one of point, comma, detect"),
        forged("verify names run.language of a manifest", [(#""language": null"#, #""language": "fr""#)],
               expect: "bad manifest: run.language is 'fr', expected null or one of nl, en"),
        forged("verify names run.worker_threads 0 of a manifest", [(#""worker_threads": 1"#, #""worker_threads": 0"#)],
               expect: "bad manifest: run.worker_threads is 0, expected 1 to 1024"),
        forged("verify names run.stages of the wrong type", [(#""stages": false"#, #""stages": "no""#)],
               expect: "bad manifest: 'run.stages' has a value of the wrong type"),
    ]

    /// The valid project with an `uncertainty:` key (seed 7, 20 replications) so that seed and
    /// replications are recorded.
    static var files: [String: BadInput.Contents] {
        ValidProject.files.merging([
            "model.yml": ValidProject.model("aggregate: {method: arithmetic}",
                                            "aggregate: {method: arithmetic}\nuncertainty: {weights: {noise: 0.2, levels: [1]}, seed: 7, replications: 20}"),
            "private/secret.csv": .text(secret + "\n"),
            "private/ranks.csv": .text(secret + "\n"),
        ]) { _, new in new }
    }

    /// Text that must never reach the terminal.
    static let secret = "TOP-SECRET-LINE"

    /// Runs `model` into `out` (one thread), replaces the first occurrence of each pair in
    /// `out/manifest.json` (which must occur), with `forgeCanonicalHash` sets the canonical
    /// model hash to `eee…`, calls `setUp`, then `verify out` must fail with `exitCode` and
    /// `fragment`, print nothing of ``secret`` and change no file.
    static func forged(
        _ name: String, model: String = "model.yml", setUp: @escaping @Sendable (CLIHarness) throws -> Void = { _ in },
        _ edits: [(String, String)], forgeCanonicalHash: Bool = false, exitCode: Int32 = 65, expect fragment: String
    ) -> HostileCase {
        HostileCase(name, exitCode: exitCode) { cli in
            try BadInputRunner.write(files, into: cli)
            let run = try cli.run(["run", model, "--out", "out", "--quiet", "--threads", "1"])
            try #require(run.status == 0, "stderr: \(run.stderr)")
            var manifest = try cli.read("out/manifest.json")
            for (old, new) in edits {
                let pieces = manifest.components(separatedBy: old)
                try #require(pieces.count >= 2, "'\(old)' not in the manifest")
                manifest = pieces[0] + new + pieces[1...].joined(separator: old)
            }
            if forgeCanonicalHash {
                manifest = manifest.replacing(/"canonical_sha256": "[0-9a-f]{64}"/,
                                              with: #""canonical_sha256": ""# + String(repeating: "e", count: 64) + "\"")
            }
            try cli.write("out/manifest.json", manifest)
            try setUp(cli)
            let before = try BadInputRunner.snapshot(cli.directory)
            let outcome = try cli.run(["verify", "out"])
            #expect(outcome.status == exitCode, "stdout: \(outcome.stdout) stderr: \(outcome.stderr)")
            #expect(outcome.stderr.contains("error: out/manifest.json: \(fragment)"), "stderr: \(outcome.stderr)")
            #expect(!outcome.stdout.contains(secret) && !outcome.stderr.contains(secret), "printed: \(outcome.stdout)\(outcome.stderr)")
            #expect(!outcome.stdout.contains("verified"))
            #expect(try BadInputRunner.snapshot(cli.directory) == before, "files changed, appeared or vanished")
        }
    }
}
