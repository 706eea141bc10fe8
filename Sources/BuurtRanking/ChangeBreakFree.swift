import BuurtIndex
import BuurtNumerics

/// Changes without the indicators a method break affects: a change whose periods a break
/// separates is also given for each group computed with the broken indicators at weight 0
/// (the other weights renormalise, as every mean divides by the sum of its children's weights;
/// an aggregate whose indicators are all broken gets weight 0 too). A group whose indicators
/// are all broken, or none, gets no such row. The rows name the left-out indicators in
/// ``ChangeRow/excluding``; their bands come from the same draws as every other band, scored
/// by an engine of the reweighted model (the same perturbed nodes, so draw r is the same).
public enum BreakFree {
    /// The indicators of the breaks in `crossing`.
    static func excluded(_ crossing: [MethodBreak]) -> Set<String> { Set(crossing.flatMap(\.indicators)) }

    /// `left` in the model's order of indicators.
    static func ordered(_ left: Set<String>, _ model: IndexModel) -> [String] {
        model.indicators(under: model.root).filter(left.contains)
    }

    /// The groups with a break-free row and the indicators each leaves out.
    static func groups(_ groups: [String], left: Set<String>, model: IndexModel) -> [(group: String, excluding: [String])] {
        groups.compactMap { g in
            let under = model.indicators(under: g)
            let out = under.filter(left.contains)
            return out.isEmpty || out.count == under.count ? nil : (g, out)
        }
    }

    /// The distinct lists of indicators left out by the pairs of `changes` (model order).
    public static func exclusions(_ changes: ResolvedChanges, breaks: [MethodBreak], model: IndexModel) -> [[String]] {
        var seen = Set<[String]>(), lists: [[String]] = []
        for pair in changes.pairs {
            let left = excluded(breaks.filter { $0.separates(pair.from, pair.to) })
            guard !left.isEmpty, !groups(ChangeAnalysis.groups(of: model), left: left, model: model).isEmpty else { continue }
            let list = ordered(left, model)
            if seen.insert(list).inserted { lists.append(list) }
        }
        return lists
    }

    /// `model` with `excluding` and every aggregate whose indicators are all among them at weight 0.
    /// - Throws: `BuurtError(.data)` when the model cannot be reweighted.
    public static func model(_ model: IndexModel, excluding: [String]) throws(BuurtError) -> IndexModel {
        let left = Set(excluding)
        var weights: [String: Double] = [:]
        for node in model.nodes where node.kind == .indicator || node.kind == .aggregate {
            if model.indicators(under: node.code).allSatisfy(left.contains) { weights[node.code] = 0 }
        }
        do {
            return try model.withWeights(weights)
        } catch {
            throw error.problems.first ?? BuurtError(.data, "cannot leave out \(excluding.joined(separator: ", "))")
        }
    }

    /// The final panel of the project's model without each list of ``exclusions(_:breaks:model:)``.
    /// - Complexity: one pipeline run per list.
    static func panels(_ project: IndexProject, changes: ResolvedChanges) throws(BuurtError) -> [[String]: Panel] {
        var panels: [[String]: Panel] = [:]
        for list in exclusions(changes, breaks: project.file.breaks, model: project.model) {
            panels[list] = try Pipeline.run(project.panel, model: model(project.model, excluding: list), spec: project.file.spec).aggregated
        }
        return panels
    }
}
