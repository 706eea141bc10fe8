import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

/// Merging new figures into an update state's figures, and run names.
@Suite struct UpdateMergeTests {
    static let modelYAML = """
        data: data.csv
        unit: code
        name: naam
        period: jaar
        groups:
          - {code: index}
        indicators:
          - {code: a, parent: index, direction: 1}
          - {code: b, parent: index, direction: -1}
        columns:
          - {code: wijk, type: group}
        """

    /// Figures of the two-indicator model from CSV text.
    static func figures(_ csv: String, file: String = "new.csv") throws -> FigureTable {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("update-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let model = directory.appendingPathComponent("model.yml").path
        try Data(modelYAML.utf8).write(to: URL(fileURLWithPath: model))
        let modelFile = try ModelFile.load(path: model)
        let tree = try IndexModel(nodes: modelFile.nodes, source: model)
        let table = try CSVReader.parse(Array(csv.utf8), file: file)
        return try FigureTable.make(table, file: modelFile, model: tree)
    }

    static let published = """
        code,naam,wijk,jaar,a,b
        U1,Eik,W1,2019,1.5,10
        U2,Beuk,W1,2019,2,20
        U1,Eik,W1,2020,1.25,11
        U2,Beuk,W1,2020,NA,21
        """

    @Test func canonicalCellsMakeDecimalCommaAndPointTheSameFigure() throws {
        let point = try Self.figures("code;naam;wijk;jaar;a;b\nU1; Eik ;W1;2021;3.50;1e1\n")
        let comma = try Self.figures("code;naam;wijk;jaar;a;b\nU1;Eik;W1;2021;3,5;10\n")
        #expect(point.rows == [["U1", "Eik", "W1", "2021", "3.5", "10"]])
        #expect(point.rows == comma.rows)
    }

    @Test func newPeriodIsAddedAndRowsAreOrderedByUnitThenPeriod() throws {
        let state = try Self.figures(Self.published, file: "data.csv")
        let new = try Self.figures("code,naam,jaar,wijk,b,a\nU2,Beuk,2021,W1,22,3\nU1,Eik,2021,W1,12,4\n")
        let merge = try FigureMerging.merge(state: state, new: new)
        #expect(merge.addedRows == 2 && merge.addedPeriods == [2021] && merge.revisions.isEmpty)
        // Columns in the state's order; U1 first (its order in the state), years ascending.
        #expect(merge.merged.text == """
            code,naam,wijk,jaar,a,b
            U1,Eik,W1,2019,1.5,10
            U1,Eik,W1,2020,1.25,11
            U1,Eik,W1,2021,4,12
            U2,Beuk,W1,2019,2,20
            U2,Beuk,W1,2020,,21
            U2,Beuk,W1,2021,3,22

            """)
        // Merging the merged figures again adds nothing.
        let again = try FigureMerging.merge(state: merge.merged, new: merge.merged)
        #expect(again.isEmpty && again.merged == merge.merged)
    }

    @Test func changedAndAddedCellsOfPublishedPeriodsAreRevisions() throws {
        let state = try Self.figures(Self.published, file: "data.csv")
        // U1 2020: a 1.25 → 1.3 (b the same, written 11.0); U2 2020: a missing → 2.5.
        let new = try Self.figures("code,naam,wijk,jaar,a,b\nU1,Eik,W1,2020,1.3,11.0\nU2,Beuk,W1,2020,2.5,21\n")
        let merge = try FigureMerging.merge(state: state, new: new)
        #expect(merge.addedRows == 0)
        #expect(merge.revisions == [
            FigureRevision(unit: "U1", period: 2020, column: "a", old: "1.25", new: "1.3"),
            FigureRevision(unit: "U2", period: 2020, column: "a", old: "", new: "2.5"),
        ])
        #expect(merge.merged.rows[1] == ["U1", "Eik", "W1", "2020", "1.3", "11"])
    }

    @Test func missingNewAndRecodedUnitsOfANewPeriodAreErrors() throws {
        let state = try Self.figures(Self.published, file: "data.csv")
        let new = try Self.figures("code,naam,wijk,jaar,a,b\nU3,Beuk,W1,2021,1,1\nU4,Linde,W1,2021,1,1\n")
        let problems = try #require(throws: BuurtErrors.self) { try FigureMerging.merge(state: state, new: new) }.problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("new.csv:2: unit 'U3' (Beuk) in period 2021 is new and 'U2' with the same name is missing: re-coded?") })
        #expect(problems.contains { $0.hasPrefix("new.csv:3: unit 'U4' (Linde) in period 2021 is new: it is not among the 2 units of 2020") })
        #expect(problems.contains("new.csv: unit 'U1' (Eik) of 2020 has no row for period 2021"))
        #expect(!problems.contains { $0.contains("'U2' (Beuk) of 2020 has no row") })
    }

    @Test func columnsThatDifferAreListedWithProbableRenamings() throws {
        let table = try CSVReader.parse(Array("code,naam,wijk,jaar,aa,c,d\n".utf8) + Array("U1,Eik,W1,2021,1,2,3\n".utf8), file: "new.csv")
        let problems = try #require(throws: BuurtErrors.self) {
            try FigureMerging.checkColumns(table, expected: ["code", "naam", "wijk", "jaar", "a", "b"])
        }.problems.map(\.message)
        // 'aa' is one edit from 'a' (renamed); 'c' is then closest to 'b' (one edit); 'd' is new.
        #expect(problems[0].hasPrefix("column 'aa' is new and 'a' is missing: renamed?"))
        #expect(problems[1].hasPrefix("column 'c' is new and 'b' is missing: renamed?"))
        #expect(problems[2].hasPrefix("column 'd' is new: it is not in the accumulated figures"))
        #expect(problems.last!.hasPrefix("the columns differ from the accumulated figures (2 missing, 3 new)"))
    }

    @Test func runNamesParseOrderAndCountRevisions() {
        #expect(RunName("2021") == RunName(period: 2021))
        #expect(RunName("2021-r2") == RunName(period: 2021, revision: 2))
        #expect(RunName("2021-r1") == nil && RunName("latest") == nil && RunName("2021-2") == nil)
        #expect(RunName(period: 2020, revision: 3) < RunName(period: 2021))
        #expect(RunName.next(period: 2021, after: RunName(period: 2020)).description == "2021")
        #expect(RunName.next(period: 2021, after: RunName(period: 2021)).description == "2021-r2")
        #expect(RunName.next(period: 2021, after: RunName(period: 2021, revision: 2)).description == "2021-r3")
    }
}
