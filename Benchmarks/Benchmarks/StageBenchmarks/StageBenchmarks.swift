import Benchmark
import BenchmarkSupport
import BuurtNumerics
import BuurtRanking
import UncertaintyWorkloads
import BuurtIndex

/// Single stages and kernels on 14,000 buurten × 36 indicators × 4 years (the panel of the
/// uncertainty benchmark): every normalisation, every aggregation, PCA of 36 and 200
/// indicators, ranking and quantile selection as the Monte Carlo summary uses them.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: standardMetrics, timeUnits: .milliseconds,
                                           maxDuration: .seconds(5), maxIterations: 50)

    for (name, method) in StageWorkloads.normalisations {
        register("normalise \(name), 14000×36×4", input: {
            let workload = try UncertaintyWorkloads.dutchBuurten(units: 14_000, replications: 1)
            return (workload.panel, try StageWorkloads.modelWithTargets(workload))
        }, measure: { input in
            try Normalise.apply(input.0, model: input.1, parameters: NormaliseParameters(method: method))
        })
    }

    for (name, method) in StageWorkloads.aggregations {
        // Copeland compares every pair of buurten in a period: quadratic, so 1,000 buurten.
        let units = method == .copeland ? 1000 : 14_000
        register("aggregate \(name), \(units)×36×4", input: {
            let workload = try UncertaintyWorkloads.dutchBuurten(units: units, replications: 1)
            return (try StageWorkloads.normalised(workload), workload.model)
        }, measure: { input in
            try Aggregate.apply(input.0, model: input.1, parameters: AggregateParameters(rule: AggregateRule(method: method)))
        })
    }

    for indicators in [36, 200] {
        register("PCA \(indicators) indicators, 14000 rows", input: {
            StageWorkloads.factorColumns(rows: 14_000, count: indicators)
        }, measure: { columns in
            try PrincipalComponents(columns: columns)
        })
    }

    // One replication's ranking: 14,000 scores of a period (the engine does this 4 × R times).
    register("competition ranks, 14000 scores × 100 draws", input: {
        StageWorkloads.scoreDraws(units: 14_000, draws: 100)
    }, measure: { draws in
        var ranker = CompetitionRanker(capacity: 14_000)
        var ranks = [UInt16](repeating: 0, count: 14_000)
        var total = 0
        for scores in draws {
            total += ranker.rank(scores, into: &ranks)
        }
        return total
    })

    // One buurt's bands: 5/50/95 % quantiles of its 10,000 replications (the engine does this
    // for every row: 56,000 times for the main case).
    register("quantiles 5/50/95 %, 10000 draws × 100 rows", input: {
        StageWorkloads.scoreDraws(units: 10_000, draws: 100)
    }, measure: { rows in
        var selector = QuantileSelector()
        var sum = 0.0
        for values in rows {
            sum += selector.quantiles(values, UncertaintySummary.levels).reduce(0, +)
        }
        return sum
    })
}
