import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

extension UpdateStateDirectory {
    /// Brings an interrupted update to the state before it (or, when `latest` already moved,
    /// after it), and refuses a directory it cannot prove to be one of those.
    ///
    /// Removed are only what is provably ours: temporary files and folders, and the run and
    /// files named by the journal (``UpdateJournal``) of an update whose run `latest` does not
    /// name. `data.csv` is rewritten from `inputs/<latest>.csv` only when it is missing or
    /// holds the figures of a run (an update writes it just before the commit); any other
    /// content is a user's edit. Every check comes before the first change, so a refusal
    /// changes nothing. Call it while holding the lock.
    /// - Throws: ``BuurtError`` `.data` naming what is inconsistent and what to do: a `latest`
    ///   that is missing while runs exist, that holds no run name, that names an incomplete run
    ///   or one older than another run or figures; an edited `data.csv`; a journal that does
    ///   not fit `latest`. `.output` when a file cannot be removed or written.
    package func recover() throws(BuurtError) {
        try recoveryPlan().carryOut()
    }

    /// What recovery will change, decided before anything is changed.
    private struct RecoveryPlan {
        enum DataFile { case keep, restore(Data, at: String), remove(String) }
        var data = DataFile.keep
        var removals: [String] = []
        /// Folders that --init created, removed when empty after the removals.
        var emptyFolders: [String] = []
        var journal: String?

        /// A `data.csv` that holds the figures of a run first (so that an interrupted recovery
        /// still finds them among the runs'), then the leftovers, then a missing or unreadable
        /// `data.csv`, then the journal.
        func carryOut() throws(BuurtError) {
            let dataFirst: Bool
            if case .restore(_, let path) = data { dataFirst = FileManager.default.contents(atPath: path) != nil } else { dataFirst = true }
            if dataFirst { try changeData() }
            for path in removals where FileManager.default.fileExists(atPath: path) { try remove(path) }
            for folder in emptyFolders { rmdir(folder) }
            if !dataFirst { try changeData() }
            if let journal { try remove(journal) }
        }

        private func changeData() throws(BuurtError) {
            switch data {
            case .keep: break
            case .restore(let figures, let path): try AtomicFile.write(figures, to: path)
            case .remove(let path): try remove(path)
            }
        }

