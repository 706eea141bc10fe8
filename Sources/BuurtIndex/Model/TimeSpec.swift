/// One end of a change window: a period of the data, named or found at run time.
public enum PeriodReference: Sendable, Equatable, CustomStringConvertible {
    /// The first period of the scored data (`from: first`).
    case first
    /// The period just before the window's `to` (`from: previous`).
    case previous
    /// The last period of the scored data (`to: latest`).
    case latest
    /// A named period such as 2017.
    case year(Int)

    public var description: String {
        switch self {
        case .first: "first"
        case .previous: "previous"
        case .latest: "latest"
        case .year(let y): String(y)
        }
    }
}

/// One window of `changes:`, e.g. `{from: first, to: latest}`; an end left out is `first`
/// (`from`) or `latest` (`to`). It is resolved against the periods of the scored data at run
/// time, so `to: latest` follows a yearly update.
public struct ChangeWindow: Sendable, Equatable {
    public var from: PeriodReference
    public var to: PeriodReference
    /// Where the window is written, for messages about its resolution.
    public var location: SourceLocation?

    public init(from: PeriodReference = .first, to: PeriodReference = .latest, location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.location = location
    }

    /// Two windows are the same when their ends are; where they are written does not count.
    public static func == (a: ChangeWindow, b: ChangeWindow) -> Bool { a.from == b.from && a.to == b.to }
}

/// `changes:` — which pairs of periods are compared per unit and group (`changes.csv`):
/// - `{from: 2017, to: 2020}` or `{from: first, to: latest}`: one window (an end left out is
///   the first or latest period);
/// - `[{from: first, to: latest}, {from: previous, to: latest}]`: several windows;
/// - `{windows: […], year_on_year: true, trend: true}`: windows, every pair of consecutive
///   periods, and trends (OLS slope per year and compound annual growth) over each window of
///   more than two periods and over first..latest;
/// - `none`: nothing.
public struct ChangeSpec: Sendable, Equatable {
    public var windows: [ChangeWindow]
    /// Every pair of consecutive periods of the data.
    public var yearOnYear: Bool
    /// Trends over each window spanning more than two periods and over first..latest.
    public var trend: Bool
    /// `false` for `changes: none`: no `changes.csv`, no change section in the report, and no
    /// second evaluation of the replications for change bands.
    public var enabled: Bool

    public init(windows: [ChangeWindow] = [ChangeWindow()], yearOnYear: Bool = false, trend: Bool = false, enabled: Bool = true) {
        self.windows = windows
        self.yearOnYear = yearOnYear
        self.trend = trend
        self.enabled = enabled
    }

    /// One window between two named periods (`nil`: the first or latest period).
    public init(from: Int? = nil, to: Int? = nil, enabled: Bool = true) {
        self.init(windows: [ChangeWindow(from: from.map { .year($0) } ?? .first, to: to.map { .year($0) } ?? .latest)], enabled: enabled)
    }
}

/// One entry of `breaks:`: from `period` on, the listed indicators are measured differently
/// (a new questionnaire, a new registration system), so their values before and from that
/// period are not comparable.
public struct MethodBreak: Sendable, Equatable {
    public var period: Int
    public var indicators: [String]
    /// What changed, in the user's words; shown with every change that crosses the break.
    public var note: String

    public init(period: Int, indicators: [String], note: String) {
        self.period = period
        self.indicators = indicators
        self.note = note
    }

    /// Whether a comparison of period `from` with period `to` spans this break:
    /// min(from, to) < period ≤ max(from, to).
    public func separates(_ from: Int, _ to: Int) -> Bool {
        Swift.min(from, to) < period && period <= Swift.max(from, to)
    }
}
