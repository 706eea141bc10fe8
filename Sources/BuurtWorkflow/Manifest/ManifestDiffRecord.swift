import BuurtIndex
import Foundation

extension UpdateCause: Codable {}

/// What the `diff.md` and `diff.csv` of a run of an update state compare, recorded under
/// `diff` in its manifest so that `verify` can compute them again:
///
/// ```json
/// "diff": {"causes": ["new_period"], "differences": [], "previous": {"manifest_sha256": "…", "path": "../2020", "run": "2020"}, "run": "2021"}
/// ```
///
/// `previous` is `null` for a state's first run. The previous run's manifest hash fixes
/// every file of it the comparison reads (its result tables and its figures, by their
/// recorded hashes). Manifests of plain runs, and of runs written before this record existed,
/// have no `diff` key.
public struct DiffRecord: Sendable, Equatable {
    /// The run compared with.
    public struct Previous: Sendable, Equatable {
        /// Its name (`2020`, `2021-r2`).
        public var run: String
        /// Its folder relative to this run's folder: `../<run>`.
        public var path: String
        /// SHA-256 of its `manifest.json`.
        public var manifestSHA256: String

        public init(run: String, manifestSHA256: String) {
            self.run = run
            self.path = "../\(run)"
            self.manifestSHA256 = manifestSHA256
        }
    }

    /// This run's name, as the diff's title shows it.
    public var run: String
    public var previous: Previous?
    /// Why this run differs from the previous one (``RunDiff/causes``).
    public var causes: [UpdateCause]
    /// The model's and crosswalk's differences (``RunDiff/differences``).
    public var differences: [StateDifference]

    public init(run: String, previous: Previous?, causes: [UpdateCause], differences: [StateDifference]) {
        self.run = run
        self.previous = previous
        self.causes = causes
        self.differences = differences
    }

    var json: ManifestJSON {
        .object([
            "run": .string(run),
            "previous": previous.map { .object(["run": .string($0.run), "path": .string($0.path), "manifest_sha256": .string($0.manifestSHA256)]) } ?? .null,
            "causes": .array(causes.map { .string($0.rawValue) }),
            "differences": .array(differences.map(\.json)),
        ])
    }
}

extension DiffRecord: Decodable {
    private struct StoredPrevious: Decodable {
        var run: String
        var path: String
        var manifest_sha256: String
    }

    private enum Keys: String, CodingKey { case run, previous, causes, differences }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        run = try c.decode(String.self, forKey: .run)
        previous = try c.decodeIfPresent(StoredPrevious.self, forKey: .previous).map {
            var p = Previous(run: $0.run, manifestSHA256: $0.manifest_sha256)
            p.path = $0.path
            return p
        }
        causes = try c.decode([UpdateCause].self, forKey: .causes)
        differences = try c.decode([StateDifference].self, forKey: .differences)
    }
}

extension StateDifference: Decodable {
    private enum Keys: String, CodingKey { case kind, code, before, after, key, from, to }

    /// `{"kind": "weight", "code": "nuisance", "before": 1, "after": 2}`, `{"kind": "node_added", "code": …}`,
    /// `{"kind": "setting", "key": "normalise"}`, `{"kind": "mapping_added", "from": …, "to": …}`.
    var json: ManifestJSON {
        switch self {
        case .weight(let code, let before, let after):
            .object(["kind": .string("weight"), "code": .string(code), "before": .number(before), "after": .number(after)])
        case .nodeAdded(let code): .object(["kind": .string("node_added"), "code": .string(code)])
        case .nodeRemoved(let code): .object(["kind": .string("node_removed"), "code": .string(code)])
        case .setting(let key): .object(["kind": .string("setting"), "key": .string(key)])
        case .mappingAdded(let from, let to): .object(["kind": .string("mapping_added"), "from": .string(from), "to": .string(to)])
        case .mappingRemoved(let from, let to): .object(["kind": .string("mapping_removed"), "from": .string(from), "to": .string(to)])
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        func text(_ key: Keys) throws -> String { try c.decode(String.self, forKey: key) }
        switch try text(.kind) {
        case "weight": self = .weight(code: try text(.code), before: try c.decode(Double.self, forKey: .before), after: try c.decode(Double.self, forKey: .after))
        case "node_added": self = .nodeAdded(code: try text(.code))
        case "node_removed": self = .nodeRemoved(code: try text(.code))
        case "setting": self = .setting(key: try text(.key))
        case "mapping_added": self = .mappingAdded(from: try text(.from), to: try text(.to))
        case "mapping_removed": self = .mappingRemoved(from: try text(.from), to: try text(.to))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind of difference")
        }
    }
}
