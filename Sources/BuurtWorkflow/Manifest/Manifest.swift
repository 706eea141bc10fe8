import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// `manifest.json`: what produced an output directory, so that anyone can check that these
/// outputs come from these inputs (`buurtscore verify DIR`).
///
/// The manifest holds no timestamps and no path that depends on where the command was run:
/// input paths are relative to the model file's folder and the model's own location is
/// relative to the output directory. Two runs with the same inputs and options write byte-identical manifests.
///
/// ```json
/// {
///   "blas": {"configuration": "OpenBLAS 0.3.21 …", "core": "Haswell"},
///   "format": 1,
///   "inputs": [{"path": "model.yml", "role": "model", "sha256": "…"}, {"path": "data.csv", "role": "data", "sha256": "…"}],
///   "model": {"canonical_sha256": "…", "location": "../../datasets/demo/model.yml"},
///   "outputs": [{"path": "analysis/pca.csv", "sha256": "…"}, …],
///   "run": {"data": null, "decimal": "detect", "language": null, "stages": false, "worker_threads": 1, "xlsx": true},
///   "tool": {"commit": "…", "name": "buurtscore", "version": "0.1.0"},
///   "uncertainty": {"replications": 1000, "seed": 1}
/// }
/// ```
public struct Manifest: Sendable, Equatable {
    /// The version of this layout; readers refuse other versions.
    public static let format = 1
    /// The manifest's own file name in the output directory (it is not listed among the outputs).
    public static let fileName = "manifest.json"

    /// The program that wrote the outputs.
    public struct Tool: Sendable, Equatable, Codable {
        public var name: String
        public var version: String
        /// `git rev-parse HEAD` of the repository the program was built in, `-dirty` appended when
        /// that working tree had changes; `unknown` when the program does not live inside a git
        /// repository (e.g. an installed copy) or git is not available. See `ToolCommit`.
        public var commit: String
        public init(name: String, version: String, commit: String) {
            self.name = name
            self.version = version
            self.commit = commit
        }
    }

