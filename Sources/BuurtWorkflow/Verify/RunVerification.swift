import BuurtIndex
import Foundation

/// What the verification of an output directory found.
public struct Verification: Sendable {
    /// The directory's manifest.
    public var manifest: Manifest
    /// Inputs that are missing or no longer have their recorded SHA-256; when there are any,
    /// nothing was re-run and ``outputs`` is empty.
    public var inputs: [InputDiscrepancy]
    /// Outputs that the directory or the re-run does not reproduce byte for byte.
    public var outputs: [OutputDiscrepancy]
    /// The comparison files beside the run (``OutputVerification/annotations``) that were not
    /// checked: its manifest was written before runs recorded what they compare with.
    public var uncheckedAnnotations: [String] = []

    /// Whether every input and every output matches.
    public var verified: Bool { inputs.isEmpty && outputs.isEmpty }
}

extension Verification {
    /// Re-runs the run recorded in `directory/manifest.json` (in memory; the directory is not
    /// changed) with the settings it records, and compares every output with the manifest and
    /// with the directory.
    ///
    /// The manifest is checked before any file it names is read: its outputs must stay inside
    /// the directory, its inputs be the files the model names (the model first, by hash), and
    /// after the re-run its seed, replications, model hash, inputs and settings must equal what
    /// the re-run records.
    /// - Parameters:
    ///   - directory: the output directory, holding `manifest.json`.
    ///   - model: the model file when the directory was moved away from it; `nil` for
    ///     the location the manifest records.
    /// - Throws: `BuurtErrors`: `.missingInput` without a manifest, `.data` for a bad
    ///   manifest (named by its field), the model's and data's problems.
    public static func verify(directory: String, model: String? = nil) throws(BuurtErrors) -> Verification {
        let manifestPath = ManifestPath.join(directory, Manifest.fileName)
        let (manifest, modelPath) = try single { () throws(BuurtError) in
            let manifest = try Manifest.parse(Manifest.read(manifestPath, in: directory), file: manifestPath)
            try manifest.checkOutputsStay(inside: directory, file: manifestPath)
            let modelPath = model ?? InputVerification.modelPath(manifest, outputDirectory: directory)
            if model == nil { try manifest.checkModelLocation(modelPath, file: manifestPath) }
            return (manifest, modelPath)
        }
        // The model first, by hash, then only the files it names.
        var recorded = manifest
        recorded.inputs = manifest.inputs.filter { $0.role == "model" }
        var changed = InputVerification.discrepancies(recorded, modelPath: modelPath)
        if !changed.isEmpty { return Verification(manifest: manifest, inputs: changed, outputs: []) }
        let modelFile = try ModelFile.load(path: modelPath)
        try single { () throws(BuurtError) in try manifest.checkInputs(namedBy: modelFile, modelPath: modelPath, file: manifestPath) }
        changed = InputVerification.discrepancies(manifest, modelPath: modelPath)
        if !changed.isEmpty { return Verification(manifest: manifest, inputs: changed, outputs: []) }

        let settings = try single { () throws(BuurtError) in
            try RunSettings(recorded: manifest.settings, model: modelPath,
                            data: InputVerification.dataOption(manifest, modelPath: modelPath), manifest: manifestPath)
        }
        let results = try run(settings)
        let (found, unchecked) = try single { () throws(BuurtError) in
            var rerun = OutputDirectory()
            try results.add(to: &rerun, outputDirectory: directory)
            var rerunFiles: [String: Data] = [:]
            for file in rerun.files {
                if file.path == Manifest.fileName {
                    try manifest.checkReproduced(by: Manifest.parse(try file.contents, file: "\(manifestPath) (re-run)"), file: manifestPath)
                } else {
                    rerunFiles[file.path] = try file.contents
                }
            }
            var previousRunProblem: String?
            if let record = manifest.diff {
                let figures = try InputFile.contents(path: results.project.dataPath, limit: InputFile.defaultSizeLimit)
                switch try DiffVerification.remake(record, manifestPath: manifestPath, directory: directory, project: results.project,
                                                   figures: figures, rerun: rerunFiles) {
                case .files(let files): rerunFiles.merge(files) { _, new in new }
                case .previousRunChanged(let problem): previousRunProblem = problem
                }
            }
            var files = try OutputVerification.files(in: directory, comparisons: true)
            // A manifest without a diff record does not list the comparison files: they are not checked.
            let unchecked = manifest.diff == nil ? files.keys.filter(OutputVerification.annotations.contains).sorted() : []
            for path in unchecked { files[path] = nil }
            var found = OutputVerification.discrepancies(manifest: manifest, directory: files, rerun: rerunFiles)
            if let previousRunProblem {
                found = found.map { d in
                    guard OutputVerification.annotations.contains(d.path), d.problem == .notProducedByRerun else { return d }
                    let recorded = manifest.outputs.first { $0.path == d.path }?.sha256
                    let changed = files[d.path].map { SHA256Hex.digest($0) != recorded } ?? true
                    return OutputDiscrepancy(path: d.path, problem: .previousRunChanged(previousRunProblem, fileChanged: changed), difference: nil)
                }
            }
            return (found, unchecked)
        }
        var verification = Verification(manifest: manifest, inputs: [], outputs: found)
        verification.uncheckedAnnotations = unchecked
        return verification
    }
}
