import BuurtIndex
import BuurtNumerics

/// Two periods compared, `from` before `to`.
public struct PeriodPair: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public static func < (a: PeriodPair, b: PeriodPair) -> Bool { (a.from, a.to) < (b.from, b.to) }
    public var description: String { "\(from)–\(to)" }
}

/// The windows of `changes:` resolved against the periods of the scored data: the pairs whose
/// changes are given and the windows whose trends are given, each de-duplicated and sorted by
/// (from, to), so a pair appears once however many windows (or `year_on_year`) produce it.
public struct ResolvedChanges: Sendable, Equatable {
    /// Pairs compared (rows with measure `change`).
    public var pairs: [PeriodPair]
    /// Windows of more than two periods whose trend is given (rows with measure `slope` and `cagr`).
    public var trends: [PeriodPair]
    /// The sorted periods of the data.
    public var periods: [Int]

    public init(pairs: [PeriodPair], trends: [PeriodPair] = [], periods: [Int]) {
        self.pairs = pairs
        self.trends = trends
        self.periods = periods
    }

    /// The periods of the data from `window.from` to `window.to`, both included.
    public func periods(in window: PeriodPair) -> [Int] { periods.filter { $0 >= window.from && $0 <= window.to } }

    /// Resolves `spec` against `periods`: `first` and `latest` are the first and last period,
    /// `previous` the period just before the window's `to`; `year_on_year` adds every pair of
    /// consecutive periods; `trend` adds a trend over every window of more than two periods
    /// and over first..latest (when that spans more than two periods).
    /// - Returns: `nil` without `spec` when the data has fewer than two periods.
    /// - Throws: `BuurtError(.data)` at the window's location for a period not in the data, a
    ///   window whose from is not before its to, `previous` without an earlier period, and for
    ///   `changes:` with fewer than two periods.
    /// - Complexity: O(windows · periods + pairs · log pairs).
    public static func resolve(_ spec: ChangeSpec?, among periods: [Int], at location: SourceLocation? = nil) throws(BuurtError) -> ResolvedChanges? {
        let sorted = Array(Set(periods)).sorted()
        guard spec != nil || sorted.count >= 2 else { return nil }
        let spec = spec ?? ChangeSpec()
        let listed = sorted.isEmpty ? "none" : sorted.map(String.init).joined(separator: ", ")
        guard let first = sorted.first, let latest = sorted.last, sorted.count >= 2 else {
            throw BuurtError(.data, "changes need two different periods; the scored data has \(listed)", at: location)
        }
        func year(_ reference: PeriodReference, _ key: String, at: SourceLocation?) throws(BuurtError) -> Int? {
            guard case .year(let y) = reference else { return nil }
            guard sorted.contains(y) else {
                throw BuurtError(.data, "changes: \(key) \(y) is not a period of the scored data (periods: \(listed))", at: at)
            }
            return y
        }
        var pairs = Set<PeriodPair>(), trends = Set<PeriodPair>()
        for window in spec.windows {
            let at = window.location ?? location
            let to = try year(window.to, "to", at: at) ?? latest
            var from = try year(window.from, "from", at: at) ?? first
            if window.from == .previous {
                guard let before = sorted.last(where: { $0 < to }) else {
                    throw BuurtError(.data, "changes: from previous needs a period before \(to); the scored data has \(listed)", at: at)
                }
                from = before
            }
            guard from < to else {
                throw BuurtError(.data, "changes: from \(from) (\(window.from)) is not before to \(to) (\(window.to)); a window runs forward in time (periods: \(listed))", at: at)
            }
            let pair = PeriodPair(from: from, to: to)
            pairs.insert(pair)
            if spec.trend && sorted.filter({ $0 >= from && $0 <= to }).count > 2 { trends.insert(pair) }
        }
        if spec.yearOnYear {
            for (a, b) in zip(sorted, sorted.dropFirst()) { pairs.insert(PeriodPair(from: a, to: b)) }
        }
        if spec.trend && sorted.count > 2 { trends.insert(PeriodPair(from: first, to: latest)) }
        return ResolvedChanges(pairs: pairs.sorted(), trends: trends.sorted(), periods: sorted)
    }
}
