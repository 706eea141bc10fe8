import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Foundation

/// The hidden names this program gives what it is writing: `.NAME.tmp-XXXXXXXX` (a file
/// replaced as a whole, a computed run), `.NAME.partial-XXXXXXXX` (an output folder being
/// written) and `.NAME.previous-XXXXXXXX` (an output folder moved aside), where the token is
/// exactly eight upper-case hexadecimal digits.
///
/// Only names of exactly this form are ever tidied away as leftovers of an interrupted write;
/// a user's file that merely looks similar (`.data.csv.tmp-1234`) is left alone.
enum TemporaryName {
    enum Kind: String, CaseIterable, Sendable {
        case tmp, partial, previous
    }

    /// A new token: the first eight hexadecimal digits of a random UUID.
    static func token() -> String { String(UUID().uuidString.prefix(8)) }

    /// The hidden name of `kind` for `name`.
    static func make(_ name: String, _ kind: Kind, token: String = token()) -> String {
        ".\(name).\(kind.rawValue)-\(token)"
    }

    /// The NAME that `entry` is a temporary name for, `nil` when it is no such name (of one of `kinds`).
    static func target(of entry: String, kinds: [Kind] = Kind.allCases) -> String? {
        let token = entry.utf8.suffix(9)
        guard entry.hasPrefix("."), token.count == 9, token.first == UInt8(ascii: "-"),
              token.dropFirst().allSatisfy(isTokenDigit) else { return nil }
        let rest = entry.dropFirst().dropLast(9)
        for kind in kinds where rest.hasSuffix(".\(kind.rawValue)") {
            let name = rest.dropLast(kind.rawValue.count + 1)
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    private static func isTokenDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
