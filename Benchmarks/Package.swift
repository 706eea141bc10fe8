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
                "BenchmarkSupport", "UncertaintyWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtIndex", package: "buurtscore"),
            ],
            path: "Benchmarks/PipelineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StageBenchmarks",
            dependencies: [
                "BenchmarkSupport", "UncertaintyWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtIndex", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Benchmarks/StageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Registration of benchmarks whose input is made in their setup; the common metrics.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Support"
        ),
        .target(
            name: "UncertaintyWorkloads",
            dependencies: [
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtIndex", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
                .product(name: "BuurtSynthetic", package: "buurtscore"),
            ],
            path: "Workloads"
        ),
        .executableTarget(
            name: "UncertaintyBenchmarks",
            dependencies: [
                "BenchmarkSupport", "UncertaintyWorkloads",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtIndex", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Benchmarks/UncertaintyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Executables that are not benchmarks live under Tools/: the benchmark plugin runs every
        // executable target whose folder's parent is named Benchmarks.
        // One timed run of a workload, for profiling: swift run -c release uncertainty-probe buurten
        .executableTarget(
            name: "uncertainty-probe",
            dependencies: [
                "UncertaintyWorkloads",
                .product(name: "BuurtNumerics", package: "buurtscore"),
                .product(name: "BuurtIndex", package: "buurtscore"),
                .product(name: "BuurtRanking", package: "buurtscore"),
            ],
            path: "Tools/Probe"
        ),
        // The scale table: runs uncertainty-probe per point, fits growth exponents, prints Markdown.
        .executableTarget(name: "scale-table", path: "Tools/Scale"),
        // The machine (CPU, BLAS core), measured dgemm rate and memory bandwidth, and the
        // physical lower bound of the main uncertainty case, in Markdown.
        .executableTarget(
            name: "machine-bound",
            dependencies: [.product(name: "BuurtNumerics", package: "buurtscore")],
            path: "Tools/Machine"
        ),
    ]
)
