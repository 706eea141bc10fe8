import BuurtNumerics
import BuurtRanking
import Foundation
import UncertaintyWorkloads
import BuurtIndex

// One timed run of a benchmark workload, for profiling (`perf record`), quick comparisons and
// the scale table (`scale-table` runs it once per point, so each point's peak memory is its own):
//     uncertainty-probe WORKLOAD [replications] [threads] [units] [years]
// WORKLOAD: buurten (36 indicators, weight noise on levels 1, 2), buurten23 (levels 2, 3 only),
// buurten-all (weights, normalisation and aggregation), asem (COINr's example),
// synth-weights, synth-wna, synth-sampling (the data of `buurtscore synth`, see SynthWorkloads),
// pipeline (read the synthetic data CSV and run the deterministic pipeline; no replications),
// geometric (synth UNITS × 36 × 1 year, weights and arithmetic or geometric; default 10,000
// replications), national (the model of `buurtscore synth --units UNITS --years 2017-2020` as
// generated, sensitivity off; default 1,000 replications): the cases of compare/compare.py.
// The last line is machine-readable: `probe wall_s=… cpu_s=… peak_rss_mb=… load1=… checksum=…`.
let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "buurten"
let replications = arguments.count > 1 ? Int(arguments[1]) : nil
let threads = arguments.count > 2 ? Int(arguments[2]) ?? ProcessInfo.processInfo.activeProcessorCount : ProcessInfo.processInfo.activeProcessorCount
let units = arguments.count > 3 ? Int(arguments[3]) ?? 14_000 : 14_000
let years = arguments.count > 4 ? Int(arguments[4]) ?? 4 : 4
let load1 = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"

/// CPU seconds of this process so far (all threads, user and system).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Times `body` and prints the human line and the machine-readable line.
func measure(_ name: String, _ body: () throws -> (summary: String, checksum: UInt64)) rethrows {
    print("OpenBLAS \(BLASRuntime.configuration), core \(BLASRuntime.coreName)")
    let before = UncertaintyWorkloads.peakResidentBytes() ?? 0
    let cpu0 = cpuSeconds()
    let start = Date()
    let (summary, checksum) = try body()
    let seconds = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpu0
    let peak = UncertaintyWorkloads.peakResidentBytes() ?? 0
    print(String(format: "%@, %d threads: %.3f s wall, %.3f s CPU, peak RSS %.0f MB (%.0f MB before the run), %@, checksum %016llx",
                 name, threads, seconds, cpu, Double(peak) / 1e6, Double(before) / 1e6, summary, checksum))
    print(String(format: "probe wall_s=%.4f cpu_s=%.4f peak_rss_mb=%.1f load1=%@ checksum=%016llx",
                 seconds, cpu, Double(peak) / 1e6, load1, checksum))
}

/// FNV-1a over the bit patterns, to see at a glance that two builds agree.
func checksum(_ numbers: [Double]) -> UInt64 {
    numbers.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ $1.bitPattern) &* 0x100_0000_01b3 }
}

if which == "pipeline" {
    let model = try SynthWorkloads.directory(units: units).appendingPathComponent("model.yml").path
    try measure("read CSV + deterministic pipeline, synth \(units)×\(SynthWorkloads.indicators)×4") {
        let project = try IndexProject.load(modelPath: model)
        let result = try project.run(keepIntermediate: false)
        let index = result.aggregated.column(project.model.root) ?? []
        return ("\(result.aggregated.rowCount) rows", checksum(index))
    }
    exit(0)
}

let loadStart = Date()
let workload: UncertaintyWorkloads.Workload?
switch which {
case "asem": workload = try UncertaintyWorkloads.asem(replications: replications ?? 1000)
case "geometric": workload = try ModelFileWorkloads.geometric(units: units, replications: replications ?? 10_000)
case "national": workload = try ModelFileWorkloads.national(units: units, replications: replications ?? 1000)
case "buurten-all": workload = try UncertaintyWorkloads.dutchBuurtenAllInputs(units: units, replications: replications ?? 1000)
case "synth-weights", "synth-wna", "synth-sampling":
    let inputs: SynthWorkloads.Inputs = which == "synth-weights" ? .weights : which == "synth-wna" ? .weightsNormaliseAggregate : .sampling
    workload = try SynthWorkloads.uncertainty(units: units, inputs: inputs, replications: replications ?? 1000)
default:
    workload = try UncertaintyWorkloads.dutchBuurten(units: units, years: 2017...(2016 + years), replications: replications ?? 10_000,
                                                     levels: which == "buurten23" ? [2, 3] : [1, 2])
}
guard let workload else {
    print("\(UncertaintyWorkloads.asemDirectory.path) is absent: nothing to run")
    exit(0)
}
// Making the input (generating or reading data and model) is not part of the timed run.
print(String(format: "input made in %.3f s (not timed below)", Date().timeIntervalSince(loadStart)))
try measure(workload.name) {
    let phase = Date()
    let engine = try workload.engine()
    let built = Date()
    let result = try UncertaintySummary.compute(engine: engine, threads: threads)
    print(String(format: "phases: engine (nominal run, alternatives' data) %.3f s, replications and summaries %.3f s",
                 built.timeIntervalSince(phase), Date().timeIntervalSince(built)))
    var numbers: [Double] = []
    for u in result.units { numbers += [u.rankMean, u.rankMedian, u.rankP05, u.rankP95, u.scoreP05, u.scoreP50, u.scoreP95, u.pTop] }
    for t in result.themes { numbers += [t.gapP05, t.gapP95, t.pWorst, t.reference] }
    return ("\(result.units.count) rows, \(result.themes.count) themes", checksum(numbers))
}
