import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// Where two versions of a file first differ.
public enum FirstDifference: Sendable, Equatable {
    /// Text files: the 1-based line number and that line on each side (`nil` when that side
    /// has fewer lines). Lines are split at `\n`; a `\r` before it stays part of the line.
    case line(number: Int, expected: String?, actual: String?)
    /// Files that are not UTF-8 text (the workbook): the 0-based byte offset.
    case byte(offset: Int)

    /// The first difference between `expected` and `actual`, `nil` when they are equal.
    /// - Complexity: O(length of the common prefix + one line).
    public static func between(expected: Data, actual: Data) -> FirstDifference? {
        guard expected != actual else { return nil }
        guard String(data: expected, encoding: .utf8) != nil, String(data: actual, encoding: .utf8) != nil else {
            let e = [UInt8](expected), a = [UInt8](actual)
            let offset = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            return .byte(offset: offset)
        }
        // Split bytes, not Characters: "\r\n" is one Character that is not "\n".
        let eLines = [UInt8](expected).split(separator: 0x0A, omittingEmptySubsequences: false)
        let aLines = [UInt8](actual).split(separator: 0x0A, omittingEmptySubsequences: false)
        var k = 0
        while k < eLines.count, k < aLines.count, eLines[k] == aLines[k] { k += 1 }
        // The texts differ, so k stops inside at least one of them.
        func line(_ lines: [ArraySlice<UInt8>]) -> String? {
            k < lines.count ? String(decoding: lines[k], as: UTF8.self) : nil
        }
        return .line(number: k + 1, expected: line(eLines), actual: line(aLines))
    }
}

/// One output file that does not verify.
public struct OutputDiscrepancy: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The file in the directory no longer has its recorded hash (changed after the run);
        /// the re-run still reproduces the recorded hash. Expected = re-run, actual = directory.
        case changedAfterRun
        /// The re-run gives other bytes than recorded. Expected = directory (still as recorded), actual = re-run.
        case notReproduced
        /// Neither the directory's copy nor the re-run has the recorded hash. Expected = re-run, actual = directory.
        case neitherMatches
        /// The manifest lists the file but the directory lacks it.
        case missing
        /// The manifest lists the file but the re-run did not write it.
        case notProducedByRerun
        /// The file is in the directory or produced by the re-run but not listed in the manifest.
        case notInManifest
        /// A comparison file (``OutputVerification/annotations``) cannot be made again: the
        /// previous run it compares with is not the one recorded (the message says what changed);
        /// `fileChanged`: the directory's copy no longer has its recorded hash either.
        case previousRunChanged(String, fileChanged: Bool)
    }

    public var path: String
    public var problem: Problem
    /// Where the two versions first differ, when both exist.
    public var difference: FirstDifference?

    public init(path: String, problem: Problem, difference: FirstDifference?) {
        self.path = path
        self.problem = problem
        self.difference = difference
    }
}

/// Compares a run's output directory with its manifest and with a re-run.
public enum OutputVerification {
    /// Every output that does not verify, sorted by path; empty when every recorded hash
    /// equals both the directory's file and the re-run's file and no unlisted file exists.
    ///
    /// - Parameters:
    ///   - manifest: the directory's manifest, with the recorded outputs.
    ///   - directory: the files found in the output directory (path → bytes), without the
    ///     manifest and without hidden files (names starting with `.`).
    ///   - rerun: the files the re-run produced, without its manifest.
    public static func discrepancies(manifest: Manifest, directory: [String: Data], rerun: [String: Data]) -> [OutputDiscrepancy] {
        let recorded = Dictionary(manifest.outputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let paths = Set(recorded.keys).union(directory.keys).union(rerun.keys)
            .filter { $0 != Manifest.fileName }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var found: [OutputDiscrepancy] = []
        for path in paths {
            let inDirectory = directory[path], fromRerun = rerun[path]
            let difference = inDirectory.flatMap { d in fromRerun.flatMap { FirstDifference.between(expected: $0, actual: d) } }
            guard let hash = recorded[path] else {
                found.append(OutputDiscrepancy(path: path, problem: .notInManifest, difference: nil))
                continue
            }
            guard let inDirectory else {
                found.append(OutputDiscrepancy(path: path, problem: .missing, difference: nil))
                continue
            }
            guard let fromRerun else {
                found.append(OutputDiscrepancy(path: path, problem: .notProducedByRerun, difference: nil))
                continue
            }
            switch (SHA256Hex.digest(inDirectory) == hash, SHA256Hex.digest(fromRerun) == hash) {
            case (true, true):
                continue
            case (false, true):
                found.append(OutputDiscrepancy(path: path, problem: .changedAfterRun, difference: difference))
            case (true, false):
                found.append(OutputDiscrepancy(
                    path: path, problem: .notReproduced,
                    difference: FirstDifference.between(expected: inDirectory, actual: fromRerun)))
            case (false, false):
                found.append(OutputDiscrepancy(path: path, problem: .neitherMatches, difference: difference))
            }
        }
        return found
    }

    /// Files an update state adds to a run folder: they compare two runs, so `verify` makes them
    /// again from the previous run the manifest records (``DiffRecord``).
    public static let annotations: Set<String> = ["diff.md", "diff.csv"]

    /// The regular files under `directory` by relative path, leaving out the manifest,
    /// hidden files and folders (names starting with `.`) and, unless `comparisons`, the
    /// comparison with the previous run that `buurtscore update` writes beside a run
    /// (``annotations``; a manifest without ``Manifest/diff`` does not record them).
    /// - Throws: `BuurtError` `.missingInput` when the directory cannot be listed or a file read;
    ///   `.data` for a link that leads out of the directory (its target is never read).
    public static func files(in directory: String, comparisons: Bool = false) throws(BuurtError) -> [String: Data] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: directory) else {
            throw BuurtError(.missingInput, "cannot list the output directory", at: SourceLocation(file: directory))
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path + "/"
        var files: [String: Data] = [:]
        while let path = walker.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            guard path != Manifest.fileName, comparisons || !annotations.contains(path) else { continue }
            let full = ManifestPath.join(directory, path)
            let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard target.hasPrefix(root) else {
                throw BuurtError(.data, "this is a link that leads out of the output directory, which holds no links of buurtscore; "
                    + "nothing outside it is read — remove the link", at: SourceLocation(file: full))
            }
            guard (try? fm.attributesOfItem(atPath: target))?[.type] as? FileAttributeType == .typeRegular else { continue }
            guard let data = fm.contents(atPath: target) else {
                throw BuurtError(.missingInput, "cannot read this output file", at: SourceLocation(file: full))
            }
            files[path] = data
        }
        return files
    }
}
