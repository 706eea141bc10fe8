import BuurtTestSupport
import BuurtNumerics
import Testing
import BuurtIndex

@Suite("ASEM fixtures", .enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
struct FixturesTests {
    @Test func asemModelHasTheCOINrFramework() throws {
        let model = try Fixtures.asemModel()
        #expect(model.root == "Index")
        #expect(model.indicators.count == 49)
        #expect(model.aggregatesTopDown == ["Index", "Conn", "Sust", "Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"])
        #expect(model.height["Index"] == 4)
        #expect(model.node("NEET")?.direction == -1)
    }

    @Test func asemPanelJoinsGroupsOnUnitCode() throws {
        let panel = try Fixtures.asemPanel("pipeline_01_Raw.csv", groups: true, denominators: true)
        #expect(panel.rowCount == 51)
        #expect(panel.unitCodes.first == "AUS")
        let i = panel.unitCodes.firstIndex(of: "AUT")!
        #expect(panel.category("EurAsia_group")?[i] == "Europe")
        #expect(panel.column("Area")?[i] == 83871)
    }
}
