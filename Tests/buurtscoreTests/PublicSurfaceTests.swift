import Foundation
import Testing

/// Rules of the library's public surface that a source scan can check.
@Suite struct PublicSurfaceTests {
    /// The Swift files of the library modules (not the command-line tool), with their text.
    static func librarySources() throws -> [(path: String, text: String)] {
        let sources = CLIHarness.projectRoot.appendingPathComponent("Sources")
        var files: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasPrefix("Buurt"), path.hasSuffix(".swift") else { continue }
            files.append((path, try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Whether `line` declares something public whose signature names a raw pointer type.
    static func isPublicPointerDeclaration(_ line: some StringProtocol) -> Bool {
        String(line).contains(/^\s*(@\w+\s+)*(public|open)\b.*\bUnsafe\w*Pointer\b/)
    }

    @Test func noPublicDeclarationTakesOrReturnsARawPointer() throws {
        let sources = try Self.librarySources()
        #expect(sources.count > 100, "the scan found \(sources.count) files")
        var found: [String] = []
        for (path, text) in sources {
            for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where Self.isPublicPointerDeclaration(line) {
                found.append("\(path):\(k + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "public declarations with raw pointers:\n\(found.joined(separator: "\n"))")
    }

    /// The scan itself: it does see a public pointer declaration where there is one.
    @Test func theScanRecognisesAPublicPointerDeclaration() {
        #expect(Self.isPublicPointerDeclaration("    public static func f(_ p: UnsafePointer<Double>) {}"))
        #expect(Self.isPublicPointerDeclaration("    @inlinable public var p: UnsafeMutableRawBufferPointer"))
        #expect(!Self.isPublicPointerDeclaration("    package static func f(_ p: UnsafePointer<Double>) {}"))
        #expect(!Self.isPublicPointerDeclaration("    /// public wrappers never return an UnsafePointer"))
    }
}
