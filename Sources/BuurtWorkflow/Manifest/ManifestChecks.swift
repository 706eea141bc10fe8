import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// A manifest read from disk is untrusted input: before `verify` reads any file it names,
/// every recorded value must be one a run of buurtscore can have written. Each problem is a
/// "bad manifest" (`.data`, exit 65) naming the field.
extension Manifest {
    /// The roles of inputs, in the order a run records them; `model` and `data` occur exactly
    /// once, the others at most once.
    package static let inputRoles = ["model", "data", "metadata", "crosswalk", "map"]

    /// A "bad manifest" problem with `field` (a JSON key path such as `inputs[1].role`).
    package static func bad(_ field: String, _ problem: String, file: String) -> BuurtError {
        BuurtError(.data, "bad manifest: \(field) \(problem); buurtscore did not write this manifest for these files "
            + "— run the model again to make a new one", at: SourceLocation(file: file))
    }

    /// Checks what needs no other file: known and unique input roles, SHA-256 values,
    /// output paths that stay inside the output directory, and `run.data` naming the data input.
    func checkStructure(file: String) throws(BuurtError) {
        for (k, input) in inputs.enumerated() {
            guard Self.inputRoles.contains(input.role) else {
                throw Self.bad("inputs[\(k)].role", "is '\(input.role)', expected one of \(Self.inputRoles.joined(separator: ", "))", file: file)
            }
            if let first = inputs.firstIndex(where: { $0.role == input.role }), first != k {
                throw Self.bad("inputs[\(k)].role", "repeats role '\(input.role)' of inputs[\(first)]", file: file)
            }
            try Self.checkDigest(input.sha256, field: "inputs[\(k)].sha256", file: file)
        }
        for role in ["model", "data"] where !inputs.contains(where: { $0.role == role }) {
            throw Self.bad("inputs", "has no input with role '\(role)'", file: file)
        }
        try Self.checkDigest(canonicalModelSHA256, field: "model.canonical_sha256", file: file)
        var seen = Set<String>()
        for output in outputs {
            guard seen.insert(output.path).inserted else {
                throw Self.bad("outputs", "lists '\(output.path)' twice", file: file)
            }
            try Self.checkOutputPath(output.path, file: file)
            try Self.checkDigest(output.sha256, field: "outputs '\(output.path)' sha256", file: file)
        }
        if let data = settings.data, let input = inputs.first(where: { $0.role == "data" }), input.path != data {
            throw Self.bad("run.data", "is '\(data)' but the data input is '\(input.path)'", file: file)
        }
        guard (1...RecordedSettings.maximumWorkerThreads).contains(settings.workerThreads) else {
            throw Self.bad("run.worker_threads", "is \(settings.workerThreads), expected 1 to \(RecordedSettings.maximumWorkerThreads)", file: file)
        }
        // `run` records the model relative to the output directory; an absolute location
        // points wherever whoever wrote the manifest wanted.
        guard !modelLocation.hasPrefix("/") else {
            throw Self.bad("model.location", "is the absolute path '\(modelLocation)'; buurtscore records it relative to the output directory", file: file)
        }
    }

    /// The largest `manifest.json` read: real ones are a few KiB per output file.
    package static let sizeLimit = 16 << 20

    /// The bytes of `DIR/manifest.json`, refused before reading when it is not a regular file
    /// of at most ``sizeLimit`` bytes (a symbolic link could point at any file).
    /// - Throws: ``BuurtError`` `.missingInput` when there is none, `.data` (a bad manifest) otherwise.
    package static func read(_ path: String, in directory: String) throws(BuurtError) -> Data {
        let location = SourceLocation(file: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw BuurtError(.missingInput, "no \(fileName) in '\(directory)': only the output directory of a run can be verified", at: location)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw bad(fileName, "is not a regular file (a link, folder or device); buurtscore writes it as a plain file", file: path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= sizeLimit else {
            throw bad(fileName, "has \(size) bytes, more than \(sizeLimit); a manifest of buurtscore is a few KiB per output", file: path)
        }
        return try InputFile.contents(path: path, limit: sizeLimit)
    }

    /// 64 lowercase hexadecimal digits.
    private static func checkDigest(_ digest: String, field: String, file: String) throws(BuurtError) {
        guard digest.utf8.count == 64, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw bad(field, "is not a SHA-256 (64 lowercase hexadecimal digits)", file: file)
        }
    }

    /// A path relative to the output directory without `.`, `..` or empty parts.
    private static func checkOutputPath(_ path: String, file: String) throws(BuurtError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              !path.utf8.contains(0), path != fileName else {
            throw bad("outputs", "lists '\(path)', which is not a file inside the output directory", file: file)
        }
    }

    /// Every listed output that exists in `directory` is a file there: no link leads out of it.
    package func checkOutputsStay(inside directory: String, file: String) throws(BuurtError) {
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path + "/"
        for output in outputs {
            let path = ManifestPath.join(directory, output.path)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(root) else {
                throw Self.bad("outputs", "lists '\(output.path)', a link that leads out of \(directory)", file: file)
            }
        }
    }

    /// `model.location` (found at `path`) must lead to a regular file when something is
    /// there: a device, pipe or folder is never opened.
    package func checkModelLocation(_ path: String, file: String) throws(BuurtError) {
        guard FileManager.default.fileExists(atPath: path),
              (try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path))?[.type]
                as? FileAttributeType != .typeRegular else { return }
        throw Self.bad("model.location", "leads to '\(path)', which is not a model file", file: file)
    }

