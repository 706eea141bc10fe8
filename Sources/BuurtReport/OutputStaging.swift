import BuurtNumerics
import Foundation

/// The hidden sibling `.NAME.partial-XXXXXXXX` that an ``OutputDirectory`` is written into
/// before it is renamed to `NAME` (same parent, so the rename never crosses a filesystem).
///
/// The folder is made on the first ``folder()`` call, after the checks that the target can
/// be a directory; nothing is created before that. ``commit()`` puts it in place of the
/// target (an existing target is moved aside first and removed after, or moved back when
/// the rename fails); ``discard()`` removes it.
struct OutputStaging: Sendable {
    /// The output directory, standardised (absolute, `.` and `..` resolved).
    let target: URL
    private let staging: URL
    private let retired: URL
    private var created = false

    init(target directory: String) {
        target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let token = UUID().uuidString.prefix(8)
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(token)")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
    }

    /// The staging folder, created on the first call.
    /// - Throws: ``BuurtError`` `.cannotCreate` when the target is a file, lies inside a file,
    ///   or its parent or the staging folder cannot be created.
    mutating func folder() throws(BuurtError) -> URL {
        if created { return staging }
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BuurtError(.cannotCreate, "output path exists and is not a directory", at: SourceLocation(file: target.path))
        }
        var ancestor = parent
        while !fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        if !isDirectory.boolValue {
            throw BuurtError(.cannotCreate, "this is a file, not a directory, so the output directory \(target.path) cannot be created inside it",
                             at: SourceLocation(file: ancestor.path))
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuurtError(.cannotCreate, "cannot create directory: \(error.localizedDescription)", at: SourceLocation(file: parent.path))
        }
        StagingRegistry.register(entry)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            StagingRegistry.unregister(entry)
            throw writeError(error.localizedDescription)
        }
        created = true
        return staging
    }

    /// Where the file at `path` (relative, `analysis/pca.csv`) goes in the staging folder;
    /// its folders are created.
    /// - Throws: as ``folder()``, and `.cannotCreate` when a folder on the way cannot be made.
    mutating func url(for path: String) throws(BuurtError) -> URL {
        let url = try folder().appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw writeError("\(path): \(error.localizedDescription)")
        }
        return url
    }

    /// Renames the staging folder to the target, replacing an existing target as a whole.
    /// On failure the existing target is left as it was (the staging folder stays for
    /// ``discard()``).
    /// - Throws: as ``folder()`` (a directory without files is still created), and
    ///   `.cannotCreate` when a rename fails.
    mutating func commit() throws(BuurtError) {
        _ = try folder()
        let fm = FileManager.default
        do {
            let replacing = fm.fileExists(atPath: target.path)
            if replacing { try fm.moveItem(at: target, to: retired) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if replacing { try? fm.moveItem(at: retired, to: target) }
                throw error
            }
            StagingRegistry.unregister(entry)
            if replacing { try? fm.removeItem(at: retired) }
        } catch {
            throw writeError(error.localizedDescription)
        }
    }

    /// This staging folder in the ``StagingRegistry``.
    private var entry: StagingRegistry.Entry {
        StagingRegistry.Entry(staging: staging.path, retired: retired.path, target: target.path)
    }

    /// Removes the staging folder and everything in it (nothing when it was never made).
    func discard() {
        try? FileManager.default.removeItem(at: staging)
        StagingRegistry.unregister(entry)
    }

    /// The error for a failure after the checks: `cannot write output: …` at the target.
    func writeError(_ reason: String) -> BuurtError {
        BuurtError(.cannotCreate, "cannot write output: \(reason)", at: SourceLocation(file: target.path))
    }
}
