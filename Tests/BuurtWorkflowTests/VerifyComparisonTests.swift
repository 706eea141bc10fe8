import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

@Suite struct FirstDifferenceTests {
    static func d(_ s: String) -> Data { Data(s.utf8) }

    @Test func equalFilesHaveNoDifference() {
        #expect(FirstDifference.between(expected: Self.d("a\nb\n"), actual: Self.d("a\nb\n")) == nil)
    }

    @Test func firstDifferingLineWithBothTexts() {
        // Lines 1-2 agree, line 3 differs; line 4 differs too but only the first is reported.
        let expected = "unit,x\nA,1\nB,2\nC,3\n", actual = "unit,x\nA,1\nB,2.5\nC,4\n"
        #expect(FirstDifference.between(expected: Self.d(expected), actual: Self.d(actual))
            == .line(number: 3, expected: "B,2", actual: "B,2.5"))
    }

    @Test func extraOrMissingLinesAndLineEnds() {
        // "a\nb\n" splits into ["a", "b", ""]; with "c\n" appended the third line is "c".
        #expect(FirstDifference.between(expected: Self.d("a\nb\n"), actual: Self.d("a\nb\nc\n"))
            == .line(number: 3, expected: "", actual: "c"))
        // Without the final line feed the last line exists on one side only.
        #expect(FirstDifference.between(expected: Self.d("a\nb\n"), actual: Self.d("a\nb"))
            == .line(number: 3, expected: "", actual: nil))
        // A CRLF file differs from its LF twin on line 1, where the \r stays visible.
        #expect(FirstDifference.between(expected: Self.d("a\nb\n"), actual: Self.d("a\r\nb\r\n"))
            == .line(number: 1, expected: "a", actual: "a\r"))
    }

    @Test func binaryFilesGiveTheFirstDifferingByte() {
        let e = Data([0x50, 0x4B, 0xFF, 0x00, 0x01]), a = Data([0x50, 0x4B, 0xFF, 0x02, 0x01])
        #expect(FirstDifference.between(expected: e, actual: a) == .byte(offset: 3))
        // One a prefix of the other: the offset is the shorter length.
        #expect(FirstDifference.between(expected: e, actual: e.prefix(2)) == .byte(offset: 2))
    }
}

@Suite struct OutputVerificationTests {
    static let a = Data("unit,x\nA,1\n".utf8), b = Data("unit,x\nA,2\n".utf8)

    static func manifest(_ outputs: [String: Data]) -> Manifest {
        Manifest(
            tool: .init(name: "buurtscore", version: "0", commit: "unknown"), modelLocation: "m.yml",
            canonicalModelSHA256: "", inputs: [], settings: RecordedSettings(), uncertainty: nil,
            blas: .init(configuration: "", core: ""),
            outputs: outputs.map { .init(path: $0.key, sha256: SHA256Hex.digest($0.value)) })
    }

    @Test func everythingEqualVerifies() {
        let m = Self.manifest(["s.csv": Self.a, "t.csv": Self.b])
        #expect(OutputVerification.discrepancies(manifest: m, directory: ["s.csv": Self.a, "t.csv": Self.b],
                                                 rerun: ["s.csv": Self.a, "t.csv": Self.b]).isEmpty)
    }

    @Test func editedAfterTheRunVersusNotReproduced() {
        let m = Self.manifest(["s.csv": Self.a])
        let edited = OutputVerification.discrepancies(manifest: m, directory: ["s.csv": Self.b], rerun: ["s.csv": Self.a])
        #expect(edited == [OutputDiscrepancy(path: "s.csv", problem: .changedAfterRun,
                                             difference: .line(number: 2, expected: "A,1", actual: "A,2"))])
        let drifted = OutputVerification.discrepancies(manifest: m, directory: ["s.csv": Self.a], rerun: ["s.csv": Self.b])
        #expect(drifted == [OutputDiscrepancy(path: "s.csv", problem: .notReproduced,
                                              difference: .line(number: 2, expected: "A,1", actual: "A,2"))])
        let both = OutputVerification.discrepancies(manifest: Self.manifest(["s.csv": Data("other".utf8)]),
                                                    directory: ["s.csv": Self.a], rerun: ["s.csv": Self.b])
        #expect(both.map(\.problem) == [.neitherMatches])
    }

    @Test func missingUnlistedAndUnproducedFiles() {
        let m = Self.manifest(["s.csv": Self.a, "t.csv": Self.a])
        let found = OutputVerification.discrepancies(
            manifest: m, directory: ["s.csv": Self.a, "notes.txt": Self.b, "manifest.json": Self.b],
            rerun: ["t.csv": Self.a, "s.csv": Self.a, "new.csv": Self.a])
        // Sorted by path; the manifest itself is never an output.
        #expect(found.map(\.path) == ["new.csv", "notes.txt", "t.csv"])
        #expect(found.map(\.problem) == [.notInManifest, .notInManifest, .missing])
        let unproduced = OutputVerification.discrepancies(manifest: m, directory: ["s.csv": Self.a, "t.csv": Self.a], rerun: ["s.csv": Self.a])
        #expect(unproduced.map(\.problem) == [.notProducedByRerun])
    }

    @Test func filesInADirectoryByRelativePathWithoutManifestOrHiddenFiles() throws {
        let folder = try scratchFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("analysis"), withIntermediateDirectories: true)
        try Self.a.write(to: folder.appendingPathComponent("scores.csv"))
        try Self.b.write(to: folder.appendingPathComponent("analysis/pca.csv"))
        try Self.b.write(to: folder.appendingPathComponent("manifest.json"))
        try Self.b.write(to: folder.appendingPathComponent(".DS_Store"))
        let files = try OutputVerification.files(in: folder.path)
        #expect(files == ["scores.csv": Self.a, "analysis/pca.csv": Self.b])
    }

    @Test func inputsThatChangedOrVanishedAreNamed() throws {
        let folder = try scratchFolder()
        let model = folder.appendingPathComponent("model.yml"), data = folder.appendingPathComponent("d/data.csv")
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("data: d/data.csv\n".utf8).write(to: model)
        try Self.a.write(to: data)
        var manifest = Self.manifest([:])
        manifest.inputs = [
            .init(role: "model", path: "model.yml", sha256: SHA256Hex.digest(Data("data: d/data.csv\n".utf8))),
            .init(role: "data", path: "d/data.csv", sha256: SHA256Hex.digest(Self.a)),
            .init(role: "metadata", path: "meta.csv", sha256: SHA256Hex.digest(Self.a)),
        ]
        let found = InputVerification.discrepancies(manifest, modelPath: model.path)
        // meta.csv does not exist; the other two match.
        #expect(found.map(\.recordedPath) == ["meta.csv"])
        #expect(found.first?.actualSHA256 == nil)
        try Self.b.write(to: data)
        let changed = InputVerification.discrepancies(manifest, modelPath: model.path)
        #expect(changed.map(\.recordedPath) == ["d/data.csv", "meta.csv"])
        #expect(changed.first?.actualSHA256 == SHA256Hex.digest(Self.b))
        #expect(changed.first?.path == folder.path + "/d/data.csv")
    }
}
