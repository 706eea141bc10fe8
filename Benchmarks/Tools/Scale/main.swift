import Foundation

// The scale table: time and memory of the uncertainty analysis versus buurten and versus
// replications, one `uncertainty-probe` process per point (so each peak RSS is its own), with
// the growth exponents fitted by least squares on log-log axes. Prints Markdown.
//     scale-table [--units 19,1000,14000,100000] [--replications 1000,10000]
//                 [--skip 100000x10000] [--threads N] [--out FILE]

/// One probe run: what the probe's last line reports.
struct Point {
    var workload: String
    var units: Int
    var replications: Int
    var wall: Double
    var cpu: Double
    var peakMB: Double
    var load: String
}

func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func integers(_ text: String?) -> [Int]? { text.map { $0.split(separator: ",").compactMap { Int($0) } } }

let unitsList = integers(option("--units")) ?? [19, 1000, 14_000, 100_000]
let replicationList = integers(option("--replications")) ?? [1000, 10_000]
let skipped = Set((option("--skip") ?? "").split(separator: ",").map(String.init))
let threads = Int(option("--threads") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
let probe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("uncertainty-probe").path

/// Runs the probe and parses `probe wall_s=… cpu_s=… peak_rss_mb=… load1=…`.
func run(_ workload: String, units: Int, replications: Int) throws -> Point {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: probe)
    process.arguments = [workload, String(replications), String(threads), String(units), "4"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let line = output.split(separator: "\n").last(where: { $0.hasPrefix("probe ") }) else {
        throw NSError(domain: "scale-table", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(probe) \(workload) \(units) failed:\n\(output)"])
    }
    var fields: [String: String] = [:]
    for pair in line.split(separator: " ").dropFirst() {
        let kv = pair.split(separator: "=", maxSplits: 1)
        if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
    }
    FileHandle.standardError.write(Data("\(output.split(separator: "\n").dropLast().last ?? "")\n".utf8))
    return Point(workload: workload, units: units, replications: replications, wall: Double(fields["wall_s"]!)!,
                 cpu: Double(fields["cpu_s"]!)!, peakMB: Double(fields["peak_rss_mb"]!)!, load: fields["load1"] ?? "?")
}

/// Slope b of log y = a + b log x by least squares, over points with x > 0 and y > 0.
func exponent(_ xs: [Double], _ ys: [Double]) -> Double? {
    let pairs = zip(xs, ys).filter { $0.0 > 0 && $0.1 > 0 }.map { (log($0.0), log($0.1)) }
    guard Set(pairs.map(\.0)).count >= 2 else { return nil }
    let mx = pairs.map(\.0).reduce(0, +) / Double(pairs.count), my = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
    let sxy = pairs.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +), sxx = pairs.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
    return sxy / sxx
}

func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
func fit(_ x: Double?) -> String { x.map { f($0) } ?? "–" }

var points: [Point] = []
for units in unitsList {
    points.append(try run("pipeline", units: units, replications: 0))
    for r in replicationList where !skipped.contains("\(units)x\(r)") {
        points.append(try run("buurten", units: units, replications: r))
    }
}

var md = ""
let uncertainty = points.filter { $0.workload == "buurten" }
md += "Uncertainty analysis (`uncertainty-probe buurten R \(threads) UNITS 4`: 36 indicators × 4 years, weight noise on levels 1 and 2,\n"
md += "min-max/z-score normalisation, ranks, bands, p_top and the per-buurt problem list), \(threads) threads, one process per row:\n\n"
md += "| buurten | replications | units × replications | wall s | CPU s | peak RSS MB | ns per unit-year × replication (CPU) | load (1 min) |\n"
md += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for p in uncertainty {
    let cells = Double(p.units * 4 * p.replications)
    md += "| \(p.units) | \(p.replications) | \(p.units * p.replications) | \(f(p.wall)) | \(f(p.cpu)) | \(f(p.peakMB, 0)) | \(f(p.cpu / cells * 1e9, 1)) | \(p.load) |\n"
}
md += "\nFitted growth exponents b (time ∝ xᵇ, log-log least squares; points with at least 1,000 buurten, below that start-up dominates):\n\n"
md += "| growth in | at | b (wall) | b (CPU) | b (peak RSS) |\n|---|---|---:|---:|---:|\n"
let large = uncertainty.filter { $0.units >= 1000 }
for r in replicationList {
    let s = large.filter { $0.replications == r }
    let x = s.map { Double($0.units) }
    md += "| buurten | \(r) replications | \(fit(exponent(x, s.map(\.wall)))) | \(fit(exponent(x, s.map(\.cpu)))) | \(fit(exponent(x, s.map(\.peakMB)))) |\n"
}
for u in unitsList where u >= 1000 {
    let s = large.filter { $0.units == u }
    let x = s.map { Double($0.replications) }
    md += "| replications | \(u) buurten | \(fit(exponent(x, s.map(\.wall)))) | \(fit(exponent(x, s.map(\.cpu)))) | \(fit(exponent(x, s.map(\.peakMB)))) |\n"
}
let product = large.map { Double($0.units * $0.replications) }
md += "| buurten × replications | all of the above | \(fit(exponent(product, large.map(\.wall)))) | \(fit(exponent(product, large.map(\.cpu)))) | \(fit(exponent(product, large.map(\.peakMB)))) |\n"

let pipeline = points.filter { $0.workload == "pipeline" }
md += "\nDeterministic pipeline with reading the CSV (`uncertainty-probe pipeline 0 \(threads) UNITS`: data and model of `buurtscore synth --indicators 36`, 36 indicators × 4 years):\n\n"
md += "| buurten | wall s | CPU s | peak RSS MB | load (1 min) |\n|---:|---:|---:|---:|---:|\n"
for p in pipeline { md += "| \(p.units) | \(f(p.wall, 3)) | \(f(p.cpu, 3)) | \(f(p.peakMB, 0)) | \(p.load) |\n" }
let big = pipeline.filter { $0.units >= 1000 }
md += "\nGrowth exponent of the pipeline in buurten (≥ 1,000): b = \(fit(exponent(big.map { Double($0.units) }, big.map(\.wall)))) (wall), \(fit(exponent(big.map { Double($0.units) }, big.map(\.cpu)))) (CPU).\n"

if let target = uncertainty.first(where: { $0.units == 100_000 && $0.replications == 1000 }) {
    let ok = target.wall < 60 && target.peakMB < 24_000
    md += "\nRequirement 100,000 buurten × 1,000 replications in under a minute within 24 GB: \(ok ? "**met**" : "**not met**") (\(f(target.wall, 1)) s wall at load \(target.load), \(f(target.peakMB / 1000, 2)) GB peak RSS; \(f(target.cpu, 1)) s CPU, i.e. about \(f(target.cpu / Double(threads), 0)) s wall on \(threads) idle cores).\n"
}

if let out = option("--out") {
    try md.write(toFile: out, atomically: true, encoding: .utf8)
} else {
    print(md, terminator: "")
}
