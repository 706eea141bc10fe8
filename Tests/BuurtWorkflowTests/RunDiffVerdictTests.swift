import BuurtIndex
import BuurtReport
import Foundation
import Testing
@testable import BuurtWorkflow

/// Verdicts of periods both runs have, causes and differences in diff.md (both languages) and
/// diff.csv, on two hand-made runs (periods 2019-2020, then 2019-2021) with a top of 1.
@Suite struct RunDiffVerdictTests {
    static func files(scores: String, priorities: String, themes: String, changes: String) -> [String: Data] {
        ["scores.csv": Data(scores.utf8), "priorities.csv": Data(priorities.utf8), "themes.csv": Data(themes.utf8), "changes.csv": Data(changes.utf8)]
    }

    static let before = files(
        scores: "unit,name,period,index,rank\nU1,Eik,2019,60,1\nU2,Beuk,2019,40,2\nU1,Eik,2020,55,2\nU2,Beuk,2020,58,1\n",
        priorities: "priority,unit,name,period,p_top,category\n1,U2,Beuk,2019,0.9,slecht\n2,U1,Eik,2019,0.1,goed\n1,U1,Eik,2020,0.8,slecht\n2,U2,Beuk,2020,0.2,goed\n",
        themes: "unit,name,period,group,gap,significant\nU1,Eik,2019,a,1,false\nU1,Eik,2020,a,5,true\n",
        changes: "unit,name,from,to,group,measure,significant\nU1,Eik,2019,2020,index,score,false\nU1,Eik,2019,2020,index,rank,true\n")

    static let after = files(
        scores: "unit,name,period,index,rank\nU1,Eik,2019,45,1\nU2,Beuk,2019,41,2\nU1,Eik,2020,55,2\nU2,Beuk,2020,58,1\nU1,Eik,2021,50,2\nU2,Beuk,2021,52,1\n",
        priorities: "priority,unit,name,period,p_top,category\n1,U1,Eik,2019,0.6,goed\n2,U2,Beuk,2019,0.4,slecht\n1,U1,Eik,2020,0.8,matig\n2,U2,Beuk,2020,0.2,goed\n"
            + "1,U2,Beuk,2021,0.7,slecht\n2,U1,Eik,2021,0.3,goed\n",
        themes: "unit,name,period,group,gap,significant\nU1,Eik,2019,a,3,true\nU1,Eik,2020,a,5,true\nU1,Eik,2021,a,2,false\n",
        changes: "unit,name,from,to,group,measure,significant\nU1,Eik,2019,2020,index,score,true\nU1,Eik,2019,2020,index,rank,true\nU1,Eik,2020,2021,index,score,false\n")

