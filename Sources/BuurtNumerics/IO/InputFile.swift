import Foundation

/// The bytes of an input file, read once and bounded in size.
///
/// A regular file is memory-mapped, so its bytes are in memory once (the page cache), never
/// copied; a file larger than the limit is refused before anything is read. A pipe (`--data
/// <(…)`) is read in 1 MiB chunks and refused as soon as it passes the limit. Devices and
/// other special files are refused.
public enum InputFile {
    /// 2 GiB: the default limit on a data or metadata file.
    public static let defaultSizeLimit = 2 << 30

    /// The bytes of `path`, at most `limit` of them.
    /// - Throws: `.noInput` when the file is missing, a directory or unreadable; `.data` when
    ///   it is larger than `limit` or not a regular file or pipe.
    public static func contents(path: String, limit: Int) throws(BuurtError) -> Data {
        let location = SourceLocation(file: path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw BuurtError(.noInput, exists ? "the file cannot be read" : "file not found", at: location)
        }
        let type = attributes[.type] as? FileAttributeType
        switch type {
        case .typeDirectory?:
            throw BuurtError(.noInput, "this is a directory, not a file", at: location)
        case .typeRegular?:
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= limit else { throw tooLarge(size: size, limit: limit, at: location) }
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw BuurtError(.noInput, "the file cannot be read", at: location)
            }
        case .typeCharacterSpecial?, .typeBlockSpecial?, .typeSocket?:
            throw BuurtError(.data, "this is a device or socket, not a file: give the path of a CSV file", at: location)
        default:
            return try readStream(path: path, limit: limit, at: location)
        }
    }

    /// A pipe or other stream, read until its end or until it passes `limit`.
    private static func readStream(path: String, limit: Int, at location: SourceLocation) throws(BuurtError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BuurtError(.noInput, "the file cannot be read", at: location)
        }
        defer { try? handle.close() }
        var data = Data()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { throw BuurtError(.noInput, "the file cannot be read", at: location) }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
            guard data.count <= limit else { throw tooLarge(size: nil, limit: limit, at: location) }
        }
    }

    private static func tooLarge(size: Int?, limit: Int, at location: SourceLocation) -> BuurtError {
        func amount(_ n: Int) -> String { n < 1024 ? "\(n) bytes" : "\(byteCount(n)) (\(n) bytes)" }
        let actual = size.map { "the file has \(amount($0))" } ?? "the input is longer than that"
        return BuurtError(.data, "file too large: \(actual); buurtscore reads input files of at most \(amount(limit)) "
            + "— split the data, e.g. by period, or leave out columns the model does not use", at: location)
    }

    /// `2 GiB`, `512 MiB`, `3.5 KiB`: binary units with at most one decimal.
    public static func byteCount(_ n: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(n) bytes" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }
}
