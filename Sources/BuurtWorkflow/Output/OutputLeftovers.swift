import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The hidden siblings a killed program can leave beside an output folder `NAME`: staging
/// folders `.NAME.partial-TOKEN` and an old `NAME` moved aside as `.NAME.previous-TOKEN` just
/// before the new one was to be renamed into place (``TemporaryName``). The next output into
/// `NAME` tidies them first.
enum OutputLeftovers {
    /// Before an output is written to `target`:
    /// - every `.NAME.partial-*` that this process is not writing is removed (a staging folder is
    ///   never the only copy of anything);
    /// - one `.NAME.previous-*` while `NAME` is missing is the user's old output: it is moved
    ///   back to `NAME` (and then replaced as a previous output is);
    /// - `.NAME.previous-*` beside a `NAME` that is a complete output of `claim` are removed
    ///   (the killed run had put its output in place).
    /// - Throws: ``BuurtError`` `.output` naming the `.previous-*` folders that cannot be
    ///   judged (several while `NAME` is missing, or beside a `NAME` that is not a complete
    ///   output) or cannot be moved back; nothing is removed then.
    /// - Returns: whether an old output was moved back to `target` (to be checked again).
    static func tidy(_ target: URL, claim: OutputClaim) throws(BuurtError) -> Bool {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard let siblings = try? fm.contentsOfDirectory(atPath: parent.path) else { return false }
        let writing = Set(StagingRegistry.stagingFolders)
        for sibling in siblings where TemporaryName.target(of: sibling, kinds: [.partial]) == name {
            let path = parent.appendingPathComponent(sibling).path
            if !writing.contains(path) { try? fm.removeItem(atPath: path) }
        }
        let previous = siblings.filter { TemporaryName.target(of: $0, kinds: [.previous]) == name }.sorted()
        guard !previous.isEmpty else { return false }
        let listed = previous.map { parent.appendingPathComponent($0).path }
        if !fm.fileExists(atPath: target.path), previous.count == 1 {
            do {
                try FileRename.rename(listed[0], to: target.path, naming: target.path)
            } catch {
                throw BuurtError(.output, "an interrupted run left the earlier output aside as \(listed[0]) and it cannot be moved back (\(error.message)); rename it to \(name) yourself",
                                 at: SourceLocation(file: target.path))
            }
            return true
        }
        if fm.fileExists(atPath: target.path), claim.holdsCompleteOutput(target) {
            for path in listed { try? fm.removeItem(atPath: path) }
            return false
        }
        let state = fm.fileExists(atPath: target.path) ? "beside this folder, which is not a complete output" : "while this folder is missing"
        throw BuurtError(.output, "interrupted runs left earlier outputs aside (\(listed.joined(separator: ", "))) \(state); nothing was changed: keep the one you want as \(name), remove the others, and run again",
                         at: SourceLocation(file: target.path))
    }
}
