/// Where in a user's file a problem was found. Lines and columns count from 1.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }
}

/// A problem with the user's input or environment, with the sysexits code the CLI exits with.
public struct BuurtError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Categories of failure, valued as their `sysexits.h` exit codes.
    public enum Kind: Int32, Sendable {
        /// Wrong command-line use (EX_USAGE).
        case usage = 64
        /// Input data or model is malformed or unusable (EX_DATAERR).
        case data = 65
        /// An input file does not exist or cannot be read (EX_NOINPUT).
        case noInput = 66
        /// An internal numerical failure (EX_SOFTWARE).
        case software = 70
        /// An output file or directory cannot be created (EX_CANTCREAT).
        case cannotCreate = 73
        /// A temporary condition, e.g. another process holds a lock; retrying later may work (EX_TEMPFAIL).
        case tempFail = 75
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?
    /// The pipeline stage that failed, for errors found while computing.
    public var stage: StageName?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = MessageText.bounded(message)
        self.location = location
    }

    /// `file:line:column: message`, or just the message when there is no location; errors of a
    /// pipeline stage end with `(stage <name>)`.
    public var description: String {
        let text = stage.map { "\(message) (\($0.modelKey) stage)" } ?? message
        if let location { return "\(location): \(text)" }
        return text
    }

    /// The sysexits code for this error.
    public var exitCode: Int32 { kind.rawValue }
}

/// Several problems found at once (`buurtscore check` reports all of them).
public struct BuurtErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [BuurtError]

    public init(_ problems: [BuurtError]) {
        self.problems = problems
    }

    /// The exit code of the first problem (problems are listed in the order found).
    public var exitCode: Int32 { problems.first?.exitCode ?? 0 }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
