/// Variance-based sensitivity analysis of any scalar output of d uncertain inputs: draws the
/// ``SensitivityDesign``, has the caller evaluate it, and estimates the indices with
/// ``SensitivityEstimate``.
public enum SensitivityAnalysis {
    /// - Parameters:
    ///   - d: number of uncertain inputs (design columns).
    ///   - n: N, rows of each base sample; the design has N(d + 2) points.
    ///   - seed: seed of the design and of the bootstrap (separate stream ranges).
    ///   - bootstrap: number of bootstrap replicates for the 5–95 % bounds.
    ///   - evaluate: maps a batch of design points (each d coordinates in [0, 1)) to one output
    ///     per point, in the same order. It is called once per block — A, B, A_B^(1) … A_B^(d) —
    ///     with the N points of that block, so it can evaluate a block in parallel. It must
    ///     return N values.
    /// - Returns: one ``SensitivityIndex`` per input.
    /// - Complexity: N(d + 2) evaluations plus O(B·N·d) for the bootstrap.
    public static func run(
        inputs d: Int, samples n: Int, seed: UInt64, bootstrap: Int = 1000,
        evaluate: ([[Double]]) throws -> [Double]
    ) rethrows -> [SensitivityIndex] {
        try estimate(inputs: d, samples: n, seed: seed, bootstrap: bootstrap, evaluate: evaluate).indices
    }

    /// ``run(inputs:samples:seed:bootstrap:evaluate:)``, saying how many design rows were left out.
    ///
    /// Row k of the design is the N-th part of every block (A, B and each A_B^(i)). A row with
    /// a non-finite output in any block (a point where the model cannot be evaluated, such as a
    /// geometric mean meeting a score ≤ 0 under `out_of_domain: skip`) is left out of every
    /// index and of V, so all indices are estimated from the same rows: conditional on the
    /// model's domain, as the Monte Carlo bands are. The bootstrap resamples the kept rows.
    /// - Returns: the indices (NaN when no row is kept) and the number of rows left out.
    public static func estimate(
        inputs d: Int, samples n: Int, seed: UInt64, bootstrap: Int = 1000,
        evaluate: ([[Double]]) throws -> [Double]
    ) rethrows -> (indices: [SensitivityIndex], rowsLeftOut: Int) {
        let design = SensitivityDesign(inputs: d, samples: n, seed: seed)
        var outputs: [[Double]] = []
        for block in 0..<design.blockCount {
            let y = try evaluate(design.block(block))
            precondition(y.count == design.samples, "evaluate returned \(y.count) outputs for \(design.samples) design points")
            outputs.append(y)
        }
        let kept = (0..<design.samples).filter { k in outputs.allSatisfy { $0[k].isFinite } }
        if kept.count < design.samples { outputs = outputs.map { y in kept.map { y[$0] } } }
        let indices = SensitivityEstimate.compute(
            yA: outputs[0], yB: outputs[1], yABi: Array(outputs[2...]), bootstrap: bootstrap, seed: seed)
        return (indices, design.samples - kept.count)
    }
}
