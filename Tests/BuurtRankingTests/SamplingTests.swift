import BuurtNumerics
import BuurtRanking
import Numerics
import Testing
import BuurtIndex

@Suite struct SamplingTests {
    /// Index over a survey share (binomial on survey_n), a burglary rate per 1000 inhabitants
    /// (Poisson on population) and one indicator without sampling error; goalpost
    /// normalisation (fixed, linear) so an indicator's normalised value is its value rescaled.
    static let model = try! IndexModel(nodes: [
        ModelNode(code: "index", kind: .aggregate),
        ModelNode(code: "share", kind: .indicator, parent: "index", goalposts: (0, 100),
                  sampling: .binomial(sizeColumn: "survey_n", per: 100)),
        ModelNode(code: "burglary", kind: .indicator, parent: "index", direction: -1, goalposts: (0, 200),
                  sampling: .poisson(exposureColumn: "population", per: 1000)),
        ModelNode(code: "other", kind: .indicator, parent: "index", goalposts: (0, 100)),
    ])
    static let spec = PipelineSpec(normalise: NormaliseParameters(method: .goalposts(scale: 100)))

    /// 30 buurten; A and B have the same values (share 30 %, 50 burglaries per 1000 in 4000
    /// inhabitants, other 50), A with 10,000 respondents, B with 20; the others 300.
    static func panel() -> Panel {
        var g = RandomStream(seed: 8, stream: 0)
        var rows: [[Double]] = [[30, 50, 50, 10_000, 4000], [30, 50, 50, 20, 4000]]
        for _ in 0..<28 {
            rows.append([20 + 20 * g.uniform(), 30 + 40 * g.uniform(), 30 + 40 * g.uniform(), 300, 2000 + 4000 * g.uniform()])
        }
        return Panel(unitCodes: ["A", "B"] + (0..<28).map { "u\($0)" }, periods: Array(repeating: 2020, count: 30),
                     columnCodes: ["share", "burglary", "other", "survey_n", "population"], values: Matrix(rowMajor: rows))
    }

    static func engine(replications: Int) throws -> UncertaintyEngine {
        try UncertaintyEngine(panel: panel(), model: model, spec: spec,
                              uncertainty: UncertaintySpec(sampling: true, replications: replications, seed: 21),
                              scoreCodes: ["index", "share", "burglary", "other"])
    }

    @Test func aLargeSurveyGivesANarrowerBandThanASmallOne() throws {
        let r = try UncertaintySummary.compute(engine: Self.engine(replications: 400), threads: 2)
        let a = r.units[0], b = r.units[1]
        #expect(a.unit == "A" && b.unit == "B")
        #expect(a.score == b.score && a.rank == b.rank)
        #expect(a.rankP95 - a.rankP05 < b.rankP95 - b.rankP05)
        #expect(a.scoreP95 - a.scoreP05 < b.scoreP95 - b.scoreP05)
    }

    /// The draws follow the documented posteriors. Share: n = 20, x = 0.3·20 = 6 →
    /// Beta(6.5, 14.5): mean 6.5/21 = 0.309524, sd √(6.5·14.5/(21²·22)) = 0.098562 (in %: ×100).
    /// Burglary: count = 50·4000/1000 = 200 → Gamma(200.5): rate λ/4, mean 50.125,
    /// sd √200.5/4 = 3.539951; normalised (goalposts [0, 200], direction −1: 100 − rate/2) mean
    /// 74.9375, sd 1.769976. Sample means must lie within 4 standard errors, sample sds within 10 %.
    /// The indicator without a sampling model never moves.
    @Test func drawsFollowTheJeffreysPosteriors() throws {
        let e = try Self.engine(replications: 1000)
        let block = try e.evaluate((0..<1000).map { e.draw(replication: $0) }, threads: 2)
        func moments(_ code: Int) -> (mean: Double, sd: Double) {
            let x = (0..<1000).map { block[code: code, draw: $0, row: 1] }
            return (Descriptive.mean(x), Descriptive.standardDeviation(x))
        }
        let share = moments(1), burglary = moments(2), other = moments(3)
        #expect(abs(share.mean - 30.9524) < 4 * 9.8562 / 1000.0.squareRoot())
        #expect(abs(share.sd / 9.8562 - 1) < 0.1)
        #expect(abs(burglary.mean - 74.9375) < 4 * 1.769976 / 1000.0.squareRoot())
        #expect(abs(burglary.sd / 1.769976 - 1) < 0.1)
        #expect(other.mean == 50 && other.sd == 0)
    }

    @Test func samplingIsReproducibleForAnyThreadCount() throws {
        let e = try Self.engine(replications: 50)
        let draws = (0..<50).map { e.draw(replication: $0) }
        #expect(draws[7].samplingStream == 7)
        let one = try e.evaluate(draws, threads: 1), two = try e.evaluate(draws, threads: 2)
        let same = one == two
        #expect(same)
    }

    @Test func samplingNeedsItsSizeColumn() {
        let panel = Self.panel().selecting(columns: ["share", "burglary", "other", "population"])
        #expect(throws: BuurtError.self) {
            try UncertaintyEngine(panel: panel, model: Self.model, spec: Self.spec,
                                  uncertainty: UncertaintySpec(sampling: true), scoreCodes: ["index"])
        }
    }
}
