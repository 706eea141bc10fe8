// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the root never builds them.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "buurtscore-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "buurtscore", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PipelineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Benchmarks/PipelineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
