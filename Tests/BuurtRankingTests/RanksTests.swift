import BuurtNumerics
import BuurtRanking
import Testing
import BuurtIndex

@Suite struct RanksTests {
    @Test func tiesShareTheBestRankAndMissingStaysUnranked() {
        // 5 is highest → 1; the two 3s tie at 2 and 3 → both 2; 1 → 4; NaN → no rank
        let r = competitionRanks([3, 5, .nan, 1, 3])
        #expect(r[0] == 2 && r[1] == 1 && r[2].isNaN && r[3] == 4 && r[4] == 2)
    }

    @Test func nearlyEqualValuesAreNotTies() {
        // COINr's TolMin holds 5.0999999999999996 and 5.1000000000000005: distinct doubles, distinct ranks
        let r = competitionRanks([5.0999999999999996, 5.1000000000000005])
        #expect(r == [2, 1])
    }

    @Test func ranksAreTakenWithinEachPeriod() {
        let panel = Panel(
            unitCodes: ["a", "b", "a", "b"], periods: [2017, 2017, 2018, 2018], columnCodes: ["x"],
            values: Matrix(rowMajor: [[1], [2], [4], [3]]))
        #expect(panel.ranksWithinPeriods(of: "x") == [2, 1, 1, 2])
        #expect(panel.ranksWithinPeriods(of: "y") == nil)
    }
}
