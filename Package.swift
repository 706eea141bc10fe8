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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
            dependencies: [
                "CLAPACK", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Element-wise kernels with an AVX2 loop chosen at run time (bit-identical to the portable one).
        .target(name: "CVectorMath", path: "Sources/CVectorMath"),
        .target(name: "BuurtRanking", dependencies: ["BuurtNumerics", "CVectorMath"]),
        .target(
            name: "BuurtReport",
            dependencies: [
                "BuurtNumerics", "BuurtRanking",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "buurtscore",
            dependencies: [
                "BuurtNumerics", "BuurtRanking", "BuurtReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The ASEM reference fixtures, shared by the test targets.
        .target(
            name: "BuurtTestSupport",
            dependencies: ["BuurtNumerics"],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "BuurtNumericsTests",
            dependencies: [
                "BuurtNumerics", "BuurtTestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtRankingTests",
            dependencies: [
                "BuurtRanking", "BuurtTestSupport", "CVectorMath",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtReportTests",
            dependencies: [
                "BuurtReport", "BuurtNumerics",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "buurtscoreTests",
            dependencies: [
                "buurtscore", "BuurtNumerics", "BuurtReport",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
    ]
)