    /// One input file with its SHA-256 (lowercase hex).
    public struct Input: Sendable, Equatable, Codable {
        /// `model`, `data`, `metadata` or `crosswalk`.
        public var role: String
        /// Relative to the model file's folder (the model itself: its file name).
        public var path: String
        public var sha256: String
        public init(role: String, path: String, sha256: String) {
            self.role = role
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One output file, by its path inside the output directory.
    public struct Output: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The model's Monte Carlo settings (`uncertainty:` in the model file) and, for a run,
    /// what came of them: the replications left out of the bands (and of the change bands, and
    /// the design rows left out of the sensitivity indices) and
    /// the nominal index scores and dimension gaps outside their own 5–95 % band (each with the
    /// number that has a band). The outcome fields are absent from manifests that lack them.
    public struct Uncertainty: Sendable, Equatable, Codable {
        public var seed: UInt64
        public var replications: Int
        public var replicationsLeftOut: Int?
        public var changeReplicationsLeftOut: Int?
        public var sensitivityRowsLeftOut: Int?
        public var indexScoresOutsideBand: Int?
        public var indexScoresWithBand: Int?
        public var gapsOutsideBand: Int?
        public var gapsWithBand: Int?
        public init(seed: UInt64, replications: Int) {
            self.seed = seed
            self.replications = replications
        }

        enum CodingKeys: String, CodingKey {
            case seed, replications
            case replicationsLeftOut = "replications_left_out"
            case changeReplicationsLeftOut = "change_replications_left_out"
            case sensitivityRowsLeftOut = "sensitivity_rows_left_out"
            case indexScoresOutsideBand = "index_scores_outside_band"
            case indexScoresWithBand = "index_scores_with_band"
            case gapsOutsideBand = "gaps_outside_band"
            case gapsWithBand = "gaps_with_band"
        }

        var json: ManifestJSON {
            var fields: [String: ManifestJSON] = ["seed": .integer(seed), "replications": .integer(replications)]
            let outcome: [(CodingKeys, Int?)] = [
                (.replicationsLeftOut, replicationsLeftOut), (.changeReplicationsLeftOut, changeReplicationsLeftOut),
                (.sensitivityRowsLeftOut, sensitivityRowsLeftOut),
                (.indexScoresOutsideBand, indexScoresOutsideBand), (.indexScoresWithBand, indexScoresWithBand),
                (.gapsOutsideBand, gapsOutsideBand), (.gapsWithBand, gapsWithBand),
            ]
            for (key, value) in outcome { if let value { fields[key.rawValue] = .integer(value) } }
            return .object(fields)
        }
    }

    /// The linear-algebra library the run used: results can differ in the last bits between
    /// OpenBLAS builds and CPU kernels.
    public struct BLAS: Sendable, Equatable, Codable {
        public var configuration: String
        public var core: String
        public init(configuration: String, core: String) {
            self.configuration = configuration
            self.core = core
        }
    }

    public var tool: Tool
    /// The model file relative to the output directory: where `verify` finds it.
    public var modelLocation: String
    /// SHA-256 of `ModelFile.canonicalForm()`: equal for model files that differ only in
    /// comments, layout or key order.
    public var canonicalModelSHA256: String
    /// Model, data and (when used) metadata, in that order.
    public var inputs: [Input]
    /// The options of the run that change what it writes.
    public var settings: RecordedSettings
    /// `nil` when the model has no `uncertainty:` key (written as `null`).
    public var uncertainty: Uncertainty?
    public var blas: BLAS
    /// Every other file of the output directory, sorted by path.
    public var outputs: [Output]
    /// For a run of an update state after its first: the run it follows and why it differs
    /// (``UpdateRecord``); `nil` otherwise (and then absent from the file).
    public var update: UpdateRecord?

    public init(
        tool: Tool, modelLocation: String, canonicalModelSHA256: String, inputs: [Input], settings: RecordedSettings,
        uncertainty: Uncertainty?, blas: BLAS, outputs: [Output]
    ) {
        self.tool = tool
        self.modelLocation = modelLocation
        self.canonicalModelSHA256 = canonicalModelSHA256
        self.inputs = inputs
        self.settings = settings
        self.uncertainty = uncertainty
        self.blas = blas
        self.outputs = outputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The manifest as a JSON value (layout above).
    package var json: ManifestJSON {
        var fields: [String: ManifestJSON] = [
            "format": .integer(Self.format),
            "tool": .object(["name": .string(tool.name), "version": .string(tool.version), "commit": .string(tool.commit)]),
            "model": .object(["location": .string(modelLocation), "canonical_sha256": .string(canonicalModelSHA256)]),
            "inputs": .array(inputs.map { .object(["role": .string($0.role), "path": .string($0.path), "sha256": .string($0.sha256)]) }),
            "run": settings.json,
            "uncertainty": uncertainty?.json ?? .null,
            "blas": .object(["configuration": .string(blas.configuration), "core": .string(blas.core)]),
            "outputs": .array(outputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
        ]
        fields["update"] = update?.json
        return .object(fields)
    }

    /// The text of `manifest.json`.
    public var text: String { json.text }

    /// Reads a manifest written by ``text``, checking every value that needs no other file
    /// (see `checkStructure(file:)`).
    /// - Throws: `BuurtError` `.data` ("bad manifest") naming `file` and the field when the
    ///   text is not such a manifest.
    public static func parse(_ data: Data, file: String) throws(BuurtError) -> Manifest {
        let stored: StoredManifest
        do {
            stored = try JSONDecoder().decode(StoredManifest.self, from: data)
        } catch {
            throw BuurtError(.data, "bad manifest: \(Self.describe(error)); this is not a manifest.json that a run wrote",
                             at: SourceLocation(file: file))
        }
        guard stored.format == format else {
            throw BuurtError(.data, "bad manifest: format \(stored.format) is not supported (this program reads format \(format))",
                             at: SourceLocation(file: file))
        }
        var manifest = Manifest(
            tool: stored.tool, modelLocation: stored.model.location, canonicalModelSHA256: stored.model.canonical_sha256,
            inputs: stored.inputs, settings: stored.run, uncertainty: stored.uncertainty, blas: stored.blas,
            outputs: stored.outputs)
        if let stored = stored.update {
            guard let record = stored.record else {
                throw BuurtError(.data, "bad manifest: 'update' names a cause or difference this program does not write", at: SourceLocation(file: file))
            }
            manifest.update = record
        }
        try manifest.checkStructure(file: file)
        return manifest
    }

    /// `inputs[1].role`: a JSON key path as written in messages.
    private static func field(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(field(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "'\(field(context.codingPath))' has a value of the wrong type"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the file is not valid JSON"
                : "invalid value at '\(field(context.codingPath))'"
        default:
            return "\(error)"
        }
    }
}

/// The JSON layout of ``Manifest``, for decoding.
private struct StoredManifest: Decodable {
    struct Model: Decodable {
        var location: String
        var canonical_sha256: String
    }
    var format: Int
    var tool: Manifest.Tool
    var model: Model
    var inputs: [Manifest.Input]
    var run: RecordedSettings
    var uncertainty: Manifest.Uncertainty?
    var blas: Manifest.BLAS
    var outputs: [Manifest.Output]
    var update: StoredUpdateRecord?
}
