import Benchmark

/// An input made in a benchmark's setup, used by its measured closure.
final class Prepared<Input>: @unchecked Sendable {
    var value: Input?
}

/// Registers a benchmark whose input is made in its setup: outside the measurement, and only in
/// the process that runs this benchmark (each benchmark runs in a process of its own, so its
/// peak resident memory and malloc count are its own).
public func register<Input>(
    _ name: String, configuration: Benchmark.Configuration = Benchmark.defaultConfiguration,
    input make: @escaping () throws -> Input, measure body: @escaping (Input) throws -> Any
) {
    let prepared = Prepared<Input>()
    Benchmark(name, configuration: configuration) { benchmark in
        let input = prepared.value!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! body(input))
        }
        benchmark.stopMeasurement()
    } setup: {
        prepared.value = try make()
    } teardown: {
        prepared.value = nil
    }
}

/// The metrics of every benchmark here: wall clock, CPU time of all threads, throughput
/// (iterations per second), mallocs and peak resident memory.
public let standardMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident]
