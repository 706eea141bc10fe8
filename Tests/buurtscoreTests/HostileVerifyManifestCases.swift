import Foundation
import Testing

enum VerifyManifestCases {
    static let catalogue: [HostileCase] = []
}
