import BuurtNumerics
import BuurtRanking
import Numerics
import Testing
import BuurtIndex

/// The sensitivity target: mean absolute rank shift against the nominal ranking.
@Suite struct SensitivityTargetTests {
    @Test func reversedRankingOfThreeUnits() {
        // nominal (10, 20, 30) → ranks (3, 2, 1); replication (30, 20, 10) → (1, 2, 3);
        // |shifts| = (2, 0, 2) → mean 4/3
        let periods = PeriodPartition(periods: [nil, nil, nil])
        let shift = meanAbsoluteRankShift(nominal: [10, 20, 30], replication: [30, 20, 10], periods: periods)
        #expect(shift.isApproximatelyEqual(to: 4.0 / 3, absoluteTolerance: 1e-15))
        #expect(meanAbsoluteRankShift(nominal: [10, 20, 30], replication: [11, 21, 31], periods: periods) == 0)
    }

    @Test func meanIsTakenPerPeriodThenAveragedSkippingUnrankedUnits() {
        // 2017 rows 0–3: nominal (1, 2, 3, 4) → ranks (4, 3, 2, 1);
        //   replication (2, 2, 3, NaN) → (2, 2, 1, –): the tie shares rank 2, the NaN unit is skipped;
        //   |shifts| = (2, 1, 1) → mean 4/3.
        // 2018 rows 4–5: nominal (5, 6) → (2, 1); replication (6, 5) → (1, 2); |shifts| = (1, 1) → 1.
        // Target = (4/3 + 1)/2 = 7/6 (pooling all five units would give 6/5 instead).
        let periods = PeriodPartition(periods: [2017, 2017, 2017, 2017, 2018, 2018])
        let shift = meanAbsoluteRankShift(nominal: [1, 2, 3, 4, 5, 6], replication: [2, 2, 3, .nan, 6, 5], periods: periods)
        #expect(shift.isApproximatelyEqual(to: 7.0 / 6, absoluteTolerance: 1e-15))
    }

    @Test func nothingRankedGivesNaN() {
        let periods = PeriodPartition(periods: [1, 1])
        #expect(meanAbsoluteRankShift(nominal: [1, 2], replication: [.nan, .nan], periods: periods).isNaN)
        // a period without ranked units is left out of the average: only 2020 counts, shift 0
        let mixed = PeriodPartition(periods: [2019, 2020, 2020])
        #expect(meanAbsoluteRankShift(nominal: [1, 2, 3], replication: [.nan, 2, 3], periods: mixed) == 0)
    }

    @Test func periodRowsGroupRowsByPeriodAscending() {
        let periods = PeriodPartition(periods: [2020, 2019, 2020, nil, 2019])
        #expect(periods.groups == [[1, 4], [0, 2], [3]])
        #expect(periods.rowCount == 5)
        // ranks within each period, in row order: 2020 rows 0, 2 → (5, 7) → (2, 1); 2019 rows 1, 4 → (9, 9) → (1, 1)
        #expect(periods.ranks([5, 9, 7, 1, 9]) == [2, 1, 1, 1, 1])
        let panel = Panel(unitCodes: ["a", "b"], periods: [2018, 2017], columnCodes: ["x"], values: Matrix(rowMajor: [[1], [2]]))
        #expect(PeriodPartition(panel).groups == [[1], [0]])
    }
}
