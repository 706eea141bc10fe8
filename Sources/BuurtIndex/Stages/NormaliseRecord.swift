/// What the normalise stage did: per indicator and period, the parameters it used, so a
/// report can lead a normalised score back to the data (e.g. "0 = 1.2 %, 100 = 8.9 %").
public struct NormaliseRecord: Sendable, Equatable {
    /// One indicator in one period.
    public struct Entry: Sendable, Equatable {
        public var indicator: String
        /// The period whose rows were normalised (`nil` for data without periods).
        public var period: Int?
        /// The indicator's direction, applied before normalising: fit values are in x · direction.
        public var direction: Double
        /// The parameters, taken from the rows the scope selects (the same for every period
        /// under `.all` and `.reference`).
        public var fit: NormaliseFit

        public init(indicator: String, period: Int?, direction: Double, fit: NormaliseFit) {
            self.indicator = indicator
            self.period = period
            self.direction = direction
            self.fit = fit
        }
    }

    public var method: NormaliseMethod
    public var scope: NormaliseScope
    /// Entries in model indicator order, periods ascending within an indicator.
    public var entries: [Entry]

    public init(method: NormaliseMethod, scope: NormaliseScope, entries: [Entry]) {
        self.method = method
        self.scope = scope
        self.entries = entries
    }

    /// The entry of `indicator` in `period`, if that indicator was normalised there.
    public func entry(_ indicator: String, period: Int?) -> Entry? {
        entries.first { $0.indicator == indicator && $0.period == period }
    }
}
