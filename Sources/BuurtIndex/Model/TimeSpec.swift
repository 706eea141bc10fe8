/// `changes: {from: 2017, to: 2020}`: the two periods whose scores are compared per unit and
/// dimension (`changes.csv`). A period left out defaults to the first (`from`) or last (`to`)
/// period of the scored data. `changes: none` compares nothing.
public struct ChangeSpec: Sendable, Equatable {
    public var from: Int?
    public var to: Int?
    /// `false` for `changes: none`: no `changes.csv`, no change section in the report, and no
    /// second evaluation of the replications for change bands.
    public var enabled: Bool

    public init(from: Int? = nil, to: Int? = nil, enabled: Bool = true) {
        self.from = from
        self.to = to
        self.enabled = enabled
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
