import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// Input files are read once (memory-mapped) and refused unread above the size limit.
@Suite struct InputFileTests {
    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-input-\(UUID().uuidString)-\(name)").path
    }

    @Test func aFileUpToTheLimitIsReadAndOneByteMoreIsRefused() throws {
        let path = Self.scratch("data.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "unit,x\nA,1.5\nB,-2\n"  // 18 bytes
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let table = try CSVReader.read(path: path, options: CSVOptions(maxFileBytes: 18))
        #expect(table.rows == [["A", "1.5"], ["B", "-2"]])
        #expect(throws: BuurtErrors([BuurtError(.data, "file too large: the file has 18 bytes; buurtscore reads input files of at most 17 bytes — split the data, e.g. by period, or leave out columns the model does not use", at: SourceLocation(file: path))])) {
            try CSVReader.read(path: path, options: CSVOptions(maxFileBytes: 17))
        }
    }

    /// A sparse file of 2 GiB + 1 byte takes no disk space; it is refused by its size alone,
    /// before a single byte is read.
    @Test func aFileOverTwoGibibytesIsRefusedUnread() throws {
        let path = Self.scratch("huge.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(InputFile.defaultSizeLimit) + 1)
        try handle.close()
        do {
            _ = try CSVReader.read(path: path)
            Issue.record("a file over the limit was read")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].kind == .data)
            #expect(error.problems[0].message.hasPrefix("file too large: the file has 2 GiB (2147483649 bytes); buurtscore reads input files of at most 2 GiB (2147483648 bytes)"))
        }
    }

    @Test func devicesAndMissingFilesAreNamed() {
        #expect(throws: BuurtErrors([BuurtError(.data, "this is a device or socket, not a file: give the path of a CSV file", at: SourceLocation(file: "/dev/zero"))])) {
            try CSVReader.read(path: "/dev/zero")
        }
        let missing = Self.scratch("missing.csv")
        #expect(throws: BuurtErrors([BuurtError(.missingInput, "file not found", at: SourceLocation(file: missing))])) {
            try CSVReader.read(path: missing)
        }
    }

    @Test(arguments: [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KiB"), (1536, "1.5 KiB"), (10 << 20, "10 MiB"), (2 << 30, "2 GiB")])
    func byteCounts(bytes: Int, text: String) {
        #expect(InputFile.byteCount(bytes) == text)
    }
}
