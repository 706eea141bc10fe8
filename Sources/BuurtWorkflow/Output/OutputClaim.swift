import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// What an output may replace: an output folder is only ever replaced when it is ours.
///
/// Before anything is written, ``check(_:)`` refuses (`.output`, exit 73)
/// - a target that holds, or is, an input of the run (paths compared after following every
///   symbolic link, so `--out .` in the data folder, `--out ..` and a link to the data folder
///   are all caught);
/// - an existing folder that is not a previous output of the same command: for `run` and
///   `update`, a folder without a `manifest.json` of ours, with files that manifest does
///   not list, or with a listed file whose SHA-256 is no longer the recorded one; for `synth`, a folder with other files than the ones synth writes or without
///   synth's data card. An empty folder may always be used.
package struct OutputClaim: Sendable {
    /// How a previous output of the command is recognised.
    package enum Previous: Sendable {
        /// `manifest.json` parses as a ``Manifest`` and lists every other file of the folder.
        case manifest
        /// Only files of these names, and `marker` among them, beginning with `heading`.
        case files(Set<String>, marker: String, heading: String)
    }

    /// The files the command reads; the output must neither hold nor be any of them.
    package var inputs: [String]
    package var previous: Previous

    package init(inputs: [String], previous: Previous) {
        self.inputs = inputs
        self.previous = previous
    }

    /// The claim of `buurtscore run` (and of a run of an update state): the project's model,
    /// data, metadata, crosswalk and map files are inputs; a previous output has a manifest.
    package static func run(of project: IndexProject) -> OutputClaim {
        let companions = [project.file.metadataPath, project.file.crosswalkPath, project.file.map?.path].compactMap { $0 }
        return OutputClaim(inputs: [project.file.path, project.dataPath] + companions, previous: .manifest)
    }

    /// Refuses a target this claim does not cover (see the type's description).
    /// - Throws: ``BuurtError`` `.output` at the target, saying why and what to do.
    func check(_ target: URL) throws(BuurtError) {
        let resolved = RealPath.of(target.path)
        for input in inputs {
            let file = RealPath.of(input)
            guard file == resolved || file.hasPrefix(resolved == "/" ? "/" : resolved + "/") else { continue }
            throw refusal(target, "this folder holds \(input), an input of this run, so it cannot be the output folder; choose a new folder for the output, e.g. \(suggestion(near: target))")
        }
        guard let entries = try OutputClaim.entries(of: target), !entries.isEmpty else { return }
        switch previous {
        case .manifest: try checkManifest(target, entries)
        case .files(let names, let marker, let heading): try checkFiles(target, entries, names: names, marker: marker, heading: heading)
        }
    }

    private func checkManifest(_ target: URL, _ entries: [Entry]) throws(BuurtError) {
        let manifestURL = target.appendingPathComponent(Manifest.fileName)
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw refusal(target, "this folder is not empty and is not a buurtscore output (it has no \(Manifest.fileName)), so it is not replaced; choose a new or empty folder, e.g. \(suggestion(near: target))")
        }
        let manifest: Manifest
        do {
            manifest = try Manifest.parse(data, file: manifestURL.path)
        } catch {
            throw refusal(target, "this folder is not a buurtscore output (its \(Manifest.fileName) is not ours: \(error.message)), so it is not replaced; choose a new or empty folder, e.g. \(suggestion(near: target))")
        }
        let listed = Set(manifest.outputs.map(\.path) + [Manifest.fileName])
        try refuseUnlisted(target, entries, listed: listed, "files its \(Manifest.fileName) does not list")
        try refuseChanged(target, manifest)
    }

    /// Refuses the target when a file its manifest lists no longer has the recorded SHA-256:
    /// someone edited it after the run, and replacing the folder would lose the edit. (A
    /// listed file that is missing loses nothing.)
    private func refuseChanged(_ target: URL, _ manifest: Manifest) throws(BuurtError) {
        let changed = manifest.outputs.filter { output in
            guard let data = FileManager.default.contents(atPath: target.appendingPathComponent(output.path).path) else { return false }
            return SHA256Hex.digest(data) != output.sha256
        }.map(\.path)
        guard !changed.isEmpty else { return }
        let shown = changed.prefix(5).map(TerminalText.escaped).joined(separator: ", ") + (changed.count > 5 ? ", …" : "")
        throw refusal(target, "this folder is a buurtscore output, but \(shown) changed after it was written, so it is not replaced: the changes would be lost; move the changed files elsewhere (or restore them), or choose a new folder, e.g. \(suggestion(near: target))")
    }

    private func checkFiles(_ target: URL, _ entries: [Entry], names: Set<String>, marker: String, heading: String) throws(BuurtError) {
        try refuseUnlisted(target, entries, listed: names, "files that a synthetic data set does not have")
        let card = FileManager.default.contents(atPath: target.appendingPathComponent(marker).path) ?? Data()
        guard card.starts(with: Data(heading.utf8)) else {
            throw refusal(target, "this folder is not empty and is not a synthetic data set (its \(marker) is not the data card of one), so it is not replaced; choose a new or empty folder, e.g. \(suggestion(near: target))")
        }
    }

    /// Refuses the target when it holds a file outside `listed` (folders on the way to a listed
    /// file are fine).
    private func refuseUnlisted(_ target: URL, _ entries: [Entry], listed: Set<String>, _ what: String) throws(BuurtError) {
        var folders = Set<String>()
        for path in listed {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let foreign = entries.filter { $0.isDirectory ? !folders.contains($0.path) : !listed.contains($0.path) }.map(\.path)
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(5).map(TerminalText.escaped).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
        throw refusal(target, "this folder holds \(what) (\(shown)), so it is not replaced: they would be lost; move them elsewhere, or choose a new or empty folder, e.g. \(suggestion(near: target))")
    }

    private func refusal(_ target: URL, _ message: String) -> BuurtError {
        BuurtError(.output, message, at: SourceLocation(file: target.path))
    }

    /// A new folder inside the refused one (`DIR/out`), or beside it when that is taken.
    private func suggestion(near target: URL) -> String {
        let inside = target.appendingPathComponent("out").path
        return FileManager.default.fileExists(atPath: inside) ? target.path + "-out" : inside
    }

    /// One file or folder below a target, by its path relative to the target.
    struct Entry {
        var path: String
        var isDirectory: Bool
    }

    /// Whether `target` holds a complete previous output: it is covered by this claim, not
    /// empty, and (for ``Previous/manifest``) every file its manifest lists is there.
    func holdsCompleteOutput(_ target: URL) -> Bool {
        guard (try? check(target)) != nil, let entries = try? OutputClaim.entries(of: target), !entries.isEmpty else { return false }
        guard case .manifest = previous else { return true }
        let data = FileManager.default.contents(atPath: target.appendingPathComponent(Manifest.fileName).path) ?? Data()
        guard let manifest = try? Manifest.parse(data, file: Manifest.fileName) else { return false }
        let present = Set(entries.map(\.path))
        return manifest.outputs.allSatisfy { present.contains($0.path) }
    }

    /// Everything below `target` (symbolic links not followed), or `nil` when it is not a folder.
    /// - Throws: ``BuurtError`` `.output` when the folder cannot be listed.
    static func entries(of target: URL) throws(BuurtError) -> [Entry]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let paths: [String]
        do {
            paths = try FileManager.default.subpathsOfDirectory(atPath: target.path)
        } catch {
            throw BuurtError(.output, "cannot list this folder to see whether it may be replaced: \(error.localizedDescription)",
                             at: SourceLocation(file: target.path))
        }
        return paths.sorted().map { path in
            var isFolder: ObjCBool = false
            let url = target.appendingPathComponent(path)
            let isLink = (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            return Entry(path: path, isDirectory: isFolder.boolValue && !isLink)
        }
    }
}

/// Absolute paths with every symbolic link followed.
enum RealPath {
    /// `path` made absolute with every symbolic link followed; a part that does not exist yet
    /// is appended to the real path of the deepest existing folder.
    static func of(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while true {
            if let real = realpath(url.path, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { ($0 == "/" ? "" : $0) + "/" + $1 }
            }
            if url.path == "/" { return url.path }
            missing.append(url.lastPathComponent)
            url = url.deletingLastPathComponent()
        }
    }
}
