import BuurtNumerics
import Foundation

/// The library's name and version, recorded in every manifest.
public enum BuurtscoreLibrary {
    /// The version of the buurtscore library (and of the command-line tool built with it).
    public static let version = "0.1.0"
}

extension Manifest.Tool {
    /// Starts looking up ``current`` on another thread (its git processes take a few tens of
    /// milliseconds), so a run that writes a manifest finds it ready; the value is the same
    /// whichever thread computes it.
    package static func lookUpInBackground() {
        Thread.detachNewThread { _ = current }
    }

    /// This library's version, and the commit of the checkout its sources were built from
    /// (`ToolCommit.lookup(executable:)` from this file's compile-time path, so an application
    /// that embeds the library records the library's commit, never its own; `unknown` when those
    /// sources are gone, such as for a copy installed elsewhere). Looked up once.
    public static let current: Manifest.Tool = {
        Manifest.Tool(name: "buurtscore", version: BuurtscoreLibrary.version,
                      commit: ToolCommit.lookup(executable: URL(fileURLWithPath: #filePath)))
    }()
}

extension Manifest.BLAS {
    /// The OpenBLAS library this process runs on.
    public static var current: Manifest.BLAS {
        Manifest.BLAS(configuration: BLASRuntime.configuration, core: BLASRuntime.coreName)
    }
}
