import BuurtIndex
import BuurtNumerics
import BuurtRanking
import BuurtReport
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes into a new file and takes their SHA-256 and count on the way, so that the
/// bytes need not be kept (or read again) to describe the file.
///
/// Contiguous bytes (a native `String`'s UTF-8, `Data`, arrays) are written straight from
/// their storage without a copy; other sequences go through a 64 KiB buffer.
/// - Complexity: O(n) in the number of bytes, O(1) extra memory (O(64 KiB) for sequences
///   without contiguous storage).
struct HashingFileWriter {
    /// Size in bytes and lowercase hexadecimal SHA-256 of what was written.
    struct Written: Sendable, Equatable {
        var size: Int
        var sha256: String
    }

    private let descriptor: Int32
    private var hasher = SHA256()
    private var size = 0

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Creates (or truncates) the file at `path`, writes `bytes` into it and closes it.
    /// - Returns: the size and SHA-256 of the bytes written.
    /// - Throws: the `errno` of the system call that failed, as `POSIXErrorCode`.
    static func write(_ bytes: some Sequence<UInt8>, to path: String) throws(POSIXError) -> Written {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Self.lastError() }
        var writer = HashingFileWriter(descriptor: descriptor)
        do {
            try writer.append(bytes)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Self.lastError() }
        return writer.written
    }

    /// Size and SHA-256 of `bytes` without writing them anywhere (for files kept in memory).
    static func describe(_ bytes: Data) -> Written {
        Written(size: bytes.count, sha256: SHA256Hex.digest(bytes))
    }

    private var written: Written { Written(size: size, sha256: SHA256Hex.hex(hasher.finalize())) }

    private mutating func append(_ bytes: some Sequence<UInt8>) throws(POSIXError) {
        let status: Int32? = bytes.withContiguousStorageIfAvailable { buffer in
            self.appendChunk(UnsafeRawBufferPointer(buffer))
        }
        if let status {
            guard status == 0 else { throw Self.error(status) }
            return
        }
        let capacity = 1 << 16
        var chunk: [UInt8] = []
        chunk.reserveCapacity(capacity)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == capacity {
                try flush(&chunk)
            }
        }
        try flush(&chunk)
    }

    private mutating func flush(_ chunk: inout [UInt8]) throws(POSIXError) {
        guard !chunk.isEmpty else { return }
        let status = chunk.withUnsafeBytes { appendChunk($0) }
        guard status == 0 else { throw Self.error(status) }
        chunk.removeAll(keepingCapacity: true)
    }

    /// Hashes and writes one buffer; returns 0 or the `errno` of the failed `write`.
    private mutating func appendChunk(_ buffer: UnsafeRawBufferPointer) -> Int32 {
        hasher.update(bufferPointer: buffer)
        size += buffer.count
        var offset = 0
        while offset < buffer.count {
            let done = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if done < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += done
        }
        return 0
    }

    private static func lastError() -> POSIXError { error(errno) }

    private static func error(_ code: Int32) -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}

/// The system's `write(2)` (the name is taken inside the type).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
