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

/// `rename(2)` of an output folder, with its failure said in words: never a copy and delete
/// across file systems, as a general move would do.
enum FileRename {
    /// Renames `source` to `destination` (same parent folder, so one atomic step).
    /// - Throws: ``BuurtError`` `.output` at `folder` (the output folder the rename is
    ///   for) with ``reason(errno:folder:)``.
    static func rename(_ source: String, to destination: String, naming folder: String) throws(BuurtError) {
        guard Foundation.rename(source, destination) != 0 else { return }
        let code = errno
        throw BuurtError(.output, reason(errno: code, folder: folder), at: SourceLocation(file: folder))
    }

    /// What a failed rename of (or onto) `folder` means for the user. A mount point cannot be
    /// renamed (`EBUSY`) nor replaced by a folder of the file system around it (`EXDEV`).
    static func reason(errno code: Int32, folder: String) -> String {
        switch code {
        case EBUSY, EXDEV:
            return "this folder is a mount point (another file system is mounted on it), so it cannot be replaced; choose a folder inside it, e.g. \(URL(fileURLWithPath: folder).appendingPathComponent("out").path)"
        default:
            return "cannot write output: \(String(cString: strerror(code)))"
        }
    }
}
