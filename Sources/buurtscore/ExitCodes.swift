import BuurtIndex

extension BuurtError.Kind {
    /// The `sysexits.h` code the command-line tool exits with for this kind of error.
    var exitCode: Int32 {
        switch self {
        case .usage: 64  // EX_USAGE
        case .data: 65  // EX_DATAERR
        case .missingInput: 66  // EX_NOINPUT
        case .internalFailure: 70  // EX_SOFTWARE
        case .output: 73  // EX_CANTCREAT
        case .lock: 75  // EX_TEMPFAIL
        }
    }
}

extension BuurtError {
    /// The exit code of this error's kind.
    var exitCode: Int32 { kind.exitCode }
}

extension BuurtErrors {
    /// The exit code of the first problem (problems are listed in the order found); 0 without problems.
    var exitCode: Int32 { kind?.exitCode ?? 0 }
}
