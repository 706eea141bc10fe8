/// What the aggregate stage did, one entry per aggregate in order of computation.
public struct AggregateRecord: Sendable, Equatable {
    /// One aggregate.
    public struct Entry: Sendable, Equatable {
        public var aggregate: String
        /// Height in the tree (2 = aggregate of indicators).
        public var height: Int
        /// The method and coverage threshold used at that height.
        public var rule: AggregateRule
        /// Children in model order, with their model weights (relative; renormalised over the
        /// available children of each row).
        public var children: [String]
        public var weights: [Double]
        /// Rows left missing because too few children were available (`minCoverage`), not
        /// counting rows where every child was missing.
        public var belowCoverage: Int
        /// Rows where the aggregate is missing, for any reason.
        public var missing: Int

        public init(aggregate: String, height: Int, rule: AggregateRule, children: [String], weights: [Double],
                    belowCoverage: Int, missing: Int) {
            self.aggregate = aggregate
            self.height = height
            self.rule = rule
            self.children = children
            self.weights = weights
            self.belowCoverage = belowCoverage
            self.missing = missing
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entry of `aggregate`, if it was computed.
    public func entry(_ aggregate: String) -> Entry? { entries.first { $0.aggregate == aggregate } }
}
