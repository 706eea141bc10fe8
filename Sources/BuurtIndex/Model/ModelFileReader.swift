import Foundation
import Yams

/// The keys of one YAML mapping, checked against the keys allowed there.
struct YAMLFields {
    /// The mapping itself (its position is used for "missing key" problems).
    let node: Node
    private(set) var values: [String: Node] = [:]
    private(set) var keyNodes: [String: Node] = [:]
    /// Keys in file order.
    private(set) var order: [String] = []

    init(node: Node) {
        self.node = node
    }

    subscript(key: String) -> Node? { values[key] }

    mutating func add(key: String, keyNode: Node, value: Node) {
        values[key] = value
        keyNodes[key] = keyNode
        order.append(key)
    }
}

/// Reads typed values out of a composed YAML tree and collects every problem found, each with
/// the file, line and column of the offending node (lines and columns from 1, columns counted in
/// Unicode scalars as libyaml does).
struct ModelFileReader {
    let file: String
    private(set) var problems: [BuurtError] = []
    /// Settings that refer to the tree, kept for ``ModelFile/validate(against:)`` when the tree
    /// comes from a metadata file.
    var treeChecks = DeferredTreeChecks()

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
    }

    mutating func fail(_ message: String, at node: Node?) {
        problems.append(BuurtError(.data, message, at: location(node)))
    }

    mutating func fail(_ message: String, line: Int, column: Int) {
        problems.append(BuurtError(.data, message, at: SourceLocation(file: file, line: line, column: column)))
    }

    /// Parses the first YAML document; syntax errors become problems at libyaml's position.
    mutating func compose(_ text: String) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                fail("the model file is empty; it needs at least a 'data' key", line: 1, column: 1)
                return nil
            }
            return root
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
                fail("YAML syntax error: \(problem)\(during)", line: mark.line, column: mark.column)
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                fail("key \(keys) appears more than once in the same mapping", line: context.mark.line, column: context.mark.column)
            default:
                fail("the model file is not valid YAML: \(error)", line: 1, column: 1)
            }
            return nil
        } catch {
            fail("the model file is not valid YAML: \(error)", line: 1, column: 1)
            return nil
        }
    }

    /// A short description of a node for "got …" in messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if node.null != nil { return "nothing" }
            return "'\(s.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// The mapping's keys, each checked against `known`; unknown keys are reported with the
    /// nearest known key as a suggestion.
    mutating func fields(_ node: Node, _ what: String, known: [String]) -> YAMLFields? {
        guard case .mapping(let mapping) = node else {
            fail("\(what) must be a mapping of keys (key: value), got \(Self.describe(node))", at: node)
            return nil
        }
        var result = YAMLFields(node: node)
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                fail("keys of \(what) must be plain names, got \(Self.describe(keyNode))", at: keyNode)
                continue
            }
            guard known.contains(key.string) else {
                fail("unknown key '\(key.string)' in \(what)\(Self.suggestion(for: key.string, among: known, listAll: true))", at: keyNode)
                continue
            }
            result.add(key: key.string, keyNode: keyNode, value: value)
        }
        return result
    }

    /// A list's items (a single mapping is not accepted as a one-item list).
    mutating func list(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            fail("\(what) must be a list (lines starting with '- '), got \(Self.describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// Text of a scalar (numbers and booleans are taken as written).
    mutating func text(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let s) = node, node.null == nil else {
            fail("\(what) must be text, got \(Self.describe(node))", at: node)
            return nil
        }
        return s.string
    }

    /// The path a key such as `data` names: text that is not empty.
    mutating func path(_ node: Node, key: String, _ what: String) -> String? {
        guard let path = text(node, "\(key) (\(what))") else { return nil }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            fail("the key '\(key)' is empty; give the path of \(what), relative to the model file's folder (\(key): \(key == "data" ? "data.csv" : "\(key).csv"))", at: node)
            return nil
        }
        return path
    }

    /// A finite number.
    mutating func number(_ node: Node, _ what: String) -> Double? {
        guard case .scalar(let s) = node, let x = Double(s.string), x.isFinite else {
            fail("\(what) must be a number, got \(Self.describe(node))", at: node)
            return nil
        }
        // `1e-400` is not zero, but a double would hold it as 0 (and `-1e-400` as -0).
        if CSVReader.roundsToZero(s.string, value: x) {
            fail("\(what) is too small for a double (magnitudes from about 4.9e-324 to 1.8e308), got \(Self.describe(node)); write 0 for nothing", at: node)
            return nil
        }
        return x
    }

    /// A whole number.
    mutating func integer(_ node: Node, _ what: String) -> Int? {
        guard case .scalar(let s) = node, let x = Int(s.string) else {
            fail("\(what) must be a whole number, got \(Self.describe(node))", at: node)
            return nil
        }
        return x
    }

    /// A number in [0, 1] (a share such as a coverage threshold).
    mutating func share(_ node: Node, _ what: String) -> Double? {
        guard let x = number(node, what) else { return nil }
        guard x >= 0 && x <= 1 else {
            fail("\(what) must be a share between 0 and 1, got \(formatNumber(x))", at: node)
            return nil
        }
        return x
    }

    /// `[lower, upper]`: a list of exactly two numbers with lower < upper.
    mutating func range(_ node: Node, _ what: String) -> (lower: Double, upper: Double)? {
        guard case .sequence(let items) = node, items.count == 2 else {
            fail("\(what) must be two numbers [lower, upper], got \(Self.describe(node))\(Self.count(node))", at: node)
            return nil
        }
        guard let lower = number(items[0], "the lower end of \(what)"),
              let upper = number(items[1], "the upper end of \(what)") else { return nil }
        guard lower < upper else {
            fail("\(what) must have lower < upper, got [\(formatNumber(lower)), \(formatNumber(upper))]", at: node)
            return nil
        }
        return (lower, upper)
    }

    private static func count(_ node: Node) -> String {
        guard case .sequence(let items) = node else { return "" }
        return " of \(items.count) item\(items.count == 1 ? "" : "s")"
    }

    /// One of a fixed set of names (e.g. a method), mapped to its value.
    mutating func choice<T>(_ node: Node, _ what: String, _ options: [(String, T)]) -> T? {
        guard let name = text(node, what) else { return nil }
        if let match = options.first(where: { $0.0 == name }) { return match.1 }
        fail("unknown \(what) '\(name)'\(Self.suggestion(for: name, among: options.map(\.0), listAll: true))", at: node)
        return nil
    }

    /// One of a fixed set of names.
    mutating func choice(_ node: Node, _ what: String, names: [String]) -> String? {
        choice(node, what, names.map { ($0, $0) })
    }

    /// "; did you mean 'x'?" for a near miss (a few edits away, or one name a prefix of the
    /// other), else (optionally) the list of valid names.
    static func suggestion(for word: String, among candidates: [String], listAll: Bool) -> String {
        let w = word.lowercased()
        // A suggestion is at most 3 edits away, and the distance is at least the difference in
        // length: far longer or shorter names (a 10 MB header cell) are not even compared.
        let scored = candidates.filter { abs($0.utf8.count - w.utf8.count) <= 12 && abs($0.count - w.count) <= 3 }
            .map { ($0, EditDistance.between(w, $0)) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, best.0.count / 3)) {
            return "; did you mean '\(best.0)'?"
        }
        if let extended = candidates.first(where: { c in
            let c = c.lowercased()
            return min(c.count, w.count) >= 3 && (c.hasPrefix(w) || w.hasPrefix(c))
        }) {
            return "; did you mean '\(MessageText.excerpt(extended))'?"
        }
        return listAll && !candidates.isEmpty ? "; expected one of: \(candidates.map(MessageText.excerpt).joined(separator: ", "))" : ""
    }
}