    static func diff() throws -> (RunDiff, IndexModel) {
        let state = try UpdateMergeTests.figures(UpdateMergeTests.published, file: "data.csv")
        let merge = FigureMerge(merged: state, addedRows: 2, addedPeriods: [2021], revisions: [])
        var diff = try RunDiff.compare(before: before, after: after, previousRun: "2020", run: "2021", index: "index", top: 1, merge: merge)
        diff.causes = [.newPeriod, .model]
        diff.differences = [.weight(code: "a", before: 1, after: 2.5), .nodeAdded(code: "b"), .setting(key: "normalise")]
        diff.separabilityIssues = [PeriodSeparabilityIssue(key: "normalise.scope: all", reason: .pooledNormalisation)]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("run-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("model.yml").path
        try Data(UpdateMergeTests.modelYAML.replacingOccurrences(of: "{code: a, parent: index,", with: "{code: a, name: Overlast, parent: index,").utf8)
            .write(to: URL(fileURLWithPath: path))
        let file = try ModelFile.load(path: path)
        return (diff, try IndexModel(nodes: file.nodes, source: path))
    }

    @Test func everyMovedVerdictOfACommonPeriodIsFoundByKindPeriodAndUnit() throws {
        let (diff, _) = try Self.diff()
        typealias V = RunDiff.VerdictChange
        #expect(diff.verdicts == [
            V(kind: .problem, period: 2019, unit: "U1", name: "Eik", item: "a", before: "false", after: "true"),
            V(kind: .category, period: 2020, unit: "U1", name: "Eik", item: "category", before: "slecht", after: "matig"),
            V(kind: .top, period: 2019, unit: "U1", name: "Eik", item: "priority", before: "2", after: "1"),
            V(kind: .top, period: 2019, unit: "U2", name: "Beuk", item: "priority", before: "1", after: "2"),
            V(kind: .change, period: 2020, unit: "U1", name: "Eik", item: "index 2019–2020 measure=score", before: "false", after: "true"),
        ])
    }

    @Test func causesDifferencesAndVerdictsAreWrittenInBothLanguagesAndTheCSV() throws {
        let (diff, model) = try Self.diff()
        let dutch = RunDiffText.markdown(diff, model: model, language: .nl)
        #expect(dutch.hasPrefix("""
            # Berekening 2021 tegenover berekening 2020

            ## Oorzaken

            - nieuw jaar 2021
            - nieuw model
              - gewicht van Overlast 1 → 2,5
              - b toegevoegd
              - instelling normalise gewijzigd

            Dit model kan gepubliceerde resultaten niet vasthouden wanneer een jaar wordt toegevoegd: normalise.scope: all neemt de parameters van de normalisatie over alle jaren, dus scores en banden van eerdere jaren verschuiven wanneer een jaar wordt toegevoegd.

            ## Gewijzigde oordelen over gepubliceerde jaren

            **Let op:** 5 oordelen over al gepubliceerde jaren zijn veranderd.

            | jaar | buurt | naam | oordeel | onderwerp | voor | na | oorzaak |
            |---|---|---|---|---|---|---|---|
            | 2019 | U1 | Eik | significant achter | Overlast | nee | ja | nieuw jaar 2021 (normalise.scope: all), nieuw model |
            | 2020 | U1 | Eik | categorie | – | slecht | matig | nieuw jaar 2021 (normalise.scope: all), nieuw model |
            | 2019 | U1 | Eik | top 1 | – | 2 | 1 | nieuw jaar 2021 (normalise.scope: all), nieuw model |
            | 2019 | U2 | Beuk | top 1 | – | 1 | 2 | nieuw jaar 2021 (normalise.scope: all), nieuw model |
            | 2020 | U1 | Eik | significante verandering | index 2019–2020 measure=score | nee | ja | nieuw jaar 2021 (normalise.scope: all), nieuw model |

            ## Cijfers

            """))
        let english = RunDiffText.markdown(diff, model: model, language: .en)
        #expect(english.contains("\n- new period 2021\n- new model\n  - weight of Overlast 1 → 2.5\n  - b added\n  - setting normalise changed\n"))
        #expect(english.contains("\n**Attention:** 5 verdicts of already published periods changed.\n"))
        #expect(english.contains("\n| 2019 | U1 | Eik | significantly behind | Overlast | no | yes | new period 2021 (normalise.scope: all), new model |\n"))
        let csv = RunDiffText.csv(diff, index: "index").split(separator: "\n").map(String.init)
        #expect(Array(csv.prefix(10)) == [
            "change,unit,name,item,period_before,period_after,before,after,cause",
            "cause,,,new_period,,,,2021,",
            "cause,,,model,,,,,",
            "weight,,,a,,,1,2.5,",
            "node_added,,,b,,,,,",
            "setting,,,normalise,,,,,",
            "verdict_problem,U1,Eik,a,2019,2019,false,true,new_period;model",
            "verdict_category,U1,Eik,category,2020,2020,slecht,matig,new_period;model",
            "verdict_top,U1,Eik,priority,2019,2019,2,1,new_period;model",
            "verdict_top,U2,Beuk,priority,2019,2019,1,2,new_period;model",
        ])
        #expect(csv[10] == "verdict_change,U1,Eik,index 2019–2020 measure=score,2020,2020,false,true,new_period;model")
    }
}
