import BuurtTestSupport
import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// A small model: Index = mean(A, B); A is divided by Pop; G is a group.
enum PanelFixture {
    static func model(denominatorOfA: String = "Pop") throws -> IndexModel {
        try IndexModel(nodes: [
            ModelNode(code: "A", kind: .indicator, parent: "Index", denominator: denominatorOfA),
            ModelNode(code: "B", kind: .indicator, parent: "Index", direction: -1),
            ModelNode(code: "Index", kind: .aggregate),
            ModelNode(code: "G", kind: .group),
            ModelNode(code: "Pop", kind: .denominator),
        ])
    }

    static func load(_ text: String, columns: DataColumns = DataColumns(), options: CSVOptions = .init()) throws -> Panel {
        try PanelLoader.load(CSVText.parse(text, options: options), model: model(), columns: columns)
    }

    /// The problems loading `text` reports (parse problems included); empty when it loads.
    static func problems(_ text: String, model: IndexModel? = nil, columns: DataColumns = DataColumns()) throws -> [BuurtError] {
        let table = try CSVText.parse(text)
        let model = try model ?? self.model()
        do {
            _ = try PanelLoader.load(table, model: model, columns: columns)
            return []
        } catch {
            return error.problems
        }
    }
}

private func sameValues(_ a: [Double]?, _ b: [Double]) -> Bool {
    guard let a, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}

@Suite("Panel loader")
struct PanelLoaderTests {
    @Test func buildsNumericAndCategoricalColumnsInFileOrder() throws {
        let panel = try PanelFixture.load("""
            unit,name,year,G,Pop,A,B,Note
            X,Ex,2020,g1,1000,1.5,NA,hello
            Y,,2020,g2,2000,2.25,3,
            X,Ex,2021,g1,1100,2,4, x y
            Y,Why,2021, ,2100,.,5,NA

            """)
        #expect(panel.unitCodes == ["X", "Y", "X", "Y"])
        #expect(panel.unitNames == ["Ex", "Y", "Ex", "Why"])  // an empty name falls back to the code
        #expect(panel.periods == [2020, 2020, 2021, 2021])
        #expect(panel.columnCodes == ["Pop", "A", "B"])
        #expect(sameValues(panel.column("Pop"), [1000, 2000, 1100, 2100]))
        #expect(sameValues(panel.column("A"), [1.5, 2.25, 2, .nan]))
        #expect(sameValues(panel.column("B"), [.nan, 3, 4, 5]))
        #expect(panel.categories.map(\.name) == ["G", "Note"])
        #expect(panel.category("G") == ["g1", "g2", "g1", nil])
        #expect(panel.category("Note") == ["hello", nil, "x y", nil])
    }

    @Test func nameAndPeriodColumnsAreOptional() throws {
        let panel = try PanelFixture.load("uCode,G,Pop,A,B\nX,g,1,2,3\nY,g,4,5,6\n")
        #expect(panel.unitNames == ["X", "Y"])
        #expect(panel.periods == [nil, nil])
        #expect(!panel.hasPeriods)
    }

    @Test func identifyingColumnsCanBeNamed() throws {
        let panel = try PanelFixture.load(
            "code;label;jaar;G;Pop;A;B\nX;Ex;2020;g;1000;1,5;-2,25\n",
            columns: DataColumns(unit: "code", name: "label", period: "jaar"))
        #expect(panel.unitCodes == ["X"])
        #expect(panel.unitNames == ["Ex"])
        #expect(panel.periods == [2020])
        #expect(sameValues(panel.values.storage, [1000, 1.5, -2.25]))  // decimal commas
        #expect(panel.categories.map(\.name) == ["G"])
    }

