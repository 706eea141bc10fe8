import BuurtIndex
import BuurtRanking
@testable import BuurtReport
import Foundation
import Testing

/// The block "strengths and weaknesses" of a buurt profile, on the small model of
/// ``ReportContentTests``: every 2020 column is a permutation of 1…10, so each city mean is 50.
@Suite struct ReportProfileStrengthsTests {
    /// The table of Buurt 2's block in 2020: raw a1…b3 = 2, 1, 3, 2, 1 (b2, lower is better), 9
    /// give 11.1, 0, 22.2, 11.1, 100, 88.9; above the mean of 50 are b2 and b3, furthest below
    /// a2 and then a1 and b1 (both −38.9, ahead of a3 at −27.8).
    @Test(arguments: [ReportLanguage.nl, .en])
    func profileShowsTheBuurtsStrengthsAndWeaknessesByName(_ language: ReportLanguage) throws {
        let input = try ReportContentTests.small(language: language)
        let c = ReportContext(input)
        let p = try #require(c.profiled.first { $0.unit == "U2" })
        let blocks = ReportProfileStrengths.blocks(p, c)
        let nl = language == .nl
        guard case .heading(4, let title, _) = blocks.first, case .paragraph(let intro) = blocks.dropFirst().first,
              case .table(let table) = blocks.last else {
            Issue.record("heading, paragraph and table expected: \(blocks)")
            return
        }
        #expect(title == (nl ? "Sterke en zwakke punten" : "Strengths and weaknesses"))
        #expect(intro.contains("Buurt 2") && intro.contains("2020") && intro.contains(nl ? "ten hoogste 3" : "at most 3"))
        #expect(table.header == (nl ? ["sterk of zwak", "indicator", "dimensie", "score", "stad", "verschil"]
                                    : ["strength or weakness", "indicator", "dimension", "score", "city", "difference"]))
        let (strong, weak, dot) = nl ? ("sterk punt", "zwak punt", ",") : ("strength", "weakness", ".")
        func row(_ kind: String, _ name: String, _ dimension: String, _ cells: [String]) -> [String] {
            [kind, name, dimension] + cells.map { $0.replacingOccurrences(of: ".", with: dot) }
        }
        #expect(Array(table.rows.prefix(3)) == [
            row(strong, "Indicator b2", "Los zand", ["100.0", "50.0", "50.0"]),
            row(strong, "Indicator b3", "Los zand", ["88.9", "50.0", "38.9"]),
            row(weak, "Indicator a2", "Samenhangend", ["0.0", "50.0", "-50.0"]),
        ])
        // a1 and b1 tie up to the last bits of their means; both are listed, a3 is not.
        #expect(Set(table.rows.dropFirst(3)) == [row(weak, "Indicator a1", "Samenhangend", ["11.1", "50.0", "-38.9"]),
                                                  row(weak, "Indicator b1", "Los zand", ["11.1", "50.0", "-38.9"])])

        // The whole report has the block inside Buurt 2's profile, in both files.
        let files = Report.files(input)
        let profile = try #require(files.markdown.components(separatedBy: ". Buurt 2 (U2)\n").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        #expect(profile.contains("#### " + title) && profile.contains("| " + strong + " | Indicator b2 | Los zand |"))
        #expect(files.html.contains(title) && files.html.contains("<td>Indicator b3</td>"))
    }

    /// The report shows the rows it is given (those of `strengths.csv`), not a computation of its own.
    @Test func givenRowsAreTheOnesShown() throws {
        var input = try ReportContentTests.small(language: .en)
        input.strengths = StrengthsWeaknesses.rows(input.result.aggregated, model: input.model, count: 1)
        let c = ReportContext(input)
        let p = try #require(c.profiled.first { $0.unit == "U2" })
        guard case .table(let table) = ReportProfileStrengths.blocks(p, c).last else {
            Issue.record("a table expected")
            return
        }
        #expect(table.rows.map { $0[0] + " " + $0[1] } == ["strength Indicator b2", "weakness Indicator a2"])
        // A buurt without rows gets a sentence instead of a table.
        input.strengths = []
        let none = ReportProfileStrengths.blocks(p, ReportContext(input))
        guard case .paragraph(let text) = none.last else {
            Issue.record("a sentence expected")
            return
        }
        #expect(none.count == 2 && text == "In 2020, Buurt 2 scores above or below the city on no indicator.")
    }
}
