import Foundation
import Yams

/// A composite-index model as written in a YAML model file: where the data is, the index tree,
/// and the parameters of every pipeline stage.
///
/// ## Format
///
/// ```yaml
/// title: Leefbaarheid en veiligheid (synthetic demo)
/// data: data.csv            # indicator data, relative to this file
/// unit: buurt_code          # column names (optional; defaults unit/uCode, name/uName, year/Time)
/// name: buurt_naam
/// period: jaar
/// groups:                   # aggregates, any depth; exactly one without parent = the index
///   - {code: index, name: Veiligheidsindex}
///   - {code: cohesion, name: Sociale cohesie, parent: index, weight: 1}
///   - {code: crime, name: Criminaliteit, parent: index, weight: 1}
/// indicators:
///   - {code: know_each_other, name: Mensen kennen elkaar (%), parent: cohesion, direction: 1,
///      uncertainty: {binomial: survey_n, per: 100}}
///   - {code: burglary, name: Woninginbraak per 1000 inwoners, parent: crime, direction: -1,
///      weight: 1, denominator: population, scale: 1000, target: 2, goalposts: [0, 20],
///      unit: "per 1000", uncertainty: {poisson: population, per: 1000}}
/// columns:                  # data columns that are not aggregated
///   - {code: population, type: denominator}
///   - {code: survey_n, type: other}
///   - {code: wijk, type: group}
/// denominate: {scale: 1}
/// impute: {method: mean, by: wijk}
/// screen: {min_coverage: 0.9}
/// treat: {method: winsorise, max_points: 5, max_skew: 2, max_kurtosis: 3.5}
/// normalise: {method: minmax, range: [0, 100], scope: reference, reference: 2017}
/// aggregate: {method: arithmetic, min_coverage: 0.75, levels: {3: {method: geometric}}}
/// weights: {crime: 2}
/// language: nl
/// uncertainty:
///   weights: {noise: 0.25, levels: [1, 2]}
///   normalise: [{method: minmax, range: [1, 100], scope: period}, {method: zscore, mean: 50, sd: 10}]  # no scope: the model's
///   aggregate: [arithmetic, geometric]
///   out_of_domain: skip       # z-scores can be ≤ 0: replications whose geometric mean meets one are left out and counted
///   treat: {max_points: [1, 2, 3, 4, 5]}
///   impute: [mean, median]
///   sampling: true
///   replications: 1000
///   seed: 2017
///   sensitivity: false
/// priorities:
///   top: 5
///   themes_of: index
///   reference: mean
///   categories: [{label: zeer onveilig, below: 40}, {label: onveilig, below: 55},
///                {label: gemiddeld, below: 70}, {label: veilig, below: .inf}]
/// ```
///
/// - `data` (required): the indicator data CSV. `metadata`: a COINr-layout iMeta CSV
///   (`iCode, iName, Parent, Type, Direction, IndWeight, Denominator, Target, …`) used *instead
///   of* `groups`, `indicators` and `columns`; a model has exactly one of the two. Both paths
///   are relative to the model file's folder.
/// - `groups`: `code` (required), `name`, `parent`, `weight` (default 1). `indicators`: `code`,
///   `parent` (both required), `name`, `direction` (1 when higher is better, -1 when lower is
///   better; default 1), `weight` (default 1), `denominator` (a column of type denominator),
///   `scale` (multiplier after dividing, e.g. 1000), `target`, `goalposts: [lower, upper]`,
///   `unit` (documentation only), `uncertainty` (the indicator's sampling error, see below).
///   `columns`: `code`, `name`, `type` (`denominator`, `group` or `other`; default other).
/// - A stage key that is left out skips the stage, except `normalise` (default minmax to
///   [0, 100] per period) and `aggregate` (default arithmetic mean). A bare word is short for
///   `{method: word}`. Defaults of the written stages: `denominate` scale 1; `impute` method
///   mean by period; `screen` min_coverage 0.9; `treat` winsorise, 5 points, skew 2, kurtosis 3.5.
/// - `impute`: method `none | mean | median | interpolate`; `by: period | all | <group column>`.
/// - `normalise`: method `minmax` (`range`, default [0, 100]), `zscore` (`mean` 0, `sd` 1),
///   `rank`, `borda`, `prank`, `fracmax`, `dist2max`, `dist2ref` (`unit`: the reference unit's
///   code), `dist2targ` (every indicator needs a `target`), `goalposts` (every indicator needs
///   `goalposts`; `scale`, default 1). `scope: period | all | reference` with
///   `reference: <year>`: parameters from that year only, so adding a year never moves earlier
///   scores (`reference:` alone implies `scope: reference`).
/// - `aggregate`: method `arithmetic | geometric | harmonic | generalised (p ≠ 0) | copeland | mpi`
///   (Mazziotta–Pareto), `min_coverage`, and `levels: {height: {method, p, min_coverage}}` to
///   override per level (height 2 = aggregates of indicators, 3 = the level above, …); a level
///   rule inherits what it does not set.
/// - `weights: {code: weight}` replaces weights of groups or indicators.
/// - `language: nl | en` for the report.
/// - `uncertainty` (optional) turns on the Monte Carlo analysis (``UncertaintySpec``): each
///   replication draws every uncertain input below and re-runs the pipeline. Alternatives are
///   lists; a replication picks one of them with equal probability, and the model's own
///   stage setting is not among them unless listed. At least one input is required.
///   - `weights: {noise, levels}`: each weight of a node at the listed heights (1 = indicators,
///     2 = their groups, …, up to one below the index) is multiplied by U(1 − noise, 1 + noise),
///     0 ≤ noise < 1, then renormalised among its siblings.
///   - `normalise`: a list of normalisations, each written as the `normalise` stage (scope
///     included). `aggregate`: a list of methods (`arithmetic`, or `{method: generalised, p: 2}`);
///     a geometric or harmonic mean (an alternative, or the model's own aggregation when no
///     alternatives are listed) needs every normalisation in play (the listed ones, else the
///     model's own) to give values > 0, so e.g. minmax `[0, 100]` is refused with it.
///   - `treat: {max_points: [...]}`: alternatives for the treat stage's `max_points` (whole
///     numbers ≥ 0). `impute`: a list of impute methods.
///   - `sampling: true` draws each indicator's own sampling error, for the indicators that
///     declare it (at least one must): `uncertainty: {binomial: <respondents column>, per: 100}`
///     on a survey share (value = share × per; `per` default 100), `uncertainty: {poisson:
///     <population column>, per: 1000}` on a count or a rate per `per` inhabitants (`per`
///     default 1000). The column must be declared under `columns` with type other or
///     denominator; a metadata file cannot declare sampling models.
///   - `replications` (default 1000; 2 to 1,000,000), `seed` (a whole number ≥ 0, default 1;
///     replication r draws only from the stream (seed, r)), `sensitivity: true` to also run the
///     variance-based sensitivity analysis (default false).
/// - `priorities` (optional, ``PrioritySpec``): `top` (default 5, ≥ 1): p_top is the chance of
///   being among the `top` units with the lowest score of the period; `themes_of`: the group
///   whose children are the problems of the per-unit list (default the index); `reference`:
///   what gaps are measured against, `mean` (the mean of the same period, default) or a year;
///   `categories`: score bands `{label, below}` with strictly ascending `below` (the last may be
///   `.inf`; a score at or above the last bound gets no category). `priorities: none`: no
///   priority lists at all (``PrioritySpec/enabled``).
/// - `changes:` (optional, ``ChangeSpec``): the windows compared in `changes.csv`,
///   `{from: first | previous | <year>, to: latest | <year>}`, a list of them, or
///   `{windows, year_on_year, trend}` (default the first against the latest period);
///   `changes: none` compares nothing.
/// - `breaks: [{period, indicators, note}]` (``MethodBreak``): indicators measured differently
///   from `period` on; a change across it is flagged with the note, never silently compared.
/// - `crosswalk: file.csv` (``Crosswalk``): maps earlier periods' units onto the current
///   geography before the stages run (relative to the model file's folder).
/// - `map: buurten.geojson` or `map: {file: buurten.geojson, property: buurtcode}` (``MapSpec``,
///   ``GeoJSONMap``): one shape per unit for the report's maps; `property` (default
///   `buurtcode`) is the feature property holding the unit code.
/// - With `metadata:`, the weight levels and `themes_of` are checked by
///   ``validate(against:)`` once the metadata's tree is loaded.
///
/// Every problem in the file is reported at once, each with `file:line:column`.
public struct ModelFile: Sendable {
    /// The model file's path as given.
    public var path: String
    public var title: String?
    /// `data:` resolved relative to the model file's folder.
    public var dataPath: String?
    /// `metadata:` (COINr-layout iMeta CSV), resolved like `dataPath`.
    public var metadataPath: String?
    /// Groups, then indicators, then columns, each in file order (empty when `metadata` is used).
    public var nodes: [ModelNode]
    public var columns: DataColumns
    /// `weights:` overrides by node code.
    public var weights: [String: Double]
    public var spec: PipelineSpec
    /// `nl` or `en`.
    public var language: String?
    /// `uncertainty:`: the uncertain inputs and Monte Carlo settings (`nil` = no uncertainty analysis).
    public var uncertainty: UncertaintySpec?
    /// `priorities:`: settings of the two priority lists (`nil` = their defaults).
    public var priorities: PrioritySpec?
    /// `changes:` (`nil`: first period against the last).
    public var changes: ChangeSpec?
    /// `breaks:`, in file order.
    public var breaks: [MethodBreak] = []
    /// `crosswalk:` resolved like `dataPath`.
    public var crosswalkPath: String?
    /// `map:`: the GeoJSON file of the units' shapes (`nil` = no maps in the report).
    public var map: MapSpec?
    /// `data:`, `metadata:` and `crosswalk:` exactly as written, for ``canonicalForm()``.
    var declaredCrosswalk: String?
    var declaredData: String?
    var declaredMetadata: String?
    /// Where `data`, `metadata`, `normalise.unit` and the stage keys are written, for problems
    /// found when the files they name are read or a stage fails.
    var keyLocations: [String: SourceLocation] = [:]
    /// Positions of settings that name parts of a tree loaded from `metadata:`.
    var treeChecks = DeferredTreeChecks()

