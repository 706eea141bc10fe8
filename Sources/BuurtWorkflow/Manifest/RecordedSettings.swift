import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport

/// The settings of a run that change what it writes (``RunSettings``), recorded in the manifest
/// so that a verification repeats the run exactly. Options that only change what is printed
/// (`--top`, `--quiet`) and the output directory itself are not recorded.
public struct RecordedSettings: Sendable, Equatable, Codable {
    /// `--stages`: also `stages/<stage>.csv`.
    public var stages: Bool
    /// `--xlsx`: also `results.xlsx`.
    public var xlsx: Bool
    /// `--data`, relative to the model file's folder; `nil` when the model's own `data:` was used.
    public var data: String?
    /// `--decimal`: `point`, `comma` or `detect`.
    public var decimal: String
    /// The report language option (`--lang nl|en`), `nil` when not given.
    public var language: String?
    /// Worker threads of the run. Outputs do not depend on it; it is recorded to describe the run.
    public var workerThreads: Int
    /// The seed given in place of the model's (``RunSettings/seed``); `nil`, and not written,
    /// when the model's own was used.
    public var seed: UInt64?
    /// The most worker threads a run takes (`--threads`).
    public static let maximumWorkerThreads = 1024

    public init(stages: Bool = false, xlsx: Bool = false, data: String? = nil, decimal: String = "detect",
                language: String? = nil, workerThreads: Int = 1, seed: UInt64? = nil) {
        self.stages = stages
        self.xlsx = xlsx
        self.data = data
        self.decimal = decimal
        self.language = language
        self.workerThreads = workerThreads
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case stages, xlsx, data, decimal, language, seed
        case workerThreads = "worker_threads"
    }

    var json: ManifestJSON {
        var fields: [String: ManifestJSON] = [
            "stages": .bool(stages), "xlsx": .bool(xlsx), "data": .optional(data), "decimal": .string(decimal),
            "language": .optional(language), "worker_threads": .integer(workerThreads),
        ]
        if let seed { fields["seed"] = .integer(seed) }
        return .object(fields)
    }
}
