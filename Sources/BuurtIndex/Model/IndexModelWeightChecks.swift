extension IndexModel {
    /// The largest ratio allowed between two positive weights of the same aggregate's children.
    ///
    /// Weights are relative to their siblings; beyond a million to one the smaller weight no
    /// longer changes any score that is printed, and products of weights and values approach
    /// the range where doubles overflow.
    package static let maximumWeightRatio = 1e6
    /// The largest weight allowed. Since only ratios matter, larger weights can always be
    /// scaled down; the bound keeps every weighted sum finite.
    package static let maximumWeight = 1e9

    /// A set of sibling weights no weighted mean can be computed from reliably.
    package struct WeightProblem: Sendable, Equatable {
        /// The aggregate whose children's weights are at fault.
        package var aggregate: String
        /// The children whose weights are at fault, the one to change first.
        package var children: [String]
        package var message: String
    }

    /// Every aggregate whose children all weigh 0 (a 0/0 mean), every weight above
    /// ``maximumWeight``, and every child whose weight is more than ``maximumWeightRatio``
    /// times that of its lightest positive sibling; in top-down order.
    /// - Complexity: O(nodes).
    package func weightProblems() -> [WeightProblem] {
        var problems: [WeightProblem] = []
        for code in aggregatesTopDown {
            let children = children(of: code)
            let weights = children.map { node($0)?.weight ?? 0 }
            guard !children.isEmpty else { continue }
            if weights.allSatisfy({ $0 == 0 }) {
                problems.append(WeightProblem(
                    aggregate: code, children: children,
                    message: "the weights of the children of '\(code)' are all zero (\(children.map { "'\($0)'" }.joined(separator: ", "))); "
                        + "give at least one of them a positive weight"))
                continue
            }
            let lightest = weights.filter { $0 > 0 }.min() ?? 1
            for (child, weight) in zip(children, weights) {
                if weight > Self.maximumWeight {
                    problems.append(WeightProblem(
                        aggregate: code, children: [child],
                        message: "weight of '\(child)' is \(formatNumber(weight)), more than \(formatNumber(Self.maximumWeight)); "
                            + "weights only count relative to their siblings, so divide the weights of the children of '\(code)' by the same number"))
                } else if weight > Self.maximumWeightRatio * lightest {
                    let light = zip(children, weights).first { $0.1 == lightest }!.0
                    problems.append(WeightProblem(
                        aggregate: code, children: [child, light],
                        message: "weight of '\(child)' (\(formatNumber(weight))) is more than \(formatNumber(Self.maximumWeightRatio)) times "
                            + "that of its sibling '\(light)' (\(formatNumber(lightest))); a weight that small has no effect: "
                            + "give '\(light)' weight 0 to leave it out, or bring the weights closer together"))
                }
            }
        }
        return problems
    }
}
