import BuurtIndex
import BuurtNumerics

/// The mean/median fill of one indicator column, prepared for many replications with
/// sampling: sampling changes values, never which cells are missing, so the cells to fill,
/// the pool of each (``BuurtNumerics/ImputePools``) and each pool's available rows are found
/// once. A replication then computes each pool's statistic from those rows and writes it to the
/// pool's missing cells, in place: the values of `Impute.fill` on that column, bit for bit
/// (the same rows in the same order enter `Descriptive.mean` or `Descriptive.median`).
struct ImputeColumnPlan: Sendable {
    /// Rows of the missing cells (row order), each with its pool among `poolStart`.
    let cells: [Int]
    let cellPool: [Int]
    /// Pool q's available rows, in the pool's member order, are `poolRows[poolStart[q] ..< poolStart[q + 1]]`.
    let poolStart: [Int]
    let poolRows: [Int]

    /// - Parameter column: the column as imputation meets it (NaN = missing).
    /// - Complexity: O(rows + members of the pools met).
    init(column: UnsafeBufferPointer<Double>, pools: ImputePools) {
        var cells: [Int] = [], cellPool: [Int] = [], poolStart = [0], poolRows: [Int] = []
        var local = [Int: Int]()
        for i in 0..<column.count where column[i].isNaN {
            let p = pools.poolOf[i]
            if local[p] == nil {
                local[p] = poolStart.count - 1
                poolRows += pools.members[p].filter { !column[$0].isNaN }
                poolStart.append(poolRows.count)
            }
            cells.append(i)
            cellPool.append(local[p]!)
        }
        self.cells = cells
        self.cellPool = cellPool
        self.poolStart = poolStart
        self.poolRows = poolRows
    }

    /// Whether `column` is missing exactly the planned cells.
    /// - Complexity: O(rows), no allocation.
    func matches(_ column: UnsafeMutableBufferPointer<Double>) -> Bool {
        var missing = 0
        for x in column where x.isNaN { missing += 1 }
        return missing == cells.count && cells.allSatisfy { column[$0].isNaN }
    }

    /// Fills the planned cells of `column` (which ``matches(_:)``) with their pool's mean or
    /// median; a pool without values leaves its cells missing. `buffer` is reused.
    /// - Complexity: O(missing cells + pool rows) plus a sort per pool for the median.
    func fill(_ column: UnsafeMutableBufferPointer<Double>, median: Bool, buffer: inout [Double]) {
        var statistic = [Double](repeating: .nan, count: poolStart.count - 1)
        for q in statistic.indices where poolStart[q + 1] > poolStart[q] {
            buffer.removeAll(keepingCapacity: true)
            for t in poolStart[q]..<poolStart[q + 1] { buffer.append(column[poolRows[t]]) }
            statistic[q] = median ? Descriptive.median(buffer) : Descriptive.mean(buffer)
        }
        for (i, q) in zip(cells, cellPool) { column[i] = statistic[q] }
    }
}