    @Test func everyRowProblemIsReportedWithItsLocation() throws {
        let problems = try PanelFixture.problems("""
            unit,year,A,B,Pop
            X,2020,1,2,10
            X,2020,3,4,10
            ,2020,1,1,1
            Z,20x0,1,1,1
            W,2021,12abc,NA,1
            """)
        #expect(problems.map(\.description) == [
            "t.csv:1: group 'G' of the model has no column in the data",
            "t.csv:3:1: unit 'X' appears twice for period 2020: lines 2 and 3",
            "t.csv:4:1: empty unit code in column 'unit'",
            "t.csv:5:3: period '20x0' is not a whole number for unit 'Z' in column 'year' (expected a year such as 2024)",
            "t.csv:6:8: '12abc' in column 'A' is not a number; expected a number such as 3.5, -2 or 1e-5 (decimal point), or empty, NA, . or - for a missing value",
            "t.csv:1:13: indicator 'B' has no values in period 2021: every row of that period is missing",
        ])
        #expect(problems.allSatisfy { $0.kind == .data })
    }

    @Test func missingUnitColumnNamesTheNamesTried() throws {
        let problems = try PanelFixture.problems("code,G,Pop,A,B\nX,g,1,2,3\n")
        #expect(problems.map(\.description) == [
            "t.csv:1: no unit column: tried 'unit', 'uCode'; name the unit column explicitly if it is called differently",
        ])
        let named = try PanelFixture.problems("code,G,Pop,A,B\nX,g,1,2,3\n", columns: DataColumns(unit: "buurt", period: "jaar"))
        #expect(named.map(\.message) == [
            "unit column 'buurt' not found; the header has 'code', 'G', 'Pop', 'A', 'B'",
            "period column 'jaar' not found; the header has 'code', 'G', 'Pop', 'A', 'B'",
        ])
    }

    @Test func modelColumnsMissingFromTheData() throws {
        let problems = try PanelFixture.problems("unit,G,B\nX,g,1\n", model: PanelFixture.model(denominatorOfA: "Area"))
        #expect(problems.map(\.message) == [
            "indicator 'A' of the model has no column in the data",
            "denominator 'Pop' of the model has no column in the data",
            "denominator 'Area' of indicator 'A' of the model has no column in the data",
        ])
        #expect(problems.allSatisfy { $0.location == CSVText.at(1, nil) })
    }

    @Test func aColumnNamedLikeAnAggregateIsRejected() throws {
        let problems = try PanelFixture.problems("unit,G,Pop,A,B,Index\nX,g,1,2,3,4\n")
        #expect(problems.map(\.description) == [
            "t.csv:1:16: column 'Index' has the name of an aggregate of the model; aggregate scores are computed, so rename or remove the column",
        ])
    }

    @Test func anIndicatorWithoutAnyValueIsReportedOnce() throws {
        let problems = try PanelFixture.problems("unit,year,G,Pop,A,B\nX,2020,g,1,2,NA\nX,2021,g,1,2,\n")
        // Not also once per period: the whole-file message covers it.
        #expect(problems.map(\.description) == ["t.csv:1:19: indicator 'B' has no values: all 2 rows are missing"])
    }

    @Test func aHeaderWithoutRowsIsReported() throws {
        let problems = try PanelFixture.problems("unit,G,Pop,A,B\n")
        #expect(problems.map(\.message) == ["no data rows: the file has only a header"])
    }

    @Test func nonNumbersAreListedUpToALimitPerColumn() throws {
        let rows = (1...25).map { "U\($0),g,1,x\($0),2" }.joined(separator: "\n")
        let problems = try PanelFixture.problems("unit,G,Pop,A,B\n" + rows + "\n")
        #expect(problems.count == PanelLoader.invalidCellsListedPerColumn + 1)
        #expect(problems.first?.description == "t.csv:2:8: 'x1' in column 'A' is not a number; expected a number such as 3.5, -2 or 1e-5 (decimal point), or empty, NA, . or - for a missing value")
        #expect(problems.last?.description == "t.csv:1:12: column 'A' has 5 more cells that are not numbers")
    }

    @Test func decimalCommaFilesExplainTheirFormat() throws {
        let table = try CSVText.parse("unit;G;Pop;A;B\nX;g;1;1.5;2\n", options: CSVOptions(decimalComma: true))
        #expect {
            _ = try PanelLoader.load(table, model: PanelFixture.model(), columns: DataColumns())
        } throws: { error in
            (error as? BuurtErrors)?.problems.map(\.message) == [
                "'1.5' in column 'A' is not a number; expected a number such as 3,5, -2 or 1e-5 (decimal comma), or empty, NA, . or - for a missing value",
            ]
        }
    }
}

