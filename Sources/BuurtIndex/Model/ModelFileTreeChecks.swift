/// Where the settings that name parts of the tree were written, so they can be checked once a
/// tree from `metadata:` is loaded.
struct DeferredTreeChecks: Sendable {
    struct Level: Sendable {
        var level: Int
        var at: SourceLocation
    }

    /// `uncertainty: {weights: {levels: […]}}`, each with its position.
    var weightLevels: [Level] = []
    /// Indicators named by `breaks:`, each with its position.
    var breakIndicators: [(code: String, at: SourceLocation)] = []
    /// `priorities: {themes_of: …}`.
    var themesOf: SourceLocation?
    /// Where each weight was written (`weight:` of a tree entry, or under `weights:`; the latter wins).
    var weightLocations: [String: SourceLocation] = [:]
}

extension ModelFile {
    /// Checks the settings that name parts of the tree (the weight levels of `uncertainty` and
    /// `priorities.themes_of`) and the weights (no aggregate whose children all weigh 0)
    /// against `model` (``IndexModel/weightProblems()``). Parsing already does this for an inline tree; for
    /// a model with `metadata:`, call it once the metadata is loaded.
    /// - Throws: ``BuurtErrors`` with each problem at its place in the model file.
    public func validate(against model: IndexModel) throws(BuurtErrors) {
        var problems: [BuurtError] = []
        for check in treeChecks.weightLevels {
            if let message = Self.weightLevelProblem(check.level, in: model) { problems.append(BuurtError(.data, message, at: check.at)) }
        }
        if let code = priorities?.themesOf, let at = treeChecks.themesOf, let message = Self.themesOfProblem(code, in: model) {
            problems.append(BuurtError(.data, message, at: at))
        }
        for (code, at) in treeChecks.breakIndicators where model.node(code)?.kind != .indicator {
            problems.append(BuurtError(.data, "a method break names '\(code)', which is not an indicator of the model", at: at))
        }
        // All-zero weights make a weighted mean 0/0, and weights far apart or huge lose the
        // small ones or overflow. (What-if analyses check changed weights the same way.)
        for problem in model.weightProblems() {
            let at = problem.children.lazy.compactMap { treeChecks.weightLocations[$0] }.first ?? SourceLocation(file: path)
            problems.append(BuurtError(.data, problem.message, at: at))
        }
        if !problems.isEmpty { throw BuurtErrors(problems) }
    }

    /// Weights vary at heights 1 (indicators) up to one below the index; the index has no
    /// siblings to be weighed against.
    static func weightLevelProblem(_ level: Int, in model: IndexModel) -> String? {
        let top = max(1, (model.height[model.root] ?? 2) - 1)
        if level >= 1 && level <= top { return nil }
        let valid = top >= 2 ? "1 to \(top) (1 = indicators, 2 = their groups\(top > 2 ? ", …" : ""))" : "1 (the indicators)"
        if level == top + 1 {
            return "level \(level) of uncertainty weights is the index itself, which has no siblings to be weighed against; levels are \(valid)"
        }
        return "level \(level) of uncertainty weights does not exist: levels are \(valid)"
    }

    /// `themes_of` names an aggregate; its children are the problems of the per-buurt list.
    static func themesOfProblem(_ code: String, in model: IndexModel) -> String? {
        switch model.node(code)?.kind {
        case .aggregate?:
            return nil
        case let kind?:
            return "themes_of of priorities is '\(code)', \(kind == .indicator ? "an indicator" : "a data column"); "
                + "it must be a group whose children are the problems"
        case nil:
            let groups = model.nodes.filter { $0.kind == .aggregate }.map(\.code)
            return "themes_of of priorities: '\(code)' is not a group of the model"
                + ModelFileReader.suggestion(for: code, among: groups, listAll: true)
        }
    }
}
