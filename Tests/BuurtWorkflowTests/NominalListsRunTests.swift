import BuurtTestSupport
import BuurtIndex
@testable import BuurtReport
import Foundation
import Testing
@testable import BuurtWorkflow

/// The priority lists of a run without `uncertainty:`, from the nominal scores (TinyModel's
/// index: 2019 A 25, B 75, C 50, D 50; 2020 A 25, B 75, C 50, D 100).
@Suite struct NominalListsRunTests {
    static func files(_ extra: String) throws -> [String: String] {
        let results = try BuurtWorkflow.run(RunSettings(model: try TinyModel.write(extra)))
        var output = OutputDirectory()
        try results.add(to: &output, outputDirectory: "out")
        var files: [String: String] = [:]
        for file in output.files { files[file.path] = String(decoding: try file.contents, as: UTF8.self) }
        return files
    }

    @Test func withoutUncertaintyTheListsAreWrittenWithEmptyBandsAndTheDefaultCategories() throws {
        let files = try Self.files("")
        // Lowest score first per year; ties (C, D at 50 in 2019) in row order; rank 1 = highest,
        // C and D share rank 2. Default bands on [0, 100]: < 40, < 55, < 70, the rest.
        #expect(files["priorities.csv"] == """
            priority,unit,name,period,score,rank,rank_p05,rank_p95,p_top,category
            1,A,Alpha,2019,25,4,,,,zeer onveilig
            2,C,Gamma,2019,50,2,,,,onveilig
            3,D,Delta,2019,50,2,,,,onveilig
            4,B,Beta,2019,75,1,,,,veilig
            1,A,Alpha,2020,25,4,,,,zeer onveilig
            2,C,Gamma,2020,50,3,,,,onveilig
            3,B,Beta,2020,75,2,,,,veilig
            4,D,Delta,2020,100,1,,,,veilig

            """)
        // Reference = the dimension's mean of the year: 2019 d1 62.5, d2 37.5; 2020 both 62.5.
        // Rows in list-1 order, problems by gap (ties in model order).
        #expect(files["themes.csv"] == """
            unit,name,period,priority,group,score,reference,gap,gap_p05,gap_p95,p_worst,significant
            A,Alpha,2019,1,d2,0,37.5,37.5,,,,
            A,Alpha,2019,2,d1,50,62.5,12.5,,,,
            C,Gamma,2019,1,d1,50,62.5,12.5,,,,
            C,Gamma,2019,2,d2,50,37.5,-12.5,,,,
            D,Delta,2019,1,d2,0,37.5,37.5,,,,
            D,Delta,2019,2,d1,100,62.5,-37.5,,,,
            B,Beta,2019,1,d1,50,62.5,12.5,,,,
            B,Beta,2019,2,d2,100,37.5,-62.5,,,,
            A,Alpha,2020,1,d2,0,62.5,62.5,,,,
            A,Alpha,2020,2,d1,50,62.5,12.5,,,,
            C,Gamma,2020,1,d1,50,62.5,12.5,,,,
            C,Gamma,2020,2,d2,50,62.5,12.5,,,,
            B,Beta,2020,1,d1,50,62.5,12.5,,,,
            B,Beta,2020,2,d2,100,62.5,-37.5,,,,
            D,Delta,2020,1,d1,100,62.5,-37.5,,,,
            D,Delta,2020,2,d2,100,62.5,-37.5,,,,

            """)
        #expect(files["uncertainty.csv"] == nil)
        // The manifest hashes the lists like every other output.
        let manifest = try #require(files["manifest.json"])
        #expect(manifest.contains("\"priorities.csv\"") && manifest.contains("\"themes.csv\""))
    }

    @Test func theReportShowsTheListTheFilesHold() throws {
        let results = try BuurtWorkflow.run(RunSettings(model: try TinyModel.write()))
        let lists = try #require(results.nominalLists)
        #expect(results.priorities == lists.priorities)
        let input = results.reportInput
        #expect(input.priorities == lists.priorities.map { ReportPriority($0) })
        #expect(input.themes == lists.themes)
        // The 2020 list in the report: A, C, B, D with their categories.
        let markdown = Report.files(input).markdown
        let order = ["Alpha", "Gamma", "Beta", "Delta"].compactMap { markdown.range(of: "| \($0)")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(markdown.contains("zeer onveilig"))
    }

    @Test func aPrioritiesMappingWithoutCategoriesHasNoCategoryColumnAndNoneWritesNoLists() throws {
        let top = try Self.files("priorities: {top: 2}\n")
        #expect(top["priorities.csv"]?.hasPrefix("priority,unit,name,period,score,rank,rank_p05,rank_p95,p_top\n1,A,Alpha,2019,25,4,,,\n") == true)
        let none = try Self.files("priorities: none\n")
        #expect(none["priorities.csv"] == nil && none["themes.csv"] == nil)
        #expect(none["scores.csv"] != nil)
    }

    @Test func defaultCategoriesFollowTheMinMaxRangeAndOnlyMeansKeepIt() {
        var spec = PipelineSpec()
        spec.normalise = NormaliseParameters(method: .minmax(lower: 1, upper: 11))
        // 1 + 0.4·10 = 5, 1 + 0.55·10 = 6.5, 1 + 0.7·10 = 8.
        #expect(PrioritySpec.defaults(for: spec).categories == [
            PriorityCategory(label: "zeer onveilig", below: 5), PriorityCategory(label: "onveilig", below: 6.5),
            PriorityCategory(label: "gemiddeld", below: 8), PriorityCategory(label: "veilig", below: .infinity),
        ])
        spec.aggregate = AggregateParameters(levelRules: [3: AggregateRule(method: .copeland)])
        #expect(PrioritySpec.defaults(for: spec).categories.isEmpty)
        spec = PipelineSpec()
        spec.normalise = NormaliseParameters(method: .zscore(mean: 0, sd: 1))
        #expect(PrioritySpec.defaults(for: spec).categories.isEmpty)
        #expect(PrioritySpec.defaults(for: PipelineSpec()).categories.map(\.below) == [40, 55, 70, .infinity])
    }
}
