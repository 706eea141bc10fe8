import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The record of an update (or `--init`) in progress: `STATE/.update-journal`, written before
/// the update's first file and removed once `latest` names its run.
///
/// It is what makes the leftovers of an interrupted update provably ours: recovery removes
/// `runs/<run>/` and `inputs/<run>.csv` of the run it names and the paths it lists (for
/// `--init` the model and its files, for an update with a new model or crosswalk its
/// `versions/<run>` folder) and nothing else. Text: `update 2021` or `init 2020`, then one
/// created path per line.
struct UpdateJournal: Sendable, Equatable {
    static let fileName = ".update-journal"

    /// The run being written.
    var run: RunName
    /// Whether the state had no run before (`--init`).
    var isInitialisation: Bool
    /// Files and folders besides the run's own that the operation creates, relative to the
    /// state (`--init`: the model and its companion files; an update: `versions/<run>`).
    var created: [String] = []

    var text: String {
        ([(isInitialisation ? "init " : "update ") + run.description] + created).joined(separator: "\n") + "\n"
    }

    /// The journal of `state`, `nil` when there is none.
    /// - Throws: ``BuurtError`` `.data` when the file is not a journal this program writes.
    static func read(_ state: UpdateStateDirectory) throws(BuurtError) -> UpdateJournal? {
        let path = state.join(fileName)
        guard let data = try state.regularFile(fileName, remedy: "remove it if it is not yours and run the update again") else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let head = lines.first?.split(separator: " ").map(String.init) ?? []
        guard head.count == 2, ["init", "update"].contains(head[0]), let run = RunName(head[1]),
              lines.dropFirst().allSatisfy(isPlainRelativePath) else {
            throw BuurtError(.data, "this is not the journal of an interrupted update; nothing was changed: remove the file if it is not yours and run the update again",
                             at: SourceLocation(file: path, line: 1))
        }
        return UpdateJournal(run: run, isInitialisation: head[0] == "init", created: Array(lines.dropFirst()))
    }

    /// A path inside the state that names no run file and does not climb out of it.
    private static func isPlainRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            && !["runs", "inputs", "latest", "data.csv", ".lock", fileName].contains(String(parts[0]))
    }

    func write(to state: UpdateStateDirectory) throws(BuurtError) {
        try AtomicFile.write(text, to: state.join(Self.fileName))
    }
}
