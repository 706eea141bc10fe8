import BuurtIndex
import BuurtNumerics

/// A replication whose pipeline failed (for example a geometric mean met a value ≤ 0 under a
/// drawn normalisation). Its scores are NaN for every row; statistics skip them.
public struct ReplicationFailure: Sendable, Equatable {
    /// Position of the draw in the evaluated list.
    public var draw: Int
    public var message: String

    public init(draw: Int, message: String) {
        self.draw = draw
        self.message = message
    }
}

/// Scores of some aggregates for some rows under a list of draws.
///
/// Layout: `values[(code · drawCount + draw) · rowCount + row]`, so one code under one draw is a
/// contiguous vector over the rows (what ranking reads). NaN = missing (the row is not scored in
/// that replication, or the replication failed).
public struct ScoreBlock: Sendable, Equatable {
    /// The scored aggregate codes (the engine's `scoreCodes`).
    public let codes: [String]
    /// Number of rows; row i is the nominal aggregated panel's row i for blocks returned by
    /// ``UncertaintyEngine/evaluate(_:threads:progress:)``.
    public let rowCount: Int
    public let drawCount: Int
    public internal(set) var values: [Double]
    /// Failed draws, by draw position, ascending.
    public internal(set) var failures: [ReplicationFailure]

    init(codes: [String], rowCount: Int, drawCount: Int) {
        self.codes = codes
        self.rowCount = rowCount
        self.drawCount = drawCount
        self.values = [Double](repeating: .nan, count: codes.count * drawCount * rowCount)
        self.failures = []
    }

    /// The score of `code` (index into ``codes``) for `row` under draw `draw`.
    public subscript(code c: Int, draw d: Int, row i: Int) -> Double {
        values[(c * drawCount + d) * rowCount + i]
    }

    /// All rows' scores of code `c` under draw `d`.
    public func scores(code c: Int, draw d: Int) -> ArraySlice<Double> {
        let start = (c * drawCount + d) * rowCount
        return values[start..<(start + rowCount)]
    }

    public static func == (a: ScoreBlock, b: ScoreBlock) -> Bool {
        a.codes == b.codes && a.rowCount == b.rowCount && a.drawCount == b.drawCount && a.failures == b.failures
            && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }
}
