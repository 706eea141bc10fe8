import Foundation
import Testing

/// Rules of the library's public surface that a source scan can check.
@Suite struct PublicSurfaceTests {
    /// Whether the declaration that starts at `lines[k]` is public and names a raw pointer type
    /// anywhere in its signature (which may continue over the next lines, up to its `{`).
    static func isPublicPointerDeclaration(_ lines: [Substring], at k: Int) -> Bool {
        guard lines[k].contains(/^\s*(@\w+\s+)*((static|final|mutating|nonisolated)\s+)*(public|open)\b/) else { return false }
        // The signature ends at its `{`, or at the end of a line where its parentheses close.
        var end = k, depth = 0
        while end < k + 16 {
            depth += lines[end].filter { $0 == "(" }.count - lines[end].filter { $0 == ")" }.count
            if lines[end].contains("{") || depth <= 0 || end == lines.count - 1 { break }
            end += 1
        }
        return lines[k...end].contains { $0.contains(/\bUnsafe\w*Pointer\b/) }
    }

    @Test func noPublicDeclarationTakesOrReturnsARawPointer() throws {
        let sources = try CLIHarness.librarySources()
        #expect(sources.count > 100, "the scan found \(sources.count) files")
        var found: [String] = []
        for path in sources {
            let text = try String(contentsOf: CLIHarness.projectRoot.appendingPathComponent(path), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for k in lines.indices where Self.isPublicPointerDeclaration(lines, at: k) {
                found.append("\(path):\(k + 1): \(lines[k].trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "public declarations with raw pointers:\n\(found.joined(separator: "\n"))")
    }

    /// The scan itself: it does see a public pointer declaration where there is one.
    @Test func theScanRecognisesAPublicPointerDeclaration() {
        func scan(_ text: String) -> Bool { Self.isPublicPointerDeclaration(text.split(separator: "\n", omittingEmptySubsequences: false), at: 0) }
        #expect(scan("    public static func f(_ p: UnsafePointer<Double>) {}"))
        #expect(scan("    @inlinable public var p: UnsafeMutableRawBufferPointer"))
        // A signature over several lines, the pointer on the third.
        #expect(scan("    public static func multiply(\n        m: Int,\n        _ a: UnsafePointer<Double>, lda: Int\n    ) {\n"))
        #expect(!scan("    package static func f(_ p: UnsafePointer<Double>) {}"))
        #expect(!scan("    /// public wrappers never return an UnsafePointer"))
        // The body after the `{` is not the signature.
        #expect(!scan("    public func sum() -> Double {\n        values.withUnsafeBufferPointer { p in p.reduce(0, +) }\n    }"))
    }
}
