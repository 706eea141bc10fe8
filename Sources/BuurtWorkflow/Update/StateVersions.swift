import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// One version of a state's model: the model file and the files it names (metadata,
/// crosswalk, map) by path relative to the model's folder, as a state stores them (the first
/// at the state's root, each later one in `versions/<run>/`).
struct ModelVersion: Sendable, Equatable {
    var model: Data
    /// Relative path → bytes.
    var companions: [String: Data]
    /// The path of the crosswalk among ``companions``; `nil` when the model names none.
    var crosswalk: String?

    /// The files of `project` (loaded from `modelPath`), as --init copies them.
    /// - Throws: ``BuurtError`` `.usage` when a file the model names lies outside its folder,
    ///   `.missingInput` when one cannot be read.
    init(_ project: IndexProject, modelPath: String) throws(BuurtError) {
        model = try StateUpdate.read(modelPath)
        companions = [:]
        for file in try StateUpdate.companionCopies(project, modelPath: modelPath) { companions[file.relative] = file.data }
        crosswalk = project.file.crosswalkPath.map { ManifestPath.recorded($0, modelFile: modelPath) }
    }

    /// This version with `data` as its crosswalk: in place of the model's crosswalk file, or,
    /// when the model names none, as `crosswalk.csv` with the key `crosswalk: crosswalk.csv`
    /// appended to the model file.
    /// - Throws: ``BuurtError`` `.usage` when the model names no crosswalk and already has a
    ///   file `crosswalk.csv` for another purpose.
    func replacingCrosswalk(with data: Data, given path: String) throws(BuurtError) -> ModelVersion {
        var version = self
        if let crosswalk {
            version.companions[crosswalk] = data
            return version
        }
        let name = "crosswalk.csv"
        guard companions[name] == nil else {
            throw BuurtError(.usage, "the state's model names no crosswalk and uses \(name) for another file: update the state with a new model that has a `crosswalk:` key instead",
                             at: SourceLocation(file: path))
        }
        let text = String(decoding: model, as: UTF8.self)
        version.model = Data(((text.isEmpty || text.hasSuffix("\n")) ? text : text + "\n").utf8) + Data("crosswalk: \(name)\n".utf8)
        version.companions[name] = data
        version.crosswalk = name
        return version
    }

    /// Writes the model as `model.yml` and the companions into `folder` (created).
    /// - Throws: ``BuurtError`` `.output` naming the file that cannot be written.
    func write(into folder: String) throws(BuurtError) {
        try AtomicFile.write(model, to: ManifestPath.join(folder, "model.yml"))
        for (relative, data) in companions.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(data, to: ManifestPath.join(folder, relative))
        }
    }
}

extension UpdateStateDirectory {
    /// Where later model versions are kept: `versions/<run>/`, one per run that took one.
    package var versionsPath: String { join("versions") }

    /// The folder, relative to the state, of the version `run` introduces: `versions/<run>`.
    package func versionFolder(_ run: RunName) -> String { "versions/\(run)" }

    /// The runs that have a version folder under `versions/`, ascending.
    func versionRuns() -> [RunName] {
        ((try? FileManager.default.contentsOfDirectory(atPath: versionsPath)) ?? []).compactMap(RunName.init).sorted()
    }

    /// The folder, relative to the state (empty for the root), of the model `run` was
    /// computed with: the folder of the model location its manifest records. A run without
    /// a readable manifest is taken to use the root's model (recovery refuses such a latest run).
    /// - Throws: ``BuurtError`` `.data` when the recorded model lies outside the state.
    func modelFolder(of run: RunName) throws(BuurtError) -> String {
        let manifestPath = ManifestPath.join(runPath(run), Manifest.fileName)
        guard let data = FileManager.default.contents(atPath: manifestPath), let manifest = try? Manifest.parse(data, file: manifestPath) else { return "" }
        var parts = ["runs", run.description]
        for part in manifest.modelLocation.split(separator: "/").map(String.init) where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { parts = [".."]; break }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let folder = parts.dropLast()
        guard parts.last == "model.yml", !folder.contains(".."), folder.isEmpty || (folder.count == 2 && folder.first == "versions") else {
            throw BuurtError(.data, "the manifest of the latest run \(run) names the model \(manifest.modelLocation), which is not a model of this state (model.yml or versions/<run>/model.yml): restore runs/\(run)/manifest.json; nothing was changed",
                             at: SourceLocation(file: manifestPath))
        }
        return folder.joined(separator: "/")
    }

    /// The model file in `folder` (as ``modelFolder(of:)``).
    func modelPath(in folder: String) -> String { folder.isEmpty ? modelPath : join(folder + "/model.yml") }
}
