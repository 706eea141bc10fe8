import Crypto
import Foundation

/// SHA-256 digests as lowercase hexadecimal text.
package enum SHA256Hex {
    package static func digest(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    package static func digest(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    package static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
