/// One line of a crosswalk file: in periods `periodFrom…periodTo`, unit `fromCode` contributes
/// the fraction `share` of itself to the current unit `toCode`.
public struct CrosswalkEntry: Sendable, Equatable {
    public var fromCode: String
    public var toCode: String
    public var periodFrom: Int
    public var periodTo: Int
    public var share: Double
    /// Where the line is, for messages.
    public var location: SourceLocation

    public init(fromCode: String, toCode: String, periodFrom: Int, periodTo: Int, share: Double, location: SourceLocation) {
        self.fromCode = fromCode
        self.toCode = toCode
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.share = share
        self.location = location
    }
}

/// A crosswalk (model key `crosswalk:`): how the units of earlier periods map onto the
/// current geography (a buurt re-coded, split or merged).
///
/// File: a CSV with the columns `from_code,to_code,period_from,period_to,share` (any order,
/// further columns ignored). For every `from_code` and every period its lines cover, the shares
/// must sum to 1 (within 1e-9): a unit's whole content goes somewhere. A re-code is one line
/// with share 1; a split lists each part with its share (of inhabitants, say).
public struct Crosswalk: Sendable, Equatable {
    public static let columns = ["from_code", "to_code", "period_from", "period_to", "share"]
    /// Tolerance on Σ share = 1.
    public static let shareTolerance = 1e-9

    public var entries: [CrosswalkEntry]

    public init(entries: [CrosswalkEntry]) {
        self.entries = entries
    }

    /// Reads and checks a crosswalk table.
    /// - Throws: ``BuurtErrors`` (`.data`), each at file:line:column: a missing column, a code
    ///   that is empty, a period that is not a whole number, `period_from > period_to`, a share
    ///   that is not a number in (0, 1], shares of one `from_code` in one period that do not sum
    ///   to 1, or the same (from_code, to_code) twice in one period.
    public static func load(_ table: CSVTable) throws(BuurtErrors) -> Crosswalk {
        var problems: [BuurtError] = []
        let index = columns.map { table.columnIndex($0) }
        let absent = zip(columns, index).filter { $0.1 == nil }.map(\.0)
        if !absent.isEmpty {
            throw BuurtErrors([BuurtError(.data, "crosswalk: missing column\(absent.count > 1 ? "s" : "") "
                + absent.map { "'\($0)'" }.joined(separator: ", ") + "; expected the columns " + columns.joined(separator: ","),
                at: table.headerLocation())])
        }
        let c = index.map { $0! }
        var entries: [CrosswalkEntry] = []
        for (r, row) in table.rows.enumerated() {
            func cell(_ k: Int) -> String { c[k] < row.count ? row[c[k]].trimmingSpaces : "" }
            func at(_ k: Int) -> SourceLocation { table.location(row: r, column: c[k]) }
            let from = cell(0), to = cell(1)
            if from.isEmpty { problems.append(BuurtError(.data, "crosswalk: from_code is empty", at: at(0))) }
            if to.isEmpty { problems.append(BuurtError(.data, "crosswalk: to_code is empty", at: at(1))) }
            let first = Int(cell(2)), last = Int(cell(3))
            if first == nil { problems.append(BuurtError(.data, "crosswalk: period_from must be a whole period such as 2017, got '\(cell(2))'", at: at(2))) }
            if last == nil { problems.append(BuurtError(.data, "crosswalk: period_to must be a whole period such as 2018, got '\(cell(3))'", at: at(3))) }
            if let first, let last, first > last {
                problems.append(BuurtError(.data, "crosswalk: period_from \(first) is after period_to \(last)", at: at(2)))
            }
            var share: Double?
            if case .number(let x) = CSVReader.parseNumber(cell(4), decimalComma: table.decimalComma), x > 0, x <= 1 {
                share = x
            } else {
                problems.append(BuurtError(.data, "crosswalk: share must be a number in (0, 1] (the fraction of \(from) that goes to \(to)), got '\(cell(4))'", at: at(4)))
            }
            guard !from.isEmpty, !to.isEmpty, let first, let last, first <= last, let share else { continue }
            entries.append(CrosswalkEntry(fromCode: from, toCode: to, periodFrom: first, periodTo: last, share: share,
                                          location: table.location(row: r, column: c[4])))
        }
        if problems.isEmpty { problems = shareProblems(entries) }
        if !problems.isEmpty { throw BuurtErrors(problems) }
        return Crosswalk(entries: entries)
    }

    /// Σ share = 1 per (from_code, period), and no pair listed twice for a period.
    /// - Complexity: O(Σ entries × periods covered).
    static func shareProblems(_ entries: [CrosswalkEntry]) -> [BuurtError] {
        struct Key: Hashable { var code: String; var period: Int }
        var sum: [Key: (total: Double, first: Int, last: Int)] = [:]
        var pairs: [String: Int] = [:]
        var problems: [BuurtError] = []
        for (k, e) in entries.enumerated() {
            for t in e.periodFrom...e.periodTo {
                let pair = "\(e.fromCode)\u{0}\(e.toCode)\u{0}\(t)"
                if let earlier = pairs[pair] {
                    problems.append(BuurtError(.data, "crosswalk: \(e.fromCode) → \(e.toCode) in \(t) is already given at line \(entries[earlier].location.line ?? 0)", at: e.location))
                    continue
                }
                pairs[pair] = k
                let key = Key(code: e.fromCode, period: t)
                let s = sum[key]
                sum[key] = ((s?.total ?? 0) + e.share, s?.first ?? k, k)
            }
        }
        var reported = Set<Int>()
        for (key, s) in sum.sorted(by: { ($0.value.first, $0.key.period) < ($1.value.first, $1.key.period) })
        where abs(s.total - 1) > shareTolerance && reported.insert(s.first).inserted {
            let lines = entries.enumerated().filter { $0.element.fromCode == key.code && ($0.element.periodFrom...$0.element.periodTo).contains(key.period) }
                .map { String($0.element.location.line ?? 0) }
            problems.append(BuurtError(.data, "crosswalk: the shares of \(key.code) in \(key.period) sum to \(formatNumber(s.total)) (lines \(lines.joined(separator: ", "))); "
                + "they must sum to 1 so that all of the unit is mapped", at: entries[s.first].location))
        }
        return problems
    }

    /// The lines that map `code` in `period`, in file order.
    func targets(of code: String, in period: Int) -> [CrosswalkEntry] {
        entries.filter { $0.fromCode == code && $0.periodFrom <= period && period <= $0.periodTo }
    }
}

fileprivate extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
