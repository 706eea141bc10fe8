import BuurtIndex
import BuurtNumerics

/// Scoring one block of draws that share a plan of ``CompiledScorer``.
///
/// A variable node's buffer holds q = num ⊘ den in its own transformed space (f⁻¹ not yet
/// applied; Mazziotta–Pareto nodes hold their scores), 0 where the node is missing. A parent
/// with the same mean sums q directly (ln ∘ exp cancels); another mean takes f_parent(f⁻¹(q))
/// elementwise; outputs take f⁻¹(q).
extension CompiledScorer {
    /// Scores the draws listed in `w.members` (offsets into `draws`), which share `alt`.
    func score(
        _ alt: Alternative, _ draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>,
        codes: [Int], into output: ScoreOutput, sums: ScoreSums?, workspace w: inout Workspace
    ) -> [ReplicationFailure] {
        let first = draws.startIndex
        if let failure = alt.failure {
            for j in w.members {
                for c in codes.indices { output.column(code: c, draw: j).update(repeating: .nan, count: range.count) }
            }
            return w.members.map { ReplicationFailure(draw: $0, message: failure) }
        }
        if alt.staged {
            return w.members.compactMap { j in
                stageScore(alt, draws[first + j], member: j, positions: range, codes: codes, into: output, sums: sums)
            }
        }
        guard !range.isEmpty else { return [] }
        let evaluated = alt.periodWide ? periodCover(range) : range
        let anomalous = compute(alt, draws, positions: evaluated, codes: codes + (sums?.codes ?? []), workspace: &w)
        let members = w.members
        let kept = members.indices.filter { !anomalous[$0] }
        let origin = range.lowerBound - evaluated.lowerBound, stride = evaluated.count
        toScores(alt, codes: codes + (sums?.codes ?? []), positions: range, origin: origin, stride: stride, width: members.count, workspace: &w)
        write(alt, draws: kept.map { members[$0] }, columns: kept, positions: range, origin: origin, stride: stride,
              codes: codes, into: output, workspace: w)
        if let sums {
            accumulate(alt, draws: kept.map { members[$0] }, columns: kept, positions: range, origin: origin, stride: stride,
                       into: sums, workspace: w)
        }
        // A Mazziotta–Pareto child without variation under a draw: the stage decides.
        return members.indices.filter { anomalous[$0] }.compactMap { k in
            stageScore(alt, draws[first + members[k]], member: members[k], positions: range, codes: codes, into: output, sums: sums)
        }
    }

    /// The whole periods that `range` touches.
    private func periodCover(_ range: Range<Int>) -> Range<Int> {
        let periods = context.layout.periods
        let lower = periods.first { $0.positions.contains(range.lowerBound) }?.positions.lowerBound ?? range.lowerBound
        let upper = periods.first { $0.positions.contains(range.upperBound - 1) }?.positions.upperBound ?? range.upperBound
        return lower..<upper
    }

    /// Every variable node the outputs need, bottom-up, into the workspace buffers (q space).
    /// - Returns: per member, whether a Mazziotta–Pareto standardisation met no variation.
    private func compute(
        _ alt: Alternative, _ draws: ArraySlice<ReplicationDraw>, positions range: Range<Int>, codes: [Int], workspace w: inout Workspace
    ) -> [Bool] {
        let t = range.count, b = w.members.count, first = draws.startIndex
        let maxChildren = nodes.map(\.children.count).max() ?? 0
        if w.buffers.count < nodes.count { w.buffers += Array(repeating: [], count: nodes.count - w.buffers.count) }
        if w.squares.count < nodes.count { w.squares += Array(repeating: [], count: nodes.count - w.squares.count) }
        for n in nodes.indices where w.buffers[n].count < t * b { w.buffers[n] = [Double](repeating: 0, count: t * b) }
        for n in nodes.indices where alt.means[n] == .mazziottaPareto && w.squares[n].count < t * b {
            w.squares[n] = [Double](repeating: 0, count: t * b)
        }
        if w.weights.count < maxChildren * b { w.weights = [Double](repeating: 0, count: maxChildren * b) }
        if w.denominator.count < t { w.denominator = [Double](repeating: 0, count: t) }
        if w.column.count < t { w.column = [Double](repeating: 0, count: t) }

        var anomalous = [Bool](repeating: false, count: b)
        let needed = neededBy(codes)
        for node in nodes where needed[node.buffer] {
            let cc = node.children.count
            for (j, m) in w.members.enumerated() {
                let multipliers = draws[first + m].weightMultipliers
                for (c, child) in node.children.enumerated() {
                    w.weights[c + j * cc] = child.weight * (child.multiplier.map { multipliers?[$0] ?? 1 } ?? 1)
                }
            }
            numerator(node, alt, positions: range, width: b, workspace: &w, anomalous: &anomalous)
            divide(node, alt, positions: range, width: b, workspace: &w)
            if alt.means[node.buffer] == .mazziottaPareto {
                w.squares[node.buffer].withUnsafeBufferPointer { q2 in
                    w.buffers[node.buffer].withUnsafeMutableBufferPointer { q1 in
                        alt.available[node.slot].withUnsafeBufferPointer { available in
                            for j in 0..<b {
                                Self.mazziottaPareto(q1.baseAddress! + j * t, squares: q2.baseAddress! + j * t,
                                                     available: available.baseAddress! + range.lowerBound, count: t)
                            }
                        }
                    }
                }
            }
        }
        return anomalous
    }

