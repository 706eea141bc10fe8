import Foundation
import Testing

/// Published results do not move when a period is added: the demo model's stages work per
/// period (imputation within the year and wijk, the scale fixed on 2017) and every replication
/// draws its inputs from streams keyed by what they perturb, so run 2021 of an update state
/// repeats run 2020's rows of 2017-2020 byte for byte.
@Suite struct PublishedResultsTests {
    /// The lines of a CSV file after its header, split into fields (the demo's files quote no field).
    static func lines(_ text: String) -> (header: [String], rows: [(line: Substring, fields: [Substring])]) {
        let all = text.split(separator: "\n")
        let header = all.first.map { $0.split(separator: ",").map(String.init) } ?? []
        return (header, all.dropFirst().map { ($0, $0.split(separator: ",", omittingEmptySubsequences: false)) })
    }

    @Test func theDemosEarlierYearsAreByteIdenticalAfterAdding2021() throws {
        let h = try UpdateHarness(replications: 1000)
        defer { try? FileManager.default.removeItem(at: h.cli.directory) }
        #expect(try h.initialise().status == 0)
        let updated = try h.update()
        #expect(updated.status == 0, "\(updated.stderr)")

        // Rows per period: every row of run 2020 is in run 2021, in the same order, byte for byte.
        for file in ["scores.csv", "ranks.csv", "uncertainty.csv", "themes.csv", "priorities.csv", "strengths.csv"] {
            let before = Self.lines(try h.cli.read("state/runs/2020/\(file)")), after = Self.lines(try h.cli.read("state/runs/2021/\(file)"))
            #expect(before.header == after.header, "\(file)")
            let period = try #require(before.header.firstIndex(of: "period"), "\(file) has a period column")
            let earlier = after.rows.filter { Int($0.fields[period])! <= 2020 }.map(\.line)
            #expect(earlier.count == before.rows.count, "\(file): \(earlier.count) rows of 2017-2020 in run 2021, \(before.rows.count) in run 2020")
            #expect(earlier == before.rows.map(\.line), "\(file): an earlier row moved")
            #expect(after.rows.contains { $0.fields[period] == "2021" }, "\(file) has rows of 2021")
        }

        // Changes: a row is identified by its buurt, its two periods, its group and, where the
        // file has them, what it measures and what it leaves out; every row of run 2020 whose
        // comparison run 2021 also makes is byte-identical there.
        let before = Self.lines(try h.cli.read("state/runs/2020/changes.csv")), after = Self.lines(try h.cli.read("state/runs/2021/changes.csv"))
        #expect(before.header == after.header)
        let keyColumns = ["unit", "from", "to", "group", "measure", "excluding"].compactMap { before.header.firstIndex(of: $0) }
        func key(_ fields: [Substring]) -> String { keyColumns.map { String(fields[$0]) }.joined(separator: "|") }
        let later = Dictionary(after.rows.map { (key($0.fields), $0.line) }, uniquingKeysWith: { a, _ in a })
        let common = before.rows.filter { later[key($0.fields)] != nil }
        #expect(common.count >= 126, "19 buurten × 7 groups less the screened ones compared in both runs")
        for row in common { #expect(later[key(row.fields)] == row.line) }
    }
}
