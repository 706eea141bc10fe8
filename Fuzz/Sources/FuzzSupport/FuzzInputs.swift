import BuurtIndex

/// Turns libFuzzer's bytes into the inputs of buurtscore's readers, and checks what must hold
/// for any input: a reader either returns a value or throws ``BuurtErrors`` with at least one
/// located problem; it never traps.
public enum FuzzInputs {
    /// CSV reading options and byte transforms chosen by the first input byte:
    /// bits 0–1 the delimiter (detect, `,`, `;`, detect), bits 2–3 the decimal separator
    /// (detect, point, comma, detect), bit 4 a leading byte order mark, bit 5 LF → CRLF.
    public struct CSVMode {
        public var options: CSVOptions
        public var bytes: [UInt8]

        public init(_ input: UnsafeBufferPointer<UInt8>) {
            let mode = input.first ?? 0
            let delimiter: Character? = [nil, ",", ";", nil][Int(mode & 3)]
            let decimalComma: Bool? = [nil, false, true, nil][Int((mode >> 2) & 3)]
            options = CSVOptions(delimiter: delimiter, decimalComma: decimalComma)
            var body = Array(input.dropFirst())
            if mode & 0x20 != 0 {
                var crlf: [UInt8] = []
                crlf.reserveCapacity(body.count + body.count / 8)
                for b in body {
                    if b == 0x0A { crlf.append(0x0D) }
                    crlf.append(b)
                }
                body = crlf
            }
            bytes = mode & 0x10 != 0 ? [0xEF, 0xBB, 0xBF] + body : body
        }
    }

    /// The parts of `input` split at the line `%%` (`\n%%\n`), at most `limit` parts.
    public static func parts(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> [[UInt8]] {
        let separator: [UInt8] = Array("\n%%\n".utf8)
        var parts: [[UInt8]] = [], start = 0, i = 0
        while i + separator.count <= input.count, parts.count < limit - 1 {
            if input[i] == separator[0], Array(input[i..<(i + separator.count)]) == separator {
                parts.append(Array(input[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(input[start...]))
        return parts
    }

    /// Every reported problem has a message and a file name: an empty one would leave the user
    /// without a clue.
    public static func checkProblems(_ errors: BuurtErrors) {
        precondition(!errors.problems.isEmpty, "a failure without any problem")
        for problem in errors.problems {
            precondition(!problem.message.isEmpty, "a problem without a message")
        }
    }
}
