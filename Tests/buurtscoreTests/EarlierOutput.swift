import Foundation
import Testing

/// A genuine earlier output of ``ValidProject`` (`buurtscore run model.yml --stages`), made once
/// and copied wherever a case needs an existing output folder that `run` may replace.
enum EarlierOutput {
    /// The folder `previous` of a scratch directory holding ``ValidProject``, or why it could
    /// not be made.
    private static let template: Result<URL, EarlierOutputError> = {
        do {
            let cli = try CLIHarness()
            try BadInputRunner.write(ValidProject.files, into: cli)
            let outcome = try cli.run(["run", "model.yml", "--out", "previous", "--stages", "--quiet", "--threads", "1"])
            guard outcome.status == 0 else { return .failure(EarlierOutputError(reason: outcome.stderr)) }
            return .success(cli.directory.appendingPathComponent("previous"))
        } catch {
            return .failure(EarlierOutputError(reason: "\(error)"))
        }
    }()

    /// Copies the earlier output to `name` in `cli`'s directory (beside the project's model,
    /// as the manifest's model location expects).
    static func copy(to name: String, in cli: CLIHarness) throws {
        let source = try template.get()
        let destination = cli.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
    }
}

struct EarlierOutputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the earlier output could not be made: \(reason)" }
}
