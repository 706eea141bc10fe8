import BuurtNumerics
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

@Suite struct SyntheticDataTests {
    static let demoFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/demo")
    /// The demo's study design: a method break in 2018 and a buurt re-coded in 2019.
    static let design = SyntheticDesign(methodBreak: 2018, recode: 2019)
    static let demo = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, design: design)
    static let large = SyntheticData.generate(units: 14_000, years: 2017...2020, seed: 99)

    /// Rows of a generated CSV (no quoted cells occur: names have no commas).
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func committedDemoEqualsTheGeneratorOutput() throws {
        func read(_ name: String) throws -> String {
            try String(contentsOf: Self.demoFolder.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(try read("data.csv") == Self.demo.dataCSV)
        #expect(try read("model.yml") == Self.demo.modelYAML)
        // The card is generated; sections appended after it (the 2021 figures) are not.
        #expect(try read("README.md").hasPrefix(Self.demo.card))
        #expect(try read("crosswalk.csv") == Self.demo.crosswalkCSV)
    }

    @Test func demoModelParsesWithSixDimensions() throws {
        let path = Self.demoFolder.appendingPathComponent("model.yml").path
        let m = try ModelFile.load(path: path)
        let dimensions = m.nodes.filter { $0.kind == .aggregate && $0.parent == "index" }
        #expect(dimensions.map(\.code) == ["cohesion", "nuisance", "deterioration", "crime", "victimisation", "unsafety"])
        let model = try IndexModel(nodes: m.nodes)
        #expect(model.root == "index")
        #expect(model.height["index"] == 3)
        // 3–6 indicators per dimension, 21 in all, each a column of the data.
        for d in dimensions { #expect((3...6).contains(model.children(of: d.code).count), "\(d.code)") }
        let header = Self.rows(Self.demo.dataCSV)[0]
        #expect(header.prefix(6) == ["buurt_code", "buurt_naam", "wijk", "jaar", "population", "survey_n"])
        #expect(Array(header.dropFirst(6)) == model.indicators)
        #expect(m.dataPath == Self.demoFolder.appendingPathComponent("data.csv").path)
        #expect(m.columns == DataColumns(unit: "buurt_code", name: "buurt_naam", period: "jaar"))
        #expect(m.spec.impute == ImputeParameters(method: .mean, scope: .group("wijk")))
        #expect(m.spec.screen == ScreenParameters(minCoverage: 0.75, basis: .observed))
        #expect(m.spec.treat == TreatParameters(reference: 2017))
        #expect(m.spec.normalise == NormaliseParameters(method: .minmax(lower: 0, upper: 100), scope: .reference(2017)))
        #expect(m.spec.aggregate == AggregateParameters())
        #expect(m.language == "nl")
        // Count indicators are divided by population per 1000; survey shares are not divided.
        for n in m.nodes where n.kind == .indicator {
            #expect(n.denominator == nil || (n.denominator == "population" && n.scale == 1000))
        }
        #expect(m.nodes.filter { $0.denominator != nil }.count == 6)
        // Survey shares carry a binomial sampling model over survey_n, counts a Poisson one over the population.
        for n in m.nodes where n.kind == .indicator {
            #expect(n.sampling == (n.denominator == nil ? .binomial(sizeColumn: "survey_n", per: 100) : .poisson(exposureColumn: "population", per: 1000)), "\(n.code)")
        }
        #expect(m.uncertainty == UncertaintySpec(
            weights: WeightNoise(noise: 0.25, levels: [1, 2]),
            normalise: [NormaliseParameters(method: .minmax(lower: 0, upper: 100), scope: .reference(2017)),
                        NormaliseParameters(method: .zscore(mean: 50, sd: 10), scope: .reference(2017))],
            aggregate: [], treatMaxPoints: [1, 2, 3, 4, 5], impute: [.mean, .median],
            sampling: true, replications: 1000, seed: 2017, sensitivity: true))
        #expect(m.priorities == PrioritySpec(top: 5, themesOf: nil, reference: .periodMean, categories: [
            PriorityCategory(label: "zeer onveilig", below: 40), PriorityCategory(label: "onveilig", below: 55),
            PriorityCategory(label: "gemiddeld", below: 70), PriorityCategory(label: "veilig", below: .infinity),
        ]))
    }

    /// The demo's alternatives take its 2017 reference, so that scores, score bands and change
    /// bands are on one scale; under that scope min-max and z-scores can give a later year a
    /// value ≤ 0, so the demo keeps the arithmetic mean, and a geometric alternative is refused.
    @Test func demoAlternativesShareTheReferenceAndStayArithmetic() throws {
        let path = Self.demoFolder.appendingPathComponent("model.yml").path
        let project = try IndexProject.load(modelPath: path)
        let u = try #require(project.file.uncertainty)
        #expect(u.normalise.allSatisfy { $0.scope == project.file.spec.normalise.scope })
        #expect(u.aggregate.isEmpty && project.file.spec.aggregate == AggregateParameters() && u.outOfDomain == .refuse)
        // Scores of later years do fall below 2017's minimum: a geometric mean would fail.
        let normalised = try #require(project.run(keepIntermediate: true).panel(after: .normalised))
        let values = project.model.indicators.flatMap { normalised.column($0)!.filter { !$0.isNaN } }
        #expect(values.min()! < 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let geometric = text.replacingOccurrences(of: "  treat: {max_points:", with: "  aggregate: [arithmetic, geometric]\n  treat: {max_points:")
        do {
            _ = try ModelFile.parse(geometric, file: "model.yml", baseDirectory: Self.demoFolder.path)
            Issue.record("a geometric alternative was accepted")
        } catch {
            #expect("\(error)".contains("uncertainty.normalise[2] (zscore, mean 50, sd 10, scope reference 2017) with uncertainty.aggregate[2] (geometric)"))
        }
    }

    @Test func demoCardSaysSyntheticAndHowItWasMade() {
        #expect(Self.demo.card.contains("**THIS DATA IS SYNTHETIC.**"))
        #expect(Self.demo.card.contains("buurtscore synth --units 19 --years 2017-2020 --seed 2017 --method-break 2018 --recode 2019 --out DIR"))
        #expect(Self.demo.card.contains("76 rows"))
        #expect(Self.demo.modelYAML.contains("reference: 2017"))
        #expect(Self.demo.card.contains("## Uncertainty and priorities"))
        #expect(Self.demo.card.contains("recomputed 1000 times (seed 2017"))
        #expect(Self.demo.card.contains("| zeer onveilig | below 40 |\n| onveilig | 40 to 55 |\n| gemiddeld | 55 to 70 |\n| veilig | 70 or more |"))
    }

    @Test func outputDependsOnlyOnTheArguments() {
        let again = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, design: Self.design)
        #expect(again == Self.demo)
        let other = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2018, design: Self.design)
        #expect(other.dataCSV != Self.demo.dataCSV)
        // Same header and codes, other numbers and names.
        #expect(Self.rows(other.dataCSV).map { $0[0] } == Self.rows(Self.demo.dataCSV).map { $0[0] })
        #expect(Self.rows(other.dataCSV).map { $0[1] } != Self.rows(Self.demo.dataCSV).map { $0[1] })
    }

    @Test func addingAYearLeavesEarlierRowsUnchanged() {
        let shorter = SyntheticData.generate(units: 19, years: 2017...2019, seed: 2017, design: Self.design)
        let full = Self.rows(Self.demo.dataCSV).filter { $0[3] != "2020" }
        #expect(Self.rows(shorter.dataCSV) == full)
    }

    @Test func largeSetHasOneRowPerUnitAndYearWithUniqueCodesAndNames() throws {
        let rows = Self.rows(Self.large.dataCSV)
        let header = rows[0]
        let data = rows.dropFirst()
        #expect(data.count == 56_000)
        #expect(data.allSatisfy { $0.count == header.count })
        let codes = stride(from: 0, to: data.count, by: 4).map { data[data.startIndex + $0][0] }
        let names = stride(from: 0, to: data.count, by: 4).map { data[data.startIndex + $0][1] }
        #expect(Set(codes).count == 14_000)
        #expect(Set(names).count == 14_000)
        // Sorted by unit code, then year; each unit has 2017…2020.
        let keys = data.map { $0[0] + "|" + $0[3] }
        #expect(keys == keys.sorted())
        #expect(data.allSatisfy { $0[0].count == 10 && $0[0].hasPrefix("BU") && $0[2].hasPrefix("WK") && $0[0].dropFirst(2).prefix(6) == $0[2].dropFirst(2) })
        #expect(codes.allSatisfy { $0.dropFirst(2).allSatisfy(\.isNumber) })
    }

    @Test func largeSetValuesAreInRangeWithFewGaps() throws {
        let rows = Self.rows(Self.large.dataCSV)
        let header = rows[0]
        let data = Array(rows.dropFirst())
        let population = data.map { Double($0[4])! }
        #expect(population.allSatisfy { $0 >= 300 && $0 <= 8000 && $0 == $0.rounded() })
        #expect(data.allSatisfy { $0[5].isEmpty || (20...400).contains(Int($0[5])!) })
        let countColumns: Set = ["nuisance_reports", "public_space_reports", "burglary", "theft", "violence", "vandalism"]
        var empty = 0
        for (j, code) in header.enumerated().dropFirst(6) {
            for row in data {
                guard let x = Double(row[j]) else {
                    empty += 1
                    continue
                }
                if countColumns.contains(code) {
                    #expect(x >= 0 && x == x.rounded(), "\(code) \(x)")
                } else {
                    #expect(x >= 0 && x <= 100 && (x * 10).rounded() == x * 10, "\(code) \(x)")
                }
            }
        }
        // Expected 1 % of cells + 0.5 % of rows × 15/21 of a row ≈ 1.36 %.
        let share = Double(empty) / Double(data.count * 21)
        #expect(share > 0.01 && share < 0.02)
    }

    /// Pearson correlation over rows where both cells are present.
    static func correlation(_ data: [[String]], _ a: Int, _ b: Int, per1000: Bool = false) -> Double {
        let pairs = data.compactMap { row -> (Double, Double)? in
            guard let x = Double(row[a]), var y = Double(row[b]) else { return nil }
            if per1000 { y = y / Double(row[4])! * 1000 }
            return (x, y)
        }
        let n = Double(pairs.count)
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        let sxy = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let syy = pairs.reduce(0) { $0 + ($1.1 - my) * ($1.1 - my) }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test func indicatorsShareTheLatentLiveability() throws {
        let rows = Self.rows(Self.large.dataCSV)
        let header = rows[0]
        let data = Array(rows.dropFirst())
        func column(_ code: String) -> Int { header.firstIndex(of: code)! }
        // Within a dimension: same direction, strongly related.
        #expect(Self.correlation(data, column("know_each_other"), column("feel_at_home")) > 0.4)
        #expect(Self.correlation(data, column("unsafe_sometimes"), column("unsafe_evening")) > 0.4)
        // Across dimensions through the shared liveability: cohesion up, unsafety and crime down.
        #expect(Self.correlation(data, column("feel_at_home"), column("unsafe_evening")) < -0.2)
        #expect(Self.correlation(data, column("feel_at_home"), column("burglary"), per1000: true) < -0.1)
        // Counts per 1000 are right-skewed (hotspots), so treatment has work to do.
        let burglary = data.compactMap { row in Double(row[column("burglary")]).map { $0 / Double(row[4])! * 1000 } }
        #expect(Descriptive.skewness(burglary) > 2)
    }
}