        private func remove(_ path: String) throws(BuurtError) {
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw BuurtError(.output, "cannot remove what an interrupted update left: \(error.localizedDescription)", at: SourceLocation(file: path))
            }
        }
    }

    private func recoveryPlan() throws(BuurtError) -> RecoveryPlan {
        let fm = FileManager.default
        var plan = RecoveryPlan()
        let journal = try UpdateJournal.read(self)
        let latest = try latest()
        // Without a journal or a run, nothing here is provably ours (--init refuses such files).
        for folder in [path, runsPath, inputsPath, versionsPath] where journal != nil || latest != nil {
            for entry in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where Self.isTemporary(entry) {
                plan.removals.append(ManifestPath.join(folder, entry))
            }
        }
        var runs = runs(), inputs = inputRuns(), versions = versionRuns()
        let allInputs = inputs
        func figuresOfARun(_ data: Data) -> Bool { allInputs.contains { fm.contents(atPath: inputPath($0)) == data } }
        if let journal {
            plan.journal = join(UpdateJournal.fileName)
            if journal.run != latest {
                try check(journal, fits: latest)
                try checkOnlyWritten(by: journal)
                plan.removals += [runPath(journal.run), inputPath(journal.run)] + journal.created.map(join)
                runs.removeAll { $0 == journal.run }
                inputs.removeAll { $0 == journal.run }
                versions.removeAll { $0 == journal.run }
                if journal.isInitialisation {
                    plan.emptyFolders = journal.created.flatMap(parentFolders) + [runsPath, inputsPath]
                } else {
                    plan.emptyFolders = [versionsPath]
                }
            }
        }
        let held = runs.map { "runs/\($0)" } + inputs.map { "inputs/\($0).csv" }
        // A data.csv that is not a file is left alone (an update refuses it before recovery).
        var info = stat()
        let dataKept = lstat(dataPath, &info) == 0 && info.st_mode & S_IFMT != S_IFREG
        let data = dataKept ? nil : fm.contents(atPath: dataPath)
        guard let latest else {
            guard held.isEmpty else {
                throw BuurtError(.data, "`latest` is missing, but the state holds \(held.joined(separator: ", ")): write the name of the newest complete run into `latest` (one line, such as 2021); nothing was changed",
                                 at: SourceLocation(file: latestPath))
            }
            if journal?.isInitialisation == true, let data {
                guard figuresOfARun(data) else { throw edited(data: "holds figures of no run") }
                plan.data = .remove(dataPath)
            }
            return plan
        }
        try checkComplete(latest)
        let newer = runs.filter { $0 > latest }.map { "runs/\($0)" } + inputs.filter { $0 > latest }.map { "inputs/\($0).csv" }
            + versions.filter { $0 > latest }.map { versionFolder($0) }
        guard newer.isEmpty else {
            throw BuurtError(.data, "`latest` names run \(latest), but the state holds \(newer.joined(separator: ", ")), newer than that run, which no interrupted update left: write the name of the newest run into `latest` when that run is complete, or move the newer files out of the state; nothing was changed",
                             at: SourceLocation(file: latestPath, line: 1))
        }
        guard let figures = fm.contents(atPath: inputPath(latest)) else {
            throw BuurtError(.data, "the figures of the latest run \(latest) are missing: the state cannot be updated; nothing was changed", at: SourceLocation(file: inputPath(latest)))
        }
        if data != figures, !dataKept {
            guard data.map(figuresOfARun) ?? true else {
                throw edited(data: "differs from inputs/\(latest).csv, the figures of the latest run \(latest)")
            }
            plan.data = .restore(figures, at: dataPath)
        }
        return plan
    }

    /// A journal whose run `latest` does not name must be an update to a newer run, or an
    /// --init of a state without runs.
    private func check(_ journal: UpdateJournal, fits latest: RunName?) throws(BuurtError) {
        let fits = journal.isInitialisation ? latest == nil : latest.map { journal.run > $0 } ?? false
        guard !fits else { return }
        throw BuurtError(.data, "the journal of an interrupted \(journal.isInitialisation ? "initialisation" : "update") names run \(journal.run), which cannot follow `latest` (\(latest?.description ?? "missing")): nothing was changed; restore `latest`, or remove the journal if the state is as it should be",
                         at: SourceLocation(file: join(UpdateJournal.fileName), line: 1))
    }

    /// Refuses a `data.csv` that is a symbolic link, a pipe, a folder or a device (before an
    /// update reads or replaces it).
    /// - Throws: ``BuurtError`` `.data` naming it.
    func checkDataFile() throws(BuurtError) {
        _ = try regularFile("data.csv", remedy: "put back a copy of the figures of the latest run (inputs/<latest>.csv) as data.csv")
    }

    /// The state's model (and the files it names) are those the latest run was computed
    /// from: each input but the data that its manifest records has the recorded SHA-256.
    /// - Throws: ``BuurtError`` `.data` naming the first file that differs or is missing.
    func checkModel(of run: RunName) throws(BuurtError) {
        let manifestPath = ManifestPath.join(runPath(run), Manifest.fileName)
        // Recovery has refused a latest run without a manifest of ours.
        guard let data = FileManager.default.contents(atPath: manifestPath), let manifest = try? Manifest.parse(data, file: manifestPath) else { return }
        let folder = try modelFolder(of: run)
        for input in manifest.inputs where input.role != "data" && !input.path.hasPrefix("/") && !input.path.contains("..") {
            let relative = folder.isEmpty ? input.path : folder + "/" + input.path
            let remedy = "restore the \(input.role) file the latest run was computed with"
            let bytes = try regularFile(relative, remedy: remedy)
            guard bytes.map(SHA256Hex.digest) != input.sha256 else { continue }
            let what = input.role == "model" ? "the model" : "the \(input.role) file"
            throw BuurtError(.data, "\(relative) \(bytes == nil ? "is missing" : "was changed"): it is not \(what) the latest run \(run) was computed with (runs/\(run)/manifest.json records its SHA-256). A state keeps every version of its model, so that its runs can be verified and compared; \(remedy) and run the update again (a new model or crosswalk is given to the update, not edited in the state); nothing was changed",
                             at: SourceLocation(file: join(relative)))
        }
    }

    /// The folder of the journal's run holds nothing but what that run wrote: the files its
    /// manifest lists, the manifest, and the comparison files (`diff.md`, `diff.csv`).
    private func checkOnlyWritten(by journal: UpdateJournal) throws(BuurtError) {
        let folder = runPath(journal.run)
        guard Self.exists(folder) else { return }
        let manifest = FileManager.default.contents(atPath: ManifestPath.join(folder, Manifest.fileName))
            .flatMap { try? Manifest.parse($0, file: folder) }
        let written = Set(["diff.md", "diff.csv"] + (manifest.map { [Manifest.fileName] + $0.outputs.map(\.path) } ?? []))
        var foreign: [String] = []
        var info = stat()
        if lstat(folder, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            foreign = ["runs/\(journal.run)"]
        }
        for entry in foreign.isEmpty ? (FileManager.default.subpaths(atPath: folder) ?? []).sorted() : [] {
            guard lstat(ManifestPath.join(folder, entry), &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            if !written.contains(entry) { foreign.append("runs/\(journal.run)/\(entry)") }
        }
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
        throw BuurtError(.data, "this run of an interrupted update holds what that update did not write (\(shown)): move it out of the state, then run the update again; nothing was changed",
                         at: SourceLocation(file: folder))
    }

    /// The run `latest` names is complete: its manifest parses and every file it lists exists.
    private func checkComplete(_ run: RunName) throws(BuurtError) {
        let folder = runPath(run), manifestPath = ManifestPath.join(folder, Manifest.fileName)
        let problem: String
        if let data = FileManager.default.contents(atPath: manifestPath) {
            guard let manifest = try? Manifest.parse(data, file: manifestPath) else {
                throw incomplete(run, "its manifest.json is not one this program writes")
            }
            guard let missing = manifest.outputs.first(where: { !FileManager.default.fileExists(atPath: ManifestPath.join(folder, $0.path)) }) else { return }
            problem = "\(missing.path), listed in its manifest.json, is missing"
        } else {
            problem = "it has no manifest.json"
        }
        throw incomplete(run, problem)
    }

    private func incomplete(_ run: RunName, _ problem: String) -> BuurtError {
        let others = runs().filter { $0 != run }.map(\.description)
        return BuurtError(.data, "`latest` names run \(run), but runs/\(run) is not a complete run (\(problem))\(others.isEmpty ? "" : "; runs/ also holds \(others.joined(separator: ", "))"): write the name of the newest complete run into `latest`; nothing was changed",
                          at: SourceLocation(file: latestPath, line: 1))
    }

    private func edited(data problem: String) -> BuurtError {
        BuurtError(.data, "data.csv \(problem) (edited by hand?): nothing was changed; put back the figures of the latest run to undo the edit (new figures are added with an update, not by editing data.csv)",
                   at: SourceLocation(file: dataPath), remedy: .updateState(directory: path))
    }

    /// The folders above `relative` inside the state, deepest first.
    private func parentFolders(_ relative: String) -> [String] {
        var parts = relative.split(separator: "/").dropLast().map(String.init)
        var folders: [String] = []
        while !parts.isEmpty {
            folders.append(join(parts.joined(separator: "/")))
            parts.removeLast()
        }
        return folders
    }
}
