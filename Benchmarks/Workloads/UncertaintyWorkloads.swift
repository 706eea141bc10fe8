import BuurtNumerics
import BuurtRanking
import Foundation
import BuurtIndex

/// The two Monte Carlo workloads of the uncertainty benchmarks, built in code so every run
/// measures the same numbers.
public enum UncertaintyWorkloads {
    /// One uncertainty analysis: the raw data, the model and its settings.
    public struct Workload: Sendable {
        public var name: String
        public var panel: Panel
        public var model: IndexModel
        public var spec: PipelineSpec
        public var uncertainty: UncertaintySpec

        /// Builds the engine (nominal run, per-alternative normalised data) and computes every
        /// summary `buurtscore run` writes: `uncertainty.csv`, `priorities.csv`, `themes.csv`.
        public func run(threads: Int) throws -> UncertaintyResult {
            try UncertaintySummary.compute(engine: engine(), threads: threads)
        }

        /// The engine alone (nominal run, validation, per-alternative normalised data): the first
        /// phase of ``run(threads:)``, which the probe times on its own.
        public func engine() throws -> UncertaintyEngine {
            let codes = try UncertaintySummary.scoreCodes(model: model, priorities: PrioritySpec())
            return try UncertaintyEngine(panel: panel, model: model, spec: spec, uncertainty: uncertainty, scoreCodes: codes)
        }
    }

    /// 14,000 buurten × 4 years × 36 indicators in 6 dimensions of 6, the shape of all Dutch
    /// buurten with a full safety-and-liveability model; the same workload as
    /// `numpy_baseline.py`:
    /// - weight noise 0.25 on every indicator and dimension weight (levels 1 and 2),
    /// - normalisation drawn from min-max [1, 100] and z-score (10, 2), per period,
    /// - arithmetic aggregation at every level.
    ///
    /// Values are skewed like registered counts and survey shares: unit u has a latent level
    /// L ~ N(0, 1); indicator j of dimension d in year t is exp(0.5·s·(L + D_d) + 0.4·ε)·c_j
    /// (s = ±1 the direction, D_d ~ N(0, 0.5) the unit's deviation in the dimension, ε ~ N(0, 1)
    /// per cell, c_j a scale 1…36), drawn from `RandomStream(seed: 2017, stream: u)` only.
    ///
    /// `levels: [2, 3]` (COINr's choice: dimension weights only) leaves the dimension scores
    /// independent of the weights, so the per-buurt problem list needs no per-replication
    /// dimension scores: a lighter variant for comparison.
    public static func dutchBuurten(
        units: Int = 14_000, years: ClosedRange<Int> = 2017...2020, replications: Int = 10_000, levels: [Int] = [1, 2]
    ) throws -> Workload {
        let dims = 6, perDim = 6
        var nodes = [ModelNode(code: "index", kind: .aggregate)]
        for d in 1...dims {
            nodes.append(ModelNode(code: "d\(d)", kind: .aggregate, parent: "index"))
            for i in 1...perDim {
                nodes.append(ModelNode(code: "x\(d)_\(i)", kind: .indicator, parent: "d\(d)", direction: i % 2 == 0 ? -1 : 1))
            }
        }
        let model = try IndexModel(nodes: nodes)
        let codes = model.indicators
        var columns = codes.map { _ in [Double](repeating: 0, count: units * years.count) }
        var unitCodes = [String](repeating: "", count: units * years.count)
        var periods = [Int?](repeating: nil, count: units * years.count)
        for u in 0..<units {
            var g = RandomStream(seed: 2017, stream: UInt64(u))
            let level = g.standardNormal()
            let deviation = (0..<dims).map { _ in 0.5 * g.standardNormal() }
            for (t, year) in years.enumerated() {
                let row = t * units + u
                unitCodes[row] = "BU\(u)"
                periods[row] = year
                for (j, _) in codes.enumerated() {
                    let d = j / perDim, sign = j % 2 == 0 ? 1.0 : -1.0
                    let x = Foundation.exp(0.5 * sign * (level + deviation[d]) + 0.4 * g.standardNormal())
                    columns[j][row] = x * Double(j + 1)
                }
            }
        }
        let panel = Panel(unitCodes: unitCodes, periods: periods, columnCodes: codes,
                          values: Matrix(columnList: columns, rows: unitCodes.count))
        let uncertainty = UncertaintySpec(
            weights: WeightNoise(noise: 0.25, levels: levels),
            normalise: [NormaliseParameters(method: .minmax(lower: 1, upper: 100)), NormaliseParameters(method: .zscore(mean: 10, sd: 2))],
            replications: replications, seed: 2017)
        let variant = levels == [1, 2] ? "" : ", weight levels \(levels.map(String.init).joined(separator: ", "))"
        return Workload(name: "uncertainty \(units)×36×\(years.count), \(replications) replications\(variant)",
                        panel: panel, model: model, spec: PipelineSpec(), uncertainty: uncertainty)
    }

