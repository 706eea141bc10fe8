import Yams

/// Reading an indicator's own `uncertainty:` key into its ``SamplingModel``.
extension ModelFileReader {
    static let samplingKeys = ["binomial", "poisson", "per"]
    /// `per` when it is left out: shares are percentages, counts are rates per 1000 inhabitants.
    static let defaultPer = ["binomial": 100.0, "poisson": 1000.0]

    /// `{binomial: survey_n, per: 100}` or `{poisson: population, per: 1000}` on an indicator.
    /// The column is checked later, against the declared `columns`, by ``checkSamplingColumns(_:)``.
    mutating func samplingModel(_ node: Node, of what: String) -> SamplingModel? {
        guard let f = fields(node, "'uncertainty' of \(what)", known: Self.samplingKeys) else { return nil }
        let declared = ["binomial", "poisson"].filter { f[$0] != nil }
        guard declared.count == 1, let kind = declared.first, let columnNode = f[kind] else {
            if declared.isEmpty {
                fail("'uncertainty' of \(what) needs its sampling model: {binomial: <respondents column>} for a survey share, "
                    + "or {poisson: <population column>} for a count", at: node)
            } else {
                fail("'uncertainty' of \(what) gives both binomial and poisson; an indicator has one sampling model", at: f.keyNodes["poisson"])
            }
            return nil
        }
        guard let column = text(columnNode, "the \(kind) column of \(what)") else { return nil }
        var per = Self.defaultPer[kind]!
        if let perNode = f["per"] {
            guard let x = number(perNode, "per of \(what)") else { return nil }
            guard x > 0 else {
                fail("per of \(what) must be > 0 (100 for a percentage, 1000 for a rate per 1000), got \(formatNumber(x))", at: perNode)
                return nil
            }
            per = x
        }
        return kind == "binomial" ? .binomial(sizeColumn: column, per: per) : .poisson(exposureColumn: column, per: per)
    }

    /// Every sampling model names a numeric data column declared under `columns:` (type
    /// `other` or `denominator`).
    mutating func checkSamplingColumns(_ tree: InlineTree) {
        let numeric = tree.codes(of: [.other, .denominator])
        for e in tree.entries {
            guard let sampling = e.node.sampling, let declaration = e.fields["uncertainty"] else { continue }
            let (kind, column) = switch sampling {
            case .binomial(let size, _): ("binomial", size)
            case .poisson(let exposure, _): ("poisson", exposure)
            }
            let at = Self.value(of: kind, in: declaration)
            let what = "the \(kind) column '\(column)' of indicator '\(e.node.code)'"
            let role = kind == "binomial" ? "the number of respondents" : "the population"
            switch tree.entry(column)?.node.kind {
            case .other?, .denominator?:
                continue
            case let other?:
                let actual = other == .indicator ? "an indicator" : other == .group ? "a column of type group" : "a group of the tree"
                fail("\(what) is \(actual), "
                    + "not a numeric column with \(role) (a column of type other or denominator)", at: at)
            case nil:
                fail("\(what) is not declared under 'columns' (type other or denominator; it holds \(role))"
                    + Self.suggestion(for: column, among: numeric, listAll: false), at: at)
            }
        }
    }

    /// The value of `key` in a mapping node.
    static func value(of key: String, in node: Node) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { $0.key.string == key }?.value
    }
}
