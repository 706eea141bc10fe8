import Benchmark
import BuurtNumerics
import BuurtRanking
import Foundation
import UncertaintyWorkloads

/// The Monte Carlo uncertainty analysis (engine construction and every summary of
/// `buurtscore run`) on all Dutch buurten and on COINr's ASEM example, on every core.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident],
                                           timeUnits: .milliseconds, warmupIterations: 0,
                                           maxDuration: .seconds(120), maxIterations: 3)
    let threads = ProcessInfo.processInfo.activeProcessorCount

    let buurten = try! UncertaintyWorkloads.dutchBuurten()
    Benchmark(buurten.name, configuration: .init(maxIterations: 2)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! buurten.run(threads: threads))
        }
    }

    if let asem = try! UncertaintyWorkloads.asem() {
        Benchmark(asem.name) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! asem.run(threads: threads))
            }
        }
    } else {
        print("uncertainty ASEM skipped: \(UncertaintyWorkloads.asemDirectory.path) has no input_iMeta.csv/input_iData.csv")
    }
}
