import Foundation
import Testing

/// Inputs that used to crash, hang or compute infinities without a word: files that change
/// while they are read, weights and figures at the edge of double precision, figures no
/// sampling model can stand for, encodings and keys that are named wrongly, and sizes the
/// generator cannot serve.
enum RobustnessCases {
    typealias V = ValidProject

    /// The model with two replacements (each must occur once).
    static func model(_ first: (String, String), _ second: (String, String)) -> BadInput.Contents {
        .text(V.replacing(second.0, with: second.1, in: V.replacing(first.0, with: first.1, in: V.model)))
    }

    static let unsafeEntry = "{code: unsafe, name: Feels unsafe (%), parent: safety, direction: -1}"
    static let wijkColumn = "  - {code: wijk, type: group}"

    /// `unsafe` as a survey share of the respondents in a new last column `respondents`.
    static let binomialModel = model(
        (unsafeEntry, "{code: unsafe, name: Feels unsafe (%), parent: safety, direction: -1, uncertainty: {binomial: respondents}}"),
        (wijkColumn, wijkColumn + "\n  - {code: respondents, type: other}"))

    /// `data.csv` with a `respondents` column (40 per row) and then `edit` applied.
    static func dataWithRespondents(_ edit: @escaping (inout [[String]]) -> Void = { _ in }) -> BadInput.Contents {
        .text(V.data { t in
            for r in t.indices { t[r].append(r == 0 ? "respondents" : "40") }
            edit(&t)
        })
    }

