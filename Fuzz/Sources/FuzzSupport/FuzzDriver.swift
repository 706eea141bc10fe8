import CFuzzDriver
import Foundation

/// Starts libFuzzer from a target's `main.swift`.
///
/// SwiftPM links an executable's entry point as `main` itself (so the executable can be
/// imported by tests), which leaves no room for libFuzzer's own `main`: each target's
/// `main.swift` calls ``run()`` instead, which hands the command line and the target's
/// `LLVMFuzzerTestOneInput` (declared in CFuzzDriver, defined by the target) to
/// `LLVMFuzzerRunDriver`.
public enum FuzzDriver {
    public static func run() -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = withUnsafeMutablePointer(to: &argv) { argvPointer in
            argvPointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
                LLVMFuzzerRunDriver(&argc, $0, LLVMFuzzerTestOneInput)
            }
        }
        exit(status)
    }

    /// The input as a buffer (libFuzzer may pass a null pointer for the empty input).
    public static func buffer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
    }
}
