/// A failure reported by a LAPACK routine through its `INFO` argument.
///
/// Wrappers translate `INFO ≠ 0` into one of these cases and never stop the program:
/// a negative `INFO` names the offending argument, a positive one a numerical condition
/// whose meaning depends on the routine.
public enum LAPACKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `INFO = −position`: argument number `position` (1-based) had an illegal value.
    case illegalArgument(routine: String, position: Int)
    /// An iterative algorithm (eigenvalues, singular values) did not converge.
    case noConvergence(routine: String, info: Int)
    /// A factorisation met an exactly zero pivot, so the matrix has no inverse.
    case singular(routine: String, info: Int)
    /// The leading minor of order `info` is not positive, so the matrix is not positive definite.
    case notPositiveDefinite(routine: String, info: Int)

    public var description: String {
        switch self {
        case let .illegalArgument(routine, position):
            return "\(routine): argument \(position) had an illegal value"
        case let .noConvergence(routine, info):
            return "\(routine): the algorithm did not converge (INFO = \(info))"
        case let .singular(routine, info):
            return "\(routine): the matrix is singular (pivot \(info) is exactly zero)"
        case let .notPositiveDefinite(routine, info):
            return "\(routine): the matrix is not positive definite (leading minor \(info) is not positive)"
        }
    }

    /// Maps a routine's `INFO` to an error; `nil` when `INFO = 0` (success).
    /// - Parameter positive: the case a positive `INFO` means for this routine.
    static func check(
        _ info: Int32, routine: String, positive: (String, Int) -> LAPACKError
    ) -> LAPACKError? {
        if info == 0 { return nil }
        if info < 0 { return .illegalArgument(routine: routine, position: Int(-info)) }
        return positive(routine, Int(info))
    }
}
