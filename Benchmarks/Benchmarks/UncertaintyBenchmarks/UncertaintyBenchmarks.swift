import Benchmark
import BuurtNumerics
import BuurtRanking
import Foundation
import UncertaintyWorkloads

/// The Monte Carlo uncertainty analysis (engine construction and every summary of
/// `buurtscore run`: uncertainty, priorities, themes) on all Dutch buurten and on COINr's ASEM
/// example, on every core. Each workload is built in its benchmark's setup, outside the
/// measurement, so a benchmark's peak memory is its own.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
                                           timeUnits: .milliseconds, warmupIterations: 0,
                                           maxDuration: .seconds(180), maxIterations: 3)
    let threads = ProcessInfo.processInfo.activeProcessorCount

    let buurten = WorkloadBox()
    Benchmark("uncertainty 14000×36×4, 10000 replications", configuration: .init(maxIterations: 2)) { benchmark in
        let workload = buurten.workload!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! workload.run(threads: threads))
        }
        benchmark.stopMeasurement()
    } setup: {
        buurten.workload = try UncertaintyWorkloads.dutchBuurten()
    } teardown: {
        buurten.workload = nil
    }

    let asem = WorkloadBox()
    if FileManager.default.fileExists(atPath: UncertaintyWorkloads.asemDirectory.appendingPathComponent("input_iMeta.csv").path) {
        Benchmark("uncertainty ASEM, 1000 replications") { benchmark in
            let workload = asem.workload!
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try! workload.run(threads: threads))
            }
            benchmark.stopMeasurement()
        } setup: {
            asem.workload = try UncertaintyWorkloads.asem()
        } teardown: {
            asem.workload = nil
        }
    } else {
        print("uncertainty ASEM skipped: \(UncertaintyWorkloads.asemDirectory.path) has no input_iMeta.csv")
    }
}

/// A workload made in a benchmark's setup and used by its measured closure.
final class WorkloadBox: @unchecked Sendable {
    var workload: UncertaintyWorkloads.Workload?
}
