import FuzzSupport
import BuurtIndex

/// The YAML model loader: parse the text, build the index tree (inline lists), apply the
/// weight overrides and validate the file against the tree, as `buurtscore check` does before
/// it reads data. Also the canonical form (hashed into the manifest) of every model it accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.buffer(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        let file = try ModelFile.parse(text, file: "model.yml", baseDirectory: "")
        let tree = try IndexModel(nodes: file.nodes, source: "model.yml")
        let model = try tree.withWeights(file.weights, source: "model.yml")
        try file.validate(against: model)
        _ = file.canonicalForm()
    } catch {
        FuzzInputs.checkProblems(error)
    }
    return 0
}
