import BuurtNumerics

/// The linear path of the uncertainty engine: arithmetic aggregation at every level, with only
/// weight noise and normalisation alternatives uncertain.
///
/// Per alternative, the normalised indicators and every aggregate under the nominal weights are
/// computed once. An aggregate's availability (coverage rule, at least one child with positive
/// weight) does not depend on the weights, because multipliers lie in (1 − noise, 1 + noise) ⊂
/// (0, 2) and keep every weight's sign. An aggregate is *variable* when a child's weight is
/// perturbed or a child is variable; the others keep their nominal scores. For a variable
/// aggregate a with children C, positions P and a block of B draws with weights W (|C| × B):
///
///     num = X_C · W              (matrix product when all children are fixed, X_C = their
///                                 values with missing ↦ 0; else a sum of scaled columns)
///     den = 1ᵀW − Σ_{c missing at p} W_c     (only the rows with missing children differ)
///     s_a = num ⊘ den where a is available, missing otherwise
///
/// which is Σwx/Σw over the available children, the arithmetic mean of ``BuurtNumerics/Aggregate``
/// (equal up to rounding, well within 1e-9).
/// - Complexity: per block, O(|P| · B · Σ_variable |C|) plus O(B · missing children).
struct LinearScorer: Sendable {
    struct Child: Sendable {
        var slot: Int
        var weight: Double
        /// Index into the draw's weight multipliers, when this child's weight is perturbed.
        var multiplier: Int?
        /// Workspace buffer of a variable child aggregate.
        var buffer: Int?
    }

    struct Node: Sendable {
        var slot: Int
        var children: [Child]
        /// Every child is fixed: the numerator is one matrix product.
        var viaProduct: Bool
        var buffer: Int
    }

    struct Alternative: Sendable {
        var failure: String?
        /// Per slot, layout order, missing ↦ 0 (fixed slots only).
        var values: [[Double]] = []
        /// Per slot, layout order: 1 available, 0 missing.
        var available: [[Double]] = []
        /// Per variable node: the fixed children's values side by side (positions × children).
        var productMatrix: [[Double]] = []
        /// Per variable node: position << 32 | child index of every missing child, ascending.
        var missing: [[UInt64]] = []
    }

    /// Per-worker buffers, grown on demand and reused.
    struct Workspace {
        var buffers: [[Double]] = []
        var weights: [Double] = []
        var denominator: [Double] = []
        var members: [Int] = []
    }

    let positions: Int
    /// Variable aggregates, bottom-up.
    let nodes: [Node]
    /// Whether each slot (indicators, then aggregates bottom-up) is variable, and its buffer.
    let bufferOfSlot: [Int?]
    /// The slot of each score code.
    let outputSlots: [Int]
    let alternatives: [Alternative]

    /// Whether the linear path computes exactly what the general path would.
    static func applies(model: IndexModel, spec: PipelineSpec, uncertainty u: UncertaintySpec) -> Bool {
        guard !u.sampling, u.impute.isEmpty, u.treatMaxPoints.isEmpty else { return false }
        guard u.aggregate.allSatisfy({ $0 == .arithmetic }) else { return false }
        return model.aggregatesBottomUp.allSatisfy { code in
            u.aggregate.isEmpty ? spec.aggregate.rule(forHeight: model.height[code]!).method == .arithmetic : true
        }
    }

    init(
        nominal: PipelineResult, model: IndexModel, spec: PipelineSpec, uncertainty u: UncertaintySpec,
        plan: DrawPlan, layout: RowLayout, scoreCodes: [String]
    ) throws(BuurtError) {
        positions = layout.count
        let codes = model.indicators + model.aggregatesBottomUp
        var slotOf: [String: Int] = [:]
        for (s, c) in codes.enumerated() { slotOf[c] = s }
        var multiplierOf: [String: Int] = [:]
        if plan.noise > 0 { for (k, c) in plan.weightNodes.enumerated() { multiplierOf[c] = k } }

        var bufferOfSlot = [Int?](repeating: nil, count: codes.count)
        var nodes: [Node] = []
        for code in model.aggregatesBottomUp {
            let children = model.children(of: code).map { c in
                Child(slot: slotOf[c]!, weight: model.node(c)!.weight, multiplier: multiplierOf[c], buffer: bufferOfSlot[slotOf[c]!])
            }
            guard children.contains(where: { $0.multiplier != nil || $0.buffer != nil }) else { continue }
            let slot = slotOf[code]!
            bufferOfSlot[slot] = nodes.count
            nodes.append(Node(slot: slot, children: children, viaProduct: children.allSatisfy { $0.buffer == nil }, buffer: nodes.count))
        }
        self.nodes = nodes
        self.bufferOfSlot = bufferOfSlot
        outputSlots = scoreCodes.map { slotOf[$0]! }

        // Each alternative's normalised data, from the last stage before normalisation.
        let treated = nominal.stages.last { $0.name < .normalised }!.panel
        let choices: [NormaliseParameters?] = u.normalise.isEmpty ? [nil] : u.normalise
        // With aggregate alternatives (all arithmetic here) every level aggregates arithmetically.
        let aggregation = GeneralEvaluator.spec(spec, ReplicationDraw(aggregateIndex: u.aggregate.isEmpty ? nil : 0), u).aggregate
        var alternatives: [Alternative] = []
        for parameters in choices {
            do {
                let normalised = try parameters.map { p throws(BuurtError) in try Normalise.apply(treated, model: model, parameters: p).panel }
                    ?? nominal.panel(after: .normalised)!
                let aggregated = try Aggregate.apply(normalised, model: model, parameters: aggregation).panel
                alternatives.append(Self.alternative(aggregated, codes: codes, layout: layout, nodes: nodes, bufferOfSlot: bufferOfSlot))
            } catch {
                alternatives.append(Alternative(failure: error.description))
            }
        }
        self.alternatives = alternatives
    }

