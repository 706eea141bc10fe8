import BuurtNumerics
@testable import BuurtRanking
import Testing
import BuurtIndex

/// The prepared fill of a column (``ImputeColumnPlan``) against hand-computed pool statistics
/// and against `Impute.fill` on values redrawn with the same missing cells.
@Suite struct SampledImputeTests {
    /// Pools by period: 2019 has 1, 2, 9 (mean 4, median 2), 2020 nothing, 2021 5 and 3 (4).
    static let periods: [Int?] = [2019, 2019, 2019, 2019, 2020, 2020, 2021, 2021, 2021]
    static let column: [Double] = [1, .nan, 2, 9, .nan, .nan, 5, .nan, 3]

    static func pools() throws -> ImputePools {
        let panel = Panel(unitCodes: periods.indices.map { "u\($0)" }, periods: periods, columnCodes: ["x"],
                          values: Matrix(rows: periods.count, columns: 1, columnMajor: column))
        return try ImputePools(panel: panel, scope: .period)
    }

    @Test func fillsEachPoolsMissingCellsWithItsMeanOrMedian() throws {
        let pools = try Self.pools()
        let plan = Self.column.withUnsafeBufferPointer { ImputeColumnPlan(column: $0, pools: pools) }
        #expect(plan.cells == [1, 4, 5, 7])
        var buffer: [Double] = []
        for (median, filled) in [(false, 4.0), (true, 2.0)] {
            var values = Self.column
            values.withUnsafeMutableBufferPointer { v in
                #expect(plan.matches(v))
                plan.fill(v, median: median, buffer: &buffer)
            }
            #expect(values[1] == filled && values[7] == 4, "median: \(median)")
            #expect(values[4].isNaN && values[5].isNaN, "a pool without values leaves its cells missing")
            #expect(values[0] == 1 && values[8] == 3)
        }
    }

    /// Redrawn values with the same missing cells fill as `Impute.fill` fills them, bit for bit;
    /// a column with another missing cell does not match the plan.
    @Test func equalsImputeFillOnRedrawnValues() throws {
        let pools = try Self.pools()
        let plan = Self.column.withUnsafeBufferPointer { ImputeColumnPlan(column: $0, pools: pools) }
        var g = SplitMix64(state: 9)
        var workspace = ImputeWorkspace()
        for median in [false, true] {
            let redrawn = Self.column.map { $0.isNaN ? $0 : $0 * (0.5 + g.uniform()) }
            var expected = redrawn, planned = redrawn, buffer: [Double] = []
            redrawn.withUnsafeBufferPointer { input in
                expected.withUnsafeMutableBufferPointer { Impute.fill(input, into: $0, pools: pools, median: median, workspace: &workspace) }
            }
            planned.withUnsafeMutableBufferPointer { plan.fill($0, median: median, buffer: &buffer) }
            #expect(zip(expected, planned).allSatisfy { $0.bitPattern == $1.bitPattern }, "median: \(median)")
        }
        var other = Self.column
        other[0] = .nan
        other.withUnsafeMutableBufferPointer { #expect(!plan.matches($0)) }
    }
}
