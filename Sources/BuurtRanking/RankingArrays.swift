extension CompetitionRanker {
    /// ``rank(_:into:lowest:lowestMember:)`` on arrays: `ranks` is resized to one rank per score.
    /// - Returns: the number of available (non-NaN) scores.
    /// - Complexity: O(n).
    public mutating func rank<Rank: FixedWidthInteger & UnsignedInteger>(
        _ scores: [Double], into ranks: inout [Rank], lowest k: Int = 0, lowestMember: (Int) -> Void = { _ in }
    ) -> Int {
        if ranks.count != scores.count { ranks = [Rank](repeating: 0, count: scores.count) }
        return scores.withUnsafeBufferPointer { s in
            ranks.withUnsafeMutableBufferPointer { rank(s, into: $0, lowest: k, lowestMember: lowestMember) }
        }
    }
}

extension QuantileSelector {
    /// The type-7 quantiles at `probabilities` of the non-NaN values of an array; NaN for each when none.
    /// - Complexity: O(n) expected.
    public mutating func quantiles<T: BinaryFloatingPoint>(_ values: [T], _ probabilities: [Double]) -> [Double] {
        values.withUnsafeBufferPointer { quantiles($0, probabilities) }
    }

    /// The type-7 quantiles of an array of ranks (0 = no rank, skipped), and their mean.
    /// - Complexity: O(n).
    public mutating func rankSummary<R: FixedWidthInteger & UnsignedInteger>(
        _ ranks: [R], _ probabilities: [Double]
    ) -> (quantiles: [Double], mean: Double) {
        ranks.withUnsafeBufferPointer { rankSummary($0, probabilities) }
    }
}
