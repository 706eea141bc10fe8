import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// A new version of a state's model (`update --model`) and/or crosswalk (`update --crosswalk`),
/// checked against the state's figures before anything in the state changes.
struct StateVersionChange {
    /// The files of the new version.
    var version: ModelVersion
    /// The new version loaded with the state's figures.
    var project: IndexProject
    /// ``UpdateCause/model`` when the model file (or its metadata or map) changed,
    /// ``UpdateCause/crosswalk`` when the crosswalk did.
    var causes: [UpdateCause]
    var differences: [StateDifference]
    /// The user's file behind each file of the version, by path relative to the version's folder.
    var sources: [String: String]

    /// The version made of `modelPath` (with its files) or the current model, with the crosswalk
    /// `crosswalkPath` when given; `nil` when it equals the current version byte for byte.
    /// - Parameters:
    ///   - current: the state's current model (the latest run's), loaded from `currentModelPath`.
    ///   - dataPath: the state's figures, which the new model must fit.
    /// - Throws: `BuurtErrors`: the new model's problems and those of the figures under it
    ///   (`.data`, located in the user's files), `.missingInput` for a file that cannot be read.
    static func make(
        current: IndexProject, currentModelPath: String, modelPath: String?, crosswalkPath: String?, dataPath: String
    ) throws(BuurtErrors) -> StateVersionChange? {
        let old = try StateUpdate.single { try ModelVersion(current, modelPath: currentModelPath) }
        var version = old
        var sources = ["model.yml": currentModelPath]
        for relative in old.companions.keys { sources[relative] = ManifestPath.resolve(relative, modelFile: currentModelPath) }
        if let modelPath {
            let given = try IndexProject.load(modelPath: modelPath, dataPath: dataPath)
            version = try StateUpdate.single { try ModelVersion(given, modelPath: modelPath) }
            sources = ["model.yml": modelPath]
            for relative in version.companions.keys { sources[relative] = ManifestPath.resolve(relative, modelFile: modelPath) }
        }
        if let crosswalkPath {
            let data = try StateUpdate.single { try StateUpdate.read(crosswalkPath) }
            version = try StateUpdate.single { try version.replacingCrosswalk(with: data, given: crosswalkPath) }
            if let name = version.crosswalk { sources[name] = crosswalkPath }
        }
        guard version != old else { return nil }
        let project = try load(version, dataPath: dataPath, sources: sources)
        return StateVersionChange(version: version, project: project,
                                  causes: causes(old, version),
                                  differences: StateDifferences.model(before: current.file, after: project.file)
                                      + StateDifferences.crosswalk(before: current.crosswalk, after: project.crosswalk),
                                  sources: sources)
    }

    /// Which of model and crosswalk differ between two versions.
    private static func causes(_ old: ModelVersion, _ new: ModelVersion) -> [UpdateCause] {
        let oldCrosswalk = old.crosswalk.flatMap { old.companions[$0] }, newCrosswalk = new.crosswalk.flatMap { new.companions[$0] }
        func others(_ v: ModelVersion) -> [String: Data] { v.companions.filter { $0.key != v.crosswalk } }
        var causes: [UpdateCause] = []
        if old.model != new.model || others(old) != others(new) { causes.append(.model) }
        if oldCrosswalk != newCrosswalk { causes.append(.crosswalk) }
        return causes
    }

    /// `version` loaded with the figures from a scratch copy, its problems located in `sources`.
    private static func load(_ version: ModelVersion, dataPath: String, sources: [String: String]) throws(BuurtErrors) -> IndexProject {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-version-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try StateUpdate.single { try version.write(into: scratch) }
        do {
            return try IndexProject.load(modelPath: ManifestPath.join(scratch, "model.yml"), dataPath: dataPath)
        } catch {
            throw BuurtErrors(error.problems.map { problem in
                var problem = problem
                if let file = problem.location?.file, file.hasPrefix(scratch + "/") {
                    let relative = String(file.dropFirst(scratch.count + 1))
                    problem.location?.file = sources[relative] ?? relative
                }
                return problem
            })
        }
    }

    /// The user's file behind each file of the version written into `folder` of the state.
    func originals(in state: UpdateStateDirectory, folder: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: sources.map { (state.join(folder + "/" + $0.key), $0.value) })
    }

    /// Writes the version as `versions/<run>/`: into a temporary sibling, renamed into place,
    /// so that the folder is either absent or complete.
    /// - Throws: ``BuurtError`` `.output` when the folder exists already or cannot be written.
    func write(to state: UpdateStateDirectory, run: RunName) throws(BuurtError) {
        let target = state.join(state.versionFolder(run))
        guard !UpdateStateDirectory.exists(target) else {
            throw BuurtError(.output, "\(state.versionFolder(run)) exists already: move it out of the state and run the update again", at: SourceLocation(file: target))
        }
        let staged = ManifestPath.join(state.versionsPath, TemporaryName.make(run.description, .tmp))
        try version.write(into: staged)
        guard rename(staged, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staged)
            throw BuurtError(.output, "cannot rename the new model version into place: \(reason)", at: SourceLocation(file: target))
        }
    }
}
