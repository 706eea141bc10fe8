import BuurtNumerics
import Foundation

/// Writes a set of files into a directory all at once.
///
/// Files are first written into a hidden temporary sibling of the target; only when every file
/// is written is the sibling renamed into place. On any error the temporary sibling is removed
/// and an existing target directory is left exactly as it was. An existing target is replaced
/// as a whole (old files that are not written again do not linger).
public struct OutputDirectory: Sendable {
    /// Files by path relative to the directory (`analysis/pca.csv`), in writing order.
    public var files: [(path: String, contents: Data)] = []

    public init() {}

    /// Adds a text file (UTF-8).
    public mutating func add(_ path: String, text: String) {
        files.append((path, Data(text.utf8)))
    }

    /// Writes every file under `directory`, atomically as described above.
    /// - Throws: ``BuurtError`` of kind `.cannotCreate` naming the path that failed.
    public func write(to directory: String) throws(BuurtError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
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
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
            let replacing = fm.fileExists(atPath: target.path)
            if replacing { try fm.moveItem(at: target, to: retired) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if replacing { try? fm.moveItem(at: retired, to: target) }
                throw error
            }
            if replacing { try? fm.removeItem(at: retired) }
        } catch {
            try? fm.removeItem(at: staging)
            throw BuurtError(.cannotCreate, "cannot write output: \(error.localizedDescription)", at: SourceLocation(file: target.path))
        }
    }
}
