import Foundation
import Testing

enum OutputFolderCases {
    static let catalogue: [HostileCase] = []
}
