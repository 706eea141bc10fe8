/// Finds the first row of each (unit code, period) key, for the duplicate check of
/// ``PanelLoader``.
///
/// An open-addressing hash table (linear probing, at most half full) of row indices into the
/// caller's `codes` and `periods`: 8 bytes a slot, where a `Dictionary` keyed by the code and
/// period would copy every key into its storage.
/// - Complexity: O(1) expected per row.
struct UnitPeriodIndex {
    private var slots: [Int]
    private let mask: Int

    /// An index for up to `rows` rows.
    init(rows: Int) {
        var size = 16
        while size < 2 * rows { size <<= 1 }
        slots = [Int](repeating: -1, count: size)
        mask = size - 1
    }

    /// The earlier row whose code and period equal row `r`'s, or `nil` when there is none,
    /// in which case row `r` becomes the first row of its key. Rows must be added once each.
    mutating func firstRow(matching r: Int, codes: [String], periods: [Int?]) -> Int? {
        let code = codes[r], period = periods[r]
        var hasher = Hasher()
        hasher.combine(code)
        hasher.combine(period)
        var slot = hasher.finalize() & mask
        while slots[slot] >= 0 {
            let s = slots[slot]
            if periods[s] == period && codes[s] == code { return s }
            slot = (slot + 1) & mask
        }
        slots[slot] = r
        return nil
    }
}
