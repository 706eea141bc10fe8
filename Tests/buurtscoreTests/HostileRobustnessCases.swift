import Foundation
import Testing

enum RobustnessCases {
    static let catalogue: [HostileCase] = []
}
