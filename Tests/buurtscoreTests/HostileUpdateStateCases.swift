import Foundation
import Testing

enum UpdateStateCases {
    static let catalogue: [HostileCase] = []
}
