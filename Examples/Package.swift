// swift-tools-version: 6.1
// Library use of buurtscore, outside the package: run from this folder with `swift run most-in-need`.
import PackageDescription

let package = Package(
    name: "buurtscore-examples",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "buurtscore", path: "..")],
    targets: [
        .executableTarget(
            name: "most-in-need",
            dependencies: [.product(name: "BuurtWorkflow", package: "buurtscore")],
            path: "MostInNeed"
        ),
    ]
)
