import BuurtNumerics
import Dispatch
import Foundation

// The machine and its physical limits for the main uncertainty case, in Markdown:
//     machine-bound [--out FILE]
// - dgemm GFLOP/s of the library's matrix product (OpenBLAS pinned to one thread, as
//   `buurtscore run` pins it) on one core and on all cores at once (one product per core),
//   for a square product and for the engine's shape (buurten × indicators times
//   indicators × replications);
// - memory bandwidth: a STREAM-style triad a = b + s·c over 3 × 256 MB, on one and on all cores.
// Then the lower bound for 14,000 buurten × 36 indicators × 4 years × 10,000 replications.

let cores = ProcessInfo.processInfo.activeProcessorCount
BLASRuntime.pinSingleThread()

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Best of `repeats` runs of `body` on `workers` threads at once; each worker runs `body(w)`.
func best(repeats: Int = 5, workers: Int, _ body: @escaping @Sendable (Int) -> Void) -> Double {
    (0..<repeats).map { _ in seconds { DispatchQueue.concurrentPerform(iterations: workers, execute: body) } }.min()!
}

func filled(_ rows: Int, _ columns: Int, _ seed: Int) -> Matrix {
    Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { Double(($0 &* 2_654_435_761 &+ seed) % 1000) / 1000 })
}

/// GFLOP/s of m×k times k×n on one core and on every core.
func gemmRate(m: Int, k: Int, n: Int) -> (one: Double, all: Double) {
    let pairs = (0..<cores).map { w in (filled(m, k, w), filled(k, n, w + 7)) }
    let flops = 2.0 * Double(m) * Double(k) * Double(n)
    let one = best(workers: 1) { w in _ = pairs[w].0 * pairs[w].1 }
    let all = best(workers: cores) { w in _ = pairs[w].0 * pairs[w].1 }
    return (flops / one / 1e9, Double(cores) * flops / all / 1e9)
}

/// Triad bandwidth in GB/s (24 bytes per element: two reads and one write; write-allocate
/// traffic not counted, as STREAM does), on one core and on every core (each its share).
final class Arrays: @unchecked Sendable {
    let n = 32 << 20
    var a: UnsafeMutablePointer<Double>, b: UnsafeMutablePointer<Double>, c: UnsafeMutablePointer<Double>
    init() {
        a = .allocate(capacity: n); b = .allocate(capacity: n); c = .allocate(capacity: n)
        for i in 0..<n { a[i] = 0; b[i] = Double(i); c[i] = 1 }
    }
    func triad(from: Int, to: Int) {
        let (a, b, c) = (a, b, c)
        for i in from..<to { a[i] = b[i] + 3 * c[i] }
    }
}
let arrays = Arrays()
let triadOne = 24.0 * Double(arrays.n) / best(workers: 1) { _ in arrays.triad(from: 0, to: arrays.n) } / 1e9
let triadAll = 24.0 * Double(arrays.n) / best(workers: cores) { w in
    arrays.triad(from: w * arrays.n / cores, to: (w + 1) * arrays.n / cores)
} / 1e9

let square = gemmRate(m: 1000, k: 1000, n: 1000)
let engineShape = gemmRate(m: 14_000, k: 36, n: 1000)
let dimensionShape = gemmRate(m: 14_000, k: 6, n: 1000)

func cpuModel() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    return info.split(separator: "\n").first { $0.hasPrefix("model name") }.map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown"
}
func memTotal() -> String {
    let info = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
    let kb = info.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }.flatMap { $0.split(separator: " ").compactMap { Double($0) }.first } ?? 0
    return String(format: "%.1f GiB", kb / 1024 / 1024)
}
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
func f(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }

// The main case: n = 14,000 × 4 unit-years, k = 36 indicators in 6 dimensions, R = 10,000.
let n = 56_000.0, k = 36.0, r = 10_000.0
let indexFlops = 2 * n * k * r          // X (n × 36) · W_eff (36 × R): index scores
let dimensionFlops = 2 * n * k * r      // 6 × X_d (n × 6) · W_d (6 × R): dimension scores for the problem list
let flops = indexFlops + dimensionFlops
// Ranks per replication need all buurten of a period, bands per buurt need all replications:
// at least one pass through memory in each order. Index scores (8 bytes) and ranks (2 bytes)
// written once and read once: n·R·(8 + 2)·2 bytes.
let bytes = n * r * 10 * 2
// The flops at the square product's rate: the engine multiplies in cache-sized tiles, while the
// engine-shaped products measured here also write their whole output to memory.
let gemmSeconds = flops / (square.all * 1e9)
let memorySeconds = bytes / (triadAll * 1e9)

var md = ""
md += "| | |\n|---|---|\n"
md += "| CPU | \(cpuModel()) |\n| cores (`nproc`) | \(cores) |\n| memory | \(memTotal()) |\n"
md += "| OpenBLAS | \(BLASRuntime.configuration), core **\(BLASRuntime.coreName)** (`BLASRuntime`) |\n"
md += "| load average when measured | \(load) |\n\n"
md += "| measured | 1 core | \(cores) cores |\n|---|---:|---:|\n"
md += "| dgemm 1000 × 1000 × 1000, GFLOP/s | \(f(square.one)) | \(f(square.all)) |\n"
md += "| dgemm 14000 × 36 · 36 × 1000 (index shape, output written to memory), GFLOP/s | \(f(engineShape.one)) | \(f(engineShape.all)) |\n"
md += "| dgemm 14000 × 6 · 6 × 1000 (dimension shape, output written to memory), GFLOP/s | \(f(dimensionShape.one)) | \(f(dimensionShape.all)) |\n"
md += "| memory triad a = b + s·c, GB/s | \(f(triadOne)) | \(f(triadAll)) |\n\n"
md += "Lower bound for 14,000 buurten × 36 indicators × 4 years, 10,000 replications:\n\n"
md += "| work | amount | at the measured rate (\(cores) cores: dgemm 1000³, triad) |\n|---|---:|---:|\n"
md += "| index scores X·W (56,000 × 36 · 36 × 10,000) | \(f(indexFlops / 1e9)) GFLOP | \(f(indexFlops / (square.all * 1e9), 2)) s |\n"
md += "| dimension scores for the problem list (6 × 56,000 × 6 · 6 × 10,000) | \(f(dimensionFlops / 1e9)) GFLOP | \(f(dimensionFlops / (square.all * 1e9), 2)) s |\n"
md += "| index scores and ranks through memory once in each order (56,000 × 10,000 × (8 + 2) bytes, written and read) | \(f(bytes / 1e9)) GB | \(f(memorySeconds, 2)) s |\n"
md += "| **bound** (GEMM and memory overlapped: the larger; not overlapped: the sum) | | **\(f(max(gemmSeconds, memorySeconds), 2))–\(f(gemmSeconds + memorySeconds, 2)) s** |\n"
print("probe gemm_s=\(f(gemmSeconds, 3)) memory_s=\(f(memorySeconds, 3))")

if let i = CommandLine.arguments.firstIndex(of: "--out"), i + 1 < CommandLine.arguments.count {
    try md.write(toFile: CommandLine.arguments[i + 1], atomically: true, encoding: .utf8)
} else {
    print(md, terminator: "")
}
