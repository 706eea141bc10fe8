// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the root never builds them.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark [--target <name>]
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
        .target(
            name: "UncertaintyWorkloads",
            dependencies: [
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Workloads"
        ),
        .executableTarget(
            name: "UncertaintyBenchmarks",
            dependencies: [
                "UncertaintyWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Benchmarks/UncertaintyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // One timed run of a workload, for profiling: swift run -c release uncertainty-probe buurten
        .executableTarget(
            name: "uncertainty-probe",
            dependencies: [
                "UncertaintyWorkloads",
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Probe"
        ),
    ]
)