    static let topLevelKeys = [
        "title", "data", "metadata", "unit", "name", "period", "groups", "indicators", "columns",
        "denominate", "impute", "screen", "treat", "normalise", "aggregate", "weights", "language",
        "uncertainty", "priorities", "changes", "breaks", "crosswalk", "map",
    ]

    /// Reads and parses a model file.
    /// - Parameter bytesRead: called with exactly the bytes that are parsed, e.g. to record their SHA-256.
    /// - Throws: ``BuurtErrors`` with a `.missingInput` problem when the file cannot be read, else
    ///   every `.data` problem found in it.
    public static func load(path: String, bytesRead: ((Data) -> Void)? = nil) throws(BuurtErrors) -> ModelFile {
        let data: Data
        do {
            data = try InputFile.contents(path: path, limit: InputFile.modelSizeLimit, kind: InputFile.model)
        } catch {
            throw BuurtErrors([error])
        }
        bytesRead?(data)
        guard let text = String(data: data, encoding: .utf8) else {
            // Locate the offending bytes the way the CSV reader does (line, character column).
            let located = [UInt8](data).withUnsafeBufferPointer { CSVEncodingCheck.check($0, file: path).problems }
            throw BuurtErrors(located.isEmpty
                ? [BuurtError(.data, "the model file is not UTF-8 text (save it as UTF-8)", at: SourceLocation(file: path))]
                : located.map { BuurtError(.data, "the model file is not UTF-8 text: \($0.message)", at: $0.location) })
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, baseDirectory: folder)
    }

