import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden sibling `.NAME.partial-XXXXXXXX` that an ``OutputDirectory`` is written into
/// before it is renamed to `NAME` (same parent, so the rename never crosses a filesystem).
///
/// ``prepare()`` runs the checks before anything is computed: leftovers of a killed run are
/// tidied (``OutputLeftovers``), and a target that is not a folder, is a mount point, or is not
/// ours (``OutputClaim``) is refused. The folder is made on the first ``folder()`` call; nothing
/// is created before that. ``commit()`` puts it in place of the target (an existing target is
/// moved aside first and removed after, or moved back when the rename fails); ``discard()``
/// removes it.
struct OutputStaging: Sendable {
    /// The output directory, standardised (absolute, `.` and `..` resolved).
    let target: URL
    let claim: OutputClaim
    private let staging: URL
    private let retired: URL
    private var created = false

    init(target directory: String, claim: OutputClaim) {
        target = URL(fileURLWithPath: directory).standardizedFileURL
        self.claim = claim
        let parent = target.deletingLastPathComponent()
        let token = TemporaryName.token()
        staging = parent.appendingPathComponent(TemporaryName.make(target.lastPathComponent, .partial, token: token))
        retired = parent.appendingPathComponent(TemporaryName.make(target.lastPathComponent, .previous, token: token))
    }

    /// Tidies leftovers and checks that the target may be written; creates nothing.
    /// - Throws: ``BuurtError`` `.output` when the target is not a directory (a file, a
    ///   device), lies inside a file, is a mount point, or is refused by the claim.
    func prepare() throws(BuurtError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw BuurtError(.output, "output path exists and is not a directory", at: SourceLocation(file: target.path))
        }
        var ancestor = target.deletingLastPathComponent()
        while !fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        if !isDirectory.boolValue {
            throw BuurtError(.output, "this is a file, not a directory, so the output directory \(target.path) cannot be created inside it",
                             at: SourceLocation(file: ancestor.path))
        }
        try claim.check(target)
        if try OutputLeftovers.tidy(target, claim: claim) { try claim.check(target) }
        if isMountPoint {
            throw BuurtError(.output, FileRename.reason(errno: EBUSY, folder: target.path), at: SourceLocation(file: target.path))
        }
        try claim.check(target)
    }

    /// Whether the target is a folder (not a link) on another file system than its parent.
    private var isMountPoint: Bool {
        var own = stat(), parent = stat()
        guard lstat(target.path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR,
              stat(target.deletingLastPathComponent().path, &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev
    }

    /// The staging folder, created on the first call.
    /// - Throws: ``BuurtError`` `.output` when its parent or the folder cannot be created.
    mutating func folder() throws(BuurtError) -> URL {
        if created { return staging }
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        // Inside the registry's lock: once interrupted, not even the parent is created.
        try StagingRegistry.staging(entry) { () throws(BuurtError) in
            do {
                try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw BuurtError(.output, "cannot create directory: \(error.localizedDescription)", at: SourceLocation(file: parent.path))
            }
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            } catch {
                throw writeError(error.localizedDescription)
            }
        }
        created = true
        return staging
    }

    /// Where the file at `path` (relative, `analysis/pca.csv`) goes in the staging folder;
    /// its folders are created.
    /// - Throws: as ``folder()``, and `.output` when a folder on the way cannot be made.
    mutating func url(for path: String) throws(BuurtError) -> URL {
        let url = try folder().appendingPathComponent(path)
        try StagingRegistry.staging(entry) { () throws(BuurtError) in
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw writeError("\(path): \(error.localizedDescription)")
            }
        }
        return url
    }

    /// Renames the staging folder to the target, replacing an existing target as a whole.
    /// On failure the existing target is left as it was (the staging folder stays for
    /// ``discard()``). The target is checked again first (files added meanwhile are kept).
    /// - Throws: as ``folder()`` (a directory without files is still created) and
    ///   ``prepare()``, and `.output` when a rename fails.
    mutating func commit() throws(BuurtError) {
        _ = try folder()
        try claim.check(target)
        let fm = FileManager.default
        try StagingRegistry.committing(entry) { () throws(BuurtError) in
            let replacing = fm.fileExists(atPath: target.path)
            if replacing { try FileRename.rename(target.path, to: retired.path, naming: target.path) }
            do throws(BuurtError) {
                try FileRename.rename(staging.path, to: target.path, naming: target.path)
            } catch {
                if replacing { try? FileRename.rename(retired.path, to: target.path, naming: target.path) }
                throw error
            }
            // Still under the lock: an interrupt now finds the old output gone, not left aside.
            if replacing { try? fm.removeItem(at: retired) }
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
        BuurtError(.output, "cannot write output: \(reason)", at: SourceLocation(file: target.path))
    }
}
