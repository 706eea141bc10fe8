import Foundation
import Testing

enum RobustnessCases {
    /// Single-command cases (run by BadInputRunner like the rest of the catalogue).
    static let badInputs: [BadInput] = []

    /// Scenarios of several steps.
    static let catalogue: [HostileCase] = []
}
