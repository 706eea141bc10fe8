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

/// The counted sentences of the report take the singular for exactly one, in both languages.
@Suite struct ReportCountedSentencesTests {
    @Test(arguments: [ReportLanguage.nl, .en])
    func warningsMissingScoresAndLeftOutRowsAgreeWithTheirCount(_ language: ReportLanguage) {
        let t = ReportStrings(language: language)
        let one = t.count(1, one: .leadWarning, many: .leadWarnings, "1")
        let three = t.count(3, one: .leadWarning, many: .leadWarnings, "3")
        #expect(one.contains(language == .nl ? "1 waarschuwing;" : "1 warning;"))
        #expect(three.contains(language == .nl ? "3 waarschuwingen;" : "3 warnings;"))
        #expect(!one.contains("(") && !three.contains("("))
        let left = t.count(1, one: .screenedCountOne, many: .screenedCount, "1", "76", "75%")
        #expect(left.hasPrefix(language == .nl ? "1 van de 76 buurt-jaren is weggelaten" : "1 of 76 buurt-years was left out"))
        let missing = t.count(1, one: .aggregateMissingOne, many: .aggregateMissing, "Index", "1", "0")
        #expect(missing.hasPrefix(language == .nl ? "Index: 1 ontbrekende score (" : "Index: 1 missing score ("))
        let cells = t.count(1, one: .dataIntroOneMissing, many: .dataIntro, "76", "19", "4", "2017–2020", "1596", "1", "0.1")
        #expect(cells.contains(language == .nl ? "ontbreekt er 1 (" : "1 is missing ("))
    }
}
