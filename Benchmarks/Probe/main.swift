import BuurtNumerics
import BuurtRanking
import Foundation
import UncertaintyWorkloads

// One timed run of a benchmark workload, for profiling (`perf record`) and quick comparisons:
//     uncertainty-probe [buurten|buurten23|asem] [replications] [threads] [units] [years]
// (buurten23: weight noise on levels 2 and 3 only)
let arguments = CommandLine.arguments.dropFirst()
let which = arguments.first ?? "buurten"
let replications = arguments.dropFirst().first.flatMap { Int($0) }
let threads = arguments.dropFirst(2).first.flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount
let units = arguments.dropFirst(3).first.flatMap { Int($0) } ?? 14_000
let years = arguments.dropFirst(4).first.flatMap { Int($0) } ?? 4

let workload = which == "asem"
    ? try UncertaintyWorkloads.asem(replications: replications ?? 1000)
    : try UncertaintyWorkloads.dutchBuurten(units: units, years: 2017...(2016 + years), replications: replications ?? 10_000,
                                        levels: which == "buurten23" ? [2, 3] : [1, 2])
guard let workload else {
    print("\(UncertaintyWorkloads.asemDirectory.path) is absent: nothing to run")
    exit(0)
}
print("OpenBLAS \(BLASRuntime.configuration), core \(BLASRuntime.coreName)")
let before = UncertaintyWorkloads.peakResidentBytes() ?? 0
let start = Date()
let result = try workload.run(threads: threads)
let seconds = Date().timeIntervalSince(start)
let peak = UncertaintyWorkloads.peakResidentBytes() ?? 0
// A checksum of every reported number, to see at a glance that two builds agree.
var numbers: [Double] = []
for u in result.units { numbers += [u.rankMean, u.rankMedian, u.rankP05, u.rankP95, u.scoreP05, u.scoreP50, u.scoreP95, u.pTop] }
for t in result.themes { numbers += [t.gapP05, t.gapP95, t.pWorst, t.reference] }
let checksum = numbers.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ $1.bitPattern) &* 0x100_0000_01b3 }
print(String(format: "%@, %d threads: %.3f s wall, peak RSS %.0f MB (%.0f MB before the run), %d rows, %d themes, checksum %016llx",
             workload.name, threads, seconds, Double(peak) / 1e6, Double(before) / 1e6, result.units.count, result.themes.count, checksum))
