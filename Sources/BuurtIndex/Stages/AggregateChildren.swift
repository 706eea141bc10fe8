/// The children of one aggregate as the aggregation kernels read them: columns of the
/// stage's column-major storage, their weights, and which rows may be scored.
struct AggregateChildren {
    /// Number of rows of every column.
    let rows: Int
    /// Column-major values of the panel and the aggregates computed so far.
    let storage: [Double]
    /// Start of each child's column in `storage`.
    let offsets: [Int]
    /// Model weight of each child.
    let weights: [Double]
    /// "indicator Tariff" or "aggregate Conn", per child, for messages.
    let names: [String]
    /// Per row: enough children are available (≥ 1, and at least `minCoverage` of them).
    let eligible: [Bool]
    /// "unit AUT, 2018" for a row, for messages.
    let unitLabel: (Int) -> String

    var count: Int { offsets.count }

    /// Value of child `k` in row `i`.
    @inline(__always) func value(_ i: Int, _ k: Int) -> Double { storage[offsets[k] + i] }

    /// "unit AUT, 2018, indicator Tariff = 0".
    func describe(_ i: Int, _ k: Int) -> String {
        "\(unitLabel(i)), \(names[k]) = \(formatNumber(value(i, k)))"
    }
}
