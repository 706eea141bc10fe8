import Foundation
import Testing

/// The scheduled yearly recalculation of `Examples/scheduled-update`: the job script run twice
/// in a row on a temporary state (by its own test script), and the timer files that start it.
@Suite struct ScheduledUpdateTests {
    static let folder = CLIHarness.projectRoot.appendingPathComponent("Examples/scheduled-update")

    /// Runs `arguments` under /bin/sh with the built `buurtscore` first on PATH.
    static func shell(_ arguments: [String]) throws -> CLIHarness.Outcome {
        let harness = try CLIHarness()
        defer { try? FileManager.default.removeItem(at: harness.directory) }
        let bin = CLIHarness.executable.deletingLastPathComponent().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try harness.run(program: URL(fileURLWithPath: "/usr/bin/env"),
                               ["PATH=\(bin):\(path)", "LC_ALL=C.UTF-8", "/bin/sh"] + arguments)
    }

    @Test func twoScheduledUpdatesInARow() throws {
        let outcome = try Self.shell([Self.folder.appendingPathComponent("test-two-updates.sh").path, CLIHarness.projectRoot.path])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("ok: run 2021 taken, second run unchanged"))
    }

    @Test func jobRefusesWrongArgumentsAndAMissingInbox() throws {
        let job = Self.folder.appendingPathComponent("buurtscore-scheduled-update").path
        let usage = try Self.shell([job, "only-one"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("usage:"))
        #expect(usage.stdout.isEmpty)
        let missing = try Self.shell([job, "/nonexistent-state", "/nonexistent-inbox"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent-inbox: no such folder"))
    }

    /// The service runs the job of this folder, the timer starts that service, and cron runs the
    /// same job with the same arguments.
    @Test func timerServiceAndCrontabStartTheSameJob() throws {
        func text(_ name: String) throws -> String {
            try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        }
        let service = try text("buurtscore-update.service"), timer = try text("buurtscore-update.timer"), cron = try text("crontab")
        let execStart = try #require(service.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let command = execStart.dropFirst("ExecStart=".count)
        #expect(command.split(separator: " ").first?.hasSuffix("/buurtscore-scheduled-update") == true)
        #expect(command.split(separator: " ").count == 3, "the job takes STATE and INBOX")
        #expect(cron.contains(String(command) + " >>"))
        #expect(service.contains("Type=oneshot"))
        #expect(timer.contains("OnCalendar=") && timer.contains("Persistent=true"))
        #expect(FileManager.default.isExecutableFile(atPath: Self.folder.appendingPathComponent("buurtscore-scheduled-update").path))
    }
}
