import BuurtReport
import Foundation

extension Buurtscore.Run {
    /// The run a manifest records, built from its typed settings (never from command-line
    /// text, so that no recorded value is read as an option): the defaults of `run` with
    /// every recorded setting applied, quiet, and `out` as output directory so that the
    /// re-run's manifest records the same model location (nothing is written there).
    /// - Throws: ``BuurtError`` `.data` ("bad manifest") naming the field of a value `run`
    ///   does not accept.
    init(recorded settings: RunSettings, model: String, data: String?, out: String, manifest file: String) throws {
        guard let decimal = DecimalSeparator(rawValue: settings.decimal) else {
            throw Manifest.bad("run.decimal", "is '\(settings.decimal)', expected one of "
                + DecimalSeparator.allCases.map(\.rawValue).joined(separator: ", "), file: file)
        }
        var language: ReportLanguageOption?
        if let recorded = settings.language {
            guard let option = ReportLanguageOption(rawValue: recorded) else {
                throw Manifest.bad("run.language", "is '\(recorded)', expected null or one of "
                    + ReportLanguageOption.allCases.map(\.rawValue).joined(separator: ", "), file: file)
            }
            language = option
        }
        // After `--`, the model path is an argument whatever it looks like.
        self = try Self.parse(["--", model])
        options.data = data
        options.decimal = decimal
        self.out = out
        stages = settings.stages
        xlsx = settings.xlsx
        lang = language
        threads = settings.workerThreads
        quiet = true
        top = 0
    }
}
