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

/// The name of one run of an update state: its newest period, and a revision number from 2
/// on when that period was already run before (`2021`, `2021-r2`, `2021-r3`, …).
public struct RunName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var period: Int
    public var revision: Int

    public init(period: Int, revision: Int = 1) {
        self.period = period
        self.revision = revision
    }

    /// Parses `2021` or `2021-r2`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let period = parts.first.flatMap({ Int($0) }), parts.count <= 2 else { return nil }
        if parts.count == 2 {
            guard parts[1].hasPrefix("r"), let revision = Int(parts[1].dropFirst()), revision >= 2 else { return nil }
            self.init(period: period, revision: revision)
        } else {
            self.init(period: period)
        }
    }

    public var description: String { revision == 1 ? String(period) : "\(period)-r\(revision)" }

    public static func < (a: RunName, b: RunName) -> Bool { (a.period, a.revision) < (b.period, b.revision) }

    /// The name of the run after `previous` whose newest period is `period`.
    public static func next(period: Int, after previous: RunName?) -> RunName {
        guard let previous, previous.period == period else { return RunName(period: period) }
        return RunName(period: period, revision: previous.revision + 1)
    }
}

/// The files of an update state directory:
///
///     model.yml          the first version of the model, with the files it names (metadata,
///                        crosswalk.csv, the map), as --init copied them
///     versions/<run>/    each later version (model.yml and the files it names), written by the
///                        run <run> that took it (a new model or crosswalk)
///     data.csv           the accumulated figures, a copy of inputs/<latest>.csv
///     inputs/<run>.csv   the figures each run was computed from (never changed afterwards)
///     runs/<run>/        the output of each run (as `buurtscore run`) with diff.md and diff.csv
///     latest             the name of the newest run, one line
///     .lock              held (flock) while an update runs
///
///     .update-journal    the run an update is writing, while it writes it (``UpdateJournal``)
///
/// No file a run's manifest names is ever changed: a run is computed from the model its
/// manifest records (`model.location`: `../../model.yml` or `../../versions/<run>/model.yml`),
/// the next update starts from the latest run's version (``modelFolder(of:)``), and a new
/// model or crosswalk becomes a new folder under `versions/`. So every run stays verifiable.
///
/// An update writes its journal, then its new version (staged, renamed into place), then
/// `inputs/<run>.csv`, `runs/<run>/` and `data.csv`, then replaces `latest` (write to a
/// temporary file, then rename: the commit), then removes the journal. Whatever moment it
/// stops at, ``recover()`` turns the directory into exactly the state before or after the
/// update, and refuses a directory it cannot prove to be such.
package struct UpdateStateDirectory: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    package var modelPath: String { join("model.yml") }
    package var dataPath: String { join("data.csv") }
    package var latestPath: String { join("latest") }
    package var lockPath: String { join(".lock") }
    package var runsPath: String { join("runs") }
    package var inputsPath: String { join("inputs") }

    package func runPath(_ run: RunName) -> String { join("runs/\(run)") }
    package func inputPath(_ run: RunName) -> String { join("inputs/\(run).csv") }

    package func join(_ relative: String) -> String { ManifestPath.join(path, relative) }

    /// The newest run, `nil` when the directory holds no state.
    /// - Throws: ``BuurtError`` `.data` when `latest` does not name a run.
    package func latest() throws(BuurtError) -> RunName? {
        guard let data = try regularFile("latest", remedy: "replace it by a file holding the name of the newest complete run (one line, such as 2021)") else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let run = RunName(text) else {
            let held = runs().isEmpty ? "runs/ holds no run" : "runs/ holds \(runs().map(\.description).joined(separator: ", "))"
            throw BuurtError(.data, "'\(text)' is not the name of a run (expected a year such as 2021, or 2021-r2); \(held): write the name of the newest complete run into `latest`; nothing was changed",
                             at: SourceLocation(file: latestPath, line: 1))
        }
        return run
    }

    /// The runs that have a folder under `runs/`, ascending.
    package func runs() -> [RunName] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runsPath)) ?? []).compactMap(RunName.init).sorted()
    }

    /// The runs that have figures `inputs/<run>.csv`, ascending.
    func inputRuns() -> [RunName] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inputsPath)) ?? [])
            .compactMap { $0.hasSuffix(".csv") ? RunName(String($0.dropLast(4))) : nil }.sorted()
    }

    /// Names of temporary files and folders that an interrupted write leaves behind
    /// (``TemporaryName``: `.NAME.tmp-XXXXXXXX`, `.NAME.partial-…`, `.NAME.previous-…`).
    static func isTemporary(_ entry: String) -> Bool {
        TemporaryName.target(of: entry) != nil
    }

    /// Whether something (a file, a folder, a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The bytes of the state's file `relative`, `nil` when there is none; a symbolic link, a
    /// pipe, a folder or a device is refused without being followed or opened.
    /// - Throws: ``BuurtError`` `.data` naming the file and ending with `remedy`.
    func regularFile(_ relative: String, remedy: String) throws(BuurtError) -> Data? {
        let file = join(relative)
        var info = stat()
        guard lstat(file, &info) == 0 else { return nil }
        let kinds: [mode_t: String] = [S_IFLNK: "a symbolic link", S_IFIFO: "a named pipe (FIFO)", S_IFDIR: "a folder", S_IFSOCK: "a socket"]
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = kinds[info.st_mode & S_IFMT] ?? "a device"
            throw BuurtError(.data, "`\(relative)` is \(kind), not a regular file; an update state holds only files (this program neither follows nor opens anything else): \(remedy); nothing was changed",
                             at: SourceLocation(file: file))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw BuurtError(.missingInput, "cannot read this file", at: SourceLocation(file: file))
        }
        return data
    }
}

/// Replacing a file as a whole: the bytes go to a temporary sibling, are flushed to disk, and
/// the sibling is renamed over the target, so a reader sees the old or the new file, never a part.
package enum AtomicFile {
    /// - Throws: ``BuurtError`` `.output` naming the target.
    package static func write(_ data: Data, to target: String) throws(BuurtError) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(TemporaryName.make(url.lastPathComponent, .tmp))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BuurtError(.output, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: folder.path))
        }
        // A new file of our own (never an existing one, never through a link).
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuurtError(.output, "cannot create a temporary file: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary.path))
        }
        do {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, target) == 0 else {
                throw BuurtError(.output, "cannot rename \(temporary.lastPathComponent) into place: \(String(cString: strerror(errno)))", at: SourceLocation(file: target))
            }
        } catch let error as BuurtError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw BuurtError(.output, "cannot write: \(error.localizedDescription)", at: SourceLocation(file: target))
        }
    }

    package static func write(_ text: String, to target: String) throws(BuurtError) {
        try write(Data(text.utf8), to: target)
    }
}
