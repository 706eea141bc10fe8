import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// Paths written into the manifest: relative between two places, so they do not change when a
/// project folder is moved or run from another working directory.
package enum ManifestPath {
    /// `path` made absolute against the current directory, with `.` and `..` resolved textually.
    package static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The path of `target` as seen from the folder `directory` (`../data/x.csv`). Both are
    /// taken relative to the current directory when not absolute.
    package static func relative(to target: String, from directory: String) -> String {
        let to = components(absolute(target)), from = components(absolute(directory))
        var common = 0
        while common < to.count, common < from.count, to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How an input given as `path` is recorded: relative to the model file's folder, also
    /// when either was given absolute, so that moving the project folder as a whole keeps
    /// the record valid.
    package static func recorded(_ path: String, modelFile: String) -> String {
        relative(to: path, from: folder(of: modelFile))
    }

    /// A recorded path back as a usable path: absolute ones unchanged, others joined to the
    /// model file's folder.
    package static func resolve(_ recorded: String, modelFile: String) -> String {
        if recorded.hasPrefix("/") { return recorded }
        let folder = folder(of: modelFile)
        return folder == "." ? recorded : join(folder, recorded)
    }

    /// A path given relative to `directory`, joined to it (absolute paths unchanged).
    package static func join(_ directory: String, _ path: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }

    /// The folder of a file path; `.` for a bare file name.
    static func folder(of file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func components(_ absolutePath: String) -> [Substring] {
        absolutePath.split(separator: "/", omittingEmptySubsequences: true)
    }
}