    private static func alternative(
        _ panel: Panel, codes: [String], layout: RowLayout, nodes: [Node], bufferOfSlot: [Int?]
    ) -> Alternative {
        var a = Alternative()
        for (s, code) in codes.enumerated() {
            let column = panel.column(code)!
            let ordered = layout.rowAt.map { column[$0] }
            a.available.append(ordered.map { $0.isNaN ? 0 : 1 })
            a.values.append(bufferOfSlot[s] == nil ? ordered.map { $0.isNaN ? 0 : $0 } : [])
        }
        for node in nodes {
            a.productMatrix.append(node.viaProduct ? node.children.flatMap { a.values[$0.slot] } : [])
            var missing: [UInt64] = []
            for p in 0..<layout.count {
                for (c, child) in node.children.enumerated() where a.available[child.slot][p] == 0 {
                    missing.append(UInt64(p) << 32 | UInt64(c))
                }
            }
            a.missing.append(missing)
        }
        return a
    }

    /// Scores positions `range` for a block of draws (see the type's description).
    func score(
        _ draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>, codes: [Int], into output: ScoreOutput,
        sums: ScoreSums? = nil, workspace w: inout Workspace
    ) -> [ReplicationFailure] {
        var failures: [ReplicationFailure] = []
        let first = draws.startIndex
        for (k, alternative) in alternatives.enumerated() {
            w.members.removeAll(keepingCapacity: true)
            for j in draws.indices where (draws[j].normaliseIndex ?? 0) == k { w.members.append(j - first) }
            if w.members.isEmpty { continue }
            if let failure = alternative.failure {
                for j in w.members {
                    failures.append(ReplicationFailure(draw: j, message: failure))
                    for c in codes.indices { output.column(code: c, draw: j).update(repeating: .nan, count: range.count) }
                }
                continue
            }
            score(alternative, draws, positions: range, codes: codes, into: output, sums: sums, workspace: &w)
        }
        return failures.sorted { $0.draw < $1.draw }
    }

    /// Scores the draws listed in `w.members` (offsets into `draws`), which share `alternative`.
    private func score(
        _ alternative: Alternative, _ draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>,
        codes: [Int], into output: ScoreOutput, sums: ScoreSums?, workspace w: inout Workspace
    ) {
        let t = range.count, b = w.members.count, first = draws.startIndex
        guard t > 0 else { return }
        let maxChildren = nodes.map(\.children.count).max() ?? 0
        if w.buffers.count < nodes.count { w.buffers += Array(repeating: [], count: nodes.count - w.buffers.count) }
        for n in nodes.indices where w.buffers[n].count < t * b { w.buffers[n] = [Double](repeating: 0, count: t * b) }
        if w.weights.count < maxChildren * b { w.weights = [Double](repeating: 0, count: maxChildren * b) }
        if w.denominator.count < t { w.denominator = [Double](repeating: 0, count: t) }

        let needed = neededBy(codes + (sums?.codes ?? []))
        for node in nodes where needed[node.buffer] {
            let cc = node.children.count
            for (j, m) in w.members.enumerated() {
                let multipliers = draws[first + m].weightMultipliers
                for (c, child) in node.children.enumerated() {
                    w.weights[c + j * cc] = child.weight * (child.multiplier.map { multipliers?[$0] ?? 1 } ?? 1)
                }
            }
            numerator(node, alternative, positions: range, width: b, workspace: &w)
            divide(node, alternative, positions: range, width: b, workspace: &w)
        }
        write(alternative, draws: w.members, positions: range, codes: codes, into: output, workspace: w)
        if let sums { accumulate(alternative, draws: w.members, positions: range, into: sums, workspace: w) }
    }