    /// `text` as UTF-32 with its byte order mark.
    static func utf32(_ text: String, bigEndian: Bool) -> BadInput.Contents {
        let order: [UInt32] = bigEndian ? [3, 2, 1, 0] : [0, 1, 2, 3]
        return .bytes(([0xFEFF] + text.unicodeScalars.map(\.value)).flatMap { v in order.map { UInt8((v >> (8 * $0)) & 0xFF) } })
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "dimension weight of 1e308",
                 files: ["model.yml": V.model("name: Safety, parent: index, weight: 1}", "name: Safety, parent: index, weight: 1e308}")],
                 exitCode: 65, location: "model.yml:8:57",
                 fragments: ["weight of 'safety' is 1e+308, more than 1000000000; weights only count relative to their siblings"]),
        BadInput(name: "weight of 1e307 under weights:",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {living: 1e307}")],
                 exitCode: 65, location: "model.yml:22:19", fragments: ["weight of 'living' is 1e+307, more than 1000000000"]),
        BadInput(name: "sibling weights more than a million to one",
                 files: ["model.yml": V.model("aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {green: 1e-7}")],
                 exitCode: 65, location: "model.yml:22:18",
                 fragments: ["weight of 'contact' (1) is more than 1000000 times that of its sibling 'green' (1e-07)",
                             "give 'green' weight 0 to leave it out"]),
        BadInput(name: "model file larger than 16 MiB",
                 files: ["model.yml": .text(V.model + "# " + String(repeating: "x", count: 17 << 20) + "\n")],
                 exitCode: 65, location: "model.yml",
                 fragments: ["file too large: the file has 17 MiB", "buurtscore reads model files of at most 16 MiB (16777216 bytes)"]),
        BadInput(name: "negative population",
                 files: ["data.csv": V.data(line: 6, "population", "-2100")],
                 exitCode: 65, location: "data.csv:6:20",
                 fragments: ["-2100 in column 'population' is negative; it is the denominator of 'crime' (a population or area) cannot be below 0"]),
        BadInput(name: "share above 100 % under binomial",
                 files: ["model.yml": binomialModel, "data.csv": dataWithRespondents { $0[5][V.column("unsafe")] = "120" }],
                 exitCode: 65, location: "data.csv:6:28",
                 fragments: ["share 120 in column 'unsafe' is outside 0-100 (binomial with per: 100)"]),
        BadInput(name: "negative share under binomial",
                 files: ["model.yml": binomialModel, "data.csv": dataWithRespondents { $0[5][V.column("unsafe")] = "-3" }],
                 exitCode: 65, location: "data.csv:6:28", fragments: ["share -3 in column 'unsafe' is outside 0-100"]),
        BadInput(name: "survey size below 1",
                 files: ["model.yml": binomialModel, "data.csv": dataWithRespondents { $0[5][9] = "0.5" }],
                 exitCode: 65, location: "data.csv:6:39",
                 fragments: ["0.5 respondents in column 'respondents' for the share 'unsafe': a share needs at least 1 respondent"]),
        BadInput(name: "negative survey size",
                 files: ["model.yml": binomialModel, "data.csv": dataWithRespondents { $0[5][9] = "-40" }],
                 exitCode: 65, location: "data.csv:6:39",
                 fragments: ["-40 in column 'respondents' is negative; it is the number of respondents of 'unsafe' cannot be below 0"]),
        BadInput(name: "negative count under poisson",
                 files: ["model.yml": V.model("{code: crime, name: Crime per 1000, parent: safety, direction: -1, denominator: population, scale: 1000}",
                                              "{code: crime, name: Crime per 1000, parent: safety, direction: -1, denominator: population, scale: 1000, uncertainty: {poisson: population}}"),
                         "data.csv": V.data(line: 6, "crime", "-80")],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["-80 in column 'crime' is negative; a count (poisson) cannot be below 0"]),
        BadInput(name: "number too small for a double (1e-400)",
                 files: ["data.csv": V.data(line: 6, "crime", "1e-400")],
                 exitCode: 65, location: "data.csv:6:25",
                 fragments: ["'1e-400' in column 'crime' is not a number", "it is too small for a double (magnitudes from about 4.9e-324 to 1.8e308)"]),
        BadInput(name: "number too large for a double says so (1e400)",
                 files: ["data.csv": V.data(line: 6, "crime", "1e400")],
                 exitCode: 65, location: "data.csv:6:25", fragments: ["it is too large for a double"]),
        BadInput(name: "empty data key",
                 files: ["model.yml": V.model("data: data.csv", "data: \"\"")],
                 exitCode: 65, location: "model.yml:2:7",
                 fragments: ["the key 'data' is empty; give the path of the data file, relative to the model file's folder (data: data.csv)"]),
        BadInput(name: "UTF-32 data file with a byte order mark",
                 files: ["data.csv": utf32(V.data(), bigEndian: false)],
                 exitCode: 65, location: "data.csv:1:1", fragments: ["invalid UTF-8 byte 0xFF; the file looks like UTF-32, save it as UTF-8"]),
        BadInput(name: "UTF-32 big-endian model file",
                 files: ["model.yml": utf32(V.model, bigEndian: true)],
                 exitCode: 65, location: "model.yml:1:1",
                 fragments: ["the model file is not UTF-8 text: invalid UTF-8 byte 0x00; the file looks like UTF-32, save it as UTF-8"]),
        BadInput(name: "figures whose range overflows in the normalisation",
                 files: ["data.csv": .text(V.data { t in
                     t[5][V.column("green")] = "1.7e308"
                     t[6][V.column("green")] = "-1.7e308"
                 })],
                 exitCode: 65, location: "model.yml:20:1",
                 fragments: ["indicator green, 2019: values from -1.7e+308 to 1.7e+308 are too large to compute with", "(normalise stage)"]),
        BadInput(name: "figure that becomes infinite when divided by its population",
                 files: ["data.csv": .text(V.data { t in
                     t[5][V.column("crime")] = "1e308"
                     t[5][V.column("population")] = "0.5"
                 })],
                 exitCode: 65, location: "model.yml:18:1",
                 fragments: ["'crime' of unit 'B5' (2019) becomes infinite", "(denominate stage)"]),
        BadInput(name: "whatif with all sibling weights zero",
                 arguments: ["whatif", "model.yml", "--weight", "safety=0", "--weight", "living=0"],
                 exitCode: 64, location: nil,
                 fragments: ["--weight: the weights of the children of 'index' are all zero ('safety', 'living')"]),
        BadInput(name: "whatif with a weight of 1e300",
                 arguments: ["whatif", "model.yml", "--weight", "safety=1e300"],
                 exitCode: 64, location: nil, fragments: ["--weight: weight of 'safety' is 1e+300, more than 1000000000"]),
        BadInput(name: "synth --units 0",
                 arguments: ["synth", "--units", "0", "--out", "OUT"],
                 exitCode: 64, location: nil, fragments: ["--units must be from 1 to 1000000, got 0"]),
        BadInput(name: "synth with more cells than a data file may hold",
                 arguments: ["synth", "--units", "1000000", "--years", "2000-2020", "--out", "OUT"],
                 exitCode: 64, location: nil,
                 fragments: ["--units 1000000 × 21 years × 21 indicators is more than 200000000 cells"]),
    ]

    static let catalogue: [HostileCase] = [
        HostileCase("a data file truncated while check reads it", exitCode: 65) { cli in
            try truncatedWhileRead(cli)
        },
        HostileCase("synth at its smallest size writes data its own check accepts", exitCode: 0) { cli in
            try synthChecksAndRuns(cli, units: 1, seeds: 1...3)
        },
        HostileCase("synth --units 2 writes data its own check and run accept", exitCode: 0) { cli in
            try synthChecksAndRuns(cli, units: 2, seeds: 4...5)
        },
        HostileCase("synth --units 3 writes data its own check and run accept", exitCode: 0) { cli in
            try synthChecksAndRuns(cli, units: 3, seeds: 6...7)
        },
        HostileCase("synth --units 4 writes data its own check and run accept", exitCode: 0) { cli in
            try synthChecksAndRuns(cli, units: 4, seeds: 8...9)
        },
        HostileCase("synth of 1 to 4 buurten in a single year writes data its own check and run accept", exitCode: 0) { cli in
            for units in 1...4 { try synthChecksAndRuns(cli, units: units, seeds: 10...10, years: 2017...2017) }
        },
        HostileCase("synth at the fewest buurten compared within a year writes data its own check accepts", exitCode: 0) { cli in
            for seed in 1...6 { try synthChecksAndRuns(cli, units: 5, seeds: seed...seed, run: false) }
        },
        HostileCase("the largest weights allowed give finite scores", exitCode: 0) { cli in
            try BadInputRunner.write(V.files.merging(["model.yml": V.model(
                "aggregate: {method: arithmetic}", "aggregate: {method: arithmetic}\nweights: {safety: 1e9, living: 1e3, green: 1e9, contact: 1e9}")]) { _, new in new },
                into: cli)
            let run = try cli.run(["run", "model.yml", "--out", "out", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let scores = try cli.read("out/scores.csv").split(separator: "\n").dropFirst()
            #expect(scores.count == 12)
            for row in scores {
                let index = Double(row.split(separator: ",", omittingEmptySubsequences: false)[3])
                #expect(index.map { $0.isFinite && $0 >= 0 && $0 <= 100 } == true, "\(row)")
            }
            #expect(try cli.read("out/report.html").contains("bs-x-range"))
        },
    ]

    /// `synth --units units` for each seed, then `check` (exit 0, every row) and, with `run`,
    /// `run --quiet` (exit 0, a score from 0 to 100 for every buurt, year and dimension).
    static func synthChecksAndRuns(
        _ cli: CLIHarness, units: Int, seeds: ClosedRange<Int>, years: ClosedRange<Int> = 2017...2020, run: Bool = true
    ) throws {
        for seed in seeds {
            let folder = "s\(units)-\(seed)-\(years.count)"
            let synth = try cli.run(["synth", "--units", "\(units)", "--seed", "\(seed)",
                                     "--years", "\(years.lowerBound)-\(years.upperBound)", "--out", folder])
            #expect(synth.status == 0, "synth: \(synth.stderr)")
            let rows = units * years.count
            let check = try cli.run(["check", "\(folder)/model.yml"])
            #expect(check.status == 0 && check.stdout.contains("21 indicators, \(rows) rows, \(units) units"),
                    "\(folder): \(check.stdout)\(check.stderr)")
            guard run else { continue }
            let result = try cli.run(["run", "\(folder)/model.yml", "--out", "\(folder)/out", "--quiet"])
            #expect(result.status == 0, "\(folder): \(result.stderr)")
            let scores = try cli.read("\(folder)/out/scores.csv").split(separator: "\n").dropFirst()
            #expect(scores.count == rows, "\(folder)")
            for row in scores {
                // index and the six dimensions, after unit, name and year.
                let values = row.split(separator: ",", omittingEmptySubsequences: false).dropFirst(3).prefix(7).compactMap { Double($0) }
                #expect(values.count == 7 && values.allSatisfy { (0...100).contains($0) }, "\(folder): \(row)")
            }
        }
    }

    /// A 40 MB data file is cut to a tenth of its length while `check` reads it, at several
    /// moments: the program must end by itself with a message or a result, never by a signal
    /// (a memory-mapped file that shrinks gives SIGBUS).
    static func truncatedWhileRead(_ cli: CLIHarness) throws {
        try cli.write("model.yml", V.model)
        var text = V.table[0].joined(separator: ",") + "\n"
        text.reserveCapacity(45_000_000)
        for u in 0..<500_000 {
            for year in ["2019", "2020"] {
                text += "U\(u),Naam \(u),W\(u % 50),\(year),\(1000 + u % 997),\(u % 83),\(u % 29).5,\(u % 61),\(u % 71)\n"
            }
        }
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.4] {
            let path = try cli.write("data.csv", text)
            let process = Process()
            process.executableURL = CLIHarness.executable
            process.arguments = ["check", "model.yml"]
            process.currentDirectoryURL = cli.directory
            process.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            process.standardError = err
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            #expect(truncate(path, off_t(text.utf8.count / 10)) == 0)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "delay \(delay): ended by signal \(process.terminationStatus)")
            #expect([0, 65].contains(process.terminationStatus), "delay \(delay): \(stderr)")
            if process.terminationStatus == 65 { #expect(stderr.hasPrefix("error: data.csv:"), "\(stderr)") }
        }
    }
}
