import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
import BuurtWorkflow

@Suite struct OutputDirectoryTests {
    let scratch: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func contents(_ dir: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let base = dir.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            result[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    }

    @Test func replacesAnExistingDirectoryAsAWhole() throws {
        let target = scratch.appendingPathComponent("out")
        try OutputDirectory.writing(to: target.path, claim: .forTests) { first throws(BuurtError) in
            try first.add("old.csv", text: "old\n")
            try first.add("analysis/a.csv", text: "a\n")
            try first.addTestManifest()
        }
        try OutputDirectory.writing(to: target.path, claim: .forTests) { second throws(BuurtError) in
            try second.add("scores.csv", text: "new\n")
        }
        #expect(try contents(target) == ["scores.csv": "new\n"])
        #expect(try entries() == ["out"])
        // The new output has no manifest, so it is not ours to replace.
        let refused = #expect(throws: BuurtError.self) {
            try OutputDirectory.writing(to: target.path, claim: .forTests) { third throws(BuurtError) in
                try third.add("scores.csv", text: "newer\n")
            }
        }
        #expect(refused?.kind == .output)
        #expect(try contents(target) == ["scores.csv": "new\n"])
    }

    @Test func aFailedWriteLeavesTheExistingDirectoryAndNoStagingBehind() throws {
        let target = scratch.appendingPathComponent("out")
        try OutputDirectory.writing(to: target.path, claim: .forTests) { first throws(BuurtError) in
            try first.add("scores.csv", text: "kept\n")
            try first.addTestManifest()
        }
        // A file whose parent is a file cannot be written: the second file fails mid-way.
        let error = #expect(throws: BuurtError.self) {
            try OutputDirectory.writing(to: target.path, claim: .forTests) { broken throws(BuurtError) in
                try broken.add("a", text: "x")
                try broken.add("a/b.csv", text: "y")
            }
        }
        #expect(error?.kind == .output)
        #expect(error?.message.hasPrefix("cannot write output: a/b.csv") == true)
        #expect(try contents(target).keys.sorted() == ["manifest.json", "scores.csv"])
        #expect(try contents(target)["scores.csv"] == "kept\n")
        #expect(try entries() == ["out"])
    }

    /// Files reach the staging folder as they are added; an error thrown by the caller after
    /// that removes the folder and leaves the old directory as it was.
    @Test func anErrorThrownBetweenAddsRemovesTheStagingAndKeepsTheOldDirectory() throws {
        let target = scratch.appendingPathComponent("out")
        try OutputDirectory.writing(to: target.path, claim: .forTests) { first throws(BuurtError) in
            try first.add("scores.csv", text: "kept\n")
            try first.add("analysis/pca.csv", text: "kept too\n")
            try first.addTestManifest()
        }
        var seenWhileWriting: [String] = []
        var stagedScores: String?
        let error = #expect(throws: BuurtError.self) {
            try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
                try output.add("scores.csv", text: "new\n")
                try output.add("ranks.csv", text: "new ranks\n")
                seenWhileWriting = (try? entries()) ?? []
                if let staging = seenWhileWriting.first(where: { $0.hasPrefix(".out.partial-") }) {
                    stagedScores = try? String(contentsOf: scratch.appendingPathComponent(staging + "/scores.csv"), encoding: .utf8)
                }
                throw BuurtError(.data, "the uncertainty analysis found no units", at: SourceLocation(file: "model.yml"))
            }
        }
        #expect(error?.kind == .data)
        #expect(error?.message == "the uncertainty analysis found no units")
        // While the body ran: the old directory and one staging folder holding the new file.
        #expect(seenWhileWriting.count == 2)
        #expect(seenWhileWriting.last == "out")
        #expect(seenWhileWriting.first?.hasPrefix(".out.partial-") == true)
        #expect(stagedScores == "new\n")
        // Afterwards: only the old directory, unchanged.
        #expect(try entries() == ["out"])
        #expect(try contents(target).filter { $0.key != "manifest.json" } == ["scores.csv": "kept\n", "analysis/pca.csv": "kept too\n"])
    }

    @Test func anErrorBeforeTheFirstFileCreatesNothing() throws {
        let target = scratch.appendingPathComponent("new/out")
        #expect(throws: BuurtError.self) {
            try OutputDirectory.writing(to: target.path, claim: .forTests) { _ throws(BuurtError) in
                throw BuurtError(.data, "no data")
            }
        }
        #expect(try entries() == [])
    }

    @Test func aDirectoryWithoutFilesIsStillCreated() throws {
        let target = scratch.appendingPathComponent("empty")
        try OutputDirectory.writing(to: target.path, claim: .forTests) { _ throws(BuurtError) in }
        #expect(try entries() == ["empty"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == [])
    }

    @Test func aTargetThatIsAFileIsRefusedBeforeTheBodyAndLeftAlone() throws {
        let target = scratch.appendingPathComponent("out")
        try Data("a file\n".utf8).write(to: target)
        var addedBefore = false
        let error = #expect(throws: BuurtError.self) {
            try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
                addedBefore = true
                try output.add("scores.csv", text: "x\n")
            }
        }
        #expect(!addedBefore)
        #expect(error?.kind == .output)
        #expect(error?.message == "output path exists and is not a directory")
        #expect(error?.location?.file == target.standardizedFileURL.path)
        #expect(try entries() == ["out"])
        #expect(try String(contentsOf: target, encoding: .utf8) == "a file\n")
    }

    @Test func addingAPathAgainReplacesTheEarlierFile() throws {
        let target = scratch.appendingPathComponent("out")
        let paths = try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
            try output.add("manifest.json", text: "stale, and longer than the new one\n")
            try output.add("scores.csv", text: "s\n")
            try output.add("manifest.json", text: "{}\n")
            return output.files.map(\.path)
        }
        #expect(paths == ["scores.csv", "manifest.json"])
        #expect(try contents(target) == ["scores.csv": "s\n", "manifest.json": "{}\n"])
    }
}