    /// ``dutchBuurten(units:years:replications:levels:)`` with normalisation (min-max [1, 100] or
    /// rank, per period; both positive) and aggregation (arithmetic or geometric) uncertain as
    /// well as the weights: the general path, a pipeline run from Normalise per replication.
    public static func dutchBuurtenAllInputs(units: Int = 14_000, replications: Int = 1000) throws -> Workload {
        var workload = try dutchBuurten(units: units, replications: replications)
        workload.uncertainty.normalise = [NormaliseParameters(method: .minmax(lower: 1, upper: 100)), NormaliseParameters(method: .rank)]
        workload.uncertainty.aggregate = [.arithmetic, .geometric]
        workload.name = "uncertainty \(units)×36×4, weights+normalise+aggregate, \(replications) replications"
        return workload
    }

    /// `../shared/peers/coinr-asem` beside the repository, which holds COINr's ASEM example.
    public static let asemDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/peers/coinr-asem")

    /// COINr's ASEM example (51 countries, 49 indicators) with the four uncertain inputs of
    /// COINr's sensitivity vignette: weight noise 0.25 on pillars and sub-indices, min-max
    /// [1, 100] or z-score (10, 2), arithmetic or geometric means, winsorising 1 to 5 points;
    /// the pipeline of COINr's `build_example_coin()`. `nil` when the reference files are absent.
    public static func asem(replications: Int = 1000) throws -> Workload? {
        let meta = asemDirectory.appendingPathComponent("input_iMeta.csv").path
        let data = asemDirectory.appendingPathComponent("input_iData.csv").path
        guard FileManager.default.fileExists(atPath: meta), FileManager.default.fileExists(atPath: data) else { return nil }
        let model = try MetadataLoader.loadModel(CSVReader.read(path: meta))
        let panel = try PanelLoader.load(CSVReader.read(path: data), model: model, columns: DataColumns())
        let spec = PipelineSpec(
            denominate: DenominateParameters(), impute: ImputeParameters(method: .mean, scope: .group("EurAsia_group")),
            screen: ScreenParameters(minCoverage: 0.9, basis: .imputed), treat: TreatParameters(maxPoints: 5),
            normalise: NormaliseParameters(method: .minmax(lower: 0, upper: 100)), aggregate: AggregateParameters())
        let uncertainty = UncertaintySpec(
            weights: WeightNoise(noise: 0.25, levels: [2, 3]),
            normalise: [NormaliseParameters(method: .minmax(lower: 1, upper: 100)), NormaliseParameters(method: .zscore(mean: 10, sd: 2))],
            aggregate: [.arithmetic, .geometric], treatMaxPoints: [1, 2, 3, 4, 5], replications: replications, seed: 1)
        return Workload(name: "uncertainty ASEM, \(replications) replications", panel: panel, model: model, spec: spec, uncertainty: uncertainty)
    }

    /// Peak resident set size of this process so far, in bytes (`VmHWM` of /proc/self/status).
    public static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first
            return kb.map { $0 * 1024 }
        }
        return nil
    }
}
