import BuurtNumerics
import Foundation
import Testing
import BuurtIndex
import BuurtSynthetic

/// `buurtscore synth --indicators N`: fewer or more indicators than the catalogue's 21, with the
/// catalogue's columns unchanged.
@Suite struct SyntheticIndicatorsTests {
    static func rows(_ csv: String) -> [[String]] { SyntheticDataTests.rows(csv) }
    static let design = SyntheticDesign(methodBreak: 2018)

    static func generate(_ indicators: Int, units: Int = 60, seed: UInt64 = 5) -> SyntheticDataset {
        SyntheticData.generate(units: units, years: 2017...2020, seed: seed, indicators: indicators, design: design)
    }

    /// The columns of `csv` by header name.
    static func columns(_ csv: String) -> [String: [String]] {
        let table = rows(csv)
        var result: [String: [String]] = [:]
        for (j, code) in table[0].enumerated() { result[code] = table.dropFirst().map { $0[j] } }
        return result
    }

    /// The default is the catalogue, byte for byte: the committed demo is compared with the
    /// generator in ``SyntheticDataTests``; here 21 given explicitly equals leaving it out.
    @Test func twentyOneIsTheCatalogue() {
        let implicit = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, design: SyntheticDataTests.design)
        let explicit = SyntheticData.generate(units: 19, years: 2017...2020, seed: 2017, indicators: 21, design: SyntheticDataTests.design)
        #expect(explicit == implicit)
        #expect(explicit == SyntheticDataTests.demo)
        #expect(SyntheticData.catalogueIndicators == 21 && SyntheticData.indicatorRange == 6...120)
    }

    @Test func theCatalogueColumnsAreTheSameForAnyNumber() throws {
        let catalogue = Self.rows(Self.generate(21).dataCSV)
        for n in [36, 120] {
            let more = Self.rows(Self.generate(n).dataCSV)
            #expect(more.count == catalogue.count)
            // Leading columns and the 21 indicators, then n − 21 extra columns.
            #expect(more.allSatisfy { $0.count == 6 + n })
            #expect(more.map { Array($0.prefix(27)) } == catalogue, "n = \(n)")
        }
        // The extra columns shared by 36 and 120 are the same too (each draws from its own stream).
        let a = Self.columns(Self.generate(36).dataCSV), b = Self.columns(Self.generate(120).dataCSV)
        #expect(a.keys.allSatisfy { b[$0] == a[$0] })
        // Fewer: the columns kept equal the catalogue's.
        let c = Self.columns(Self.generate(21).dataCSV)
        let few = Self.columns(Self.generate(8).dataCSV)
        #expect(few.count == 6 + 8)
        #expect(few.keys.allSatisfy { c[$0] == few[$0] })
    }

    /// Extras k = 1…15 go to cohesion, nuisance, … in turn; the j-th of a dimension is a survey
    /// share for odd j, a count for even j. N = 8 takes the first indicator of each dimension
    /// and the second of the first two.
    @Test func extrasAreDealtToTheDimensionsInTurn() throws {
        let header = Self.rows(Self.generate(36).dataCSV)[0]
        #expect(Array(header.suffix(15)) == [
            "extra_cohesion_1", "extra_nuisance_1", "extra_deterioration_1", "extra_crime_1", "extra_victimisation_1", "extra_unsafety_1",
            "extra_cohesion_2", "extra_nuisance_2", "extra_deterioration_2", "extra_crime_2", "extra_victimisation_2", "extra_unsafety_2",
            "extra_cohesion_3", "extra_nuisance_3", "extra_deterioration_3",
        ])
        let few = Self.rows(Self.generate(8).dataCSV)[0].dropFirst(6)
        #expect(Array(few) == ["know_each_other", "get_along", "nuisance_reports", "nuisance_neighbours", "litter", "burglary",
                               "victim_any", "unsafe_sometimes"])
    }

    /// The model lists every indicator under its dimension, with the right kind of sampling
    /// error; it parses and its indicators are exactly the data's columns.
    @Test func theModelListsTheExtrasInTheirDimensions() throws {
        let data = Self.generate(36)
        let file = try ModelFile.parse(data.modelYAML, file: "model.yml", baseDirectory: "")
        let model = try IndexModel(nodes: file.nodes)
        let header = Self.rows(data.dataCSV)[0]
        #expect(Set(model.indicators) == Set(header.dropFirst(6)) && model.indicators.count == 36)
        // Per dimension: catalogue indicators first, then its extras.
        #expect(model.children(of: "cohesion") == ["know_each_other", "get_along", "feel_at_home",
                                                    "extra_cohesion_1", "extra_cohesion_2", "extra_cohesion_3"])
        #expect(model.children(of: "unsafety") == ["unsafe_sometimes", "unsafe_evening", "unsafe_home", "extra_unsafety_1", "extra_unsafety_2"])
        let survey = try #require(file.nodes.first { $0.code == "extra_crime_1" })
        #expect(survey.name == "Aanvullende enquêtevraag 1 (criminaliteit) (%)" && survey.direction == -1)
        #expect(survey.sampling == .binomial(sizeColumn: "survey_n", per: 100) && survey.denominator == nil)
        let count = try #require(file.nodes.first { $0.code == "extra_cohesion_2" })
        #expect(count.name == "Aanvullende registratie 2 (sociale cohesie) per 1000 inwoners" && count.direction == 1)
        #expect(count.sampling == .poisson(exposureColumn: "population", per: 1000) && count.denominator == "population")
        // 15 + 9 survey shares: a missing survey leaves 12 of 36 (coverage 0.33).
        #expect(data.modelYAML.contains("# 24 of 36 indicators (coverage 0.33) and is dropped"))
        // The method break names the catalogue's unsafety questions only.
        #expect(file.breaks.map(\.indicators) == [["unsafe_sometimes", "unsafe_evening", "unsafe_home"]])
        let few = try ModelFile.parse(Self.generate(8).modelYAML, file: "model.yml", baseDirectory: "")
        #expect(few.breaks.map(\.indicators) == [["unsafe_sometimes"]])
    }

    @Test func theCardSaysHowManyIndicatorsThereAre() {
        let card = Self.generate(36).card
        #expect(card.contains("This data set has **36 indicators**: the catalogue's 21 and 15 additional ones"))
        #expect(card.contains("9 survey shares and 6 registered counts"))
        #expect(card.contains("--seed 5 --indicators 36 --method-break 2018 --out DIR"))
        #expect(card.contains("| `extra_nuisance_2` | nuisance | Aanvullende registratie 2 (overlast) per 1000 inwoners;"))
        #expect(card.contains("its indicators (24 survey shares and 12 registered counts in all)"))
        #expect(Self.generate(8).card.contains("This data set has **8 indicators**: 8 of the catalogue's 21"))
        #expect(!Self.generate(21).card.contains("This data set has"))
    }

    /// Extra survey shares are 0–100 in steps of 0.1 and empty with the survey; extra counts are
    /// whole numbers; the extras follow their dimension (cohesion up, the rest down).
    @Test func extraValuesFollowTheGeneratorsModel() throws {
        let data = Self.columns(Self.generate(36, units: 2000, seed: 9).dataCSV)
        let respondents = try #require(data["survey_n"])
        for code in ["extra_cohesion_1", "extra_unsafety_1", "extra_crime_1"] {
            let values = try #require(data[code])
            for (x, n) in zip(values, respondents) {
                if n.isEmpty { #expect(x.isEmpty, "\(code): a value without a survey") }
                if let v = Double(x) { #expect(v >= 0 && v <= 100 && (v * 10).rounded() == v * 10, "\(code) \(v)") }
            }
        }
        for code in ["extra_cohesion_2", "extra_crime_2"] {
            #expect(try #require(data[code]).allSatisfy { $0.isEmpty || (Double($0).map { $0 >= 0 && $0 == $0.rounded() } ?? false) }, "\(code)")
        }
        let table = Self.rows(Self.generate(36, units: 2000, seed: 9).dataCSV)
        let header = table[0], body = Array(table.dropFirst())
        func column(_ code: String) -> Int { header.firstIndex(of: code)! }
        #expect(SyntheticDataTests.correlation(body, column("feel_at_home"), column("extra_cohesion_1")) > 0.3)
        #expect(SyntheticDataTests.correlation(body, column("unsafe_evening"), column("extra_unsafety_1")) > 0.3)
        #expect(SyntheticDataTests.correlation(body, column("feel_at_home"), column("extra_crime_2"), per1000: true) < -0.1)
        // Gaps: about 1 % of cells plus the missing surveys, as in the catalogue.
        let extras = header.indices.filter { header[$0].hasPrefix("extra_") }
        let empty = body.reduce(0) { n, row in n + extras.filter { row[$0].isEmpty }.count }
        let share = Double(empty) / Double(body.count * extras.count)
        #expect(share > 0.008 && share < 0.02)
    }
}
