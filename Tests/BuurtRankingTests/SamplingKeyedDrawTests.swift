import BuurtNumerics
@testable import BuurtRanking
import Testing

/// The perturbation, whose cells' keys and Gamma constants are prepared once, draws exactly
/// the documented keyed posterior of every cell: state = mix(k_r ⊕ combine(combine(text(unit),
/// period(period)), text(indicator))), then Beta(x + ½, n − x + ½)·per or Gamma(c + ½)·per/population
/// from `SplitMix64(state)` with the samplers that take the shapes directly.
@Suite struct SamplingKeyedDrawTests {
    /// Shares of 0 % and 100 % and zero counts (shapes ½, the boosted Gamma), a missing value,
    /// a missing and a zero size, and ordinary cells.
    static func panel() -> Panel {
        let rows: [[Double]] = [
            [0, 0, 50, 20, 4000], [100, 120, 50, 400, 900], [.nan, 30, 50, 300, 2500], [35, .nan, 50, .nan, 3000],
            [42, 75, 50, 0, 0], [18.5, 3, 50, 37, 350], [64, 250, 50, 150, 7800],
        ]
        return Panel(unitCodes: ["A", "B", "C", "D", "E", "F", "G"], periods: [2019, 2019, 2020, 2020, 2020, 2021, 2021],
                     columnCodes: ["share", "burglary", "other", "survey_n", "population"], values: Matrix(rowMajor: rows))
    }

    @Test(arguments: [0, 7, 123])
    func preparedDrawsAreTheDocumentedKeyedDraws(replication r: Int) throws {
        let panel = Self.panel()
        let seed: UInt64 = 2017
        let drawn = SamplingPerturbation(panel: panel, model: SamplingTests.model, seed: seed)
            .perturbed(panel, replication: UInt64(r))
        let k = SamplingPerturbation.replicationKey(seed: seed, replication: UInt64(r))
        let (share, burglary) = (panel.column("share")!, panel.column("burglary")!)
        let (size, population) = (panel.column("survey_n")!, panel.column("population")!)
        for i in 0..<panel.rowCount {
            func generator(_ code: String) -> SplitMix64 {
                let cell = StableHash.combine(StableHash.combine(StableHash.text(panel.unitCodes[i]), StableHash.period(panel.periods[i])),
                                              StableHash.text(code))
                return SplitMix64(state: StableHash.mix(k ^ cell))
            }
            var g = generator("share")
            let x = min(max(share[i] / 100 * size[i], 0), size[i])
            let expectedShare = share[i].isNaN || !(size[i] > 0) ? share[i] : g.beta(x + 0.5, size[i] - x + 0.5) * 100
            var h = generator("burglary")
            let count = burglary[i] * population[i] / 1000
            let expectedRate = burglary[i].isNaN || !(population[i] > 0)
                ? burglary[i] : h.gamma(shape: max(count, 0) + 0.5) * 1000 / population[i]
            #expect(drawn.column("share")![i].bitPattern == expectedShare.bitPattern, "share of \(panel.unitCodes[i])")
            #expect(drawn.column("burglary")![i].bitPattern == expectedRate.bitPattern, "burglary of \(panel.unitCodes[i])")
        }
        // The zero share and count were redrawn (a Beta and a boosted Gamma are positive).
        #expect(drawn.column("share")![0] > 0 && drawn.column("burglary")![0] > 0)
        #expect(drawn.column("other")! == panel.column("other")!)
    }
}
