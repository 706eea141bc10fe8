/// Helpers shared by the Fortran LAPACK calls.
///
/// LAPACK takes every argument by pointer, 32-bit integers, one byte per `CHARACTER`
/// argument plus a hidden trailing length (always 1 here).
enum FortranArguments {
    /// A `CHARACTER*1` flag such as `"V"` or `"L"`.
    static func flag(_ letter: Unicode.Scalar) -> CChar {
        CChar(bitPattern: UInt8(ascii: letter))
    }

    /// A dimension as a Fortran `INTEGER`.
    static func integer(_ n: Int) -> Int32 {
        Int32(n)
    }

    /// A leading dimension: LAPACK requires at least 1, even for empty matrices.
    static func leadingDimension(_ rows: Int) -> Int32 {
        Int32(Swift.max(1, rows))
    }

    /// The workspace length a `LWORK = −1` query returned in `WORK(1)`, at least 1.
    static func workspaceLength(_ query: Double) -> Int32 {
        Int32(Swift.max(1, query.rounded(.up)))
    }
}
