import BuurtIndex
import BuurtNumerics
import BuurtRanking

/// The language of the report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case nl, en

    /// `nl` → Dutch, `en` → English, anything else (or `nil`) → Dutch.
    public init(code: String?) { self = code == "en" ? .en : .nl }

    /// The decimal separator of numbers shown to readers.
    var decimalSeparator: String { ReportStrings(language: self)(.decimalSeparator) }
}

/// One row of the priority list of buurten (list 1): lowest index score first.
/// Bands are NaN when there is no uncertainty analysis.
package struct ReportPriority: Sendable, Equatable {
    /// 1 = the lowest score of its period (most in need).
    package var priority: Int
    package var unit: String
    package var name: String
    package var period: Int?
    package var score: Double
    /// Rank within the period, 1 = highest score (the `scores.csv` convention).
    package var rank: Double
    package var rankP05: Double
    package var rankP95: Double
    /// P(among the `priorities.top` lowest scores of the period).
    package var pTop: Double
    package var category: String?
    /// 5–95 % band of the index score (from the unit's uncertainty row; NaN when unknown).
    package var scoreP05: Double
    package var scoreP95: Double

    package init(priority: Int, unit: String, name: String, period: Int?, score: Double, rank: Double,
                rankP05: Double = .nan, rankP95: Double = .nan, pTop: Double = .nan, category: String? = nil,
                scoreP05: Double = .nan, scoreP95: Double = .nan) {
        self.priority = priority
        self.unit = unit
        self.name = name
        self.period = period
        self.score = score
        self.rank = rank
        self.rankP05 = rankP05
        self.rankP95 = rankP95
        self.pTop = pTop
        self.category = category
        self.scoreP05 = scoreP05
        self.scoreP95 = scoreP95
    }

    package static func == (a: ReportPriority, b: ReportPriority) -> Bool {
        a.priority == b.priority && a.unit == b.unit && a.name == b.name && a.period == b.period
            && a.category == b.category
            && [a.score, a.rank, a.rankP05, a.rankP95, a.pTop, a.scoreP05, a.scoreP95]
            .elementsEqualNaN([b.score, b.rank, b.rankP05, b.rankP95, b.pTop, b.scoreP05, b.scoreP95])
    }
}

/// One problem dimension of one buurt in one period (list 2): the uncertainty engine's
/// ``ThemeRow``; without an uncertainty analysis its bands and `pWorst` are NaN.
package typealias ReportTheme = ThemeRow

/// The sensitivity indices of one uncertain input (a modelling choice), by its readable name.
package struct ReportSensitivity: Sendable, Equatable {
    package var input: String
    package var firstOrder: Double
    package var total: Double
    package var firstOrderP05: Double
    package var firstOrderP95: Double
    package var totalP05: Double
    package var totalP95: Double

    package init(input: String, firstOrder: Double, total: Double, firstOrderP05: Double = .nan,
                firstOrderP95: Double = .nan, totalP05: Double = .nan, totalP95: Double = .nan) {
        self.input = input
        self.firstOrder = firstOrder
        self.total = total
        self.firstOrderP05 = firstOrderP05
        self.firstOrderP95 = firstOrderP95
        self.totalP05 = totalP05
        self.totalP95 = totalP95
    }

    /// The same indices under the name of design column `index.input`.
    package init(_ index: SensitivityIndex, inputNames: [String]) {
        self.init(input: inputNames.indices.contains(index.input) ? inputNames[index.input] : "input \(index.input + 1)",
                  firstOrder: index.firstOrder, total: index.total, firstOrderP05: index.firstOrderP05,
                  firstOrderP95: index.firstOrderP95, totalP05: index.totalP05, totalP95: index.totalP95)
    }
}

/// Everything the report shows. The CLI fills it after a run; the report computes nothing
/// expensive itself except the correlation matrix and, when the lists are `nil`, the nominal
/// priority lists (``ReportLists``).
package struct ReportInput: Sendable {
    package var title: String
    package var language: ReportLanguage
    package var model: IndexModel
    package var file: ModelFile
    /// The nominal run, with every stage's panel kept (`keepIntermediate: true`).
    package var result: PipelineResult
    /// Reliability, PCA and factor weights per group (``GroupAnalysis``, latest period).
    package var analysis: GroupAnalysisResult
    /// List 1 with uncertainty bands, every period (`nil`: derived from the nominal run, without bands).
    package var priorities: [ReportPriority]?
    /// List 2 with gap bands, every row (`nil`: derived from the nominal run, without bands).
    package var themes: [ReportTheme]?
    /// The variance-based sensitivity indices (`nil`: not computed).
    package var sensitivity: [ReportSensitivity]?
    /// Rank shifts when one dimension is left out (`nil`: not computed).
    package var removal: [RemovalRow]?
    /// Number of uncertainty replications behind the bands (shown in the text; `nil` = unknown).
    package var replications: Int?
    /// Replications left out and nominal values outside their own band (`nil`: no uncertainty analysis).
    package var uncertaintyAccount: UncertaintyAccount?
    /// The data file that was read (only its file name is shown, never the folder, so the
    /// report is the same wherever the files are stored).
    package var dataPath: String?
    /// At most this many buurten get a row in the caterpillar chart and a profile; beyond it the
    /// report shows the `listLimit` most in need and summarises the rest.
    package var listLimit: Int
    /// Changes between two periods (`nil`: a single period, or not computed).
    package var changes: ChangeAnalysis?
    /// The strengths and weaknesses per unit and period (``StrengthsWeaknesses``; `nil`: derived
    /// from the nominal run for each profiled buurt).
    package var strengths: [StrengthRow]?
    /// Warnings about the data that did not stop the run (units that disappear without a crosswalk).
    package var warnings: [String] = []
    /// The units' shapes (model key `map:`): the report gets a section of maps (`nil`: none).
    package var map: GeoJSONMap?
    /// A self-contained HTML section appended to `report.html` only (the weight explorer).
    package var appendixHTML: String?

    /// - Parameters:
    ///   - title: defaults to the model file's `title`, else the index's name.
    ///   - language: defaults to the model file's `language`, else Dutch.
    ///   - dataPath: defaults to the model file's `data:`.
    package init(
        title: String? = nil, language: ReportLanguage? = nil, model: IndexModel, file: ModelFile,
        result: PipelineResult, analysis: GroupAnalysisResult, priorities: [ReportPriority]? = nil,
        themes: [ReportTheme]? = nil, sensitivity: [ReportSensitivity]? = nil, removal: [RemovalRow]? = nil,
        replications: Int? = nil, dataPath: String? = nil, listLimit: Int = 50
    ) {
        self.title = title ?? file.title ?? model.node(model.root)?.name ?? model.root
        self.language = language ?? ReportLanguage(code: file.language)
        self.model = model
        self.file = file
        self.result = result
        self.analysis = analysis
        self.priorities = priorities
        self.themes = themes
        self.sensitivity = sensitivity
        self.removal = removal
        self.replications = replications
        self.dataPath = dataPath ?? file.dataPath ?? file.metadataPath
        self.listLimit = max(1, listLimit)
    }
}

extension Array where Element == Double {
    /// Element-wise equality with NaN equal to NaN.
    func elementsEqualNaN(_ other: [Double]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
