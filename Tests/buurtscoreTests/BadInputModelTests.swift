import Testing

/// Broken model files and metadata: each breaks one thing in `model.yml` (lines as in
/// ``ValidProject/model``: groups 7–9, indicators 11–14, impute 19, normalise 20) or in
/// `meta-model.yml` / `meta.csv`.
@Suite struct BadInputModelTests {
    typealias V = ValidProject
    static let living = "{code: living, name: Living, parent: index, weight: 1}"
    static let runMetadata = ["run", "meta-model.yml", "--out", "OUT"]

    static let catalogue: [BadInput] = [
        BadInput(name: "cycle in the tree",
                 files: ["model.yml": V.model(living, "{code: living, name: Living, parent: extra, weight: 1}\n  - {code: extra, name: Extra, parent: living}")],
                 exitCode: 65, location: "model.yml:7:3", fragments: ["the tree has a cycle through living"]),
        BadInput(name: "weight not a number",
                 files: ["model.yml": V.model("parent: index, weight: 1}\n  - {code: living", "parent: index, weight: heavy}\n  - {code: living")],
                 exitCode: 65, location: "model.yml:8:57", fragments: ["weight of group 'safety' must be a number, got 'heavy'"]),
        BadInput(name: "direction 2",
                 files: ["model.yml": V.model("parent: living, direction: 1}\n  - {code: contact", "parent: living, direction: 2}\n  - {code: contact")],
                 exitCode: 65, location: "model.yml:13:69",
                 fragments: ["direction of indicator 'green' must be 1 (higher is better) or -1 (lower is better), got 2"]),
        BadInput(name: "stage key misspelt (normalize)",
                 files: ["model.yml": V.model("normalise:", "normalize:")],
                 exitCode: 65, location: "model.yml:20:1", fragments: ["unknown key 'normalize' in the model file; did you mean 'normalise'?"]),
        BadInput(name: "unknown normalise method",
                 files: ["model.yml": V.model("method: minmax", "method: minimax")],
                 exitCode: 65, location: "model.yml:20:21", fragments: ["unknown normalise method 'minimax'; did you mean 'minmax'?"]),
        BadInput(name: "range of one number",
                 files: ["model.yml": V.model("range: [0, 100]", "range: [0]")],
                 exitCode: 65, location: "model.yml:20:36",
                 fragments: ["range of normalise must be two numbers [lower, upper], got a list of 1 item"]),
        BadInput(name: "range with a word",
                 files: ["model.yml": V.model("range: [0, 100]", "range: [0, high]")],
                 exitCode: 65, location: "model.yml:20:40", fragments: ["the upper end of range of normalise must be a number, got 'high'"]),
        BadInput(name: "two roots",
                 files: ["model.yml": V.model(living, "{code: living, name: Living}")],
                 exitCode: 65, location: "model.yml:9:5",
                 fragments: ["group 'living' has no parent, but 'index' is already the index; exactly one group may have no parent"]),
        BadInput(name: "aggregate without children",
                 files: ["model.yml": V.model("indicators:", "  - {code: empty, name: Empty, parent: index}\nindicators:")],
                 exitCode: 65, location: "model.yml:10:5", fragments: ["group 'empty' has no indicators or groups under it"]),
        BadInput(name: "impute by a group column that does not exist",
                 files: ["model.yml": V.model("by: wijk", "by: district")],
                 exitCode: 65, location: "model.yml:19:28",
                 fragments: ["impute by 'district': expected period, all, or a column declared with type: group (declared: 'wijk')"]),
        BadInput(name: "dist2ref with a unit absent from the data",
                 files: ["model.yml": V.model("method: minmax, range: [0, 100]", "method: dist2ref, unit: BU0101")],
                 exitCode: 65, location: "model.yml:20:37",
                 fragments: ["reference unit 'BU0101' of normalise method dist2ref is not in the data file data.csv"]),
        BadInput(name: "model without data key",
                 files: ["model.yml": V.model("data: data.csv\n", "")],
                 exitCode: 65, location: "model.yml:1:1",
                 fragments: ["missing key 'data': the model needs the path of its data CSV (data: data.csv)"]),
        BadInput(name: "YAML syntax error (unclosed brace)",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic")],
                 exitCode: 65, location: "model.yml:22:1", fragments: ["YAML syntax error"]),
        BadInput(name: "model file not UTF-8",
                 files: ["model.yml": V.latin1(V.replacing("title: Small", with: "title: Café", in: V.model))],
                 exitCode: 65, location: "model.yml:1:11",
                 fragments: ["the model file is not UTF-8 text: invalid UTF-8 byte 0xE9 (save the file as UTF-8)"]),
        BadInput(name: "model file missing",
                 arguments: ["run", "nomodel.yml", "--out", "OUT"],
                 exitCode: 66, location: "nomodel.yml", fragments: ["model file not found"]),
        BadInput(name: "model file is a directory",
                 files: ["model.yml": .directory],
                 exitCode: 66, location: "model.yml", fragments: ["this is a directory, not a model file"]),
        BadInput(name: "both metadata and inline lists",
                 files: ["model.yml": V.model("data: data.csv\n", "data: data.csv\nmetadata: meta.csv\n")],
                 exitCode: 65, location: "model.yml:7:1",
                 fragments: ["'groups' cannot be used together with 'metadata': the metadata file already defines the tree",
                             "model.yml:11:1: 'indicators' cannot", "model.yml:16:1: 'columns' cannot"]),
        BadInput(name: "metadata with an unknown Type",
                 files: ["meta.csv": V.metadata("Green space,living,Indicator", "Green space,living,Indikator")], arguments: runMetadata,
                 exitCode: 65, location: "meta.csv:7:26",
                 fragments: ["unknown Type 'Indikator' for 'green'; expected Indicator, Aggregate, Group, Denominator or Other"]),
        BadInput(name: "metadata with a Parent that is not defined",
                 files: ["meta.csv": V.metadata("green,Green space,living", "green,Green space,livng")], arguments: runMetadata,
                 exitCode: 65, location: "meta.csv:7:19", fragments: ["parent 'livng' of 'green' is not defined; did you mean 'living'?"]),
        BadInput(name: "metadata file missing",
                 files: ["meta.csv": .absent], arguments: runMetadata,
                 exitCode: 66, location: "meta.csv",
                 fragments: ["cannot read the metadata file: file not found (named by 'metadata:' at meta-model.yml:3:11"]),
    ]

    @Test(arguments: catalogue)
    func failsWithALocatedMessageAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }
}
