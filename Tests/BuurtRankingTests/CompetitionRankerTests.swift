import BuurtNumerics
import BuurtRanking
import Testing
import BuurtIndex

@Suite struct CompetitionRankerTests {
    @Test func highestFirstTiesShareTheBestRankMissingUnranked() {
        var ranker = CompetitionRanker()
        // 5 → 1; the two 3s share 2; 1 → 4 (three scores above it: 5, 3, 3); NaN → no rank
        let r = ranker.ranks([3, 5, .nan, 1, 3])
        #expect(r[0] == 2 && r[1] == 1 && r[2].isNaN && r[3] == 4 && r[4] == 2)
    }

    @Test func minusZeroTiesWithZero() {
        var ranker = CompetitionRanker()
        #expect(ranker.ranks([0.0, -0.0, 1, -1]) == [2, 2, 1, 4])
    }

    @Test func adjacentDoublesThatShareAFloatKeyAreStillOrdered() {
        // 1 and its next double round to the same Float; they must not tie.
        var ranker = CompetitionRanker()
        let a = 1.0, b = 1.0.nextUp, c = 1.0.nextUp.nextUp
        #expect(ranker.ranks([b, c, a, b]) == [2, 1, 4, 2])
    }

    @Test func lowestKIncludesEveryScoreTiedAtTheKthLowest() {
        // Ascending: 1 (min-rank 1), 3, 3 (min-rank 2), 5 (4). k = 2 → the 1 and both 3s.
        var ranker = CompetitionRanker()
        var members: [Int] = []
        var ranks = [UInt16](repeating: 0, count: 5)
        let values: [Double] = [3, 5, .nan, 1, 3]
        let n = values.withUnsafeBufferPointer { v in
            ranks.withUnsafeMutableBufferPointer { out in ranker.rank(v, into: out, lowest: 2) { members.append($0) } }
        }
        #expect(n == 4)
        #expect(ranks == [2, 1, 0, 4, 2])
        #expect(members.sorted() == [0, 3, 4])
    }

    /// Property: equals the sort-based ``competitionRanks(_:)`` on random vectors with ties,
    /// NaN, ±0, negative values and neighbouring doubles; with `extremes`, also infinities and
    /// huge values (a range that is not finite, so every key is equal).
    @Test(arguments: [false, true])
    func equalsSortBasedRanksOnRandomData(extremes: Bool) {
        var g = RandomStream(seed: 42, stream: extremes ? 7 : 8)
        var ranker = CompetitionRanker()
        for trial in 0..<400 {
            let n = Int(g.uniform() * 400)
            let pool: [Double] = [0, -0.0, 1, -1, -1e-300, 2.5, 2.5.nextUp, 2.5.nextDown]
                + (extremes ? [1e300, .infinity, -.infinity] : [])
            let values: [Double] = (0..<n).map { _ in
                let u = g.uniform()
                if u < 0.1 { return .nan }
                if u < 0.4 { return pool[Int(g.uniform() * Double(pool.count))] }
                if u < 0.6 { return (g.uniform() * 10).rounded() }
                return (g.uniform() - 0.5) * 200
            }
            let expected = competitionRanks(values)
            let got = ranker.ranks(values)
            let same = zip(expected, got).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
            #expect(same, "trial \(trial): \(values)")
            if !same { break }
        }
    }

    /// Above 65,536 scores the wide (64-bit word) sort is used.
    @Test func largeVectorsEqualSortBasedRanks() {
        var g = RandomStream(seed: 5, stream: 5)
        let values: [Double] = (0..<70_000).map { _ in
            let u = g.uniform()
            return u < 0.05 ? .nan : u < 0.3 ? (g.uniform() * 100).rounded() : g.uniform() * 100
        }
        var ranker = CompetitionRanker()
        let got = ranker.ranks(values), expected = competitionRanks(values)
        #expect(zip(got, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
}
