import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

extension OutputClaim {
    /// No inputs; a previous output has a manifest (``OutputDirectory/addTestManifest()``).
    static let forTests = OutputClaim(inputs: [], previous: .manifest)
}

extension OutputDirectory {
    /// Adds a `manifest.json` of ours that lists every file added so far.
    mutating func addTestManifest() throws(BuurtError) {
        let digest = String(repeating: "0", count: 64)
        let manifest = Manifest(
            tool: .init(name: "buurtscore", version: "0.1.0", commit: "unknown"), modelLocation: "../model.yml",
            canonicalModelSHA256: digest,
            inputs: [.init(role: "model", path: "model.yml", sha256: digest), .init(role: "data", path: "data.csv", sha256: digest)],
            settings: RecordedSettings(), uncertainty: nil,
            blas: .init(configuration: "c", core: "k"), outputs: files.map { Manifest.Output(path: $0.path, sha256: $0.sha256) })
        try add(Manifest.fileName, text: manifest.text)
    }
}

/// Which folders an output may replace, the messages of a failed rename, terminal escaping,
/// and putting things back after an interrupt.
@Suite struct OutputClaimTests {
    let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-claim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func inputsInsideOrEqualToTheTargetAreRefusedThroughLinks() throws {
        try write("data/data.csv", "a\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("link").path,
                                                   withDestinationPath: scratch.appendingPathComponent("data").path)
        let claim = OutputClaim(inputs: [scratch.appendingPathComponent("link/data.csv").path], previous: .manifest)
        for target in ["data", "link", ".", "data/../data"] {
            let error = #expect(throws: BuurtError.self) { try claim.check(scratch.appendingPathComponent(target).standardizedFileURL) }
            #expect(error?.kind == .output && error?.message.contains("an input of this run") == true, "\(target)")
        }
        // A sibling whose name starts like the data folder's holds no input.
        #expect(throws: Never.self) { try claim.check(scratch.appendingPathComponent("data-out")) }
        #expect(throws: Never.self) { try claim.check(scratch.appendingPathComponent("data/out")) }
    }

    @Test func emptyAndListedFoldersAreOursOthersAreNot() throws {
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(throws: Never.self) { try OutputClaim.forTests.check(scratch.appendingPathComponent("empty")) }
        let out = scratch.appendingPathComponent("out")
        try OutputDirectory.writing(to: out.path, claim: .forTests) { output throws(BuurtError) in
            try output.add("analysis/pca.csv", text: "p\n")
            try output.addTestManifest()
        }
        #expect(throws: Never.self) { try OutputClaim.forTests.check(out) }
        #expect(OutputClaim.forTests.holdsCompleteOutput(out))
        try write("out/analysis/extra.csv", "x\n")
        let error = #expect(throws: BuurtError.self) { try OutputClaim.forTests.check(out) }
        #expect(error?.message.contains("does not list (analysis/extra.csv)") == true)
        #expect(!OutputClaim.forTests.holdsCompleteOutput(out))
    }

    @Test func aSynthFolderIsOursOnlyWithItsCardAndItsFiles() throws {
        let claim = OutputClaim(inputs: [], previous: .files(["data.csv", "README.md"], marker: "README.md", heading: "# Card\n"))
        try write("set/data.csv", "a\n")
        #expect(throws: BuurtError.self) { try claim.check(scratch.appendingPathComponent("set")) }
        try write("set/README.md", "# Card\nmore\n")
        #expect(throws: Never.self) { try claim.check(scratch.appendingPathComponent("set")) }
        try write("set/notes.txt", "mine\n")
        #expect(throws: BuurtError.self) { try claim.check(scratch.appendingPathComponent("set")) }
    }

    @Test func aFailedRenameOfAMountPointSaysSo() {
        for code in [EBUSY, EXDEV] {
            let reason = FileRename.reason(errno: code, folder: "/mnt/usb")
            #expect(reason == "this folder is a mount point (another file system is mounted on it), so it cannot be replaced; choose a folder inside it, e.g. /mnt/usb/out")
        }
        #expect(FileRename.reason(errno: EACCES, folder: "/x") == "cannot write output: Permission denied")
        #expect(!FileRename.reason(errno: EBUSY, folder: "/x").contains("NSCocoaErrorDomain"))
    }

    /// An interrupt between moving the old output aside and renaming the new one into place:
    /// the old output is put back and the staging folder removed.
    @Test func anInterruptInTheRenameWindowPutsTheOldOutputBack() throws {
        try write(".out.previous-TEST/scores.csv", "old\n")
        try write(".out.partial-TEST/scores.csv", "new\n")
        let entry = StagingRegistry.Entry(staging: scratch.appendingPathComponent(".out.partial-TEST").path,
                                          retired: scratch.appendingPathComponent(".out.previous-TEST").path,
                                          target: scratch.appendingPathComponent("out").path)
        #expect(StagingRegistry.restore(entry) == "\(entry.target): not written; what was there is left as it was")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
        #expect(try String(contentsOfFile: entry.target + "/scores.csv", encoding: .utf8) == "old\n")
    }

    @Test func controlCharactersAreEscapedForTheTerminal() {
        #expect(TerminalText.escaped("Oost-Café ’s-Hertogenbosch 🏘") == "Oost-Café ’s-Hertogenbosch 🏘")
        #expect(TerminalText.escaped("\u{1B}[31mA\u{1B}[0m\nB\tC\r\u{7F}\u{9B}\u{2028}")
                == "\\u{1B}[31mA\\u{1B}[0m\\nB\\tC\\r\\u{7F}\\u{9B}\\u{2028}")
    }
}
