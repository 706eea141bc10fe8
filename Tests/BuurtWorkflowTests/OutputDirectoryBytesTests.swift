import BuurtNumerics
@testable import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

/// The bytes an ``OutputDirectory`` writes, and the size and SHA-256 it records for them.
@Suite struct OutputDirectoryBytesTests {
    let scratch: URL

    init() throws {
        scratch = try scratchFolder()
    }

    /// "Één café in ’s-Hertogenbosch: 3 € 🏘\n" spelled out in UTF-8, byte by byte.
    static let dutchBytes: [UInt8] =
        [0xC3, 0x89, 0xC3, 0xA9, 0x6E] // Één (É = C3 89, é = C3 A9)
        + Array(" caf".utf8) + [0xC3, 0xA9] // café
        + Array(" in ".utf8) + [0xE2, 0x80, 0x99] // ’ (U+2019)
        + Array("s-Hertogenbosch: 3 ".utf8) + [0xE2, 0x82, 0xAC] // € (U+20AC)
        + [0x20, 0xF0, 0x9F, 0x8F, 0x98, 0x0A] // space, 🏘 (U+1F3D8), newline

    /// The same text written in several ways: a literal, decoded from bytes, through an
    /// NSString built from UTF-16, and repeated past the 64 KiB write chunk.
    static func texts() -> [(name: String, text: String, bytes: [UInt8])] {
        let literal = "Één café in ’s-Hertogenbosch: 3 € 🏘\n"
        let decoded = String(decoding: dutchBytes, as: UTF8.self)
        let utf16 = Array(literal.utf16)
        let bridged = NSString(characters: utf16, length: utf16.count) as String
        let formatted = String(format: "%@ %@", NSString(string: "Één"), NSString(string: "café\n"))
        let long = String(repeating: literal, count: 3000) // 3000 × 46 bytes = 138,000 bytes, three chunks
        return [
            ("literal", literal, dutchBytes), ("decoded", decoded, dutchBytes), ("bridged", bridged, dutchBytes),
            ("formatted", formatted, [0xC3, 0x89, 0xC3, 0xA9, 0x6E, 0x20, 0x63, 0x61, 0x66, 0xC3, 0xA9, 0x0A]),
            ("long", long, Array([[UInt8]](repeating: dutchBytes, count: 3000).joined())),
        ]
    }

    @Test func theUTF8BytesAreSpelledOutCorrectly() {
        // The expected bytes themselves: 5 + 4 + 2 + 4 + 3 + 19 + 3 + 1 + 4 + 1 = 46.
        #expect(Self.dutchBytes.count == 46)
        #expect(Array("Één café in ’s-Hertogenbosch: 3 € 🏘\n".utf8) == Self.dutchBytes)
    }

    @Test func nonASCIITextIsWrittenByteExactly() throws {
        let target = scratch.appendingPathComponent("out")
        let texts = Self.texts()
        try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
            for t in texts { try output.add("\(t.name).txt", text: t.text) }
        }
        for t in texts {
            let written = try Data(contentsOf: target.appendingPathComponent("\(t.name).txt"))
            #expect(Array(written) == t.bytes, "\(t.name)")
        }
    }

    /// Bytes without contiguous storage go through the 64 KiB buffer: 150,000 bytes are two
    /// full chunks and one of 18,928.
    @Test func bytesWithoutContiguousStorageAreWrittenInChunks() throws {
        let target = scratch.appendingPathComponent("out")
        let expected = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 256) }
        let lazyBytes = (0..<150_000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 256) }
        #expect(lazyBytes.withContiguousStorageIfAvailable { _ in true } == nil)
        let file = try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
            try output.add("bytes.bin", bytes: lazyBytes)
            return output.files[0]
        }
        let written = try Data(contentsOf: target.appendingPathComponent("bytes.bin"))
        #expect(Array(written) == expected)
        #expect(file.size == 150_000)
        #expect(file.sha256 == (try systemSHA256(target.appendingPathComponent("bytes.bin").path)))
    }

    /// Sizes and hashes recorded when a file is added equal `wc -c` and `sha256sum` of the
    /// file on disk, and equal those of the same file kept in memory.
    @Test func recordedSizesAndHashesMatchTheFilesOnDiskAndInMemory() throws {
        let target = scratch.appendingPathComponent("out")
        let texts = Self.texts()
        let binary = Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let onDisk = try OutputDirectory.writing(to: target.path, claim: .forTests) { output throws(BuurtError) in
            try output.add("empty.csv", text: "")
            try output.add("abc.csv", text: "abc")
            for t in texts { try output.add("text/\(t.name).txt", text: t.text) }
            try output.add("binary.bin", data: binary)
            // Read back while the directory is being written.
            #expect(try output.files.first { $0.path == "binary.bin" }?.contents == binary)
            return output.files
        }
        var inMemory = OutputDirectory()
        try inMemory.add("empty.csv", text: "")
        try inMemory.add("abc.csv", text: "abc")
        for t in texts { try inMemory.add("text/\(t.name).txt", text: t.text) }
        try inMemory.add("binary.bin", data: binary)

        // FIPS 180-2 test vectors: SHA-256 of "" and of "abc".
        #expect(onDisk[0].sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(onDisk[1].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(onDisk.map(\.path) == inMemory.files.map(\.path))
        for (file, kept) in zip(onDisk, inMemory.files) {
            let path = target.appendingPathComponent(file.path).path
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            #expect(file.size == size, "\(file.path)")
            #expect(file.sha256 == (try systemSHA256(path)), "\(file.path)")
            #expect(kept.size == file.size && kept.sha256 == file.sha256, "\(file.path)")
            #expect(try kept.contents == (try Data(contentsOf: URL(fileURLWithPath: path))), "\(file.path)")
        }
        #expect(onDisk.map(\.size) == [0, 3, 46, 46, 46, 12, 138_000, 70_000])
    }
}
