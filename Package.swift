// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "buurtscore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BuurtNumerics", targets: ["BuurtNumerics"]),
        .library(name: "BuurtIndex", targets: ["BuurtIndex"]),
        .library(name: "BuurtRanking", targets: ["BuurtRanking"]),
        .library(name: "BuurtReport", targets: ["BuurtReport"]),
        .library(name: "BuurtWorkflow", targets: ["BuurtWorkflow"]),
        .library(name: "BuurtSynthetic", targets: ["BuurtSynthetic"]),
        .executable(name: "buurtscore", targets: ["buurtscore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `make docs`: the DocC catalog of BuurtWorkflow (a command plugin; no product depends on it).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            pkgConfig: "openblas",
            providers: [.apt(["liblapack-dev", "libopenblas-dev", "pkg-config"])]
        ),
        // Matrices, LAPACK/BLAS, statistics and random streams: no file formats, no model.
        .target(name: "BuurtNumerics", dependencies: ["CLAPACK"]),
        // The index: model files, input readers, the panel, the stages and the pipeline.
        .target(
            name: "BuurtIndex",
            dependencies: [
                "BuurtNumerics", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Element-wise kernels with wide loops chosen at run time (bit-identical to the portable one).
        .target(name: "CVectorMath", path: "Sources/CVectorMath"),
        // Uncertainty engine, rankings, priority lists, changes, sensitivity, what-if.
        .target(name: "BuurtRanking", dependencies: ["BuurtNumerics", "BuurtIndex", "CVectorMath"]),
        // Tables, the Markdown/HTML/SVG report, the weight explorer and the XLSX workbook.
        .target(
            name: "BuurtReport",
            dependencies: [
                "BuurtNumerics", "BuurtIndex", "BuurtRanking",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // A run as one call, output folders, the manifest, verify and the yearly update state.
        .target(
            name: "BuurtWorkflow",
            dependencies: [
                "BuurtNumerics", "BuurtIndex", "BuurtRanking", "BuurtReport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Synthetic data sets with the shape of the real figures.
        .target(name: "BuurtSynthetic", dependencies: ["BuurtNumerics", "BuurtIndex"]),
        .executableTarget(
            name: "buurtscore",
            dependencies: [
                "BuurtNumerics", "BuurtIndex", "BuurtRanking", "BuurtReport", "BuurtWorkflow", "BuurtSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The ASEM reference fixtures and shared test data, used by the test targets.
        .target(
            name: "BuurtTestSupport",
            dependencies: ["BuurtNumerics", "BuurtIndex"],
            path: "Tests/Support"
        ),
        // Test targets mirror the modules; BuurtIndex appears in BuurtNumericsTests only through the ASEM panels.
        .testTarget(
            name: "BuurtNumericsTests",
            dependencies: [
                "BuurtNumerics", "BuurtIndex", "BuurtTestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtIndexTests",
            dependencies: [
                "BuurtIndex", "BuurtNumerics", "BuurtTestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtSyntheticTests",
            dependencies: ["BuurtSynthetic", "BuurtIndex", "BuurtNumerics"]
        ),
        .testTarget(
            name: "BuurtRankingTests",
            dependencies: [
                "BuurtRanking", "BuurtNumerics", "BuurtIndex", "BuurtSynthetic", "BuurtTestSupport", "CVectorMath",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BuurtReportTests",
            dependencies: [
                "BuurtReport", "BuurtWorkflow", "BuurtNumerics", "BuurtIndex", "BuurtRanking", "BuurtSynthetic",
                "BuurtTestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "BuurtWorkflowTests",
            dependencies: ["BuurtWorkflow", "BuurtReport", "BuurtNumerics", "BuurtIndex", "BuurtTestSupport"]
        ),
        .testTarget(
            name: "buurtscoreTests",
            dependencies: [
                "buurtscore", "BuurtNumerics", "BuurtIndex", "BuurtReport", "BuurtWorkflow", "BuurtSynthetic",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
    ]
)
