import Foundation
import Testing
import BuurtWorkflow

/// One hostile scenario of the bad-input catalogue that does not fit ``BadInput``'s shape (one
/// command on a changed copy of ``ValidProject``): several commands in a row, an update state
/// edited between updates, a forged manifest, a file that changes while it is read.
///
/// `body` sets the scene in a fresh ``CLIHarness`` directory, runs the commands and checks
/// what the user must see (exit code, message) and that nothing of theirs was lost.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The sysexits code the decisive command must exit with (0 when the case proves that
    /// something now succeeds that used to fail, e.g. `synth --units 1` then `check`).
    var exitCode: Int32
    var body: @Sendable (CLIHarness) throws -> Void

    var testDescription: String { name }

    init(_ name: String, exitCode: Int32, _ body: @escaping @Sendable (CLIHarness) throws -> Void) {
        self.name = name
        self.exitCode = exitCode
        self.body = body
    }
}

/// Every hostile scenario, by area (each area's file holds its cases and their helpers).
enum HostileCatalogue {
    static let all: [HostileCase] = OutputFolderCases.catalogue + UpdateStateCases.catalogue
        + VerifyManifestCases.catalogue + RobustnessCases.catalogue + OwnershipCases.catalogue
    static let badInputs: [BadInput] = OutputFolderCases.badInputs + UpdateStateCases.badInputs
        + VerifyManifestCases.badInputs + RobustnessCases.badInputs + OwnershipCases.badInputs
}

@Suite struct HostileCaseTests {
    @Test(arguments: HostileCatalogue.all)
    func behavesAsPromised(_ scenario: HostileCase) throws {
        try scenario.body(CLIHarness())
    }

    @Test(arguments: HostileCatalogue.badInputs)
    func failsWithTheRightMessageAndWritesNothing(_ input: BadInput) throws {
        try BadInputRunner.expectFailure(input)
    }

    /// The whole bad-input catalogue: single-command cases and scenarios together.
    @Test func theCatalogueHasAtLeast130DistinctCases() {
        let names = BadInputFixtureTests.catalogue.map(\.name) + HostileCatalogue.all.map(\.name)
        #expect(names.count >= 130, "\(names.count) cases")
        #expect(Set(names).count == names.count, "duplicate case names")
    }
}
