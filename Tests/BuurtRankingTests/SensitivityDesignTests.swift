import BuurtNumerics
import BuurtRanking
import Testing
import BuurtIndex

/// The N(d + 2) Saltelli design: block layout, reproducibility, and how `run` evaluates it.
@Suite struct SensitivityDesignTests {
    @Test func blocksAreAThenBThenAWithOneColumnFromB() {
        let design = SensitivityDesign(inputs: 3, samples: 4, seed: 42)
        #expect(design.blockCount == 5 && design.pointCount == 20)
        for k in 0..<4 {
            let a = design.rowA(k), b = design.rowB(k)
            #expect(design.point(block: 0, row: k) == a)
            #expect(design.point(block: 1, row: k) == b)
            for i in 0..<3 {
                var expected = a
                expected[i] = b[i]
                #expect(design.point(block: 2 + i, row: k) == expected)
            }
        }
        // point j runs through the blocks in order, N points each
        let all = design.points
        #expect(all.count == 20)
        for j in 0..<20 { #expect(design.point(j) == all[j] && all[j] == design.block(j / 4)[j % 4]) }
    }

    @Test func rowKComesFromItsOwnStream() {
        // Row k of A is the first d uniforms of stream 2⁶³ + k, row k of B the next d.
        let design = SensitivityDesign(inputs: 2, samples: 3, seed: 7)
        var rng = RandomStream(seed: 7, stream: SensitivityDesign.designStreamBase + 2)
        let u = (0..<4).map { _ in rng.uniform() }
        #expect(design.rowA(2) == Array(u[0..<2]) && design.rowB(2) == Array(u[2..<4]))
        // a longer design shares its first rows: any row can be recomputed alone
        let longer = SensitivityDesign(inputs: 2, samples: 10, seed: 7)
        #expect((0..<3).allSatisfy { longer.rowA($0) == design.rowA($0) && longer.rowB($0) == design.rowB($0) })
        #expect(SensitivityDesign(inputs: 2, samples: 3, seed: 7) == design)
        #expect(SensitivityDesign(inputs: 2, samples: 3, seed: 8) != design)
    }

    @Test func coordinatesAreUniformOnTheUnitInterval() {
        // 2·N·d = 12,000 uniforms: mean 1/2 with SD √(1/12/12000) ≈ 0.0026 → 5 SD = 0.013;
        // variance 1/12 with SD √((1/80 − 1/144)/12000) ≈ 0.00068 → 5 SD = 0.0034.
        let design = SensitivityDesign(inputs: 3, samples: 2000, seed: 1)
        let u = (0..<2000).flatMap { design.rowA($0) + design.rowB($0) }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(Descriptive.mean(u) - 0.5) < 0.013)
        #expect(abs(Descriptive.variance(u) - 1.0 / 12) < 0.0034)
    }

    @Test func runEvaluatesOneBlockPerCallInDesignOrder() {
        let design = SensitivityDesign(inputs: 2, samples: 5, seed: 3)
        var batches: [[[Double]]] = []
        let s = SensitivityAnalysis.run(inputs: 2, samples: 5, seed: 3, bootstrap: 0) { points in
            batches.append(points)
            return points.map { $0[0] }
        }
        #expect(batches.count == 4)
        #expect(batches.enumerated().allSatisfy { $0.element == design.block($0.offset) })
        // y = X1 alone: the second input changes nothing, so its indices are exactly 0
        #expect(s[1].firstOrder == 0 && s[1].total == 0)
        #expect(s[0].total > 0)
    }

    @Test func runPassesTheCallersErrorThrough() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try SensitivityAnalysis.run(inputs: 2, samples: 5, seed: 3) { _ in throw Stop() }
        }
    }
}
