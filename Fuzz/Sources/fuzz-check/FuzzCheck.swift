import FuzzSupport
import BuurtIndex

/// What `buurtscore check` does, in memory: the input is a model file, the line `%%`, a data
/// file, and optionally `%%` and a COINr metadata file (used when the model has `metadata:`).
/// Model, tree, weights, data and every pipeline stage; the data is read in the CSV mode the
/// first byte of the data part picks (see ``FuzzInputs/CSVMode``).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = FuzzInputs.parts(FuzzDriver.buffer(data, size), limit: 3)
    guard parts.count >= 2, let text = String(validating: parts[0], as: UTF8.self) else { return 0 }
    do {
        let file = try ModelFile.parse(text, file: "model.yml", baseDirectory: "")
        let tree: IndexModel
        if file.metadataPath != nil {
            guard parts.count == 3 else { return 0 }
            tree = try MetadataLoader.loadModel(try CSVReader.parse(parts[2], file: "meta.csv"))
        } else {
            tree = try IndexModel(nodes: file.nodes, source: "model.yml")
        }
        let model = try tree.withWeights(file.weights, source: "model.yml")
        try file.validate(against: model)
        let mode = parts[1].withUnsafeBufferPointer { FuzzInputs.CSVMode($0) }
        let table = try CSVReader.parse(mode.bytes, file: "data.csv", options: mode.options)
        let panel = try PanelLoader.load(table, model: model, columns: file.columns)
        do {
            let result = try Pipeline.run(panel, model: model, spec: file.spec, keepIntermediate: false)
            precondition(result.aggregated.rowCount <= panel.rowCount, "the pipeline added rows")
        } catch {
            precondition(!error.message.isEmpty, "a stage failed without a message")
        }
    } catch {
        FuzzInputs.checkProblems(error)
    }
    return 0
}
