import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct StatisticsGroupAnalysisTests {
    /// Index ← G1 (a1…a5), G2 (solo), G3 (d1, d2 = 2·d1 + 1, so r = 1 and R is singular).
    private func model() throws -> IndexModel {
        var nodes = [ModelNode(code: "Index", kind: .aggregate)]
        for g in ["G1", "G2", "G3"] { nodes.append(ModelNode(code: g, kind: .aggregate, parent: "Index")) }
        for i in 1...5 { nodes.append(ModelNode(code: "a\(i)", kind: .indicator, parent: "G1")) }
        nodes.append(ModelNode(code: "solo", kind: .indicator, parent: "G2"))
        nodes.append(ModelNode(code: "d1", kind: .indicator, parent: "G3"))
        nodes.append(ModelNode(code: "d2", kind: .indicator, parent: "G3"))
        return try IndexModel(nodes: nodes)
    }

    /// 2023 rows carry the five-indicator data; 2022 rows carry unrelated values that must be ignored.
    private func panel() -> Panel {
        let n = 14
        let d1 = (0..<n).map { Double(($0 * 7) % 11) }
        var solo = (0..<n).map { Double($0 * $0 % 5) }
        solo[3] = .nan
        let latest = fiveIndicatorColumns + [solo, d1, d1.map { 2 * $0 + 1 }]
        let older = (0..<8).map { j in (0..<n).map { Double(($0 + 3 * j) % 4) } }
        let columns = zip(older, latest).map { $0 + $1 }
        return Panel(
            unitCodes: (0..<(2 * n)).map { "U\($0 % n)" },
            periods: Array(repeating: 2022, count: n) + Array(repeating: 2023, count: n),
            columnCodes: ["a1", "a2", "a3", "a4", "a5", "solo", "d1", "d2"],
            values: Matrix(columnList: columns, rows: 2 * n))
    }

    @Test func reliabilityRowsPerGroupOfIndicators() throws {
        let result = try GroupAnalysis.run(panel(), model: model(), period: 2023)
        #expect(result.reliability.map(\.group) == ["G1", "G2", "G3"])
        let g1 = result.reliability[0]
        // reference values of the five-indicator data (numpy, see StatisticsReliabilityTests)
        #expect(g1.indicatorCount == 5 && g1.observations == 14)
        #expect(g1.cronbachAlpha.isApproximatelyEqual(to: 0.6386821750849645, absoluteTolerance: 1e-13))
        #expect(g1.kmo.isApproximatelyEqual(to: 0.5407178146497685, absoluteTolerance: 1e-13))
        #expect(g1.bartlettChiSquare.isApproximatelyEqual(to: 16.322866017184197, absoluteTolerance: 1e-11))
        #expect(g1.bartlettDegreesOfFreedom == 10)
        #expect(g1.bartlettPValue.isApproximatelyEqual(to: 0.090755500009537321508, absoluteTolerance: 1e-12))
        // one indicator: nothing to relate, df = 1·0/2 = 0; the gap leaves 13 complete cases
        let g2 = result.reliability[1]
        #expect(g2.indicatorCount == 1 && g2.observations == 13 && g2.bartlettDegreesOfFreedom == 0)
        #expect(g2.cronbachAlpha.isNaN && g2.kmo.isNaN && g2.bartlettChiSquare.isNaN && g2.bartlettPValue.isNaN)
        // d2 = 2·d1 + 1: variances v and 4v, total 3·d1 + 1 has 9v → α = 2·(1 − 5v/9v) = 8/9;
        // R = [[1, 1], [1, 1]] is singular, so KMO and Bartlett are NaN
        let g3 = result.reliability[2]
        #expect(g3.cronbachAlpha.isApproximatelyEqual(to: 8.0 / 9, absoluteTolerance: 1e-14))
        #expect(g3.kmo.isNaN && g3.bartlettChiSquare.isNaN && g3.bartlettPValue.isNaN && g3.bartlettDegreesOfFreedom == 1)
    }

    @Test func pcaAndWeightRowsPerGroup() throws {
        let result = try GroupAnalysis.run(panel(), model: model(), period: 2023)
        #expect(result.pca.count == 25 + 1 + 4)
        // G1, component 2, indicator a4: numpy eigenvalue 1.5200931267990536, loading 0.7091373946082924
        let row = try #require(result.pca.first { $0.group == "G1" && $0.component == 2 && $0.indicator == "a4" })
        #expect(row.eigenvalue.isApproximatelyEqual(to: 1.5200931267990536, absoluteTolerance: 1e-13))
        #expect(row.explained.isApproximatelyEqual(to: 1.5200931267990536 / 5, absoluteTolerance: 1e-13))
        #expect(row.loading.isApproximatelyEqual(to: 0.7091373946082924, absoluteTolerance: 1e-12))
        // a lone indicator is its own component: λ = 1, share 1, loading 1
        let solo = result.pca.filter { $0.group == "G2" }
        #expect(solo.count == 1 && solo[0].eigenvalue == 1 && solo[0].explained == 1 && solo[0].loading == 1)
        // G3: R = [[1,1],[1,1]] has λ = 2 with (1, 1)/√2 and λ = 0
        let g3 = result.pca.filter { $0.group == "G3" && $0.component == 1 }
        #expect(g3.allSatisfy { $0.eigenvalue.isApproximatelyEqual(to: 2, absoluteTolerance: 1e-14)
            && $0.loading.isApproximatelyEqual(to: 0.5.squareRoot(), absoluteTolerance: 1e-14) })

        #expect(result.weights.map(\.indicator) == ["a1", "a2", "a3", "a4", "a5", "solo", "d1", "d2"])
        let expected = [0.1591591028328177, 0.23212701440027902, 0.18838672144485452, 0.2121939406170976,
                        0.20813322070495113, 1, 0.5, 0.5]  // G3: one factor → squared loadings ½, ½
        for (w, e) in zip(result.weights.map(\.weight), expected) {
            #expect(w.isApproximatelyEqual(to: e, absoluteTolerance: 1e-12))
        }
    }

    @Test func otherPeriodsAreIgnored() throws {
        let p = panel()
        let latestOnly = p.selecting(rows: p.rows(in: 2023))
        let all = try GroupAnalysis.run(p, model: model(), period: 2023)
        let only = try GroupAnalysis.run(latestOnly, model: model(), period: 2023)
        #expect(all.pca.map(\.loading) == only.pca.map(\.loading))
        let older = try GroupAnalysis.run(p, model: model(), period: 2022)
        #expect(older.reliability[0].cronbachAlpha != all.reliability[0].cronbachAlpha)
    }

    @Test func anIndicatorMissingFromTheDataIsADataError() throws {
        let p = panel().selecting(columns: ["a1", "a2", "a3", "a4", "a5", "solo", "d1"])
        #expect {
            try GroupAnalysis.run(p, model: model(), period: 2023)
        } throws: { error in
            let e = error as? BuurtError
            return e?.kind == .data && e?.message.contains("'d2'") == true && e?.message.contains("'G3'") == true
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func asemPillarsAreTheAnalysedGroups() throws {
        let result = try GroupAnalysis.run(Fixtures.asemPanel("pipeline_06_Normalised.csv"), model: Fixtures.asemModel(), period: nil)
        #expect(result.reliability.map(\.group) == ["Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"])
        #expect(result.reliability.allSatisfy { $0.observations == 51 && $0.kmo.isFinite && $0.bartlettPValue.isFinite })
        // 49 indicators, one weight each, summing to 1 within each pillar
        #expect(result.weights.count == 49)
        for group in result.reliability.map(\.group) {
            let total = result.weights.filter { $0.group == group }.reduce(0) { $0 + $1.weight }
            #expect(total.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-14))
        }
    }
}
