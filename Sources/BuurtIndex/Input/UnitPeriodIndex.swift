/// Finds the first row of each (unit code, period) key, for the duplicate check of
/// ``PanelLoader``.
///
/// An open-addressing hash table (linear probing, at most half full) of row numbers into the
/// caller's `codes` and `periods`, each slot holding the upper half of its key's hash too, so
/// that a probe looks at another row's key only when those 32 bits agree: 8 bytes a slot,
/// where a `Dictionary` keyed by the code and period would copy every key into its storage.
/// - Complexity: O(1) expected per row.
struct UnitPeriodIndex {
    /// 0 for an empty slot, else hash bits 32–63 above row number + 1.
    private var slots: [UInt64]
    private let mask: Int

    /// An index for up to `rows` rows (fewer than 2³² − 1).
    init(rows: Int) {
        var size = 16
        while size < 2 * rows { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The earlier row whose code and period equal row `r`'s, or `nil` when there is none,
    /// in which case row `r` becomes the first row of its key. Rows must be added once each.
    mutating func firstRow(matching r: Int, codes: [String], periods: [Int?]) -> Int? {
        let code = codes[r], period = periods[r]
        var hasher = Hasher()
        hasher.combine(code)
        hasher.combine(period)
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let s = Int(slots[slot] & 0xFFFF_FFFF) - 1
                if periods[s] == period && codes[s] == code { return s }
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = fingerprint | UInt64(r + 1)
        return nil
    }
}
