import BuurtIndex
import Foundation
import Testing

/// Windows that follow the data on the demo: rows of pairs that still exist do not move when a
/// year is added, break-free rows are the index of the model without the broken indicators,
/// trend bands hold the trend, and the rows do not depend on the thread count.
@Suite(.serialized) struct ChangeWindowsDemoTests {
    static let demo = CLIHarness.projectRoot.appendingPathComponent("datasets/demo")
    static let windows = "changes: {windows: [{from: 2017, to: 2020}, {from: first, to: latest}], year_on_year: true, trend: true}"

    /// The demo with 200 replications, no sensitivity analysis and `changes` (or the demo's
    /// own `changes:` when nil), on `data` (the demo's rows, with 2021's when `with2021`).
    static func model(_ cli: CLIHarness, with2021: Bool = false, changes: String? = windows,
                      edit: (String) -> String = { $0 }) throws -> String {
        for file in ["crosswalk.csv", "buurten.geojson"] {
            try cli.write(file, String(contentsOf: demo.appendingPathComponent(file), encoding: .utf8))
        }
        var data = try String(contentsOf: demo.appendingPathComponent("data.csv"), encoding: .utf8)
        if with2021 {
            data += try String(contentsOf: demo.appendingPathComponent("2021/data.csv"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        }
        try cli.write("data.csv", data)
        var model = try String(contentsOf: demo.appendingPathComponent("model.yml"), encoding: .utf8)
            .replacingOccurrences(of: "replications: 1000", with: "replications: 200")
            .replacingOccurrences(of: "sensitivity: true", with: "sensitivity: false")
        if let changes {
            model = model.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("changes:") ? Substring(changes) : $0 }.joined(separator: "\n")
        }
        return try cli.write("model.yml", edit(model))
    }

    /// The lines of changes.csv of a run (header first).
    static func changes(_ cli: CLIHarness, _ model: String, threads: Int = 2, out: String = "out") throws -> [String] {
        let outcome = try cli.run(["run", model, "--out", cli.path(out), "--threads", String(threads), "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try cli.read(out + "/changes.csv").split(separator: "\n").map(String.init)
    }

    static func fields(_ line: String) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    @Test func addingAYearLeavesTheRowsOfEveryRemainingPairByteIdentical() throws {
        let cli = try CLIHarness()
        let before = try Self.changes(cli, try Self.model(cli))
        let cli21 = try CLIHarness()
        let after = try Self.changes(cli21, try Self.model(cli21, with2021: true))
        #expect(before[0] == after[0])
        let old = before.dropFirst().filter { Int(Self.fields($0)[3])! <= 2020 }
        let kept = after.dropFirst().filter { Int(Self.fields($0)[3])! <= 2020 }
        // The pairs within 2017–2020 (2017–2018, 2017–2020, 2018–2019, 2019–2020 with the
        // break-free rows) and the 2017–2020 trend, which the window 2017–2020 keeps asking for.
        #expect(Set(old.map { Self.fields($0)[2] + "-" + Self.fields($0)[3] + Self.fields($0)[5] })
            == ["2017-2018change", "2017-2020change", "2018-2019change", "2019-2020change", "2017-2020slope", "2017-2020cagr"])
        #expect(old.count > 500 && old == kept)
        // 2021 brings its own rows: the year 2020–2021, first..latest 2017–2021 and its trend.
        let added = Set(after.dropFirst().filter { Self.fields($0)[3] == "2021" }.map { Self.fields($0)[2] + Self.fields($0)[5] })
        #expect(added == ["2020change", "2017change", "2017slope", "2017cagr"])
    }

    @Test func rowsDoNotDependOnTheThreadCount() throws {
        let cli = try CLIHarness()
        let model = try Self.model(cli)
        let one = try Self.changes(cli, model, threads: 1, out: "one")
        let three = try Self.changes(cli, model, threads: 3, out: "three")
        #expect(one == three)
        #expect(one.contains { $0.contains(",slope,") && $0.hasSuffix(",better,") || $0.contains(",slope,") && $0.contains(",worse,") })
    }

    /// The break of 2018 leaves out unsafe_sometimes, unsafe_evening and unsafe_home: the index
    /// without them is the index of the model without the three indicators and their dimension
    /// (whose indicators are all broken, so it has no break-free row itself).
    @Test func breakFreeRowsAreTheIndexOfTheModelWithoutTheBrokenIndicators() throws {
        let cli = try CLIHarness()
        let lines = try Self.changes(cli, try Self.model(cli))
        let free = lines.dropFirst().map(Self.fields).filter { !$0[6].isEmpty }
        #expect(Set(free.map { $0[6] }) == ["unsafe_sometimes unsafe_evening unsafe_home"])
        #expect(Set(free.map { $0[4] }) == ["index"])
        #expect(Set(free.map { $0[2] + "-" + $0[3] }) == ["2017-2018", "2017-2020"])
        // Its own band, from the same replications.
        #expect(free.allSatisfy { Double($0[10])! < Double($0[11])! })

        let reducedCLI = try CLIHarness()
        let reduced = try Self.model(reducedCLI, changes: "changes: [{from: 2017, to: 2018}, {from: 2017, to: 2020}]") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                !line.contains("parent: unsafety") && !line.contains("code: unsafety") && !line.contains("{period: 2018, indicators: [unsafe")
                    && !line.hasPrefix("breaks:")
            }.joined(separator: "\n")
        }
        let without = try Self.changes(reducedCLI, reduced).dropFirst().map(Self.fields).filter { $0[4] == "index" }
        let byKey = Dictionary(uniqueKeysWithValues: without.map { ($0[0] + $0[2] + $0[3], $0) })
        #expect(free.count == without.count && free.count == 36)
        for row in free {
            let other = try #require(byKey[row[0] + row[2] + row[3]])
            for column in [7, 8, 9] { #expect(abs(Double(row[column])! - Double(other[column])!) < 1e-9, "\(row) vs \(other)") }
        }
    }

    /// The slope band (5–95 % over the replications) holds the nominal slope for nearly every
    /// buurt and group of the demo; the nominal settings are one of the sampled ones.
    @Test func slopeBandsHoldTheSlope() throws {
        let cli = try CLIHarness()
        let slopes = try Self.changes(cli, try Self.model(cli)).dropFirst().map(Self.fields).filter { $0[5] == "slope" }
        #expect(slopes.count == 18 * 7)
        let banded = slopes.filter { !$0[10].isEmpty }
        let inside = banded.filter { Double($0[10])! <= Double($0[9])! && Double($0[9])! <= Double($0[11])! }
        #expect(banded.count == slopes.count)
        #expect(Double(inside.count) >= 0.9 * Double(banded.count), "\(inside.count) of \(banded.count)")
        // significant exactly when the band excludes 0.
        for row in banded {
            let lo = Double(row[10])!, hi = Double(row[11])!
            #expect(row[12] == (lo > 0 ? "better" : hi < 0 ? "worse" : ""))
        }
    }
}