    /// Parses model-file text.
    /// - Parameters:
    ///   - file: the name used in error locations (and kept as ``path``).
    ///   - baseDirectory: the folder `data:` and `metadata:` are relative to ("" = as written).
    /// - Throws: ``BuurtErrors`` listing every problem, in file order.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws(BuurtErrors) -> ModelFile {
        var reader = ModelFileReader(file: file)
        guard let root = reader.compose(text),
              let top = reader.fields(root, "the model file", known: topLevelKeys) else {
            throw BuurtErrors(reader.problems)
        }
        var model = ModelFile(path: file, nodes: [], columns: DataColumns(), weights: [:], spec: PipelineSpec())

        model.title = top["title"].flatMap { reader.text($0, "title") }
        model.declaredData = top["data"].flatMap { reader.path($0, key: "data", "the data file") }
        model.declaredMetadata = top["metadata"].flatMap { reader.path($0, key: "metadata", "the iMeta file") }
        model.dataPath = model.declaredData.map { resolve($0, against: baseDirectory) }
        model.metadataPath = model.declaredMetadata.map { resolve($0, against: baseDirectory) }
        if top["data"] == nil {
            reader.fail("missing key 'data': the model needs the path of its data CSV (data: data.csv)", at: root)
        }
        model.columns = DataColumns(
            unit: top["unit"].flatMap { reader.text($0, "unit (the unit code column)") },
            name: top["name"].flatMap { reader.text($0, "name (the unit name column)") },
            period: top["period"].flatMap { reader.text($0, "period (the period column)") })

