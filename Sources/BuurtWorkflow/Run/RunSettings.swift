import BuurtIndex
import BuurtReport

/// Everything a run depends on besides the files it reads: the model file, an optional data
/// file in place of the model's `data:`, how numbers are read, which files are written, the
/// worker threads and the seed.
///
/// Two runs with equal settings on unchanged files give byte-identical results and files for any
/// ``threads``, except `manifest.json`, which records the thread count.
public struct RunSettings: Sendable, Equatable {
    /// The model file (YAML).
    public var model: String
    /// A data file (CSV) used instead of the model's `data:`; `nil` for the model's own.
    public var data: String?
    /// How the decimal separator of the data is chosen.
    public var decimal: DecimalSeparator
    /// Also write the data after every stage (`stages/<stage>.csv`).
    public var stages: Bool
    /// Also write the result tables and the model tree as one workbook (`results.xlsx`).
    public var workbook: Bool
    /// The report language; `nil` takes the model's `language:` (Dutch without one).
    public var language: ReportLanguage?
    /// Worker threads of the uncertainty analysis (1 to ``maximumThreads``); results do not
    /// depend on it.
    public var threads: Int
    /// A seed in place of the model's `uncertainty: seed:`; `nil` keeps the model's.
    public var seed: UInt64?

    /// The most worker threads a run takes.
    public static let maximumThreads = RecordedSettings.maximumWorkerThreads

    public init(
        model: String, data: String? = nil, decimal: DecimalSeparator = .detect, stages: Bool = false,
        workbook: Bool = false, language: ReportLanguage? = nil, threads: Int = 1, seed: UInt64? = nil
    ) {
        self.model = model
        self.data = data
        self.decimal = decimal
        self.stages = stages
        self.workbook = workbook
        self.language = language
        self.threads = threads
        self.seed = seed
    }

    /// Refuses a thread count outside 1 to ``maximumThreads`` (a manifest recording it would not verify).
    /// - Throws: `BuurtErrors` of kind `.usage`.
    static func checkThreads(_ threads: Int) throws(BuurtErrors) {
        guard (1...maximumThreads).contains(threads) else {
            throw BuurtErrors([BuurtError(.usage, "the worker threads must be from 1 to \(maximumThreads), got \(threads)")])
        }
    }

    /// The reader options of ``decimal``.
    public var csvOptions: CSVOptions { decimal.csvOptions }

    /// What the manifest records of these settings (the data file relative to the model's folder).
    var recorded: RecordedSettings {
        RecordedSettings(stages: stages, xlsx: workbook, data: data.map { ManifestPath.recorded($0, modelFile: model) },
                         decimal: decimal.rawValue, language: language?.rawValue, workerThreads: threads, seed: seed)
    }

    /// The settings a manifest records, for the model at `model` and the data at `data`
    /// (both as found by the caller).
    /// - Throws: `BuurtError` `.data` ("bad manifest") naming the field of a value a run
    ///   does not accept.
    public init(recorded: RecordedSettings, model: String, data: String?, manifest file: String) throws(BuurtError) {
        guard let decimal = DecimalSeparator(rawValue: recorded.decimal) else {
            throw Manifest.bad("run.decimal", "is '\(recorded.decimal)', expected one of "
                + DecimalSeparator.allCases.map(\.rawValue).joined(separator: ", "), file: file)
        }
        var language: ReportLanguage?
        if let code = recorded.language {
            guard let known = ReportLanguage(rawValue: code) else {
                throw Manifest.bad("run.language", "is '\(code)', expected null or one of "
                    + ReportLanguage.allCases.map(\.rawValue).joined(separator: ", "), file: file)
            }
            language = known
        }
        self.init(model: model, data: data, decimal: decimal, stages: recorded.stages, workbook: recorded.xlsx,
                  language: language, threads: recorded.workerThreads, seed: recorded.seed)
    }
}
