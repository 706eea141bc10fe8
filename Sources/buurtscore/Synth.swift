import ArgumentParser
import BuurtIndex
import BuurtNumerics
import BuurtReport
import BuurtSynthetic
import BuurtWorkflow
import Foundation

extension Buurtscore {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic data set with its model and data card.",
            discussion: """
                The output depends only on --units, --years, --seed, --indicators, --method-break and --recode.

                An existing output directory is replaced only when it is empty or holds nothing but \
                the files synth writes with synth's data card as README.md; otherwise it is \
                refused (exit 73). A directory with only the data.csv of --only is not recognised: \
                write each --only year into a new or empty directory.
                """)

        @Option(help: """
            Number of buurten (\(SyntheticData.unitRange.lowerBound)-\(SyntheticData.unitRange.upperBound)). With fewer than \(SyntheticData.comparableUnits) the data has no \
            gaps and the model scores indicators against fixed goalposts instead of the range of the first year.
            """)
        var units: Int = 19

        @Option(help: "Years as FIRST-LAST, e.g. 2017-2020.")
        var years: String = "2017-2020"

        @Option(help: "Random seed.")
        var seed: UInt64 = 2017

        @Option(help: """
            Number of indicators (\(SyntheticData.indicatorRange.lowerBound)-\(SyntheticData.indicatorRange.upperBound)): \(SyntheticData.catalogueIndicators) is the catalogue; \
            fewer take the first indicators of each dimension in turn, more add survey and count \
            indicators to the six dimensions in turn (the catalogue's columns stay the same).
            """)
        var indicators: Int = SyntheticData.catalogueIndicators

        @Option(help: "Year from which the survey's unsafety questions change wording (a method break, declared in the model).")
        var methodBreak: Int?

        @Option(help: "Year from which the second buurt has a new code (a crosswalk.csv maps its earlier rows).")
        var recode: Int?

        @Option(help: "Output directory (data.csv, model.yml, README.md, buurten.geojson up to \(SyntheticData.mapUnits) buurten, and crosswalk.csv with --recode).")
        var out: String

        @Option(help: "Write only data.csv with the rows of this year of the --years series (the figures of a new year, e.g. for `buurtscore update`).")
        var only: Int?

        var yearRange: ClosedRange<Int>? {
            let parts = years.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] <= parts[1] else { return nil }
            return parts[0]...parts[1]
        }

        func validate() throws {
            let unitRange = SyntheticData.unitRange
            guard unitRange.contains(units) else {
                throw ValidationError("--units must be from \(unitRange.lowerBound) to \(unitRange.upperBound), got \(units)")
            }
            let allowed = SyntheticData.indicatorRange
            guard allowed.contains(indicators) else {
                throw ValidationError("--indicators must be from \(allowed.lowerBound) (one per dimension) to \(allowed.upperBound), got \(indicators)")
            }
            guard let range = yearRange else { throw ValidationError("--years must be FIRST-LAST with FIRST ≤ LAST, e.g. 2017-2020") }
            if let only, !range.contains(only) { throw ValidationError("--only \(only) is not within --years \(years)") }
            let years = Double(range.upperBound) - Double(range.lowerBound) + 1
            guard Double(units) * years * Double(indicators) <= Double(SyntheticData.maximumCells) else {
                throw ValidationError("--units \(units) × \(formatNumber(years)) years × \(indicators) indicators is more than "
                    + "\(SyntheticData.maximumCells) cells, larger than a data file buurtscore reads; use fewer buurten, years or indicators")
            }
        }

        func run() throws {
            let dataset = dataset
            try reportingFailures {
                try OutputDirectory.writing(to: out, claim: claim(of: dataset)) { output throws(BuurtError) in
                    try checkUnchangedPrevious()
                    try output.add("data.csv", text: dataset.dataCSV)
                    if only == nil {
                        try output.add("model.yml", text: dataset.modelYAML)
                        try output.add("README.md", text: dataset.card)
                        if let crosswalk = dataset.crosswalkCSV { try output.add("crosswalk.csv", text: crosswalk) }
                        if let map = dataset.mapGeoJSON { try output.add("buurten.geojson", text: map) }
                    }
                }
            }
        }

        /// What synth may replace: an empty folder, or one holding only files synth writes,
        /// with synth's data card as its README.md (a folder with only the data.csv of
        /// `--only` is not recognised). Synth reads no files.
        private func claim(of dataset: SyntheticDataset) -> OutputClaim {
            let heading = String(dataset.card.prefix { $0 != "\n" }) + "\n"
            return OutputClaim(inputs: [], previous: .files(Set(Self.writtenFiles),
                                                             marker: "README.md", heading: heading))
        }
    }
}
