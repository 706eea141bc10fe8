import Benchmark
import BenchmarkSupport
import BuurtNumerics
import BuurtRanking
import Foundation
import UncertaintyWorkloads
import BuurtIndex

/// The Monte Carlo uncertainty analysis (engine construction and every summary of
/// `buurtscore run`: uncertainty, priorities, themes) on every core, for three sets of uncertain
/// inputs: weights only (the compiled path), weights + normalisation + aggregation (the general
/// path), and everything including sampling error (the data of `buurtscore synth`, which
/// declares survey sizes and populations); the geometric alternative and the national demo
/// settings of `compare/compare.py` (``ModelFileWorkloads``); and on COINr's ASEM example.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: standardMetrics, timeUnits: .milliseconds, warmupIterations: 0,
                                           maxDuration: .seconds(120), maxIterations: 3)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    let twice = Benchmark.Configuration(maxIterations: 2)

    func engine(_ name: String, configuration: Benchmark.Configuration = Benchmark.defaultConfiguration,
                _ make: @escaping () throws -> UncertaintyWorkloads.Workload?) {
        register(name, configuration: configuration, input: make, measure: { workload in
            try workload?.run(threads: threads) as Any
        })
    }

    engine("uncertainty weights, 14000×36×4, 10000 replications", configuration: twice) {
        try UncertaintyWorkloads.dutchBuurten(units: 14_000, replications: 10_000)
    }
    engine("uncertainty weights, 14000×36×4, 1000 replications") {
        try UncertaintyWorkloads.dutchBuurten(units: 14_000, replications: 1000)
    }
    engine("uncertainty weights+normalise+aggregate, 1000×36×4, 1000 replications") {
        try UncertaintyWorkloads.dutchBuurtenAllInputs(units: 1000, replications: 1000)
    }
    for inputs in SynthWorkloads.Inputs.allCases {
        engine("uncertainty \(inputs.rawValue), synth 1000×\(SynthWorkloads.indicators)×4, 1000 replications") {
            try SynthWorkloads.uncertainty(units: 1000, inputs: inputs, replications: 1000)
        }
    }
    engine("uncertainty geometric alternative (weights, arithmetic or geometric), synth 14000×36×1, 1000 replications") {
        try ModelFileWorkloads.geometric(units: 14_000, replications: 1000)
    }
    engine("uncertainty national demo settings (synth model as generated), 14000×21×4, 100 replications", configuration: twice) {
        try ModelFileWorkloads.national(units: 14_000, replications: 100)
    }
    if FileManager.default.fileExists(atPath: UncertaintyWorkloads.asemDirectory.appendingPathComponent("input_iMeta.csv").path) {
        engine("uncertainty ASEM (COINr's four inputs), 1000 replications") { try UncertaintyWorkloads.asem() }
    } else {
        print("uncertainty ASEM skipped: \(UncertaintyWorkloads.asemDirectory.path) has no input_iMeta.csv")
    }
}
