// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "buurtscore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BuurtNumerics", targets: ["BuurtNumerics"]),
        .library(name: "BuurtRanking", targets: ["BuurtRanking"]),
        .library(name: "BuurtReport", targets: ["BuurtReport"]),
        .executable(name: "buurtscore", targets: ["buurtscore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            pkgConfig: "openblas",
            providers: [.apt(["liblapack-dev", "libopenblas-dev", "pkg-config"])]
        ),
        .target(
            name: "BuurtNumerics",
            dependencies: ["CLAPACK", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "BuurtRanking", dependencies: ["BuurtNumerics"]),
        .target(name: "BuurtReport", dependencies: ["BuurtNumerics", "BuurtRanking"]),
        .executableTarget(
            name: "buurtscore",
            dependencies: [
                "BuurtNumerics", "BuurtRanking", "BuurtReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BuurtNumericsTests",
            dependencies: [
                "BuurtNumerics",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtRankingTests",
            dependencies: ["BuurtRanking", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "BuurtReportTests",
            dependencies: ["BuurtReport", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "buurtscoreTests",
            dependencies: ["buurtscore", "BuurtNumerics", .product(name: "Numerics", package: "swift-numerics")]
        ),
    ]
)
