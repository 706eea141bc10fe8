import BuurtRanking
import Testing

/// The array forms of the ranking kernels give what the buffer forms give.
@Suite struct RankingArraysTests {
    @Test func rankingAnArrayEqualsRankingItsBuffer() {
        let scores: [Double] = [3, 1, 2, .nan, 2, 5]
        var ranker = CompetitionRanker(capacity: scores.count)
        var fromArray: [UInt16] = []
        var lowest: [Int] = []
        let available = ranker.rank(scores, into: &fromArray, lowest: 2) { lowest.append($0) }
        var fromBuffer = [UInt16](repeating: 0, count: scores.count)
        let again = scores.withUnsafeBufferPointer { s in fromBuffer.withUnsafeMutableBufferPointer { ranker.rank(s, into: $0) } }
        #expect(available == 5 && again == 5)
        #expect(fromArray == fromBuffer)
        // Highest score first, ties share the best rank, NaN has none: 5 → 1, 3 → 2, 2 → 3, 1 → 5.
        #expect(fromArray == [2, 5, 3, 0, 3, 1])
        // The two lowest scores: 1 and both 2s (tied at the 2nd lowest).
        #expect(lowest.sorted() == [1, 2, 4])
    }

    @Test func quantilesOfAnArrayAreTypeSevenQuantiles() {
        var selector = QuantileSelector()
        // Type 7: h = (n − 1)·p; 5 values, p = 0.05 → 1 + 0.2·(2 − 1) = 1.2; p = 0.95 → 4.8.
        let q = selector.quantiles([5.0, 1, .nan, 3, 2, 4], [0.05, 0.5, 0.95])
        #expect(q.count == 3)
        #expect(abs(q[0] - 1.2) < 1e-12 && q[1] == 3 && abs(q[2] - 4.8) < 1e-12)
        let summary = selector.rankSummary([UInt16(0), 1, 2, 3], [0.5])
        #expect(summary.quantiles == [2] && summary.mean == 2)
    }
}
