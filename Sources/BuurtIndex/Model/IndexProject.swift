import Foundation

/// A model file with everything it refers to loaded and validated: the index tree, the
/// pipeline spec and the data panel. This is the input of ``Pipeline/run(_:model:spec:resumingAfter:keepIntermediate:)``.
public struct IndexProject: Sendable {
    public var file: ModelFile
    public var model: IndexModel
    public var panel: Panel
    /// Path of the data file that was read.
    public var dataPath: String
    /// The crosswalk applied to ``panel`` (model key `crosswalk:`), if any.
    public var crosswalk: Crosswalk?
    /// The units' shapes (model key `map:`), if any.
    public var map: GeoJSONMap?
    /// SHA-256 (lowercase hex) of the bytes read from each input file, by the path it was read
    /// from: what the manifest records, even when a file changes on disk during the run.
    public var inputDigests: [String: String] = [:]
    /// Problems worth a user's attention that do not stop the run (units that disappear
    /// without a crosswalk mapping); `run` prints them on standard error and in the report.
    public var warnings: [String] = []

    /// Loads the model file, its metadata (COINr layout) or inline tree, and its data.
    ///
    /// - Parameters:
    ///   - modelPath: the YAML model file.
    ///   - dataPath: a data file that replaces the model's `data:`.
    ///   - options: CSV options for the data file (forced delimiter or decimal comma).
    ///   - recordingDigests: whether to fill ``inputDigests`` (for a manifest; `check` needs none).
    /// - Throws: ``BuurtErrors`` with every problem found in the model, the metadata and the data.
    public static func load(
        modelPath: String, dataPath: String? = nil, options: CSVOptions = CSVOptions(), recordingDigests: Bool = true
    ) throws(BuurtErrors) -> IndexProject {
        var digests: [String: String] = [:]
        /// Records the SHA-256 of the bytes read from `path`, when digests are recorded.
        func recorder(_ path: String) -> ((Data) -> Void)? {
            recordingDigests ? { digests[path] = SHA256Hex.digest($0) } : nil
        }
        let file = try ModelFile.load(path: modelPath, bytesRead: recorder(modelPath))
        let tree: IndexModel
        if let metadataPath = file.metadataPath {
            let table = try read(metadataPath, "metadata file", origin: file.origin(of: "metadata"), bytesRead: recorder(metadataPath))
            let request: MetadataDenominators.Request = file.spec.denominate != nil ? .divide
                : file.keyLocations["denominate"] != nil ? .none : .unstated(modelFile: modelPath.split(separator: "/").last.map(String.init) ?? modelPath)
            tree = try MetadataLoader.loadModel(table, denominating: request)
        } else {
            tree = try IndexModel(nodes: file.nodes, source: modelPath)
        }
        let model = try tree.withWeights(file.weights, source: modelPath)
        try file.validate(against: model)
        guard let data = dataPath ?? file.dataPath else {
            throw BuurtErrors([BuurtError(.usage, "no data file: the model has no `data:` and no data file was given", at: SourceLocation(file: modelPath))])
        }
        // The table is a temporary: its cells are freed once the panel holds the values.
        var panel = try PanelLoader.load(
            read(data, "data file", origin: dataPath != nil ? "given instead of the model's `data:`" : file.origin(of: "data"), options: options,
                 bytesRead: recorder(data)),
            model: model, columns: file.columns)
        var crosswalk: Crosswalk?
        let warnings: [String]
        if let path = file.crosswalkPath {
            let walk = try Crosswalk.load(read(path, "crosswalk file", origin: file.origin(of: "crosswalk"), bytesRead: recorder(path)))
            let outcome = walk.apply(to: panel, model: model)
            panel = outcome.panel
            crosswalk = walk
            warnings = outcome.warnings
        } else {
            warnings = Crosswalk.disappearing(panel)
        }
        try checkReferenceUnit(file, panel: panel, dataPath: data)
        let map = try file.map.map { spec throws(BuurtErrors) in
            try GeoJSONMap.load(spec, origin: file.origin(of: "map"), bytesRead: recorder(spec.path))
        }
        return IndexProject(file: file, model: model, panel: panel, dataPath: data, crosswalk: crosswalk, map: map,
                            inputDigests: digests, warnings: warnings)
    }

    /// Reads a CSV the model refers to; a missing file is reported as which file (`role`) and
    /// where its path came from (`origin`). `bytesRead` sees the bytes parsed.
    private static func read(
        _ path: String, _ role: String, origin: String, options: CSVOptions = CSVOptions(), bytesRead: ((Data) -> Void)?
    ) throws(BuurtErrors) -> CSVTable {
        do {
            return try CSVReader.read(path: path, options: options, bytesRead: bytesRead)
        } catch {
            throw BuurtErrors(error.problems.map { problem in
                guard problem.kind == .missingInput else { return problem }
                return BuurtError(.missingInput, "cannot read the \(role): \(problem.message) (\(origin))", at: problem.location)
            })
        }
    }

    /// `normalise: {method: dist2ref, unit: X}` needs unit X in the data.
    private static func checkReferenceUnit(_ file: ModelFile, panel: Panel, dataPath: String) throws(BuurtErrors) {
        guard case .dist2ref(let unit) = file.spec.normalise.method, !panel.unitCodes.contains(unit) else { return }
        var seen = Set<String>()
        let units = panel.unitCodes.filter { seen.insert($0).inserted }
        let hint = ModelFileReader.suggestion(for: unit, among: units, listAll: false)
        throw BuurtErrors([BuurtError(
            .data, "reference unit '\(unit)' of normalise method dist2ref is not in the data file \(dataPath)\(hint)",
            at: file.keyLocations["normalise.unit"] ?? SourceLocation(file: file.path))])
    }

    /// Runs the pipeline on the loaded data with the model's spec.
    /// - Throws: the failing stage's ``BuurtError``, located at that stage's key in the model file
    ///   (the stage's settings are what the user can change).
    public func run(keepIntermediate: Bool = true) throws(BuurtError) -> PipelineResult {
        do {
            return try Pipeline.run(panel, model: model, spec: file.spec, keepIntermediate: keepIntermediate)
        } catch {
            var located = error
            if located.location == nil, let stage = error.stage {
                located.location = file.keyLocations[stage.modelKey] ?? SourceLocation(file: file.path)
            }
            throw located
        }
    }
}

extension ModelFile {
    /// "named by 'data:' at model.yml:2:7; …" for messages about the file a key names.
    func origin(of key: String) -> String {
        let at = keyLocations[key].map { " at \($0)" } ?? " in \(path)"
        return "named by '\(key):'\(at); a relative path is taken from the model file's folder"
    }
}
