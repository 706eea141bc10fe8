import BuurtTestSupport
import Foundation
import Testing
@testable import BuurtIndex

/// A COINr iMeta `Denominator` is applied with `denominate:`, left alone with `denominate: none`,
/// and refused, at its cell, in a model that says neither.
@Suite struct MetadataDenominatorsTests {
    static let meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type,Denominator
        index,Index,3,,1,1,Aggregate,
        d1,Dimension one,2,index,1,1,Aggregate,
        d2,Dimension two,2,index,1,1,Aggregate,
        x1,X one,1,d1,1,1,Indicator,population
        x2,X two,1,d1,1,1,Indicator,NA
        x3,X three,1,d2,1,1,Indicator,population
        population,Inwoners,,,,,Denominator,

        """

    /// The tiny data with the tree from `meta.csv` and `extra` keys.
    static func model(_ extra: String) throws -> String {
        let path = try TinyModel.write()
        let folder = (path as NSString).deletingLastPathComponent
        try meta.write(toFile: folder + "/meta.csv", atomically: true, encoding: .utf8)
        try "data: data.csv\nmetadata: meta.csv\nunit: unit\nname: name\nperiod: year\n\(extra)"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func denominatorsWithoutADenominateKeyAreRefusedAtTheirCell() throws {
        let path = try Self.model("")
        do {
            _ = try IndexProject.load(modelPath: path)
            Issue.record("a metadata file with denominators and no denominate: key was accepted")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(error.problems.count == 1)
            #expect(problem.message == "the metadata's Denominator column divides 2 indicators ('x1' by 'population', 'x3' by 'population'), "
                + "but model.yml has no 'denominate:' key, so nothing would be divided; add 'denominate: {scale: 1}' to the model "
                + "to divide each indicator by its Denominator (as COINr's Denominate), or 'denominate: none' to use the figures as they are")
            // x1's row is line 5; its Denominator cell starts at character 29.
            #expect(problem.location?.file.hasSuffix("meta.csv") == true)
            #expect(problem.location?.line == 5 && problem.location?.column == 29)
        }
    }

    @Test func denominateDividesByTheMetadataDenominators() throws {
        let project = try IndexProject.load(modelPath: try Self.model("denominate: {scale: 1}\n"))
        let result = try project.run()
        #expect(result.record.denominate?.divisions.map(\.indicator) == ["x1", "x3"])
        let panel = try #require(result.panel(after: .denominated))
        // B 2019: x1 = 10 / 200, x2 undivided, x3 = 10 / 200.
        let b = try #require((0..<panel.rowCount).first { panel.unitCodes[$0] == "B" && panel.periods[$0] == 2019 })
        #expect(panel.column("x1")?[b] == 0.05)
        #expect(panel.column("x2")?[b] == 0)
        #expect(panel.column("x3")?[b] == 0.05)
    }

    @Test func denominateNoneKeepsTheFigures() throws {
        let project = try IndexProject.load(modelPath: try Self.model("denominate: none\n"))
        let result = try project.run()
        #expect(result.record.denominate == nil)
        #expect(project.file.spec.denominate == nil)
    }
}
