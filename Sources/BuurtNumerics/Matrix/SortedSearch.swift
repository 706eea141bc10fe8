extension Array where Element: Comparable {
    /// The first index whose element is ≥ `value` in this ascending array (`count` when there is
    /// none): the number of elements below `value`.
    /// - Complexity: O(log n).
    @inlinable
    public func lowerBound(of value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
