import BuurtNumerics

extension Normalise {
    /// Normalises every indicator column of `model` (multiplying by the indicator's direction
    /// first, as COINr does), leaving all other columns untouched.
    ///
    /// Scope: `.period` takes the parameters (min, max, mean, sd, ranks, reference unit value)
    /// from the rows of the same period; `.all` from all rows; `.reference(y)` from the rows of
    /// period y only, applied to every period, so adding a period never changes the others.
    /// Under `.all`, dist2ref needs the reference unit in exactly one row.
    ///
    /// - Throws: `BuurtError(.data)` naming indicator and period when an indicator has no
    ///   column, the reference period has no rows, the reference unit is missing from a basis,
    ///   or the method cannot be fitted (see ``fit(_:method:referenceValue:target:goalposts:context:)``).
    /// - Complexity: O(rows · indicators), times log(rows) for the rank methods.
    public static func apply(
        _ panel: Panel, model: IndexModel, parameters: NormaliseParameters
    ) throws(BuurtError) -> StageOutput<NormaliseRecord> {
        let n = panel.rowCount
        let method = parameters.method
        let basis = try NormaliseBasis(panel, parameters: parameters)
        var storage = panel.values.storage
        var entries: [NormaliseRecord.Entry] = []
        entries.reserveCapacity(model.indicators.count * basis.groups.count)
        var workspace = NormaliseWorkspace()
        for code in model.indicators {
            guard let j = panel.columnIndex(code) else {
                throw BuurtError(.data, "indicator \(code) of the model has no column in the data")
            }
            let node = model.node(code)!
            try storage.withUnsafeMutableBufferPointer { (v) throws(BuurtError) in
                try column(UnsafeMutableBufferPointer(rebasing: v[(j * n)..<(j * n + n)]), node: node, method: method,
                           basis: basis, workspace: &workspace) { period, fitted in
                    entries.append(.init(indicator: code, period: period, direction: node.direction, fit: fitted))
                }
            }
        }
        var out = panel
        out.values = Matrix(rows: n, columns: panel.values.columns, columnMajor: storage)
        return StageOutput(panel: out, record: NormaliseRecord(method: method, scope: parameters.scope, entries: entries))
    }

    /// Normalises one indicator's column in place: x′ = direction · x, each basis's fit taken
    /// from x′ on its rows, and every period group's rows transformed with its basis's fit.
    /// `fitted(period, fit)` sees each period group's fit in ascending period order.
    /// - Throws: `BuurtError(.data)` as ``fit(_:method:referenceValue:target:goalposts:context:)``,
    ///   or for goalposts the node lacks.
    /// - Complexity: O(rows), O(rows log rows) for the rank methods; no allocation besides the
    ///   fits once `workspace` has grown to the column's size.
    package static func column(
        _ values: UnsafeMutableBufferPointer<Double>, node: ModelNode, method: NormaliseMethod, basis: NormaliseBasis,
        workspace: inout NormaliseWorkspace, fitted: (_ period: Int?, _ fit: NormaliseFit) -> Void = { _, _ in }
    ) throws(BuurtError) {
        let d = node.direction
        let n = values.count
        if workspace.directed.count < n { workspace.directed = [Double](repeating: .nan, count: n) }
        workspace.directed.withUnsafeMutableBufferPointer { directed in
            for i in 0..<n { directed[i] = values[i] * d }
        }
        let goalposts = try directedGoalposts(node, method: method)
        let target = node.target.map { $0 * d }
        for (b, rows) in basis.bases.enumerated() {
            workspace.gatherBasis(rows.rows)
            let fit = try fit(
                workspace.basisValues, method: method,
                referenceValue: basis.referenceRows.map { workspace.directed[$0[b]] }, target: target,
                goalposts: goalposts, context: "indicator \(node.code)\(rows.label)")
            let f = transform(method, fit), affine = affine(method, fit)
            workspace.directed.withUnsafeBufferPointer { directed in
                for (g, group) in basis.groups.enumerated() where basis.basisOfGroup[g] == b {
                    if let a = affine {
                        for r in group.rows { values[r] = a(directed[r]) }
                    } else {
                        for r in group.rows { values[r] = f(directed[r]) }
                    }
                    fitted(group.period, fit)
                }
            }
        }
    }
}

/// Reused storage of ``Normalise/column(_:node:method:basis:workspace:fitted:)``.
public struct NormaliseWorkspace: Sendable {
    var directed: [Double] = []
    var basisValues: [Double] = []

    public init() {}