        let inline = ["groups", "indicators", "columns"].filter { top[$0] != nil }
        var tree: InlineTree?
        if top["metadata"] != nil {
            for key in inline {
                reader.fail("'\(key)' cannot be used together with 'metadata': the metadata file already defines the tree; use one or the other", at: top.keyNodes[key])
            }
        } else if inline.isEmpty {
            reader.fail("the model has no tree: give either 'metadata: <iMeta CSV>' or inline 'groups' and 'indicators'", at: root)
        } else {
            tree = reader.inlineTree(top)
            model.nodes = tree?.nodes ?? []
        }

        model.weights = top["weights"].map { reader.weights($0, tree: tree) } ?? [:]
        model.spec = reader.pipelineSpec(top, tree: tree)
        let stageKeys = ["denominate", "impute", "screen", "treat", "normalise", "aggregate"].map { ($0, top.keyNodes[$0]) }
        for (key, node) in [("data", top["data"]), ("metadata", top["metadata"]), ("crosswalk", top["crosswalk"]), ("map", top["map"]), ("changes", top["changes"]), ("normalise.unit", top["normalise"]?["unit"])] + stageKeys {
            if let node { model.keyLocations[key] = reader.location(node) }
        }
        model.language = top["language"].flatMap { reader.choice($0, "language", names: ["nl", "en"]) }
        model.uncertainty = top["uncertainty"].flatMap {
            reader.uncertainty($0, tree: tree, usesMetadata: top["metadata"] != nil, nominal: model.spec)
        }
        model.priorities = top["priorities"].flatMap { reader.priorities($0, tree: tree) }
        model.changes = top["changes"].flatMap { reader.changes($0) }
        model.breaks = top["breaks"].map { reader.breaks($0, tree: tree) } ?? []
        model.declaredCrosswalk = top["crosswalk"].flatMap { reader.path($0, key: "crosswalk", "the crosswalk CSV") }
        model.crosswalkPath = model.declaredCrosswalk.map { resolve($0, against: baseDirectory) }
        model.map = top["map"].flatMap { reader.map($0, baseDirectory: baseDirectory) }
        model.treeChecks = reader.treeChecks

        if !reader.problems.isEmpty {
            // File order; problems at the same place keep the order they were found in.
            let ordered = reader.problems.enumerated().sorted {
                ($0.element.location?.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                    < ($1.element.location?.line ?? 0, $1.element.location?.column ?? 0, $1.offset)
            }
            throw BuurtErrors(ordered.map(\.element))
        }
        return model
    }

    /// `path` unchanged when absolute or when `base` is empty/".", else `base/path`.
    static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") || base.isEmpty || base == "." { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
