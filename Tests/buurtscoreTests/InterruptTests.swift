import Foundation
import Testing

/// Ctrl-C while `run` is writing its outputs: the old output directory keeps its files, no
/// staging folder stays behind, and the exit code is 130.
@Suite struct InterruptTests {
    @Test func interruptedRunLeavesTheOldOutputAndNoStagingFolder() throws {
        let cli = try CLIHarness()
        // Large enough that writing the report and tables takes a while in any build.
        #expect(try cli.run(["synth", "--units", "6000", "--out", "data"]).status == 0)
        // The synthetic model without its uncertainty analysis: the outputs start sooner.
        let model = try cli.read("data/model.yml")
        try cli.write("data/model.yml", String(model[..<model.range(of: "\nuncertainty:")!.lowerBound]) + "\n")
        try EarlierOutput.copy(to: "out", in: cli)
        let old = try BadInputRunner.snapshot(cli.directory.appendingPathComponent("out"))

        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = ["run", "data/model.yml", "--out", "out", "--quiet", "--threads", "1"]
        process.currentDirectoryURL = cli.directory
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()

        // Wait for the staging folder (the first output file is being written), then interrupt.
        var staged = false
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, Date() < deadline {
            if try cli.entries().contains(where: { $0.hasPrefix(".out.partial-") }) { staged = true; break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        try #require(staged, "the run finished or timed out before it wrote a file")
        process.interrupt()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(process.terminationReason) \(process.terminationStatus): \(message)")
        #expect(message.contains("interrupted"))
        #expect(try cli.entries().filter { $0.hasPrefix(".out.") }.isEmpty)
        #expect(try BadInputRunner.snapshot(cli.directory.appendingPathComponent("out")) == old)
        #expect(message.contains("/out: not written; what was there is left as it was"), "\(message)")
    }
}
