/// Levenshtein distance between two names, ignoring case: the measure behind every
/// "did you mean …?" of the model reader, `whatif` and `update`.
package enum EditDistance {
    /// Insertions, deletions and substitutions of characters, each costing 1, after lowercasing
    /// both names.
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory.
    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
