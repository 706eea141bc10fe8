/// Selection of the observations (rows) where every variable has a value.
enum CompleteCases {
    /// Indices of the rows where no column is NaN, in row order.
    /// - Complexity: O(rows · columns).
    static func rows(_ columns: [[Double]]) -> [Int] {
        let n = columns.first?.count ?? 0
        return (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
    }

    /// The columns restricted to the complete rows.
    static func select(_ columns: [[Double]]) -> [[Double]] {
        let keep = rows(columns)
        return columns.map { c in keep.map { c[$0] } }
    }
}
