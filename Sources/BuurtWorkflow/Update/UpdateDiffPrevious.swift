import BuurtIndex
import Foundation

/// The previous run of an update state as a run's diff reads it: through that run's
/// manifest, every file by its recorded SHA-256.
///
/// Its folder is untrusted input (`verify` reads it from a state someone handed over): it
/// must be `runs/<name>` beside the run, reached without links; its result tables must be
/// regular files in it (no links); its figures must lie inside the state.
struct PreviousRunFiles {
    /// Its name (`2020`).
    let name: String
    /// SHA-256 of its `manifest.json`.
    let manifestSHA256: String
    let manifest: Manifest
    /// Its result tables the comparison reads (``RunDiffFiles/comparedFiles``) that its manifest lists.
    let results: [String: Data]
    /// The bytes of its data input (`inputs/<name>.csv`).
    let figures: Data

    /// Reads run `name` beside the run folder `runFolder` (`STATE/runs/<run>`, which need not exist yet).
    /// - Parameter expectedManifestSHA256: the hash a manifest recorded for it; `nil` when
    ///   the run is being written (any manifest is taken).
    /// - Throws: ``BuurtError`` `.data` naming the file when the folder is not a run beside
    ///   this one, a file is a link or missing, or a file no longer has its recorded SHA-256.
    static func read(beside runFolder: String, name: String, expectedManifestSHA256: String?) throws(BuurtError) -> PreviousRunFiles {
        let runs = (runFolder as NSString).deletingLastPathComponent
        let folder = ManifestPath.join(runs, name)
        guard RunName(name)?.description == name else {
            throw BuurtError(.data, "the previous run '\(name)' is not the name of a run (a year, or a year with -r<k>)", at: SourceLocation(file: folder))
        }
        let runsReal = URL(fileURLWithPath: runs).resolvingSymlinksInPath().path
        guard URL(fileURLWithPath: folder).resolvingSymlinksInPath().path == ManifestPath.join(runsReal, name) else {
            throw BuurtError(.data, "the previous run's folder is a link; a state's runs are plain folders and nothing outside the state is read",
                             at: SourceLocation(file: folder))
        }
        let manifestPath = ManifestPath.join(folder, Manifest.fileName)
        let manifestBytes = try Manifest.read(manifestPath, in: folder)
        let digest = SHA256Hex.digest(manifestBytes)
        if let expectedManifestSHA256, digest != expectedManifestSHA256 {
            throw BuurtError(.data, "the previous run \(name) changed after this run compared with it: its manifest.json has SHA-256 \(digest), recorded \(expectedManifestSHA256)",
                             at: SourceLocation(file: manifestPath))
        }
        let manifest = try Manifest.parse(manifestBytes, file: manifestPath)
        var results: [String: Data] = [:]
        for file in manifest.outputs where RunDiffFiles.comparedFiles.contains(file.path) {
            results[file.path] = try recorded(ManifestPath.join(folder, file.path), sha256: file.sha256, run: name)
        }
        guard results["scores.csv"] != nil else {
            throw BuurtError(.data, "the previous run \(name) records no scores.csv", at: SourceLocation(file: manifestPath))
        }
        guard let data = manifest.inputs.first(where: { $0.role == "data" }) else {
            throw BuurtError(.data, "the previous run \(name) records no data input", at: SourceLocation(file: manifestPath))
        }
        let modelPath = InputVerification.modelPath(manifest, outputDirectory: folder)
        let figuresPath = ManifestPath.resolve(data.path, modelFile: modelPath)
        let state = URL(fileURLWithPath: ManifestPath.join(runs, "..")).resolvingSymlinksInPath().path + "/"
        guard URL(fileURLWithPath: figuresPath).resolvingSymlinksInPath().path.hasPrefix(state) else {
            throw BuurtError(.data, "the previous run \(name) records figures outside the state (\(data.path)); nothing outside the state is read",
                             at: SourceLocation(file: manifestPath))
        }
        return PreviousRunFiles(name: name, manifestSHA256: digest, manifest: manifest, results: results,
                                figures: try recorded(figuresPath, sha256: data.sha256, run: name))
    }

    /// The bytes of a regular file (not a link) with the SHA-256 the previous run's manifest records.
    private static func recorded(_ path: String, sha256: String, run: String) throws(BuurtError) -> Data {
        let location = SourceLocation(file: path)
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else {
            throw BuurtError(.data, "the previous run \(run) lacks this file, which its manifest records", at: location)
        }
        guard type == .typeRegular else {
            throw BuurtError(.data, "this file of the previous run \(run) is a link or not a plain file; nothing it points to is read", at: location)
        }
        let data = try InputFile.contents(path: path, limit: InputFile.defaultSizeLimit)
        let digest = SHA256Hex.digest(data)
        guard digest == sha256 else {
            throw BuurtError(.data, "this file of the previous run \(run) changed after that run: SHA-256 \(digest), its manifest records \(sha256)", at: location)
        }
        return data
    }
}