@Suite("Panel loader on the COINr ASEM data", .enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
struct PanelLoaderASEMTests {
    static func read(_ file: String) throws -> CSVTable {
        try CSVReader.read(path: Fixtures.asemDirectory.appendingPathComponent(file).path)
    }

    @Test func rawDataEqualsCOINrsRawDataSet() throws {
        let panel = try PanelLoader.load(Self.read("input_iData.csv"), model: Fixtures.asemModel(), columns: DataColumns())
        let reference = try Fixtures.asemPanel("pipeline_01_Raw.csv", groups: true, denominators: true)
        #expect(panel.rowCount == 51)
        #expect(panel.unitCodes.first == "AUT")  // file order, not COINr's sorted order (AUS first)
        #expect(panel.unitNames.first == "Austria")
        #expect(panel.periods.allSatisfy { $0 == 2018 })
        #expect(panel.columnCodes.prefix(4) == ["Area", "Energy", "GDP", "Population"])
        #expect(panel.columnCodes.count == 53)  // 49 indicators + 4 denominators
        #expect(Set(panel.columnCodes) == Set(reference.columnCodes))
        #expect(panel.categories.map(\.name) == ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"])

        let rowOf = Dictionary(uniqueKeysWithValues: panel.unitCodes.enumerated().map { ($1, $0) })
        #expect(Set(rowOf.keys) == Set(reference.unitCodes))
        var maxDifference = 0.0, missingMismatches = 0, missingCount = 0
        for code in reference.columnCodes {
            let ours = try #require(panel.column(code)), theirs = try #require(reference.column(code))
            for (i, unit) in reference.unitCodes.enumerated() {
                let a = ours[try #require(rowOf[unit])], b = theirs[i]
                if a.isNaN || b.isNaN {
                    if a.isNaN != b.isNaN { missingMismatches += 1 }
                    missingCount += b.isNaN ? 1 : 0
                } else {
                    maxDifference = max(maxDifference, abs(a - b))
                }
            }
        }
        #expect(maxDifference == 0)  // the same 17-digit text on both sides
        #expect(missingMismatches == 0)
        #expect(missingCount > 0)  // the raw data has NAs, and they stay missing
        for (name, values) in reference.categories {
            let ours = try #require(panel.category(name))
            #expect(reference.unitCodes.indices.allSatisfy { ours[rowOf[reference.unitCodes[$0]]!] == values[$0] })
        }
    }

    @Test func panelDataHasFivePeriods() throws {
        let table = try Self.read("input_iData_panel.csv")
        let panel = try PanelLoader.load(table, model: Fixtures.asemModel(), columns: DataColumns())
        #expect(panel.rowCount == 255)
        #expect(panel.periodList == [2018, 2019, 2020, 2021, 2022])
        #expect(panel.periodList.allSatisfy { panel.rows(in: $0).count == 51 })
        // Spot check against the raw text: the first data row's LPI cell.
        let j = try #require(table.columnIndex("LPI"))
        #expect(panel.column("LPI")?.first == Double(table.rows[0][j]))
    }
}

@Suite("Panel loader suggestions")
struct PanelLoaderSuggestionTests {
    @Test func aMisspelledIndicatorColumnGetsASuggestion() throws {
        let model = try IndexModel(nodes: [
            ModelNode(code: "index", kind: .aggregate),
            ModelNode(code: "burglary", kind: .indicator, parent: "index"),
        ])
        let table = try CSVReader.parse(Array("unit,burglery\nA,1\nB,2\n".utf8), file: "d.csv")
        #expect(throws: BuurtErrors.self) { try PanelLoader.load(table, model: model, columns: DataColumns()) }
        do {
            _ = try PanelLoader.load(table, model: model, columns: DataColumns())
        } catch {
            #expect(error.problems.map(\.description) == [
                "d.csv:1: indicator 'burglary' of the model has no column in the data; did you mean 'burglery'?",
            ])
        }
    }
}
