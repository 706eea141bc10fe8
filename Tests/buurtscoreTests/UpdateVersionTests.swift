import BuurtNumerics
import BuurtReport
import Foundation
import Testing
import BuurtIndex
@testable import BuurtWorkflow

/// `buurtscore update STATE --crosswalk CW.csv` and `--model NEW.yml`: new versions kept beside
/// the old ones (every run still verifies), their causes and differences on the record, and
/// refusals that change nothing.
@Suite struct UpdateVersionTests {
    /// The demo's litter indicator, whose weight the revised models change.
    static let litter = "{code: litter, name: \"Rommel op straat komt vaak voor (%)\", parent: deterioration, direction: -1, weight: 1,"

    /// Every run of `state` verifies (re-run in memory, each output byte for byte).
    static func expectEveryRunVerifies(_ h: UpdateHarness, _ state: String = "state", count: Int) throws {
        let runs = UpdateStateDirectory(path: h.cli.path(state)).runs()
        #expect(runs.count == count, "\(runs)")
        for run in runs {
            let verification = try Verification.verify(directory: h.cli.path("\(state)/runs/\(run)"))
            #expect(verification.verified, "run \(run): \(verification.inputs) \(verification.outputs)")
        }
    }

    /// The `diff` record of a run's manifest.
    static func record(_ h: UpdateHarness, _ run: String) throws -> DiffRecord? {
        let path = h.cli.path("state/runs/\(run)/manifest.json")
        return try Manifest.parse(Data(contentsOf: URL(fileURLWithPath: path)), file: path).diff
    }

    /// A copy of the demo model folder under `folder` with `edit` applied to the model text.
    static func revisedModel(_ h: UpdateHarness, _ folder: String, _ edit: (String) -> String) throws {
        for file in ["crosswalk.csv", "buurten.geojson"] { try h.cli.write("\(folder)/\(file)", h.cli.read("demo/\(file)")) }
        let model = try h.cli.read("demo/model.yml")
        let revised = edit(model)
        #expect(revised != model)
        try h.cli.write("\(folder)/model.yml", revised)
    }

