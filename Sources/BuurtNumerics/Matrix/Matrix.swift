/// A dense, column-major matrix of `Double` with value semantics.
///
/// Element (i, j) lives at `storage[i + j * rows]`, the layout LAPACK and CBLAS expect,
/// so a matrix can be handed to them without copying. Missing values, where a matrix
/// carries data, are `Double.nan`.
///
/// Its public interface is safe: code that needs raw pointers (LAPACK and BLAS calls, the
/// engine's inner kernels, the CSV scanner) takes them inside small `package` or internal
/// kernel types, and no public declaration of buurtscore takes or returns one.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Elements in column-major order; `storage.count == rows * columns`.
    public package(set) var storage: [Double]

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from elements already in column-major order.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "element count does not match dimensions")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from a list of rows (convenient for literals in tests).
    public init(rowMajor rowList: [[Double]]) {
        let r = rowList.count
        let c = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == c }, "rows must have equal length")
        var s = [Double](repeating: 0, count: r * c)
        for i in 0..<r { for j in 0..<c { s[i + j * r] = rowList[i][j] } }
        self.init(rows: r, columns: c, columnMajor: s)
    }

    /// A matrix whose columns are the given arrays.
    public init(columnList: [[Double]], rows: Int) {
        precondition(columnList.allSatisfy { $0.count == rows }, "columns must have `rows` elements")
        self.init(rows: rows, columns: columnList.count, columnMajor: columnList.flatMap { $0 })
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column `j` as a new array.
    /// - Complexity: O(rows).
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Replaces column `j`.
    public mutating func setColumn(_ j: Int, _ values: [Double]) {
        precondition(values.count == rows, "column length mismatch")
        storage.replaceSubrange((j * rows)..<((j + 1) * rows), with: values)
    }

    /// Row `i` as a new array.
    /// - Complexity: O(columns).
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t[j, i] = self[i, j] } }
        return t
    }

    /// The matrix made of the given rows, in the given order.
    public func selecting(rows picked: [Int]) -> Matrix {
        var m = Matrix(rows: picked.count, columns: columns)
        for j in 0..<columns { for (k, i) in picked.enumerated() { m[k, j] = self[i, j] } }
        return m
    }

    /// The matrix made of the given columns, in the given order.
    public func selecting(columns picked: [Int]) -> Matrix {
        Matrix(rows: rows, columns: picked.count, columnMajor: picked.flatMap { column($0) })
    }
}
