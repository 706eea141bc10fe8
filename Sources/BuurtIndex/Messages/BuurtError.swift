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

/// A problem with the user's input or environment. Its ``Kind`` says what went wrong, so that a
/// caller can react (the command-line tool maps each kind to a `sysexits.h` exit code).
public struct BuurtError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable, CaseIterable {
        /// The request itself is unusable: settings that contradict each other or name nothing to read.
        case usage
        /// An input's data or model is malformed or unusable.
        case data
        /// An input file does not exist or cannot be read.
        case missingInput
        /// A failure inside the computation (a numerical routine that failed where it must not).
        case internalFailure
        /// An output file or folder cannot be created, or may not be replaced.
        case output
        /// Another process holds the lock (of an update state); trying again later may work.
        case lock
    }

    /// An action that resolves the problem, for a caller that can offer to carry it out (the
    /// command-line tool names its command). The message describes the problem without it.
    public enum Remedy: Sendable, Equatable {
        /// Create an update state in `directory` (`StateUpdate.initialise`): it holds none.
        case createUpdateState(directory: String)
        /// Add the new figures to the update state in `directory` with an update
        /// (`StateUpdate.update`), not by creating it again or editing its files.
        case updateState(directory: String)
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?
    /// The pipeline stage that failed, for errors found while computing.
    public var stage: StageName?
    /// What resolves the problem, when it is one action (most problems name their remedy in the message).
    public var remedy: Remedy?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, remedy: Remedy? = nil) {
        self.kind = kind
        self.message = MessageText.bounded(message)
        self.location = location
        self.remedy = remedy
    }

    /// `file:line:column: message`, or just the message when there is no location; errors of a
    /// pipeline stage end with `(<name> stage)`.
    public var description: String {
        let text = stage.map { "\(message) (\($0.modelKey) stage)" } ?? message
        if let location { return "\(location): \(text)" }
        return text
    }
}

/// Several problems found at once (checking a model and its data reports all of them).
public struct BuurtErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [BuurtError]

    public init(_ problems: [BuurtError]) {
        self.problems = problems
    }

    /// The kind of the first problem (`nil` without problems).
    public var kind: BuurtError.Kind? { problems.first?.kind }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
