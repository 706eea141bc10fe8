import BuurtNumerics

/// The data's own sampling error: a replication replaces each declared indicator value by a
/// draw from the posterior of the true value given the observation (Jeffreys prior).
///
/// - binomial (survey share, value = share·per with n respondents in the size column):
///   x = value/per·n successes (clamped to [0, n]), true share p ~ Beta(x + ½, n − x + ½),
///   new value p·per.
/// - poisson (count in a population): when the indicator's denominator is the exposure column
///   the raw value is the count c, else c = value·population/per; the true count
///   λ ~ Gamma(c + ½, 1), new value λ (or λ·per/population).
///
/// A missing value stays missing; a row whose size or population is missing or ≤ 0 keeps its
/// value (there is nothing to draw from). Values are drawn row by row, within a row in the
/// model's indicator order, from the replication's stream after its weight and alternative draws.
struct SamplingPerturbation: Sendable {
    struct Target: Sendable {
        var column: Int
        var sizeColumn: Int
        var per: Double
        var binomial: Bool
        /// Poisson only: the raw value is the count itself.
        var rawIsCount: Bool
    }

    let targets: [Target]
    let seed: UInt64
    let prefixLength: Int

    init(panel: Panel, model: IndexModel, plan: DrawPlan) {
        var targets: [Target] = []
        for code in model.indicators {
            let node = model.node(code)!
            guard let sampling = node.sampling, let j = panel.columnIndex(code) else { continue }
            switch sampling {
            case .binomial(let size, let per):
                targets.append(Target(column: j, sizeColumn: panel.columnIndex(size)!, per: per, binomial: true, rawIsCount: false))
            case .poisson(let exposure, let per):
                targets.append(Target(column: j, sizeColumn: panel.columnIndex(exposure)!, per: per, binomial: false,
                                      rawIsCount: node.denominator == exposure))
            }
        }
        self.targets = targets
        seed = plan.seed
        prefixLength = plan.prefixLength
    }

    /// The raw panel with every declared indicator redrawn from stream `stream`.
    /// - Complexity: O(rows × sampled indicators).
    func perturbed(_ panel: Panel, stream: UInt64) -> Panel {
        var g = RandomStream(seed: seed, stream: stream)
        for _ in 0..<prefixLength { _ = g.uniform() }
        var out = panel
        let n = panel.rowCount
        let input = panel.values.storage
        var values = panel.values
        for i in 0..<n {
            for t in targets {
                let x = input[t.column * n + i]
                let size = input[t.sizeColumn * n + i]
                if x.isNaN { continue }
                if t.binomial {
                    guard size > 0 else { continue }
                    let successes = Swift.min(Swift.max(x / t.per * size, 0), size)
                    values[i, t.column] = g.beta(successes + 0.5, size - successes + 0.5) * t.per
                } else if t.rawIsCount {
                    values[i, t.column] = g.gamma(shape: Swift.max(x, 0) + 0.5)
                } else {
                    guard size > 0 else { continue }
                    let count = Swift.max(x * size / t.per, 0)
                    values[i, t.column] = g.gamma(shape: count + 0.5) * t.per / size
                }
            }
        }
        out.values = values
        return out
    }
}
