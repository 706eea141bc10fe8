import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input file, read once and bounded in size.
///
/// Every file is read into memory with plain reads, never memory-mapped: a mapped file that
/// another program truncates makes the process crash (SIGBUS) when it touches the missing
/// pages, while a read only returns fewer bytes, which the parsers then judge like any other
/// text. A regular file larger than the limit is refused before anything is read, and any
/// file (a pipe such as `--data <(…)`, or a file that grows while it is read) is refused as
/// soon as it passes the limit. Devices and sockets are refused.
public enum InputFile {
    /// 2 GiB: the default limit on a data or metadata file.
    public static let defaultSizeLimit = 2 << 30
    /// 16 MiB: the limit on a model file (a YAML document takes several times its size in
    /// memory while it is parsed; real models are a few KiB).
    package static let modelSizeLimit = 16 << 20

    /// What a file is called in messages, and what to do about one that is too large.
    package struct Kind: Sendable {
        /// `file`, `model file`.
        package var noun: String
        /// `a CSV file`: what the user should name instead of a device.
        package var expected: String
        /// `input files`: what the size limit applies to.
        package var files: String
        package var remedy: String
    }

    /// Data, metadata and crosswalk files.
    package static let table = Kind(
        noun: "file", expected: "a CSV file", files: "input files",
        remedy: "split the data, e.g. by period, or leave out columns the model does not use")
    /// Model files.
    package static let model = Kind(
        noun: "model file", expected: "a YAML model file", files: "model files",
        remedy: "a model file holds settings and the index tree; keep the figures in the CSV files it names")

    /// The bytes of `path`, at most `limit` of them; `kind` names the file in messages.
    /// - Throws: `.missingInput` when the file is missing, a directory or unreadable; `.data` when
    ///   it is larger than `limit` or a device or socket.
    /// - Complexity: O(size), one copy of the bytes (the buffer is sized from the file's size).
    package static func contents(path: String, limit: Int, kind: Kind = table) throws(BuurtError) -> Data {
        let location = SourceLocation(file: path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw BuurtError(.missingInput, exists ? "the \(kind.noun) cannot be read" : "\(kind.noun) not found", at: location)
        }
        var expectedSize = 0
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?:
            throw BuurtError(.missingInput, "this is a directory, not a \(kind.noun)", at: location)
        case .typeRegular?:
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= limit else { throw tooLarge(size: size, limit: limit, kind: kind, at: location) }
            expectedSize = size
        case .typeCharacterSpecial?, .typeBlockSpecial?, .typeSocket?:
            throw BuurtError(.data, "this is a device or socket, not a \(kind.noun): give the path of \(kind.expected)", at: location)
        default:
            break
        }
        return try readAll(path: path, expectedSize: expectedSize, limit: limit, kind: kind, at: location)
    }

    /// Reads until the end of the file or until it passes `limit`, straight into one buffer
    /// (grown only when the file is longer than it was when it was looked at).
    private static func readAll(
        path: String, expectedSize: Int, limit: Int, kind: Kind, at location: SourceLocation
    ) throws(BuurtError) -> Data {
        // Opened without waiting: a named pipe that no program writes to would otherwise block
        // here for ever; it then reads as empty. Reads block again once it is open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw BuurtError(.missingInput, "the \(kind.noun) cannot be read", at: location) }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var buffer = Data(count: max(expectedSize + 1, 1 << 16))
        var filled = 0
        while true {
            if filled == buffer.count { buffer.count = min(buffer.count * 2, limit + 1) }
            let room = buffer.count - filled
            let got = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + filled, room)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw BuurtError(.missingInput, "the \(kind.noun) cannot be read: \(String(cString: strerror(errno)))", at: location)
            }
            if got == 0 { break }
            filled += got
            guard filled <= limit else { throw tooLarge(size: nil, limit: limit, kind: kind, at: location) }
        }
        buffer.count = filled
        return buffer
    }

    private static func tooLarge(size: Int?, limit: Int, kind: Kind, at location: SourceLocation) -> BuurtError {
        func amount(_ n: Int) -> String { n < 1024 ? "\(n) bytes" : "\(byteCount(n)) (\(n) bytes)" }
        let actual = size.map { "the file has \(amount($0))" } ?? "the input is longer than that"
        return BuurtError(.data, "file too large: \(actual); buurtscore reads \(kind.files) of at most \(amount(limit)) — \(kind.remedy)",
                          at: location)
    }

    /// `2 GiB`, `512 MiB`, `3.5 KiB`: binary units with at most one decimal.
    package static func byteCount(_ n: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(n) bytes" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }
}
