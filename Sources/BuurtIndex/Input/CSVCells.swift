/// The cells of a CSV table in one byte buffer.
///
/// Every cell is stored as its UTF-8 bytes (quotes removed, `""` → `"`) followed by the byte
/// 0xFF, row after row; `rowStarts[r]` is the offset of row r's first cell. 0xFF never occurs
/// in UTF-8 text, so it cannot be part of a cell. A table of r rows and c columns whose cells
/// hold b bytes takes b + r·c + 8·r bytes, where an array of Strings takes at least 16·r·c
/// (one String per cell) plus an array per row.
///
/// Cell j of a row is found by skipping the j cells before it: O(bytes of the row up to the
/// cell). ``forEachCell(_:)`` visits every cell in O(total bytes).
struct CSVCells: Sendable, Equatable {
    /// The byte that ends every cell.
    static let cellEnd: UInt8 = 0xFF

    /// The cell bytes, each cell followed by ``cellEnd``.
    private(set) var bytes: [UInt8]
    /// Offset in ``bytes`` of the first cell of each row.
    private(set) var rowStarts: [Int]
    /// Cells per row.
    let width: Int

    var rowCount: Int { rowStarts.count }

    /// Cells already laid out (see ``CSVRecordScanner``).
    init(bytes: [UInt8], rowStarts: [Int], width: Int) {
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.width = width
    }

    /// Cells from text; every row must have `width` cells (a programming error otherwise).
    init(rows: [[String]], width: Int) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.reduce(0) { $0 + $1.reduce($1.count) { $0 + $1.utf8.count } })
        var rowStarts: [Int] = []
        rowStarts.reserveCapacity(rows.count)
        for row in rows {
            precondition(row.count == width, "a row has \(row.count) cells, the table \(width) columns")
            rowStarts.append(bytes.count)
            for cell in row {
                bytes.append(contentsOf: cell.utf8)
                bytes.append(Self.cellEnd)
            }
        }
        self.init(bytes: bytes, rowStarts: rowStarts, width: width)
    }

    /// Calls `body` with the bytes of the cell at `row`, `column` (both 0-based).
    /// - Complexity: O(bytes of the row up to and including the cell).
    func withCell<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(column >= 0 && column < width, "column \(column) out of range 0..<\(width)")
        let start = rowStarts[row]
        return try bytes.withUnsafeBufferPointer { all in
            var p = start
            for _ in 0..<column { p = Self.end(all, from: p) + 1 }
            return try body(UnsafeBufferPointer(rebasing: all[p..<Self.end(all, from: p)]))
        }
    }

    /// The cell at `row`, `column` as text.
    func string(row: Int, column: Int) -> String {
        withCell(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    /// The cells of one row as text.
    func strings(row: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(width)
        forEachCell(inRow: row, upTo: width) { _, cell in result.append(String(decoding: cell, as: UTF8.self)) }
        return result
    }

    /// Calls `body(column, bytes)` for the cells of `row` in columns `0..<upTo`, in order.
    func forEachCell(inRow row: Int, upTo: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let start = rowStarts[row]
        try bytes.withUnsafeBufferPointer { all in
            var p = start
            for j in 0..<min(upTo, width) {
                let e = Self.end(all, from: p)
                try body(j, UnsafeBufferPointer(rebasing: all[p..<e]))
                p = e + 1
            }
        }
    }

    /// Calls `body(row, column, bytes)` for every cell, row after row.
    /// - Complexity: O(total bytes).
    func forEachCell(_ body: (Int, Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard width > 0 else { return }
        try bytes.withUnsafeBufferPointer { all in
            for r in 0..<rowCount {
                var p = rowStarts[r]
                for j in 0..<width {
                    let e = Self.end(all, from: p)
                    try body(r, j, UnsafeBufferPointer(rebasing: all[p..<e]))
                    p = e + 1
                }
            }
        }
    }

    /// Offset of the first ``cellEnd`` at or after `p`.
    @inline(__always)
    private static func end(_ all: UnsafeBufferPointer<UInt8>, from p: Int) -> Int {
        var e = p
        while all[e] != cellEnd { e += 1 }
        return e
    }
}

/// A set of small non-negative integers as bits: which cells of a table were quoted in the file.
struct CSVBitSet: Sendable, Equatable {
    private var words: [UInt64] = []

    mutating func insert(_ i: Int) {
        let w = i >> 6
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: w - words.count + 1)) }
        words[w] |= 1 << UInt64(i & 63)
    }

    func contains(_ i: Int) -> Bool {
        let w = i >> 6
        return w < words.count && words[w] & (1 << UInt64(i & 63)) != 0
    }
}
