import Benchmark
import BenchmarkSupport
import BuurtNumerics
import Foundation
import UncertaintyWorkloads
import BuurtIndex

/// Reading the data CSV and the whole deterministic pipeline (denominate, impute, screen,
/// treat, normalise, aggregate) on the data and model of `buurtscore synth`, for the demo size,
/// a town, all Dutch buurten and a large country (× 4 years, 36 indicators).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: standardMetrics, timeUnits: .milliseconds,
                                           maxDuration: .seconds(10), maxIterations: 20)

    for units in [19, 1000, 14_000, 100_000] {
        register("read data CSV, synth \(units)×\(SynthWorkloads.indicators)×4", input: {
            let folder = try SynthWorkloads.directory(units: units)
            return folder.appendingPathComponent("data.csv").path
        }, measure: { path in
            try CSVReader.read(path: path)
        })

        register("load project (model + CSV + panel), synth \(units)×\(SynthWorkloads.indicators)×4", input: {
            try SynthWorkloads.directory(units: units).appendingPathComponent("model.yml").path
        }, measure: { path in
            try IndexProject.load(modelPath: path)
        })

        register("deterministic pipeline, synth \(units)×\(SynthWorkloads.indicators)×4", input: {
            try SynthWorkloads.project(units: units)
        }, measure: { project in
            try project.run(keepIntermediate: false)
        })
    }
}
