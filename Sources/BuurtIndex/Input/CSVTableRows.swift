extension CSVTable {
    /// The data rows of a table as a collection of `[String]`, each row built when it is read
    /// (the table stores its cells as bytes, see ``CSVTable``).
    ///
    /// Reading a row costs O(its bytes) and allocates its Strings: loops over single cells of
    /// a large table should use ``CSVTable/cell(row:column:)`` or
    /// ``CSVTable/withCellBytes(row:column:_:)`` instead.
    public struct Rows: RandomAccessCollection, Sendable, Equatable {
        let cells: CSVCells

        public var startIndex: Int { 0 }
        public var endIndex: Int { cells.rowCount }

        /// The cells of row `position`, in header order.
        public subscript(position: Int) -> [String] { cells.strings(row: position) }

        /// Whether the rows hold exactly the cells `other` lists.
        public static func == (lhs: Rows, rhs: [[String]]) -> Bool {
            lhs.count == rhs.count && lhs.elementsEqual(rhs)
        }

        public static func == (lhs: [[String]], rhs: Rows) -> Bool { rhs == lhs }
        public static func != (lhs: Rows, rhs: [[String]]) -> Bool { !(lhs == rhs) }
        public static func != (lhs: [[String]], rhs: Rows) -> Bool { !(rhs == lhs) }
    }
}

/// Whether `lhs` is present and holds exactly the cells `rhs` lists (`table?.rows == expected`).
public func == (lhs: CSVTable.Rows?, rhs: [[String]]) -> Bool {
    lhs.map { $0 == rhs } ?? false
}
