import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

extension Manifest {
    /// The manifest of a run of `project` whose files are `outputs`.
    ///
    /// Inputs are recorded with the SHA-256 of the bytes that were read to compute the run; the
    /// seed is the one the run used (``RecordedSettings/seed`` when given).
    /// - Parameters:
    ///   - project: the loaded model and data of the run, with the digests of the files read.
    ///   - settings: the run's settings as the manifest records them.
    ///   - tool: the program that wrote the outputs.
    ///   - blas: the BLAS library the run was computed with.
    ///   - outputDirectory: where the outputs are (to be) written; only used to record the
    ///     model's location relative to it.
    ///   - outputs: every file of the run except the manifest itself, with the SHA-256
    ///     taken when it was added.
    /// - Throws: `BuurtError` `.missingInput` when an input file can no longer be read.
    public static func make(
        project: IndexProject, settings: RecordedSettings, tool: Tool, blas: BLAS, outputDirectory: String,
        outputs: OutputDirectory
    ) throws(BuurtError) -> Manifest {
        let modelPath = project.file.path
        var inputs = [Input(role: "model", path: ManifestPath.recorded(modelPath, modelFile: modelPath),
                            sha256: try digest(modelPath, of: project))]
        inputs.append(Input(role: "data", path: ManifestPath.recorded(project.dataPath, modelFile: modelPath),
                            sha256: try digest(project.dataPath, of: project)))
        if let metadata = project.file.metadataPath {
            inputs.append(Input(role: "metadata", path: ManifestPath.recorded(metadata, modelFile: modelPath),
                                sha256: try digest(metadata, of: project)))
        }
        for (role, path) in [("crosswalk", project.file.crosswalkPath), ("map", project.file.map?.path)] {
            guard let path else { continue }
            inputs.append(Input(role: role, path: ManifestPath.recorded(path, modelFile: modelPath), sha256: try digest(path, of: project)))
        }
        var uncertainty = uncertainty(of: project.file)
        if let seed = settings.seed { uncertainty?.seed = seed }
        return Manifest(
            tool: tool,
            modelLocation: ManifestPath.relative(to: modelPath, from: outputDirectory),
            canonicalModelSHA256: SHA256Hex.digest(project.file.canonicalForm()),
            inputs: inputs, settings: settings, uncertainty: uncertainty, blas: blas,
            outputs: outputs.files.filter { $0.path != fileName }.map { Output(path: $0.path, sha256: $0.sha256) })
    }

    /// SHA-256 of the bytes the project was computed from (``IndexProject/inputDigests``); the
    /// file as it is now only for a project assembled without reading that file.
    static func digest(_ path: String, of project: IndexProject) throws(BuurtError) -> String {
        if let digest = project.inputDigests[path] { return digest }
        return try hashFile(path)
    }

    /// SHA-256 of a file's bytes.
    /// - Throws: `BuurtError` `.missingInput` naming the file when it cannot be read.
    public static func hashFile(_ path: String) throws(BuurtError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuurtError(.missingInput, "cannot read this input file to record its SHA-256", at: SourceLocation(file: path))
        }
        return SHA256Hex.digest(data)
    }

    /// Seed and replications of the model's `uncertainty:` key, `nil` without that key.
    static func uncertainty(of file: ModelFile) -> Uncertainty? {
        file.uncertainty.map { Uncertainty(seed: $0.seed, replications: $0.replications) }
    }
}

extension OutputDirectory {
    /// Adds `manifest.json` describing every file added so far (replacing an earlier
    /// manifest); add it last.
    /// - Parameters:
    ///   - project: as ``Manifest/make(project:settings:tool:blas:outputDirectory:outputs:)``.
    ///   - settings: as there.
    ///   - tool: as there.
    ///   - blas: as there.
    ///   - outputDirectory: as there.
    ///   - account: what came of the uncertainty analysis (recorded under `uncertainty`).
    /// - Throws: as ``Manifest/make(project:settings:tool:blas:outputDirectory:outputs:)``
    ///   and ``OutputDirectory/add(_:text:)``.
    public mutating func addManifest(
        project: IndexProject, settings: RecordedSettings, tool: Manifest.Tool, blas: Manifest.BLAS, outputDirectory: String,
        account: UncertaintyAccount? = nil
    ) throws(BuurtError) {
        var manifest = try Manifest.make(project: project, settings: settings, tool: tool, blas: blas,
                                         outputDirectory: outputDirectory, outputs: self)
        if let account, manifest.uncertainty != nil {
            manifest.uncertainty?.replicationsLeftOut = account.leftOut.count
            manifest.uncertainty?.changeReplicationsLeftOut = account.changesLeftOut
            manifest.uncertainty?.sensitivityRowsLeftOut = account.sensitivityRowsLeftOut
            manifest.uncertainty?.indexScoresOutsideBand = account.outside.indexScores
            manifest.uncertainty?.indexScoresWithBand = account.outside.indexScoresWithBand
            manifest.uncertainty?.gapsOutsideBand = account.outside.gaps
            manifest.uncertainty?.gapsWithBand = account.outside.gapsWithBand
        }
        try add(Manifest.fileName, text: manifest.text)
    }
}
