import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

extension Manifest {
    /// For a run of an update state after its first: which run it follows and why it differs
    /// (manifest key `update`, absent from other manifests).
    ///
    /// ```json
    /// "update": {
    ///   "previous_run": "2021",
    ///   "causes": ["model"],
    ///   "differences": [{"kind": "weight", "code": "litter", "before": 1, "after": 2}]
    /// }
    /// ```
    /// Difference kinds: `weight` (code, before, after), `node_added` / `node_removed` (code),
    /// `setting` (key), `mapping_added` / `mapping_removed` (from, to).
    public struct UpdateRecord: Sendable, Equatable {
        public var previousRun: String
        public var causes: [UpdateCause]
        public var differences: [StateDifference]

        public init(previousRun: String, causes: [UpdateCause], differences: [StateDifference]) {
            self.previousRun = previousRun
            self.causes = causes
            self.differences = differences
        }

        var json: ManifestJSON {
            .object([
                "previous_run": .string(previousRun),
                "causes": .array(causes.map { .string($0.rawValue) }),
                "differences": .array(differences.map(\.json)),
            ])
        }
    }
}

extension StateDifference {
    /// The difference as the manifest's `update.differences` writes it.
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
}

/// The JSON layout of ``Manifest/UpdateRecord``, for decoding.
struct StoredUpdateRecord: Decodable {
    struct Difference: Decodable {
        var kind: String
        var code, key, from, to: String?
        var before, after: Double?
    }
    var previous_run: String
    var causes: [String]
    var differences: [Difference]

    /// The record, `nil` when a cause or difference is not one this program writes.
    var record: Manifest.UpdateRecord? {
        let causes = causes.compactMap(UpdateCause.init(rawValue:))
        let differences = differences.compactMap { d -> StateDifference? in
            switch (d.kind, d.code, d.key, d.from, d.to, d.before, d.after) {
            case ("weight", let code?, _, _, _, let before?, let after?): .weight(code: code, before: before, after: after)
            case ("node_added", let code?, _, _, _, _, _): .nodeAdded(code: code)
            case ("node_removed", let code?, _, _, _, _, _): .nodeRemoved(code: code)
            case ("setting", _, let key?, _, _, _, _): .setting(key: key)
            case ("mapping_added", _, _, let from?, let to?, _, _): .mappingAdded(from: from, to: to)
            case ("mapping_removed", _, _, let from?, let to?, _, _): .mappingRemoved(from: from, to: to)
            default: nil
            }
        }
        guard causes.count == self.causes.count, differences.count == self.differences.count else { return nil }
        return Manifest.UpdateRecord(previousRun: previous_run, causes: causes, differences: differences)
    }
}

extension OutputDirectory {
    /// Writes `record` into the manifest already added (``addManifest(project:settings:tool:blas:outputDirectory:account:)``),
    /// which is replaced by the same manifest with its `update` key.
    /// - Throws: ``BuurtError`` `.output` when there is no manifest yet or it cannot be rewritten.
    package mutating func recordUpdate(_ record: Manifest.UpdateRecord) throws(BuurtError) {
        guard let file = files.last(where: { $0.path == Manifest.fileName }) else {
            throw BuurtError(.output, "the run has no manifest to record its update in")
        }
        var manifest = try Manifest.parse(file.contents, file: Manifest.fileName)
        manifest.update = record
        try add(Manifest.fileName, text: manifest.text)
    }
}

extension ManifestJSON {
    /// The value on one line (keys sorted by their UTF-8 bytes, no spaces), for one-line output.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .numberText(let s): s
        case .string(let s): JSONString.quoted(s)
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { JSONString.quoted($0) + ":" + fields[$0]!.compactText }.joined(separator: ",") + "}"
        }
    }
}
