import BuurtNumerics
import BuurtRanking
import Numerics
import Testing
import BuurtIndex

@Suite struct QuantileSelectorTests {
    @Test func typeSevenOnHandValues() {
        // n = 5 sorted 1 2 3 4 10 (NaN skipped): h = 4p.
        // p = 0.05: h = 0.2 → 1 + 0.2·(2 − 1) = 1.2; p = 0.5: h = 2 → 3; p = 0.95: h = 3.8 → 4 + 0.8·(10 − 4) = 8.8
        var s = QuantileSelector()
        let x: [Double] = [10, 3, .nan, 1, 4, 2]
        let q = x.withUnsafeBufferPointer { s.quantiles($0, [0.05, 0.5, 0.95]) }
        #expect(q[0].isApproximatelyEqual(to: 1.2, absoluteTolerance: 1e-12))
        #expect(q[1] == 3)
        #expect(q[2].isApproximatelyEqual(to: 8.8, absoluteTolerance: 1e-12))
    }

    @Test func singleValueAndEmptySample() {
        var s = QuantileSelector()
        #expect([7.0].withUnsafeBufferPointer { s.quantiles($0, [0.05, 0.95]) } == [7, 7])
        #expect([Double.nan].withUnsafeBufferPointer { s.quantiles($0, [0.5]) }[0].isNaN)
    }

    @Test func rankSummarySkipsUnrankedAndAverages() {
        // Ranks 3 1 2 2 (0 = no rank): sorted 1 2 2 3, h = 3p.
        // p = 0.05: h = 0.15 → 1 + 0.15·1 = 1.15; 0.5: h = 1.5 → 2; 0.95: h = 2.85 → 2 + 0.85·1 = 2.85; mean 8/4 = 2
        var s = QuantileSelector()
        let r: [UInt16] = [3, 1, 0, 2, 2]
        let (q, mean) = r.withUnsafeBufferPointer { s.rankSummary($0, [0.05, 0.5, 0.95]) }
        #expect(q[0].isApproximatelyEqual(to: 1.15, absoluteTolerance: 1e-12))
        #expect(q[1] == 2)
        #expect(q[2].isApproximatelyEqual(to: 2.85, absoluteTolerance: 1e-12))
        #expect(mean == 2)
    }

    /// Property: selection equals R type 7 on the sorted sample (`Descriptive.quantile`) exactly,
    /// for doubles, floats and ranks, with heavy ties and clusters that force recursion.
    @Test func equalsSortedTypeSevenOnRandomSamples() {
        var g = RandomStream(seed: 3, stream: 1)
        var s = QuantileSelector()
        let ps = [0.0, 0.05, 0.1, 0.5, 0.9, 0.95, 1.0]
        for trial in 0..<120 {
            let n = 1 + Int(g.uniform() * 3000)
            let shape = trial % 3
            let x: [Double] = (0..<n).map { _ in
                switch shape {
                case 0: return (g.uniform() * 5).rounded()           // few distinct values
                case 1: return g.uniform() < 0.9 ? 50 + g.uniform() * 1e-9 : g.uniform() * 100  // a tight cluster
                default: return g.normal(mean: 0, sd: 10)
                }
            }
            let expected = ps.map { Descriptive.quantile(x, $0) }
            let got = x.withUnsafeBufferPointer { s.quantiles($0, ps) }
            #expect(got == expected, "trial \(trial)")
            let f = x.map { Float($0) }
            let expectedFloat = ps.map { Descriptive.quantile(f.map(Double.init), $0) }
            #expect(f.withUnsafeBufferPointer { s.quantiles($0, ps) } == expectedFloat, "trial \(trial) (Float)")
            let ranks = x.map { UInt16(max(1, min(60000, abs($0) * 100))) }
            let expectedRanks = ps.map { Descriptive.quantile(ranks.map(Double.init), $0) }
            #expect(ranks.withUnsafeBufferPointer { s.rankSummary($0, ps).quantiles } == expectedRanks, "trial \(trial) (ranks)")
        }
    }
}
