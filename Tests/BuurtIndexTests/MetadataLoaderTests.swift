import BuurtTestSupport
import BuurtNumerics
import Testing
import BuurtIndex

@Suite("Metadata loader")
struct MetadataLoaderTests {
    static func problems(_ text: String) throws -> [BuurtError] {
        let table = try CSVText.parse(text)
        do {
            _ = try MetadataLoader.load(table)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsEveryCOINrColumnAndTheExtras() throws {
        let nodes = try MetadataLoader.load(CSVText.parse("""
            iCode,iName,Level,Parent,Direction,Weight,Type,Denominator,Target,Unit,Scale,GoalpostLower,GoalpostUpper
            A,Alpha,1,Index,1,2,indicator,Pop,5,%,1000,0,10
            B,,1,Index,-1,0.5,Indicator,NA,NA,NA,NA,NA,NA
            Index,Total,2,NA,NA,NA,AGGREGATE,NA,NA,NA,NA,NA,NA
            G,Group,NA,NA,NA,NA,Group,NA,NA,NA,NA,NA,NA
            Pop,Population,NA,NA,NA,NA,Denominator,NA,NA,NA,NA,NA,NA
            """))
        #expect(nodes == [
            ModelNode(
                code: "A", name: "Alpha", kind: .indicator, parent: "Index", direction: 1, weight: 2, denominator: "Pop",
                scale: 1000, target: 5, goalposts: (lower: 0, upper: 10), unit: "%"),
            ModelNode(code: "B", kind: .indicator, parent: "Index", direction: -1, weight: 0.5),
            ModelNode(code: "Index", name: "Total", kind: .aggregate),
            ModelNode(code: "G", name: "Group", kind: .group),
            ModelNode(code: "Pop", name: "Population", kind: .denominator),
        ])
    }

    @Test func columnNamesAndTypesAreCaseInsensitiveAndDirectionDefaultsToOne() throws {
        let model = try MetadataLoader.loadModel(CSVText.parse("ICODE;type;PARENT;weight\nA;INDICATOR;Index;1,5\nIndex;aggregate;;\n"))
        #expect(model.root == "Index")
        #expect(model.node("A") == ModelNode(code: "A", kind: .indicator, parent: "Index", direction: 1, weight: 1.5))
    }

    @Test func everyCellProblemIsReportedAtItsCell() throws {
        let problems = try Self.problems("""
            iCode,Type,Direction,Weight,Target,Level,Parent
            A,Indicator,1,heavy,5,1,Index
            B,Indikator,1,1,NA,1,Index
            C,Indicator,2,1,x,1,Index
            D,Indicator,NA,1,NA,1,Index
            ,Aggregate,NA,1,NA,2,
            Index,Aggregate,NA,NA,NA,two,NA
            """)
        #expect(problems.map(\.description) == [
            "t.csv:2:15: weight of 'A' is not a number: 'heavy' (expected a number such as 1 or 0.5, or NA)",
            "t.csv:3:3: unknown Type 'Indikator' for 'B'; expected Indicator, Aggregate, Group, Denominator or Other",
            "t.csv:4:13: Direction of 'C' must be 1 or -1, got '2'",
            "t.csv:4:17: target of 'C' is not a number: 'x' (expected a number such as 1 or 0.5, or NA)",
            "t.csv:5:13: missing Direction for indicator 'D'; expected 1 (higher is better) or -1 (lower is better)",
            "t.csv:6:1: missing iCode; every row needs a code",
            "t.csv:7:26: Level of 'Index' must be a whole number ≥ 1, got 'two'",
        ])
        #expect(problems.allSatisfy { $0.kind == .data })
    }

    @Test func levelMustMatchTheHeightInTheTree() throws {
        let problems = try Self.problems("iCode,Type,Parent,Level\nA,Indicator,P,1\nP,Aggregate,Index,1\nIndex,Aggregate,,3\nG,Group,,7\n")
        // P's only child is an indicator (height 1), so P has height 2. Group levels are not checked.
        #expect(problems.map(\.description) == [
            "t.csv:3:19: Level of 'P' is 1 but its height in the tree is 2 (indicators are level 1, an aggregate is one above its highest child)",
        ])
    }

    @Test func requiredColumnsAndBothGoalposts() throws {
        #expect(try Self.problems("code,Type\nA,Indicator\n").map(\.description) == [
            "t.csv:1: the metadata has no 'iCode' column (expected COINr columns iCode, iName, Level, Parent, Direction, Weight, Type, Denominator, Target)",
        ])
        #expect(try Self.problems("iCode,Type,GoalpostLower,GoalpostUpper\nA,Indicator,0,NA\n").map(\.description) == [
            "t.csv:2:13: 'A' has only one goalpost; give both GoalpostLower and GoalpostUpper, or neither",
        ])
    }

    @Test func treeProblemsComeFromTheModel() throws {
        let table = try CSVText.parse("iCode,Type,Parent\nA,Indicator,Nowhere\n")
        #expect(try MetadataLoader.load(table).count == 1)
        #expect {
            _ = try MetadataLoader.loadModel(table)
        } throws: { error in
            (error as? BuurtErrors)?.problems.first?.message == "parent 'Nowhere' of 'A' is not defined"
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func asemMetadataGivesTheCOINrModel() throws {
        let table = try CSVReader.read(path: Fixtures.asemDirectory.appendingPathComponent("input_iMeta.csv").path)
        let model = try MetadataLoader.loadModel(table)
        let reference = try Fixtures.asemModel()
        #expect(model == reference)
        #expect(model.nodes.count == 68)  // 49 indicators, 11 aggregates, 4 groups, 4 denominators
        #expect(model.node("TolMin")?.target == 1.5349999999999999)
    }
}
