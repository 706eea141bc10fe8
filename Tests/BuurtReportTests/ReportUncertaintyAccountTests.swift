import BuurtNumerics
import BuurtRanking
import BuurtReport
import Testing
import BuurtIndex

/// The report states the replications left out and the nominal values outside their own band,
/// in Dutch and English, singular and plural.
@Suite struct ReportUncertaintyAccountTests {
    static func markdown(_ account: UncertaintyAccount, _ language: ReportLanguage) throws -> String {
        var input = try ReportFixture.demo(language: language, withBands: true)
        input.uncertaintyAccount = account
        return Report.markdown(input)
    }

    static let failures = [ReplicationFailure(draw: 16, message: "geometric mean needs positive values: unit B2"),
                           ReplicationFailure(draw: 40, message: "geometric mean needs positive values: unit B5")]

    @Test func leftOutReplicationsAreCountedWithTheirReason() throws {
        let account = UncertaintyAccount(replications: 200, leftOut: Self.failures, outside: NominalOutsideBands(indexScoresWithBand: 76, gapsWithBand: 456))
        let en = try Self.markdown(account, .en)
        #expect(en.contains("The bands come from 198 of the 200 replications; 2 were left out because they could not be computed "
            + "(the first, replication 17: geometric mean needs positive values: unit B2)."))
        #expect(en.contains("0 of 76 index scores lie outside their own 5–95% band, and 0 of 456 dimension gaps lie outside theirs."))
        #expect(!en.contains("That can happen"))
        let nl = try Self.markdown(UncertaintyAccount(replications: 200, leftOut: [Self.failures[0]], outside: NominalOutsideBands()), .nl)
        #expect(nl.contains("De banden komen uit 199 van de 200 herhalingen; 1 werd weggelaten"))
    }

    @Test func nominalValuesOutsideTheirBandAreExplained() throws {
        let one = UncertaintyAccount(replications: 200, leftOut: [], outside: NominalOutsideBands(indexScores: 1, indexScoresWithBand: 76, gaps: 3, gapsWithBand: 456))
        let en = try Self.markdown(one, .en)
        #expect(en.contains("1 of 76 index scores lies outside its own 5–95% band, and 3 of 456 dimension gaps lie outside theirs. That can happen"))
        #expect(!en.contains("replications; "))
        let nl = try Self.markdown(one, .nl)
        #expect(nl.contains("Van de 76 indexscores ligt er 1 buiten de eigen 5–95%-band, van de 456 achterstanden per dimensie liggen er 3. Dat kan:"))
    }

    @Test func sensitivityRowsLeftOutAreStatedInTheSensitivitySection() throws {
        var account = UncertaintyAccount(replications: 200, leftOut: [], outside: NominalOutsideBands())
        let none = try Self.markdown(account, .en)
        #expect(!none.contains("rows of the design"))
        account.sensitivityRows = 128
        account.sensitivityRowsLeftOut = 7
        let en = try Self.markdown(account, .en)
        #expect(en.contains("The indices come from 121 of the 128 rows of the design: in 7 rows a point could not be computed"))
        let nl = try Self.markdown(account, .nl)
        #expect(nl.contains("De indices komen uit 121 van de 128 rijen van het proefschema: in 7 rijen kon een punt niet worden berekend"))
    }
}
