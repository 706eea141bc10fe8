import BuurtNumerics
import BuurtReport
import Foundation
import Testing

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

    @Test func replacesAnExistingDirectoryAsAWhole() throws {
        let target = scratch.appendingPathComponent("out")
        var first = OutputDirectory()
        first.add("old.csv", text: "old\n")
        first.add("analysis/a.csv", text: "a\n")
        try first.write(to: target.path)
        var second = OutputDirectory()
        second.add("scores.csv", text: "new\n")
        try second.write(to: target.path)
        #expect(try contents(target) == ["scores.csv": "new\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
    }

    @Test func aFailedWriteLeavesTheExistingDirectoryAndNoStagingBehind() throws {
        let target = scratch.appendingPathComponent("out")
        var first = OutputDirectory()
        first.add("scores.csv", text: "kept\n")
        try first.write(to: target.path)
        // A file whose parent is a file cannot be written: the second file fails mid-way.
        var broken = OutputDirectory()
        broken.add("a", text: "x")
        broken.add("a/b.csv", text: "y")
        #expect(throws: BuurtError.self) { try broken.write(to: target.path) }
        #expect(try contents(target) == ["scores.csv": "kept\n"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
    }
}