    @Test func aRecodedBuurtIsRefusedWithoutACrosswalkAndTakenWithOne() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let initial = try h.snapshot()
        // Kerkdonk is BU00000161 from 2021 on.
        let figures = try h.cli.read("new2021.csv")
        #expect(figures.contains("\nBU00000101,Kerkdonk,"))
        try h.cli.write("recoded.csv", figures.replacingOccurrences(of: "\nBU00000101,", with: "\nBU00000161,"))
        let refused = try h.update(data: "recoded.csv")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("unit 'BU00000161' (Kerkdonk) in period 2021 is new and 'BU00000101' with the same name is missing"))
        #expect(try h.snapshot() == initial)

        let crosswalk = try h.cli.read("demo/crosswalk.csv") + "BU00000101,BU00000161,2017,2020,1\n"
        try h.cli.write("cw.csv", crosswalk)
        let taken = try h.update(data: "recoded.csv", extra: ["--crosswalk", "cw.csv", "--json"])
        #expect(taken.status == 0, "\(taken.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(taken.stdout.utf8)) as? [String: Any])
        #expect(object["run"] as? String == "2021" && object["causes"] as? [String] == ["new_period", "crosswalk"])
        let differences = try #require(object["differences"] as? [[String: String]])
        #expect(differences == [["kind": "mapping_added", "from": "BU00000101", "to": "BU00000161"]])

        // The new version beside the first, which is left as it was.
        #expect(try h.cli.read("state/versions/2021/crosswalk.csv") == crosswalk)
        #expect(try h.cli.read("state/versions/2021/model.yml") == h.cli.read("state/model.yml"))
        let after = try h.snapshot()
        for (path, bytes) in initial where path != "latest" && path != "data.csv" { #expect(after[path] == bytes, "\(path) changed") }
        #expect(try h.rows("state/data.csv").contains { $0[0] == "BU00000161" && $0[3] == "2021" })
        let recoded = try #require(try Self.record(h, "2021"))
        #expect(recoded.previous?.run == "2020" && recoded.causes == [.newPeriod, .crosswalk])
        #expect(recoded.differences == [.mappingAdded(from: "BU00000101", to: "BU00000161")])
        // Kerkdonk's earlier years are scored under its new code.
        #expect(try h.rows("state/runs/2021/scores.csv").filter { $0[0] == "BU00000161" }.count == 5)
        try Self.expectEveryRunVerifies(h, count: 2)
    }

    @Test func aRevisedModelRecordsItsWeightAndAddedIndicatorAndOlderRunsStillVerify() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        #expect(try h.update().status == 0)
        try Self.revisedModel(h, "weighted") { $0.replacingOccurrences(of: Self.litter, with: Self.litter.replacingOccurrences(of: "weight: 1,", with: "weight: 2,")) }
        let revised = try h.cli.run(["update", "state", "--model", "weighted/model.yml", "--threads", "1", "--json"])
        #expect(revised.status == 0, "\(revised.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(revised.stdout.utf8)) as? [String: Any])
        #expect(object["run"] as? String == "2021-r2" && object["previous_run"] as? String == "2021" && object["causes"] as? [String] == ["model"])
        let differences = try #require(object["differences"] as? [[String: Any]])
        #expect(differences.count == 1)
        #expect(differences.first?["kind"] as? String == "weight" && differences.first?["code"] as? String == "litter")
        #expect(differences.first?["before"] as? Double == 1 && differences.first?["after"] as? Double == 2)
        let weighted = try #require(try Self.record(h, "2021-r2"))
        #expect(weighted.previous?.run == "2021" && weighted.causes == [.model])
        #expect(weighted.differences == [.weight(code: "litter", before: 1, after: 2)])
        #expect(try h.cli.read("state/versions/2021-r2/model.yml") == h.cli.read("weighted/model.yml"))
        // Litter weighs twice its siblings: the deterioration scores of 2021 change.
        #expect(try h.cli.read("state/runs/2021-r2/scores.csv") != h.cli.read("state/runs/2021/scores.csv"))
        try Self.expectEveryRunVerifies(h, count: 3)

        // Graffiti becomes a plain column, then an indicator again: removed, then added.
        let graffiti = try #require(try h.cli.read("demo/model.yml").split(separator: "\n").first { $0.contains("{code: graffiti,") }).description
        try Self.revisedModel(h, "without") { model in
            model.replacingOccurrences(of: Self.litter, with: Self.litter.replacingOccurrences(of: "weight: 1,", with: "weight: 2,"))
                .replacingOccurrences(of: graffiti + "\n", with: "")
                .replacingOccurrences(of: "columns:\n", with: "columns:\n  - {code: graffiti, name: Bekladding, type: other}\n")
        }
        #expect(try h.cli.run(["update", "state", "--model", "without/model.yml", "--threads", "1"]).status == 0)
        #expect(try Self.record(h, "2021-r3")?.differences == [.nodeRemoved(code: "graffiti"), .setting(key: "columns")])
        let added = try h.cli.run(["update", "state", "--model", "weighted/model.yml", "--threads", "1"])
        #expect(added.status == 0 && added.stdout.hasPrefix("updated state: run 2021-r4 in state/runs/2021-r4 (new model); "), "\(added.stdout)\(added.stderr)")
        #expect(try Self.record(h, "2021-r4")?.differences == [.nodeAdded(code: "graffiti"), .setting(key: "columns")])
        // Back to the model of 2021-r2, so the same scores.
        #expect(try h.cli.read("state/runs/2021-r4/scores.csv") == h.cli.read("state/runs/2021-r2/scores.csv"))
        try Self.expectEveryRunVerifies(h, count: 5)
    }

    @Test func theSameModelOrCrosswalkIsNothingNewAndChangesNoByte() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let state = try h.snapshot()
        let model = try h.cli.run(["update", "state", "--model", "demo/model.yml", "--threads", "1"])
        #expect(model.status == 0 && model.stdout == "nothing new: state already has this model (latest run 2020)\n", "\(model.stdout)\(model.stderr)")
        let both = try h.cli.run(["update", "state", "--crosswalk", "demo/crosswalk.csv", "--data", "demo/data.csv", "--threads", "1", "--json"])
        #expect(both.status == 0, "\(both.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "unchanged" && object["run"] as? String == "2020")
        #expect(try h.snapshot() == state)
    }

    @Test func aModelThatDoesNotFitTheFiguresExits65AndChangesNothing() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let state = try h.snapshot()
        try Self.revisedModel(h, "misfit") { $0.replacingOccurrences(of: "{code: litter,", with: "{code: rubbish,") }
        let refused = try h.cli.run(["update", "state", "--model", "misfit/model.yml", "--data", "new2021.csv", "--threads", "1"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("indicator 'rubbish' of the model has no column in the data"), "\(refused.stderr)")
        #expect(try h.snapshot() == state)
        #expect(!h.cli.exists("state/versions"))
    }

    /// A run that fails after the new version was written, and a kill that leaves the version
    /// and its journal: both end with exactly the state before, and the update then succeeds.
    @Test func anInterruptedModelUpdateLeavesThePreviousState() throws {
        let h = try UpdateHarness()
        #expect(try h.initialise().status == 0)
        let initial = try h.snapshot()
        try Self.revisedModel(h, "weighted") { $0.replacingOccurrences(of: Self.litter, with: Self.litter.replacingOccurrences(of: "weight: 1,", with: "weight: 2,")) }
        let state = UpdateStateDirectory(path: h.cli.path("state"))
        let failing: StateUpdate.ComputeRun = { _, _, _, _ throws(BuurtError) in
            #expect(FileManager.default.fileExists(atPath: state.join("versions/2020-r2/model.yml")))
            throw BuurtError(.internalFailure, "stopped in the middle of the run")
        }
        #expect(throws: BuurtErrors.self) {
            _ = try StateUpdate.update(state: state.path, changes: StateChanges(model: h.cli.path("weighted/model.yml")), acceptRevisions: false,
                                       options: CSVOptions(), compute: (threads: 1, run: failing))
        }
        #expect(try h.snapshot() == initial)
        #expect(!h.cli.exists("state/versions"))

        try h.copy("state", to: "updated")
        let updated = try h.cli.run(["update", "updated", "--model", "weighted/model.yml", "--threads", "1"])
        #expect(updated.status == 0, "\(updated.stderr)")
        let after = try h.snapshot("updated")
        // Killed before `latest` moved: the journal names the version, a staged copy is half written.
        try h.copy("updated", to: "killed")
        try h.cli.write("killed/latest", "2020\n")
        try h.cli.write("killed/.update-journal", "update 2020-r2\nversions/2020-r2\n")
        try h.cli.write("killed/versions/" + TemporaryName.make("2020-r3", .tmp) + "/model.yml", "half")
        do {
            let lock = try UpdateStateLock(UpdateStateDirectory(path: h.cli.path("killed")))
            try UpdateStateDirectory(path: h.cli.path("killed")).recover()
            withExtendedLifetime(lock) {}
        }
        #expect(try h.snapshot("killed") == initial)
        #expect(!h.cli.exists("killed/versions"))
        let again = try h.cli.run(["update", "killed", "--model", "weighted/model.yml", "--threads", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try h.snapshot("killed") == after)
    }
}
