/// A model file with everything it refers to loaded and validated: the index tree, the
/// pipeline spec and the data panel. This is the input of ``Pipeline/run(_:model:spec:resumingAfter:keepIntermediate:)``.
public struct IndexProject: Sendable {
    public var file: ModelFile
    public var model: IndexModel
    public var panel: Panel
    /// Path of the data file that was read.
    public var dataPath: String

    /// Loads the model file, its metadata (COINr layout) or inline tree, and its data.
    ///
    /// - Parameters:
    ///   - modelPath: the YAML model file.
    ///   - dataPath: a data file that replaces the model's `data:`.
    ///   - options: CSV options for the data file (forced delimiter or decimal comma).
    /// - Throws: ``BuurtErrors`` with every problem found in the model, the metadata and the data.
    public static func load(modelPath: String, dataPath: String? = nil, options: CSVOptions = CSVOptions()) throws(BuurtErrors) -> IndexProject {
        let file = try ModelFile.load(path: modelPath)
        var nodes = file.nodes
        if let metadataPath = file.metadataPath {
            let table = try CSVReader.read(path: metadataPath)
            nodes = try MetadataLoader.load(table)
        }
        let model = try IndexModel(nodes: nodes, source: file.metadataPath ?? modelPath)
            .withWeights(file.weights, source: modelPath)
        guard let data = dataPath ?? file.dataPath else {
            throw BuurtErrors([BuurtError(.usage, "no data file: give `data:` in the model or --data", at: SourceLocation(file: modelPath))])
        }
        let table = try CSVReader.read(path: data, options: options)
        let panel = try PanelLoader.load(table, model: model, columns: file.columns)
        return IndexProject(file: file, model: model, panel: panel, dataPath: data)
    }

    /// Runs the pipeline on the loaded data with the model's spec.
    public func run(keepIntermediate: Bool = true) throws(BuurtError) -> PipelineResult {
        try Pipeline.run(panel, model: model, spec: file.spec, keepIntermediate: keepIntermediate)
    }
}
