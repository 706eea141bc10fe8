import BuurtNumerics
import CVectorMath
@testable import BuurtRanking
import Testing
import BuurtIndex

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

    /// 4,003 rows (not a multiple of 8): survey sizes 1-2,000 with shares 0-100 % (shapes from ½
    /// to 2,000), counts 0-400, and every twentieth row missing a value or size, so the
    /// eight-lane draws meet full groups, mixed groups and a tail.
    static func widePanel() -> Panel {
        var g = SplitMix64(state: 77)
        var rows: [[Double]] = [], units: [String] = []
        for i in 0..<4_003 {
            let size = (1 + 2_000 * g.uniform()).rounded(.down), population = (100 + 9_000 * g.uniform()).rounded(.down)
            var row = [100 * g.uniform(), 400 * g.uniform(), 50, size, population]
            if i % 20 == 3 { row[i % 40 == 3 ? 0 : 3] = .nan }
            if i % 20 == 7 { row[i % 40 == 7 ? 1 : 4] = i % 80 == 7 ? .nan : 0 }
            if i % 30 == 11 { row[0] = i % 60 == 11 ? 0 : 100 }
            rows.append(row)
            units.append("U\(i)")
        }
        return Panel(unitCodes: units, periods: units.indices.map { 2017 + $0 % 4 },
                     columnCodes: ["share", "burglary", "other", "survey_n", "population"], values: Matrix(rowMajor: rows))
    }

    @Test(arguments: [0, 7, 123])
    func preparedDrawsAreTheDocumentedKeyedDraws(replication r: Int) throws {
        let drawn = try Self.expectDocumentedDraws(Self.panel(), replication: r)
        // The zero share and count were redrawn (a Beta and a boosted Gamma are positive).
        #expect(drawn.column("share")![0] > 0 && drawn.column("burglary")![0] > 0)
    }

    /// The eight-lane draws (where the processor has them) leave every cell the bits of the
    /// scalar sampler, on every path of Marsaglia & Tsang's sampler and the ziggurat.
    @Test(arguments: [0, 5])
    func wideDrawsAreTheDocumentedKeyedDraws(replication r: Int) throws {
        let panel = Self.widePanel()
        _ = try Self.expectDocumentedDraws(panel, replication: r)
        // Where the eight-lane path exists it decides most cells itself (the test above is then
        // a test of it): count the cells it leaves.
        let perturbation = SamplingPerturbation(panel: panel, model: SamplingTests.model, seed: 2017)
        let key = SamplingPerturbation.replicationKey(seed: 2017, replication: UInt64(r))
        for t in perturbation.targets {
            var out = [Double](repeating: .nan, count: panel.rowCount), pending = [Int32](repeating: 0, count: panel.rowCount)
            let sizes = panel.values.storage[(t.sizeColumn * panel.rowCount)...].map { $0 }
            let left = buurt_draw_fast(t.drawKind, t.cellKeys, key, t.firstD, t.firstC, t.binomial ? t.secondD : t.firstD,
                                       t.binomial ? t.secondC : t.firstC, t.per, sizes, NormalZiggurat.shared.edges, &out, &pending, out.count)
            guard left >= 0 else { continue }
            #expect(left < panel.rowCount / 4, "\(left) of \(panel.rowCount) cells left to the scalar sampler")
            #expect(pending[0..<left].allSatisfy { out[Int($0)].isNaN }, "a pending cell was written")
        }
    }

    static func expectDocumentedDraws(_ panel: Panel, replication r: Int) throws -> Panel {
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
        #expect(drawn.column("other")! == panel.column("other")!)
        return drawn
    }
}
