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

/// The files of a run, written into a directory all at once.
///
/// Inside `writing(to:_:)` every file goes to disk as soon as it is added, into a hidden
/// sibling of the target (`.NAME.partial-XXXXXXXX`), and its size and SHA-256 are taken on
/// the way: at most one file's text is in memory at a time, and the manifest never reads
/// the files again. Only when the body has finished is the sibling renamed into place; on any
/// error it is removed and an existing target directory is left exactly as it was. An
/// existing target is replaced as a whole (old files that are not written again do not linger),
/// and only when it is ours (`OutputClaim`).
///
/// ``init()`` keeps the files in memory instead and never writes them (for `verify`, which
/// repeats a run to compare it, and for tests).
public struct OutputDirectory: Sendable {
    /// One file of the directory.
    public struct File: Sendable {
        /// Path relative to the directory (`analysis/pca.csv`).
        public let path: String
        /// Size in bytes.
        public let size: Int
        /// SHA-256 of the bytes, lowercase hexadecimal (as `sha256sum` prints it).
        public let sha256: String
        fileprivate let location: Location

        /// The bytes: kept in memory, or read back from disk (available while the directory
        /// is being written, that is inside the body of `writing(to:_:)`).
        /// - Throws: `BuurtError` `.output` when a written file cannot be read back.
        public var contents: Data {
            get throws(BuurtError) {
                switch location {
                case .memory(let data):
                    return data
                case .disk(let url):
                    do {
                        return try Data(contentsOf: url)
                    } catch {
                        throw BuurtError(.output, "cannot read back the output file \(path): \(error.localizedDescription)",
                                         at: SourceLocation(file: url.path))
                    }
                }
            }
        }
    }

    fileprivate enum Location: Sendable {
        case memory(Data)
        case disk(URL)
    }

    /// The files in the order they were added (a file added again under the same path
    /// replaces the earlier one and moves to the end).
    public private(set) var files: [File] = []
    /// Where files go; `nil` keeps them in memory.
    private var staging: OutputStaging?

    /// An output kept in memory: nothing is written.
    public init() {}

    /// Runs `body` with an output whose files are written into a staging sibling of
    /// `directory` as they are added, then puts that sibling in place of `directory`.
    ///
    /// Before `body` runs, leftovers of a killed earlier run beside `directory` are tidied and
    /// `directory` is checked: it may be replaced only when it is new, empty, or a previous
    /// output under `claim`, and never when it holds one of the claim's inputs (``OutputClaim``).
    /// When `body` or a write throws, the staging folder is removed and an existing
    /// `directory` is left exactly as it was. Nothing is created before the first file is
    /// added (or, when none is, before `body` returns).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws; `BuurtError` `.output` when `directory` exists
    ///   and is not a folder, lies inside a file, is a mount point, is refused by `claim`, or
    ///   cannot be written or renamed into place.
    package static func writing<T>(
        to directory: String, claim: OutputClaim, _ body: (inout OutputDirectory) throws(BuurtError) -> T
    ) throws(BuurtError) -> T {
        var output = OutputDirectory()
        let staging = OutputStaging(target: directory, claim: claim)
        try staging.prepare()
        output.staging = staging
        do {
            let value = try body(&output)
            try output.staging?.commit()
            return value
        } catch {
            output.staging?.discard()
            throw error
        }
    }

    /// Adds a text file (UTF-8), written straight from the string's storage.
    /// - Throws: `BuurtError` `.output` when the file cannot be written (see
    ///   `writing(to:_:)`); never for an output kept in memory.
    public mutating func add(_ path: String, text: String) throws(BuurtError) {
        try add(path, bytes: text.utf8)
    }

    /// Adds a file with the given bytes.
    /// - Throws: as ``add(_:text:)``.
    public mutating func add(_ path: String, data: Data) throws(BuurtError) {
        try add(path, bytes: data)
    }

    /// Adds a file of `bytes`: writes them to disk (hashing on the way) or keeps them.
    mutating func add(_ path: String, bytes: some Sequence<UInt8>) throws(BuurtError) {
        let location: Location, written: HashingFileWriter.Written
        if var staging {
            let url = try staging.url(for: path)
            self.staging = staging
            do {
                written = try HashingFileWriter.write(bytes, to: url.path)
            } catch {
                throw staging.writeError("\(path): \(String(cString: strerror(error.code.rawValue)))")
            }
            location = .disk(url)
        } else {
            let data = Data(bytes)
            written = HashingFileWriter.describe(data)
            location = .memory(data)
        }
        files.removeAll { $0.path == path }
        files.append(File(path: path, size: written.size, sha256: written.sha256, location: location))
    }
}