    /// `basisValues` ← the directed values of `rows`, in their order.
    /// - Complexity: O(rows), no allocation once grown.
    mutating func gatherBasis(_ rows: [Int]) {
        if basisValues.count != rows.count { basisValues = [Double](repeating: .nan, count: rows.count) }
        directed.withUnsafeBufferPointer { directed in
            basisValues.withUnsafeMutableBufferPointer { out in
                rows.withUnsafeBufferPointer { rows in
                    for (t, r) in rows.enumerated() { out[t] = directed[r] }
                }
            }
        }
    }
}

/// The rows each normalisation fit is taken from and which fit each period group uses, from
/// the rows' periods and units alone (see ``Normalise/apply(_:model:parameters:)`` for the scopes).
public struct NormaliseBasis: Sendable {
    /// The panel's period groups.
    let groups: [PeriodRows]
    /// Basis rows with a message suffix naming them (", 2018", ", all periods", …).
    let bases: [(rows: [Int], label: String)]
    /// For each period group, the index of its basis.
    let basisOfGroup: [Int]
    /// dist2ref: the reference unit's row in each basis.
    let referenceRows: [Int]?

    /// - Throws: `BuurtError(.data)` when the reference period has no rows or the reference unit
    ///   of dist2ref is missing from a basis or has several rows in one.
    /// - Complexity: O(rows).
    public init(_ panel: Panel, parameters: NormaliseParameters) throws(BuurtError) {
        let groups = panel.periodGroups
        let plan = try Normalise.basisPlan(groups, scope: parameters.scope, panel: panel)
        self.groups = groups
        bases = plan.bases
        basisOfGroup = plan.basisOfGroup
        referenceRows = try Normalise.referenceUnitRows(parameters.method, plan: plan, panel: panel)
    }
}

extension Normalise {
    /// The rows each fit is taken from and which fit each period group uses.
    struct BasisPlan {
        /// Basis rows with a message suffix naming them (", 2018", ", all periods", …).
        var bases: [(rows: [Int], label: String)]
        /// For each period group, the index of its basis.
        var basisOfGroup: [Int]
    }

    static func basisPlan(_ groups: [PeriodRows], scope: NormaliseScope, panel: Panel) throws(BuurtError) -> BasisPlan {
        switch scope {
        case .period:
            return BasisPlan(
                bases: groups.map { ($0.rows, $0.period.map { ", \($0)" } ?? "") },
                basisOfGroup: Array(groups.indices))
        case .all:
            let label = groups.count > 1 ? ", all periods" : groups.first?.period.map { ", \($0)" } ?? ""
            return BasisPlan(bases: [(Array(0..<panel.rowCount), label)], basisOfGroup: groups.map { _ in 0 })
        case .reference(let year):
            guard let g = groups.first(where: { $0.period == year }) else {
                let known = groups.compactMap(\.period).map(String.init).joined(separator: ", ")
                throw BuurtError(.data, "normalise scope: reference period \(year) has no rows in the data"
                    + (known.isEmpty ? " (the data has no periods)" : " (periods: \(known))"))
            }
            return BasisPlan(bases: [(g.rows, ", reference period \(year)")], basisOfGroup: groups.map { _ in 0 })
        }
    }

    /// For dist2ref, the row of the reference unit in each basis; `nil` for other methods.
    static func referenceUnitRows(_ method: NormaliseMethod, plan: BasisPlan, panel: Panel) throws(BuurtError) -> [Int]? {
        guard case .dist2ref(let unit) = method else { return nil }
        var result: [Int] = []
        for basis in plan.bases {
            let rows = basis.rows.filter { panel.unitCodes[$0] == unit }
            let place = basis.label.isEmpty ? "the data" : String(basis.label.dropFirst(2))
            if rows.isEmpty {
                throw BuurtError(.data, "distance to reference: reference unit \(unit) is missing from \(place)")
            }
            if rows.count > 1 {
                throw BuurtError(.data, "distance to reference: reference unit \(unit) has \(rows.count) rows in \(place); "
                    + "use scope period or reference(year) so that it has one")
            }
            result.append(rows[0])
        }
        return result
    }

    /// The node's goalposts in direction-applied units: (l, u), or (−u, −l) for direction −1.
    private static func directedGoalposts(_ node: ModelNode, method: NormaliseMethod) throws(BuurtError) -> (lower: Double, upper: Double)? {
        guard case .goalposts = method, let g = node.goalposts else { return nil }
        if !(g.lower < g.upper) {
            throw BuurtError(.data, "indicator \(node.code): the lower goalpost (\(formatNumber(g.lower))) must be below the upper one (\(formatNumber(g.upper)))")
        }
        return node.direction < 0 ? (-g.upper, -g.lower) : (g.lower, g.upper)
    }
}
