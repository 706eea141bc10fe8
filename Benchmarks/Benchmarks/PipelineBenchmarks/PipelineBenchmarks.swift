import Benchmark
import BuurtNumerics
import BuurtRanking

/// The deterministic pipeline on synthetic data of the size of all Dutch buurten
/// (14,000 units × 4 years), and on the 19-buurt demo size.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
                                           maxDuration: .seconds(20), maxIterations: 20)

    for units in [19, 14_000] {
        let dataset = SyntheticData.generate(units: units, years: 2017...2020, seed: 2017)
        let file = try! ModelFile.parse(dataset.modelYAML, file: "model.yml", baseDirectory: ".")
        let model = try! IndexModel(nodes: file.nodes)
        let table = try! CSVReader.parse(Array(dataset.dataCSV.utf8), file: "data.csv")
        let panel = try! PanelLoader.load(table, model: model, columns: file.columns)

        Benchmark("parse data CSV, \(units) units × 4 years") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! CSVReader.parse(Array(dataset.dataCSV.utf8), file: "data.csv"))
            }
        }

        Benchmark("full pipeline, \(units) units × 4 years") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! Pipeline.run(panel, model: model, spec: file.spec, keepIntermediate: false))
            }
        }
    }
}
