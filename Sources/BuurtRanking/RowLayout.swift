import BuurtIndex
import BuurtNumerics

/// The nominal rows in period-major order, so that each period is a contiguous range of
/// "positions": the order the engine computes in (ranks are taken within a period).
struct RowLayout: Sendable, Equatable {
    struct PeriodRange: Sendable, Equatable {
        var period: Int?
        var positions: Range<Int>
    }

    /// Periods ascending (rows without a period last), each with its positions.
    let periods: [PeriodRange]
    /// The nominal row at each position.
    let rowAt: [Int]
    /// The position of each nominal row.
    let positionOf: [Int]

    /// - Complexity: O(rows).
    init(_ panel: Panel) {
        var byPeriod: [Int: [Int]] = [:]
        var undated: [Int] = []
        for (i, p) in panel.periods.enumerated() {
            if let p { byPeriod[p, default: []].append(i) } else { undated.append(i) }
        }
        var groups = byPeriod.keys.sorted().map { (period: Optional($0), rows: byPeriod[$0]!) }
        if !undated.isEmpty { groups.append((nil, undated)) }
        var periods: [PeriodRange] = []
        var rowAt: [Int] = []
        rowAt.reserveCapacity(panel.rowCount)
        for g in groups {
            periods.append(PeriodRange(period: g.period, positions: rowAt.count..<(rowAt.count + g.rows.count)))
            rowAt.append(contentsOf: g.rows)
        }
        var positionOf = [Int](repeating: 0, count: rowAt.count)
        for (p, r) in rowAt.enumerated() { positionOf[r] = p }
        self.periods = periods
        self.rowAt = rowAt
        self.positionOf = positionOf
    }

    var count: Int { rowAt.count }

    /// The period range containing `period`.
    func range(of period: Int?) -> Range<Int>? {
        periods.first { $0.period == period }?.positions
    }
}

/// Where a block of scores goes: score code c under draw d starts at
/// `base + c·codeStride + d·rowCount` and holds `rowCount` consecutive positions.
struct ScoreOutput: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    let codeStride: Int
    let rowCount: Int

    func column(code c: Int, draw d: Int) -> UnsafeMutablePointer<Double> {
        base + c * codeStride + d * rowCount
    }

    /// The same output shifted to start at draw `d`.
    func fromDraw(_ d: Int) -> ScoreOutput {
        ScoreOutput(base: base + d * rowCount, codeStride: codeStride, rowCount: rowCount)
    }
}
