@testable import BuurtReport
import Testing
import BuurtIndex

@Suite struct ReportNumberTests {
    @Test func fixedDecimalsWithTheLanguagesSeparator() {
        #expect(ReportNumber.fixed(12.5, 2, .nl) == "12,50")
        #expect(ReportNumber.fixed(12.5, 2, .en) == "12.50")
        #expect(ReportNumber.fixed(2.25, 1, .en) == "2.3")    // 22.5 is exact in binary: half away from zero
        #expect(ReportNumber.fixed(-2.25, 1, .en) == "-2.3")
        #expect(ReportNumber.fixed(0.05, 2, .en) == "0.05")
        #expect(ReportNumber.fixed(-0.004, 2, .en) == "0.00")  // no "-0.00"
        #expect(ReportNumber.fixed(1234567.891, 0, .nl) == "1234568")
        #expect(ReportNumber.fixed(.nan, 2, .nl) == "–")
        #expect(ReportNumber.fixed(-.infinity, 1, .en) == "−∞")
    }

    @Test func shortDropsTrailingZeros() {
        #expect(ReportNumber.short(2.5, 3, .nl) == "2,5")
        #expect(ReportNumber.short(3, 2, .nl) == "3")
        #expect(ReportNumber.short(0.30000000000000004, 2, .en) == "0.3")
        #expect(ReportNumber.short(-0.001, 2, .en) == "0")
    }

    @Test func ranksPercentagesAndPValues() {
        #expect(ReportNumber.rank(19, .nl) == "19")
        #expect(ReportNumber.rank(11.95, .nl) == "12,0")     // a quantile between places keeps one decimal
        #expect(ReportNumber.percent(0.873, .en) == "87%")
        #expect(ReportNumber.percent(.nan, .en) == "–")
        #expect(ReportNumber.pValue(0.0004, .nl) == "< 0,001")
        #expect(ReportNumber.pValue(0.0512, .en) == "0.051")
    }

    @Test func placeholdersAreFilledInOnePass() {
        let t = ReportStrings(language: .en)
        #expect(t(.firstOf, "100", "2345") == "The first 100 of 2345:")
        // An argument containing a placeholder is inserted as it is.
        #expect(t(.firstOf, "{2}", "7") == "The first {2} of 7:")
        #expect(ReportStrings(language: .nl)(.firstOf, "1", "2") == "De eerste 1 van 2:")
    }
}