    /// Σ_c W_c f(x_c) of a variable node into its buffer (and Σ_c W_c f(x_c)² for
    /// Mazziotta–Pareto into its squares).
    private func numerator(
        _ node: Node, _ alt: Alternative, positions range: Range<Int>, width b: Int, workspace w: inout Workspace, anomalous: inout [Bool]
    ) {
        let t = range.count, cc = node.children.count, a = range.lowerBound
        let n = node.buffer, mean = alt.means[n], twoSums = mean == .mazziottaPareto
        if node.viaProduct {
            let matrices = twoSums ? [alt.productMatrix[n], alt.squareMatrix[n]] : [alt.productMatrix[n]]
            for (k, matrix) in matrices.enumerated() {
                // Taken out of the workspace while written, so the array is not copied.
                var out: [Double] = []
                if k == 0 { swap(&out, &w.buffers[n]) } else { swap(&out, &w.squares[n]) }
                matrix.withUnsafeBufferPointer { x in
                    w.weights.withUnsafeBufferPointer { weights in
                        out.withUnsafeMutableBufferPointer { out in
                            BLASKernels.multiply(m: t, n: b, k: cc, x.baseAddress! + a, lda: positions,
                                                 weights.baseAddress!, ldb: cc, into: out.baseAddress!, ldc: t)
                        }
                    }
                }
                if k == 0 { w.buffers[n] = out } else { w.squares[n] = out }
            }
            return
        }
        var out = w.buffers[n], squares = w.squares[n], column = w.column
        w.buffers[n] = []
        w.squares[n] = []
        out.withUnsafeMutableBufferPointer { out in
            squares.withUnsafeMutableBufferPointer { squares in
                column.withUnsafeMutableBufferPointer { scratch in
                    for i in 0..<(t * b) { out[i] = 0 }
                    if twoSums { for i in 0..<(t * b) { squares[i] = 0 } }
                    for (c, child) in node.children.enumerated() {
                        for j in 0..<b {
                            let weight = w.weights[c + j * cc]
                            let target = out.baseAddress! + j * t
                            func add(_ from: UnsafePointer<Double>) {
                                Self.addScaled(from, weight, into: target, count: t)
                                if twoSums { Self.addScaledSquares(from, weight, into: squares.baseAddress! + j * t, count: t) }
                            }
                            if let source = child.buffer {
                                let sourceMean = alt.means[source]
                                w.buffers[source].withUnsafeBufferPointer { s in
                                    if sourceMean == mean && mean != .mazziottaPareto {
                                        add(s.baseAddress! + j * t)
                                    } else {
                                        if !convert(s.baseAddress! + j * t, from: sourceMean, to: mean, child: child, node: node,
                                                    alt, positions: range, into: scratch.baseAddress!) {
                                            anomalous[j] = true
                                        }
                                        add(scratch.baseAddress!)
                                    }
                                }
                            } else {
                                alt.productMatrix[n].withUnsafeBufferPointer { add($0.baseAddress! + alt.fixedColumn[n][c]! * positions + a) }
                            }
                        }
                    }
                }
            }
        }
        w.buffers[n] = out
        w.squares[n] = squares
        w.column = column
    }

