import BuurtNumerics
import BuurtIndex

/// Small synthetic models and panels for the engine tests, drawn from Philox streams so every
/// test sees the same numbers.
enum TestPanels {
    /// A root over `dims` dimensions d1…, each over `perDim` indicators x<d>_<i>; weights
    /// 1, 2, 3, … so renormalisation matters; every second indicator has direction −1.
    static func model(dims: Int, perDim: Int, extra: [ModelNode] = []) throws -> IndexModel {
        var nodes = [ModelNode(code: "index", kind: .aggregate)]
        for d in 1...dims {
            nodes.append(ModelNode(code: "d\(d)", kind: .aggregate, parent: "index", weight: Double(d)))
            for i in 1...perDim {
                nodes.append(ModelNode(code: "x\(d)_\(i)", kind: .indicator, parent: "d\(d)",
                                       direction: i % 2 == 0 ? -1 : 1, weight: Double(i)))
            }
        }
        return try IndexModel(nodes: nodes + extra)
    }

    /// `units` units in each of `periods`, indicator values uniform in [0, 100) (each unit has its
    /// own level, so rankings are neither flat nor fixed), a share `missing` of cells missing.
    static func panel(model: IndexModel, units: Int, periods: [Int?], missing: Double, seed: UInt64) -> Panel {
        var g = RandomStream(seed: seed, stream: 0)
        let level = (0..<units).map { _ in g.uniform() * 60 }
        let codes = model.indicators
        var unitCodes: [String] = [], rowPeriods: [Int?] = []
        var columns = codes.map { _ in [Double]() }
        for p in periods {
            for u in 0..<units {
                unitCodes.append("u\(u)")
                rowPeriods.append(p)
                for j in codes.indices {
                    let x = level[u] + g.uniform() * 40
                    columns[j].append(g.uniform() < missing ? .nan : x)
                }
            }
        }
        return Panel(unitCodes: unitCodes, periods: rowPeriods, columnCodes: codes,
                     values: Matrix(columnList: columns, rows: unitCodes.count))
    }

    /// The spec of the synthetic tests: min-max [0, 100] per period, arithmetic means, an
    /// aggregate of indicators needs two thirds of its indicators.
    static let spec = PipelineSpec(
        aggregate: AggregateParameters(rule: AggregateRule(method: .arithmetic), levelRules: [2: AggregateRule(method: .arithmetic, minCoverage: 0.6)]))
}
