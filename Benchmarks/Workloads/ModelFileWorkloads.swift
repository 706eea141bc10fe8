import BuurtNumerics
import Foundation
import BuurtIndex
import BuurtSynthetic

/// The uncertainty cases of `compare/compare.py` as engine workloads: the model file is written
/// beside the synthetic data and loaded as `buurtscore run` loads it (``IndexProject``), so the
/// workload measures the same settings the comparison times through the command line.
public enum ModelFileWorkloads {
    /// The geometric alternative: `buurtscore synth --units N --indicators 36 --years 2017-2017`,
    /// the synthetic model's tree with denominate, mean imputation by wijk, screening on 75 %
    /// observed, min-max [1, 100] per period (so every value is positive) and arithmetic means;
    /// uncertain: weights × U(0.75, 1.25) at levels 1 and 2, aggregation arithmetic or geometric
    /// per replication (the geometric replications: a matrix product of log values).
    public static func geometric(units: Int = 14_000, replications: Int = 1000) throws -> UncertaintyWorkloads.Workload {
        let folder = try SynthWorkloads.directory(units: units, years: 2017...2017, indicators: 36)
        let generated = try String(contentsOf: folder.appendingPathComponent("model.yml"), encoding: .utf8)
        let model = tree(of: generated) + """
            denominate: {scale: 1}
            impute: {method: mean, by: wijk}
            screen: {min_coverage: 0.75, basis: observed}
            normalise: {method: minmax, range: [1, 100], scope: period}
            aggregate: {method: arithmetic}
            uncertainty:
              weights: {noise: 0.25, levels: [1, 2]}
              aggregate: [arithmetic, geometric]
              replications: \(replications)
              seed: 2017

            """
        return try load(model, in: folder, named: "geometric-\(replications)",
                        title: "geometric alternative \(units)×36×1, \(replications) replications")
    }

    /// The national demo settings: the model `buurtscore synth --units N --years 2017-2020`
    /// generates, as it is (sampling error, winsorising 1-5 points, mean or median imputation,
    /// two normalisations, two aggregations, weights), with `sensitivity: false` and the given
    /// replications.
    public static func national(units: Int = 14_000, replications: Int = 100) throws -> UncertaintyWorkloads.Workload {
        let folder = try SynthWorkloads.directory(units: units, years: 2017...2020, indicators: SyntheticData.catalogueIndicators)
        let generated = try String(contentsOf: folder.appendingPathComponent("model.yml"), encoding: .utf8)
        let model = generated.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "sensitivity: true" { return "  sensitivity: false" }
            if trimmed.hasPrefix("replications:") { return "  replications: \(replications)" }
            return String(line)
        }.joined(separator: "\n")
        return try load(model, in: folder, named: "national-\(replications)",
                        title: "national demo settings \(units)×\(SyntheticData.catalogueIndicators)×4, \(replications) replications")
    }

    /// The synthetic model's title, data, column and tree keys, without stages or uncertainty.
    static func tree(of model: String) -> String {
        let kept: Set = ["title", "data", "unit", "name", "period", "groups", "indicators", "columns"]
        var keep = false
        var lines: [Substring] = []
        for line in model.split(separator: "\n") {
            if let first = line.first, first.isLetter {
                keep = kept.contains(String(line.prefix { $0 != ":" }))
            }
            if keep && !line.hasPrefix("#") { lines.append(line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `model` as `model-NAME.yml` in `folder` and loads it with its data.
    static func load(_ model: String, in folder: URL, named name: String, title: String) throws -> UncertaintyWorkloads.Workload {
        let path = folder.appendingPathComponent("model-\(name).yml")
        try Data(model.utf8).write(to: path, options: .atomic)
        let project = try IndexProject.load(modelPath: path.path, recordingDigests: false)
        guard let uncertainty = project.file.uncertainty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path.path])
        }
        return UncertaintyWorkloads.Workload(name: title, panel: project.panel, model: project.model,
                                             spec: project.file.spec, uncertainty: uncertainty)
    }
}
