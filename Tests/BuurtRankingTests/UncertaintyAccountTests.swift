import BuurtNumerics
import BuurtRanking
import Testing
import BuurtIndex

/// ``NominalOutsideBands`` and ``UncertaintyAccount``: nominal values outside their own band
/// and replications left out are counted.
@Suite struct UncertaintyAccountTests {
    static func unit(_ row: Int, score: Double, band: (Double, Double)) -> UnitUncertainty {
        UnitUncertainty(row: row, unit: "u\(row)", name: "U\(row)", period: 2020, score: score, rank: 1, rankMean: 1, rankMedian: 1,
                        rankP05: 1, rankP95: 1, scoreP05: band.0, scoreP50: (band.0 + band.1) / 2, scoreP95: band.1, pTop: 0, replications: 10)
    }

    static func theme(_ row: Int, gap: Double, band: (Double, Double)) -> ThemeRow {
        ThemeRow(row: row, unit: "u\(row)", name: "U\(row)", period: 2020, priority: 1, group: "d1", score: 50, reference: 50 + gap, gap: gap,
                 gapP05: band.0, gapP95: band.1)
    }

    /// Hand-made rows: inside, on a bound, below, above, and without a band.
    @Test func countsValuesOutsideTheirOwnBand() {
        let result = UncertaintyResult(
            units: [Self.unit(0, score: 50, band: (40, 60)), Self.unit(1, score: 40, band: (40, 60)), Self.unit(2, score: 39.9, band: (40, 60)),
                    Self.unit(3, score: 60.5, band: (40, 60)), Self.unit(4, score: 50, band: (.nan, .nan)), Self.unit(5, score: .nan, band: (1, 2))],
            priorities: [],
            themes: [Self.theme(0, gap: -3, band: (-2, 5)), Self.theme(1, gap: 5, band: (-2, 5)), Self.theme(2, gap: 1, band: (.nan, 3))],
            failures: [], replications: 10)
        #expect(NominalOutsideBands.count(result) == NominalOutsideBands(indexScores: 2, indexScoresWithBand: 4, gaps: 1, gapsWithBand: 2))
    }

    /// Every replication scales to [200, 300] where the nominal run scales to [0, 100]: each
    /// arithmetic index score is the nominal one plus 200, so every scored row lies below its
    /// band, while the gaps (score against the replication's own mean) do not move.
    @Test func aShiftedAlternativePutsEveryNominalScoreOutside() throws {
        let e = try UncertaintyEngineTests.engine(UncertaintySpec(
            weights: WeightNoise(noise: 0.2, levels: [1]), normalise: [NormaliseParameters(method: .minmax(lower: 200, upper: 300))],
            replications: 50, seed: 3))
        let result = try UncertaintySummary.compute(engine: e, threads: 2)
        let scored = result.units.filter { $0.score.isFinite }.count
        let counts = NominalOutsideBands.count(result)
        #expect(scored > 0 && counts.indexScores == scored && counts.indexScoresWithBand == scored)
        for u in result.units where u.score.isFinite { #expect(u.scoreP05 >= u.score + 150) }
        let account = UncertaintyAccount(result)
        #expect(account.leftOut.isEmpty && account.replications == 50 && account.changesLeftOut == nil)
    }

    /// Replications that fail (a geometric mean meeting the zeros of min-max [0, 100]) are left
    /// out and named in the account, with the row counts of uncertainty.csv.
    @Test func leftOutReplicationsAreNamed() throws {
        let e = try UncertaintyEngineTests.engine(UncertaintySpec(aggregate: [.arithmetic, .geometric], replications: 30, seed: 2, outOfDomain: .skip))
        let result = try UncertaintySummary.compute(engine: e, threads: 2)
        let geometric = (0..<30).filter { e.draw(replication: $0).aggregateIndex == 1 }
        let account = UncertaintyAccount(result)
        #expect(account.leftOut.map(\.draw) == geometric && !geometric.isEmpty)
        #expect(account.leftOut.allSatisfy { $0.message.contains("geometric mean needs positive values") })
        #expect(result.units.filter { $0.score.isFinite }.allSatisfy { $0.replications == 30 - geometric.count })
    }
}
