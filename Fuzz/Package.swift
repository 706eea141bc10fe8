// swift-tools-version: 6.1
// libFuzzer targets for buurtscore's input readers: its own package (like Benchmarks/), so
// `swift test` at the root never builds it. Build and run with `make fuzz` at the root, or:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address --product fuzz-csv
//   .build/debug/fuzz-csv corpus/fuzz-csv -max_total_time=600
import PackageDescription


let package = Package(
    name: "BuurtFuzz",
    products: ["fuzz-csv", "fuzz-model", "fuzz-metadata", "fuzz-check"].map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "buurtscore", path: "..")],
    targets: [
        // Each target exports `LLVMFuzzerTestOneInput`; its main.swift starts libFuzzer through
        // `LLVMFuzzerRunDriver` (declared by CFuzzDriver), see FuzzSupport/FuzzDriver.swift.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "BuurtIndex", package: "buurtscore")]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-model", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-metadata", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-check", dependencies: ["FuzzSupport"]),
    ]
)