    /// A variable child's q column (its own space) as f of the node's mean, into `scratch`;
    /// 0 where the child or the node is missing. Mazziotta–Pareto standardises per period.
    /// - Returns: false when a period has no variation (the stage would refuse it).
    private func convert(
        _ q: UnsafePointer<Double>, from childMean: Mean, to mean: Mean, child: Child, node: Node, _ alt: Alternative,
        positions range: Range<Int>, into scratch: UnsafeMutablePointer<Double>
    ) -> Bool {
        let t = range.count, a = range.lowerBound
        return alt.available[child.slot].withUnsafeBufferPointer { childAvailable in
            alt.available[node.slot].withUnsafeBufferPointer { nodeAvailable in
                let ca = childAvailable.baseAddress! + a, na = nodeAvailable.baseAddress! + a
                for i in 0..<t { scratch[i] = ca[i] != 0 ? Self.inverse(q[i], childMean) : 0 }
                guard mean == .mazziottaPareto else {
                    for i in 0..<t { scratch[i] = ca[i] != 0 && na[i] != 0 ? Self.forward(scratch[i], mean) : 0 }
                    return true
                }
                var varied = true
                for period in context.layout.periods where period.positions.overlaps(range) {
                    let local = (period.positions.lowerBound - a)..<(period.positions.upperBound - a)
                    let (m, s) = Self.standardisation(scratch, available: ca, positions: local)
                    if !(s > 0) { varied = false }
                    for i in local { scratch[i] = ca[i] != 0 && na[i] != 0 ? 10 * (scratch[i] - m) / s : 0 }
                }
                return varied
            }
        }
    }

    /// q = num ⊘ den where the node is available, 0 elsewhere (also the squares' sum for
    /// Mazziotta–Pareto), taken as num · (1/den), so a position's bits do not depend on the
    /// positions scored with it.
    private func divide(_ node: Node, _ alt: Alternative, positions range: Range<Int>, width b: Int, workspace w: inout Workspace) {
        let t = range.count, cc = node.children.count, a = range.lowerBound
        let missing = alt.missing[node.buffer]
        let from = missing.lowerBound(of: UInt64(a) << 32)
        let to = missing.lowerBound(of: UInt64(range.upperBound) << 32)
        let twoSums = alt.means[node.buffer] == .mazziottaPareto
        var squares = w.squares[node.buffer]
        w.squares[node.buffer] = []
        alt.available[node.slot].withUnsafeBufferPointer { available in
            w.buffers[node.buffer].withUnsafeMutableBufferPointer { out in
                squares.withUnsafeMutableBufferPointer { squares in
                    w.denominator.withUnsafeMutableBufferPointer { den in
                        for j in 0..<b {
                            var total = 0.0
                            for c in 0..<cc { total += w.weights[c + j * cc] }
                            let flags = available.baseAddress! + a
                            if from == to {
                                // No child missing here: every denominator is the total.
                                let reciprocal = 1 / total
                                Self.scale(out.baseAddress! + j * t, by: reciprocal, available: flags, count: t)
                                if twoSums { Self.scale(squares.baseAddress! + j * t, by: reciprocal, available: flags, count: t) }
                                continue
                            }
                            for i in 0..<t { den[i] = total }
                            for k in from..<to {
                                let pair = missing[k]
                                den[Int(pair >> 32) - a] -= w.weights[Int(pair & 0xFFFF_FFFF) + j * cc]
                            }
                            Self.scale(out.baseAddress! + j * t, byReciprocalsOf: den.baseAddress!, available: flags, count: t)
                            if twoSums { Self.scale(squares.baseAddress! + j * t, byReciprocalsOf: den.baseAddress!, available: flags, count: t) }
                        }
                    }
                }
            }
        }
        w.squares[node.buffer] = squares
    }

    /// Turns the q of every variable output code into scores, in place, at the output positions
    /// `range` (column j of a buffer starts at j · stride, position `range.lowerBound` at
    /// `origin`), 0 where missing; after every node is computed, as parents read q.
    private func toScores(
        _ alt: Alternative, codes: [Int], positions range: Range<Int>, origin: Int, stride: Int, width b: Int, workspace w: inout Workspace
    ) {
        var done = Set<Int>()
        for code in codes {
            let slot = outputSlots[code]
            guard let n = bufferOfSlot[slot], !done.contains(n) else { continue }
            done.insert(n)
            let mean = alt.means[n]
            if mean == .arithmetic || mean == .mazziottaPareto { continue }
            alt.available[slot].withUnsafeBufferPointer { available in
                w.buffers[n].withUnsafeMutableBufferPointer { q in
                    for j in 0..<b {
                        Self.invert(q.baseAddress! + j * stride + origin, mean, available: available.baseAddress! + range.lowerBound,
                                    count: range.count)
                    }
                }
            }
        }
    }
}
