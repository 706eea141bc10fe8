import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The differences between two versions of a state's model and crosswalk, as a run's record
/// names them (``StateDifference``).
enum StateDifferences {
    /// What changed from `before` to `after`, in this order:
    ///
    /// - for each indicator or group (node of kind indicator or aggregate) in both, in the new
    ///   model's order, its effective weight (`weights:` override, else the node's `weight`)
    ///   when it differs (``StateDifference/weight(code:before:after:)``);
    /// - nodes only in the new model, then nodes only in the old one, each in its model's order;
    /// - the top-level keys whose parsed value changed (``ModelFile/canonicalForm()``), sorted:
    ///   `indicators` / `groups` when a node in both changed in anything but its weight,
    ///   `columns` when the data columns (`columns:`, `unit`, `name`, `period`) changed, and any
    ///   other key (`normalise`, `treat`, `uncertainty`, …). `data` is left out: a state's runs
    ///   read the state's own figures whatever the model names.
    ///
    /// Two models that differ only in comments, layout or key order have no differences.
    /// - Complexity: O(nodes + size of the canonical forms).
    static func model(before: ModelFile, after: ModelFile) -> [StateDifference] {
        let old = aggregated(before), new = aggregated(after)
        let oldByCode = Dictionary(old.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let newCodes = Set(new.map(\.code))
        var differences: [StateDifference] = []
        var settings = Set<String>()
        for node in new {
            guard let previous = oldByCode[node.code] else { continue }
            let weightBefore = before.weights[node.code] ?? previous.weight, weightAfter = after.weights[node.code] ?? node.weight
            if weightBefore != weightAfter {
                differences.append(.weight(code: node.code, before: weightBefore, after: weightAfter))
            }
            var unweighted = node
            unweighted.weight = previous.weight
            if unweighted != previous { settings.insert(node.kind == .indicator ? "indicators" : "groups") }
        }
        differences += new.filter { oldByCode[$0.code] == nil }.map { .nodeAdded(code: $0.code) }
        differences += old.filter { !newCodes.contains($0.code) }.map { .nodeRemoved(code: $0.code) }

        if before.nodes.filter(isColumn) != after.nodes.filter(isColumn) { settings.insert("columns") }
        let oldTop = topLevel(before), newTop = topLevel(after)
        for key in Set(oldTop.keys).union(newTop.keys) where !["nodes", "weights", "data"].contains(key) && oldTop[key] != newTop[key] {
            settings.insert(key)
        }
        return differences + settings.sorted().map { .setting(key: $0) }
    }

    /// The (from code, to code) pairs of `after` that `before` lacks (added), then those of
    /// `before` that `after` lacks (removed), each in its file's order. A pair whose periods or
    /// share changed is in both; `nil` is a state without a crosswalk.
    /// - Complexity: O(entries).
    static func crosswalk(before: Crosswalk?, after: Crosswalk?) -> [StateDifference] {
        let old = pairs(before), new = pairs(after)
        let oldSet = Set(old.map { "\($0.from)\u{0}\($0.to)" }), newSet = Set(new.map { "\($0.from)\u{0}\($0.to)" })
        return new.filter { !oldSet.contains("\($0.from)\u{0}\($0.to)") }.map { .mappingAdded(from: $0.from, to: $0.to) }
            + old.filter { !newSet.contains("\($0.from)\u{0}\($0.to)") }.map { .mappingRemoved(from: $0.from, to: $0.to) }
    }

    /// The distinct (from, to) pairs in file order.
    private static func pairs(_ crosswalk: Crosswalk?) -> [(from: String, to: String)] {
        var seen = Set<String>()
        var result: [(from: String, to: String)] = []
        for entry in crosswalk?.entries ?? [] where seen.insert("\(entry.fromCode)\u{0}\(entry.toCode)").inserted {
            result.append((entry.fromCode, entry.toCode))
        }
        return result
    }

    private static func aggregated(_ file: ModelFile) -> [ModelNode] {
        file.nodes.filter { $0.kind == .indicator || $0.kind == .aggregate }
    }

    private static func isColumn(_ node: ModelNode) -> Bool { node.kind != .indicator && node.kind != .aggregate }

    /// The model's canonical form by top-level key, each value as its canonical JSON text.
    private static func topLevel(_ file: ModelFile) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(file.canonicalForm().utf8)) as? [String: Any] else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in object {
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
            values[key] = String(decoding: data, as: UTF8.self)
        }
        return values
    }
}
