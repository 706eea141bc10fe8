import BuurtNumerics
import BuurtRanking
import Foundation
import BuurtIndex
import BuurtSynthetic

/// Workloads on the data of `buurtscore synth --indicators 36` (36 indicators in 6 dimensions,
/// denominators, gaps, survey sizes), loaded exactly as `buurtscore run` loads them
/// (``IndexProject``).
public enum SynthWorkloads {
    /// Indicators of every synthetic workload (the "36 indicators × 4 years").
    public static let indicators = 36

    /// Which uncertain inputs a Monte Carlo workload draws.
    public enum Inputs: String, CaseIterable, Sendable {
        /// Weight noise 0.25 on indicators and dimensions only (the compiled path: matrix products).
        case weights
        /// Weights, normalisation (min-max [1, 100] or z-score (50, 10), per period) and
        /// aggregation (arithmetic or geometric): the general path, a pipeline run from Normalise
        /// per replication.
        case weightsNormaliseAggregate = "weights+normalise+aggregate"
        /// Everything the synthetic model declares: the above, winsorising 1–5 points, mean or
        /// median imputation, and sampling error of every survey share and count.
        case sampling
    }

    /// The folder `buurtscore synth --units N --years FIRST-LAST --seed 2017 --indicators K`
    /// writes (`data.csv`, `model.yml`), made once per size under the system's temporary folder.
    public static func directory(units: Int, years: ClosedRange<Int> = 2017...2020, indicators: Int = SynthWorkloads.indicators) throws -> URL {
        let shape = years == 2017...2020 ? "" : "-\(years.lowerBound)-\(years.upperBound)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-bench/synth-\(units)x\(indicators)\(shape)")
        let data = folder.appendingPathComponent("data.csv")
        if !FileManager.default.fileExists(atPath: data.path) {
            let dataset = SyntheticData.generate(units: units, years: years, seed: 2017, indicators: indicators)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(dataset.modelYAML.utf8).write(to: folder.appendingPathComponent("model.yml"), options: .atomic)
            try Data(dataset.dataCSV.utf8).write(to: data, options: .atomic)
        }
        return folder
    }

    /// The synthetic data set of `units` buurten × 4 years, loaded with its model.
    public static func project(units: Int) throws -> IndexProject {
        try IndexProject.load(modelPath: directory(units: units).appendingPathComponent("model.yml").path)
    }

    /// A Monte Carlo workload on the synthetic data: its model's pipeline, `inputs` uncertain,
    /// `replications` replications, seed 2017, no sensitivity analysis.
    public static func uncertainty(units: Int, inputs: Inputs, replications: Int) throws -> UncertaintyWorkloads.Workload {
        let project = try project(units: units)
        let declared = project.file.uncertainty ?? UncertaintySpec()
        var spec = UncertaintySpec(weights: WeightNoise(noise: 0.25, levels: [1, 2]), replications: replications, seed: 2017)
        if inputs != .weights {
            spec.normalise = [NormaliseParameters(method: .minmax(lower: 1, upper: 100)),
                              NormaliseParameters(method: .zscore(mean: 50, sd: 10))]
            spec.aggregate = [.arithmetic, .geometric]
        }
        if inputs == .sampling {
            spec.treatMaxPoints = declared.treatMaxPoints
            spec.impute = declared.impute
            spec.sampling = true
        }
        return UncertaintyWorkloads.Workload(
            name: "synth \(units)×\(indicators)×4, \(inputs.rawValue), \(replications) replications",
            panel: project.panel, model: project.model, spec: project.file.spec, uncertainty: spec)
    }
}
