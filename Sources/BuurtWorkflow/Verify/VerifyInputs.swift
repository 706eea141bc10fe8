import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// An input file whose bytes are not what the manifest recorded.
public struct InputDiscrepancy: Sendable, Equatable {
    /// `model`, `data` or `metadata`.
    public var role: String
    /// The path as recorded in the manifest.
    public var recordedPath: String
    /// Where it was looked for.
    public var path: String
    /// `nil` when the file cannot be read.
    public var actualSHA256: String?
    public var recordedSHA256: String
}

/// Locating and checking the inputs a manifest records.
public enum InputVerification {
    /// The model file of the run: `modelLocation` taken relative to the output directory.
    public static func modelPath(_ manifest: Manifest, outputDirectory: String) -> String {
        ManifestPath.join(outputDirectory, manifest.modelLocation)
    }

    /// Where each recorded input is now: the model at `modelPath`, the others relative to its folder.
    public static func paths(_ manifest: Manifest, modelPath: String) -> [(input: Manifest.Input, path: String)] {
        manifest.inputs.map { input in
            (input, input.role == "model" ? modelPath : ManifestPath.resolve(input.path, modelFile: modelPath))
        }
    }

    /// The recorded inputs that are missing or whose SHA-256 changed, in manifest order. Only
    /// regular files (or pipes) of at most `InputFile.defaultSizeLimit` bytes are read: a
    /// directory, device or larger file counts as missing.
    public static func discrepancies(_ manifest: Manifest, modelPath: String) -> [InputDiscrepancy] {
        paths(manifest, modelPath: modelPath).compactMap { input, path in
            let actual = (try? InputFile.contents(path: path, limit: InputFile.defaultSizeLimit)).map { SHA256Hex.digest($0) }
            guard actual != input.sha256 else { return nil }
            return InputDiscrepancy(role: input.role, recordedPath: input.path, path: path,
                                    actualSHA256: actual, recordedSHA256: input.sha256)
        }
    }

    /// The `--data` of the recorded run as a usable path, `nil` when the model's `data:` was used.
    public static func dataOption(_ manifest: Manifest, modelPath: String) -> String? {
        manifest.settings.data.map { ManifestPath.resolve($0, modelFile: modelPath) }
    }
}
