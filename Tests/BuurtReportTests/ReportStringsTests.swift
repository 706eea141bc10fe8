@testable import BuurtReport
import Testing

/// ``ReportStrings``, the one string table of the report and the weight explorer.
@Suite struct ReportStringsTests {
    @Test func countChoosesTheSingularOnlyForOne() {
        let nl = ReportStrings(language: .nl), en = ReportStrings(language: .en)
        for (n, dutch, english) in [(0, "0 werden", "0 were"), (1, "1 werd", "1 was"), (2, "2 werden", "2 were")] {
            #expect(nl.count(n, one: .account(.leftOutOne), many: .account(.leftOutMany), String(n)) == dutch)
            #expect(en.count(n, one: .account(.leftOutOne), many: .account(.leftOutMany), String(n)) == english)
        }
    }

    @Test func namedMarksAreLeftForTheScriptAndArgumentsAreInsertedAsTheyAre() {
        let en = ReportStrings(language: .en)
        #expect(en(.explorer(.summary)) == "{moved} of {total} neighbourhoods change rank in {period}.")
        #expect(en(.explorer(.missingColumns), "a, {1}") == "The results lack the scores of a, {1}; the index cannot be recomputed here.")
        #expect(ReportStrings(language: .nl)(.changes(.intro), "2017", "2020", "X")
                == "Verandering per buurt van 2017 naar 2020 (score 2020 min score 2017; positief is beter). X")
    }

    @Test func separatorsFollowTheLanguage() {
        #expect(ReportLanguage.nl.decimalSeparator == "," && ReportLanguage.en.decimalSeparator == ".")
        #expect(ReportStrings(language: .nl)(.thousandsSeparator) == "." && ReportStrings(language: .en)(.thousandsSeparator) == ",")
    }
}