    /// num (t × b) of a variable node into its buffer.
    private func numerator(_ node: Node, _ alt: Alternative, positions range: Range<Int>, width b: Int, workspace w: inout Workspace) {
        let t = range.count, cc = node.children.count, a = range.lowerBound
        let nodeIndex = node.buffer
        if node.viaProduct {
            alt.productMatrix[nodeIndex].withUnsafeBufferPointer { x in
                w.weights.withUnsafeBufferPointer { weights in
                    w.buffers[nodeIndex].withUnsafeMutableBufferPointer { out in
                        BLASKernels.multiply(m: t, n: b, k: cc, x.baseAddress! + a, lda: positions,
                                             weights.baseAddress!, ldb: cc, into: out.baseAddress!, ldc: t)
                    }
                }
            }
            return
        }
        var out = w.buffers[nodeIndex]
        w.buffers[nodeIndex] = []
        out.withUnsafeMutableBufferPointer { out in
            for i in 0..<(t * b) { out[i] = 0 }
            for (c, child) in node.children.enumerated() {
                for j in 0..<b {
                    let weight = w.weights[c + j * cc]
                    let column = out.baseAddress! + j * t
                    if let source = child.buffer {
                        w.buffers[source].withUnsafeBufferPointer { s in
                            let from = s.baseAddress! + j * t
                            for i in 0..<t { column[i] += weight * from[i] }
                        }
                    } else {
                        alt.values[child.slot].withUnsafeBufferPointer { s in
                            let from = s.baseAddress! + a
                            for i in 0..<t { column[i] += weight * from[i] }
                        }
                    }
                }
            }
        }
        w.buffers[nodeIndex] = out
    }

    /// num ⊘ den where the node is available, 0 elsewhere (0 keeps parents' sums simple).
    private func divide(_ node: Node, _ alt: Alternative, positions range: Range<Int>, width b: Int, workspace w: inout Workspace) {
        let t = range.count, cc = node.children.count, a = range.lowerBound
        let missing = alt.missing[node.buffer]
        let from = Self.lowerBound(missing, UInt64(a) << 32)
        let to = Self.lowerBound(missing, UInt64(range.upperBound) << 32)
        alt.available[node.slot].withUnsafeBufferPointer { available in
            w.buffers[node.buffer].withUnsafeMutableBufferPointer { out in
                w.denominator.withUnsafeMutableBufferPointer { den in
                    for j in 0..<b {
                        var total = 0.0
                        for c in 0..<cc { total += w.weights[c + j * cc] }
                        if from == to {
                            // No child missing here: every denominator is the total.
                            Self.divide(out.baseAddress! + j * t, by: total, available: available.baseAddress! + a, count: t)
                            continue
                        }
                        for i in 0..<t { den[i] = total }
                        for k in from..<to {
                            let pair = missing[k]
                            den[Int(pair >> 32) - a] -= w.weights[Int(pair & 0xFFFF_FFFF) + j * cc]
                        }
                        Self.divide(out.baseAddress! + j * t, by: den.baseAddress!, available: available.baseAddress! + a, count: t)
                    }
                }
            }
        }
    }

    /// Copies the score codes to the output, NaN where unavailable.
    private func write(_ alt: Alternative, draws members: [Int], positions range: Range<Int>, codes: [Int], into output: ScoreOutput, workspace w: Workspace) {
        let t = range.count, a = range.lowerBound
        for (c, code) in codes.enumerated() {
            let slot = outputSlots[code]
            alt.available[slot].withUnsafeBufferPointer { available in
                if let buffer = bufferOfSlot[slot] {
                    w.buffers[buffer].withUnsafeBufferPointer { scores in
                        for (j, m) in members.enumerated() {
                            Self.select(scores.baseAddress! + j * t, available: available.baseAddress! + a,
                                        into: output.column(code: c, draw: m), count: t)
                        }
                    }
                } else {
                    alt.values[slot].withUnsafeBufferPointer { scores in
                        for m in members {
                            Self.select(scores.baseAddress! + a, available: available.baseAddress! + a,
                                        into: output.column(code: c, draw: m), count: t)
                        }
                    }
                }
            }
        }
    }

    /// Which variable nodes the given output codes depend on (themselves and their variable
    /// descendants).
    private func neededBy(_ codes: [Int]) -> [Bool] {
        var needed = [Bool](repeating: false, count: nodes.count)
        for code in codes { if let b = bufferOfSlot[outputSlots[code]] { needed[b] = true } }
        for node in nodes.reversed() where needed[node.buffer] {
            for child in node.children { if let b = child.buffer { needed[b] = true } }
        }
        return needed
    }

    /// The scores of output `code` per alternative when it does not depend on the weights.
    func fixedScores(output code: Int) -> [[Double]?]? {
        let slot = outputSlots[code]
        guard bufferOfSlot[slot] == nil else { return nil }
        return alternatives.map { alt in
            alt.failure == nil ? zip(alt.values[slot], alt.available[slot]).map { $1 != 0 ? $0 : .nan } : nil
        }
    }

    /// First index whose element is ≥ `value` in an ascending array.
    static func lowerBound(_ array: [UInt64], _ value: UInt64) -> Int {
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