    /// The recorded inputs must be the files the model at `modelPath` names (`data:` or the
    /// recorded `run.data`, `metadata:`, `crosswalk:`, `map:`), so that `verify` reads no other file.
    package func checkInputs(namedBy model: ModelFile, modelPath: String, file: String) throws(BuurtError) {
        let shown = ManifestPath.relative(to: modelPath, from: ".")
        var expected: [String: String] = [:]
        if let data = settings.data ?? model.dataPath.map({ ManifestPath.recorded($0, modelFile: modelPath) }) { expected["data"] = data }
        if let metadata = model.metadataPath { expected["metadata"] = ManifestPath.recorded(metadata, modelFile: modelPath) }
        if let crosswalk = model.crosswalkPath { expected["crosswalk"] = ManifestPath.recorded(crosswalk, modelFile: modelPath) }
        if let map = model.map?.path { expected["map"] = ManifestPath.recorded(map, modelFile: modelPath) }
        for (k, input) in inputs.enumerated() where input.role != "model" {
            guard let path = expected[input.role] else {
                throw Self.bad("inputs[\(k)]", "records a \(input.role) file '\(input.path)' but \(shown) names none", file: file)
            }
            guard path == input.path else {
                throw Self.bad("inputs[\(k)].path", "is '\(input.path)' but \(shown) names '\(path)' as its \(input.role) file", file: file)
            }
        }
        for role in Self.inputRoles where expected[role] != nil && !inputs.contains(where: { $0.role == role }) {
            throw Self.bad("inputs", "has no \(role) file but \(shown) names '\(expected[role]!)'", file: file)
        }
    }

    /// The manifest the re-run wrote (in memory) must agree with the recorded one on every
    /// value that describes the computation: seed and replications, the canonical model hash,
    /// the inputs (roles, paths, hashes; the model by hash only, as `--model` may rename it)
    /// and the run settings.
    package func checkReproduced(by rerun: Manifest, file: String) throws(BuurtError) {
        func differs(_ field: String, _ recorded: String, _ actual: String) -> BuurtError {
            Self.bad(field, "is \(recorded) but the re-run gives \(actual)", file: file)
        }
        func shown<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "null" }
        if uncertainty?.seed != rerun.uncertainty?.seed {
            throw differs("uncertainty.seed", shown(uncertainty?.seed), shown(rerun.uncertainty?.seed))
        }
        if uncertainty?.replications != rerun.uncertainty?.replications {
            throw differs("uncertainty.replications", shown(uncertainty?.replications), shown(rerun.uncertainty?.replications))
        }
        if canonicalModelSHA256 != rerun.canonicalModelSHA256 {
            throw differs("model.canonical_sha256", canonicalModelSHA256, rerun.canonicalModelSHA256)
        }
        guard inputs.map(\.role) == rerun.inputs.map(\.role) else {
            throw differs("inputs", inputs.map(\.role).joined(separator: ", "), rerun.inputs.map(\.role).joined(separator: ", "))
        }
        for (k, (recorded, actual)) in zip(inputs, rerun.inputs).enumerated() {
            if recorded.role != "model", recorded.path != actual.path { throw differs("inputs[\(k)].path", recorded.path, actual.path) }
            if recorded.sha256 != actual.sha256 { throw differs("inputs[\(k)].sha256", recorded.sha256, actual.sha256) }
        }
        if settings != rerun.settings {
            func oneLine(_ settings: RecordedSettings) -> String {
                settings.json.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            }
            throw differs("run", oneLine(settings), oneLine(rerun.settings))
        }
    }
}
