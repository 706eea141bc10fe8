import FuzzSupport
import BuurtIndex

/// The COINr metadata loader (`iMeta.csv`): the CSV reader in the mode the first byte picks
/// (see ``FuzzInputs/CSVMode``), then the tree. A tree it accepts has exactly one root and
/// every indicator under it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMetadata(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let mode = FuzzInputs.CSVMode(FuzzDriver.buffer(data, size))
    do {
        let table = try CSVReader.parse(mode.bytes, file: "meta.csv", options: mode.options)
        let model = try MetadataLoader.loadModel(table)
        precondition(model.node(model.root) != nil && model.node(model.root)?.parent == nil, "the root is not a parentless node")
        for code in model.indicators {
            var node = model.node(code), steps = 0
            while let parent = node?.parent {
                node = model.node(parent)
                steps += 1
                precondition(steps <= model.nodes.count, "indicator \(code) is on a cycle")
            }
            precondition(node?.code == model.root, "indicator \(code) is not under the root")
        }
    } catch {
        FuzzInputs.checkProblems(error)
    }
    return 0
}
