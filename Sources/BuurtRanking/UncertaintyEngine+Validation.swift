import BuurtIndex
import BuurtNumerics

extension UncertaintyEngine {
    /// Checks the settings that would otherwise fail every replication, with messages that
    /// say what is expected.
    static func validate(
        _ u: UncertaintySpec, model: IndexModel, panel: Panel, scoreCodes: [String]
    ) throws(BuurtError) {
        func fail(_ message: String) -> BuurtError { BuurtError(.data, "uncertainty: " + message) }
        if u.replications < 1 {
            throw fail("replications must be at least 1, got \(u.replications)")
        }
        if let w = u.weights {
            if !(w.noise >= 0 && w.noise < 1) {
                throw fail("weights noise must be in [0, 1) so that every weight stays positive, got \(formatNumber(w.noise))")
            }
            let heights = Set(model.height.values)
            for level in w.levels where !heights.contains(level) {
                let known = heights.sorted().map(String.init).joined(separator: ", ")
                throw fail("weights level \(level) does not exist; the model's levels are \(known) (1 = indicators)")
            }
        }
        for k in u.treatMaxPoints where k < 0 {
            throw fail("treat max_points must be 0 or more, got \(k)")
        }
        if scoreCodes.isEmpty { throw fail("no aggregate to score") }
        for code in scoreCodes where ![.aggregate, .indicator].contains(model.node(code)?.kind) {
            throw fail("'\(code)' is not an aggregate or indicator of the model")
        }
        if u.sampling { try validateSampling(model: model, panel: panel) }
    }

    private static func validateSampling(model: IndexModel, panel: Panel) throws(BuurtError) {
        let sampled = model.indicators.compactMap { code in model.node(code)!.sampling.map { (code, $0) } }
        if sampled.isEmpty {
            throw BuurtError(.data, "uncertainty: sampling is on, but no indicator declares its sampling error "
                + "(give an indicator `uncertainty: {binomial: survey_n}` or `{poisson: population, per: 1000}`)")
        }
        for (code, model) in sampled {
            let (column, per): (String, Double)
            switch model {
            case .binomial(let c, let p): (column, per) = (c, p)
            case .poisson(let c, let p): (column, per) = (c, p)
            }
            if panel.columnIndex(code) == nil {
                throw BuurtError(.data, "uncertainty: indicator '\(code)' has no column in the data")
            }
            if panel.columnIndex(column) == nil {
                throw BuurtError(.data, "uncertainty: indicator '\(code)' takes its sample size from column '\(column)', which the data does not have")
            }
            if !(per > 0 && per.isFinite) {
                throw BuurtError(.data, "uncertainty: indicator '\(code)': 'per' must be a positive number, got \(formatNumber(per))")
            }
        }
    }
}
