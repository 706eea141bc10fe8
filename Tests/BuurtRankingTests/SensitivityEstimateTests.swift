import BuurtNumerics
import BuurtRanking
import Foundation
import Numerics
import Testing
import BuurtIndex

/// The Saltelli/Jansen estimators and their bootstrap bounds on hand cases and on functions with
/// analytic indices.
@Suite struct SensitivityEstimateTests {
    @Test func handComputedIndicesUseTheSampleVarianceOfBothBaseSamples() {
        // yA = (1, 3), yB = (2, 4), y_AB = (2, 3):
        // V = var(1, 3, 2, 4) = ((1.5² + 0.5²)·2)/(4 − 1) = 5/3  (n − 1, as R's var; n would give 5/4)
        // Si  = mean(yB·(y_AB − yA)) / V = mean(2·1, 4·0)/V = 1/(5/3) = 0.6
        // STi = mean((yA − y_AB)²)/(2V) = ((1 + 0)/2)/(2·5/3) = 0.15
        let s = SensitivityEstimate.compute(yA: [1, 3], yB: [2, 4], yABi: [[2, 3]], bootstrap: 0, seed: 1)
        #expect(s.count == 1 && s[0].input == 0)
        #expect(s[0].firstOrder.isApproximatelyEqual(to: 0.6, absoluteTolerance: 1e-15))
        #expect(s[0].total.isApproximatelyEqual(to: 0.15, absoluteTolerance: 1e-15))
        #expect(s[0].firstOrderP05.isNaN && s[0].totalP95.isNaN)
    }

    @Test func bootstrapOfASingleRowRepeatsTheEstimate() {
        // N = 1: every resample is row 0 again. V = var(1, 3) = 2, Si = 3·(2 − 1)/2 = 1.5,
        // STi = (1 − 2)²/(2·2) = 0.25, and all four bounds equal the estimates.
        let s = SensitivityEstimate.compute(yA: [1], yB: [3], yABi: [[2]], bootstrap: 50, seed: 9)[0]
        #expect(s.firstOrder == 1.5 && s.total == 0.25)
        #expect(s.firstOrderP05 == 1.5 && s.firstOrderP95 == 1.5 && s.totalP05 == 0.25 && s.totalP95 == 0.25)
    }

    @Test func constantOutputGivesExactZerosNotNaN() {
        // V = 0 and every numerator is 0: no input explains any variance.
        let s = SensitivityEstimate.compute(yA: [4, 4, 4], yB: [4, 4, 4], yABi: [[4, 4, 4], [4, 4, 4]], bootstrap: 20, seed: 3)
        for i in s {
            #expect(i.firstOrder == 0 && i.total == 0 && i.firstOrderP05 == 0 && i.firstOrderP95 == 0)
            #expect(i.totalP05 == 0 && i.totalP95 == 0)
            #expect(i.firstOrder.sign == .plus)
        }
    }

    /// y = X1 + 10·X2 with an unused X3, Xi ~ U(0, 1): V = (1 + 100)/12, V1 = 1/12, V2 = 100/12,
    /// so Si = STi = (1/101, 100/101, 0).
    ///
    /// Tolerances are 5 standard deviations of each estimator at N = 10,000, measured over 400
    /// independent repetitions of the whole design: SD(S1) = 0.0030, SD(S2) = 0.030 (the Saltelli
    /// Si estimator's spread grows with the output mean, here 5.5), SD(ST1) = 0.00013,
    /// SD(ST2) = 0.010.
    static let linearTolerance = (s1: 0.015, s2: 0.15, st1: 0.00065, st2: 0.05)
    static let linearExact = [1.0 / 101, 100.0 / 101, 0]

    /// N = 10,000, B = 1000, computed once for the tests below.
    static let linear = SensitivityAnalysis.run(inputs: 3, samples: 10_000, seed: 2024) { points in
        points.map { $0[0] + 10 * $0[1] }
    }

    @Test func linearFunctionMatchesTheAnalyticIndices() {
        let s = Self.linear
        let t = Self.linearTolerance
        #expect(abs(s[0].firstOrder - Self.linearExact[0]) <= t.s1)
        #expect(abs(s[1].firstOrder - Self.linearExact[1]) <= t.s2)
        #expect(abs(s[0].total - Self.linearExact[0]) <= t.st1)
        #expect(abs(s[1].total - Self.linearExact[1]) <= t.st2)
        // X3 is never looked at: y_AB3 = y_A exactly, so everything is exactly 0
        #expect(s[2] == SensitivityIndex(input: 2, firstOrder: 0, total: 0, firstOrderP05: 0, firstOrderP95: 0, totalP05: 0, totalP95: 0))
    }

    @Test func linearBootstrapBandsAreConsistentWithTheAnalyticValuesAndTheSpread() {
        let s = Self.linear
        // A 90 % percentile band spans ≈ 2·1.645 SD. Widened by its own width on each side it spans
        // ≈ ±4.9 SD around the estimate, so it misses the true value with probability < 1e-5.
        func covers(_ lo: Double, _ hi: Double, _ x: Double) -> Bool {
            let w = hi - lo
            return lo <= hi && lo - w <= x && x <= hi + w
        }
        for i in 0..<2 {
            #expect(covers(s[i].firstOrderP05, s[i].firstOrderP95, Self.linearExact[i]))
            #expect(covers(s[i].totalP05, s[i].totalP95, Self.linearExact[i]))
            #expect(s[i].firstOrderP05 <= s[i].firstOrder && s[i].firstOrder <= s[i].firstOrderP95)
            #expect(s[i].totalP05 <= s[i].total && s[i].total <= s[i].totalP95)
        }
        // The bands' implied SD (width/3.29) agrees within a factor 2 with the repeated-design SDs.
        let measured = [(0.0030, 0.00013), (0.030, 0.010)]
        for i in 0..<2 {
            let sdFirst = (s[i].firstOrderP95 - s[i].firstOrderP05) / 3.29
            let sdTotal = (s[i].totalP95 - s[i].totalP05) / 3.29
            #expect(sdFirst > measured[i].0 / 2 && sdFirst < measured[i].0 * 2)
            #expect(sdTotal > measured[i].1 / 2 && sdTotal < measured[i].1 * 2)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.coinrCheckPath), "COINr reference data not present"))
    func linearEstimatesAgreeWithCOINrWithinSamplingError() throws {
        // COINr's SA_sample(10000, 3) + SA_estimate on the same function, with R's own random numbers:
        // the same estimators, so the same analytic targets within the same sampling tolerances.
        let text = try String(contentsOfFile: Self.coinrCheckPath, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        try #require(rows.count == 3)
        let coinr = try rows.map { r -> (si: Double, sti: Double, exact: Double) in
            (try #require(Double(r[1])), try #require(Double(r[2])), try #require(Double(r[3])))
        }
        let t = Self.linearTolerance
        let ours = Self.linear
        for (i, (siTol, stiTol)) in [(t.s1, t.st1), (t.s2, t.st2)].enumerated() {
            #expect(coinr[i].exact.isApproximatelyEqual(to: Self.linearExact[i], absoluteTolerance: 1e-15))
            #expect(abs(coinr[i].si - Self.linearExact[i]) <= siTol)
            #expect(abs(coinr[i].sti - Self.linearExact[i]) <= stiTol)
            // two independent estimates: their difference has SD √2·SD, tolerance 5·√2·SD
            #expect(abs(ours[i].firstOrder - coinr[i].si) <= siTol * 2.0.squareRoot())
            #expect(abs(ours[i].total - coinr[i].sti) <= stiTol * 2.0.squareRoot())
        }
        #expect(coinr[2].si == 0 && coinr[2].sti == 0 && ours[2].firstOrder == 0 && ours[2].total == 0)
    }

    /// `../shared/peers/coinr-asem/sa_estimator_check_linear.csv` next to the project root.
    static let coinrCheckPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/peers/coinr-asem/sa_estimator_check_linear.csv").path

    @Test func inputWithTwoIdenticalAlternativesGetsExactlyZero() {
        // X3 picks one of two alternatives (index ⌊2u⌋) that both add 5: y never changes with it.
        let alternatives = [5.0, 5.0]
        let s = SensitivityAnalysis.run(inputs: 3, samples: 500, seed: 11, bootstrap: 200) { points in
            points.map { $0[0] + 10 * $0[1] + alternatives[min(Int($0[2] * 2), 1)] }
        }
        #expect(s[2] == SensitivityIndex(input: 2, firstOrder: 0, total: 0, firstOrderP05: 0, firstOrderP95: 0, totalP05: 0, totalP95: 0))
        #expect(s[0].total > 0 && s[1].total > 0)
    }

    @Test func sameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
        func run(_ seed: UInt64) -> [SensitivityIndex] {
            SensitivityAnalysis.run(inputs: 2, samples: 300, seed: seed, bootstrap: 100) { $0.map { $0[0] * $0[1] + $0[0] } }
        }
        #expect(run(5) == run(5))
        #expect(run(5) != run(6))
    }

    /// Ishigami f = sin x1 + a·sin² x2 + b·x3⁴·sin x1, xi ~ U(−π, π), a = 7, b = 0.1:
    /// V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸·(1/18 − 1/50),
    /// S = (V1, V2, 0)/V, ST = (V1 + V13, V2, V13)/V ≈ (0.3139, 0.4424, 0), (0.5576, 0.4424, 0.2437).
    @Test func ishigamiFunctionMatchesTheAnalyticIndices() {
        let a = 7.0, b = 0.1, pi = Double.pi
        let pi4 = pi * pi * pi * pi
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
        let v2 = a * a / 8
        let v13 = b * b * pi4 * pi4 * (1.0 / 18 - 1.0 / 50)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi4 * pi4 / 18 + 0.5
        let first = [v1 / v, v2 / v, 0], total = [(v1 + v13) / v, v2 / v, v13 / v]
        #expect(first[0].isApproximatelyEqual(to: 0.3139, absoluteTolerance: 1e-4))
        #expect(total[2].isApproximatelyEqual(to: 0.2437, absoluteTolerance: 1e-4))

        let s = SensitivityAnalysis.run(inputs: 3, samples: 20_000, seed: 77, bootstrap: 100) { points in
            points.map { u in
                let x = u.map { (2 * $0 - 1) * pi }
                let x3 = x[2] * x[2]
                return sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * x3 * x3 * sin(x[0])
            }
        }
        // 5 SD at N = 20,000 (measured over 200 repeated designs): SD(Si) ≤ 0.0098 → 0.05;
        // SD(ST1) = 0.0093 → 0.05; SD(ST2) = 0.0043 → 0.022; SD(ST3) = 0.0033 → 0.017.
        let firstTolerance = 0.05, totalTolerance = [0.05, 0.022, 0.017]
        for i in 0..<3 {
            #expect(abs(s[i].firstOrder - first[i]) <= firstTolerance)
            #expect(abs(s[i].total - total[i]) <= totalTolerance[i])
        }
    }

    /// Points where the output cannot be computed (NaN, as a replication left out under
    /// `out_of_domain: skip`) remove their design row from every index instead of making every
    /// index NaN. y = X1 + 10·X2 (X3 unused) with a hole where X1 > 0.9: the count of rows left
    /// out equals the rows whose A, B or any A_B^(i) point lies in the hole, X3's indices stay
    /// exactly 0, and X2 still explains most of the variance of the kept rows.
    @Test func pointsOutsideTheDomainLeaveOutTheirRowOnly() {
        let n = 2000, seed: UInt64 = 5
        let hole: ([Double]) -> Bool = { $0[0] > 0.9 }
        let design = SensitivityDesign(inputs: 3, samples: n, seed: seed)
        let expected = (0..<n).filter { k in (0..<design.blockCount).contains { hole(design.block($0)[k]) } }.count
        #expect(expected > 0 && expected < n)
        let (s, leftOut) = SensitivityAnalysis.estimate(inputs: 3, samples: n, seed: seed, bootstrap: 50) { points in
            points.map { hole($0) ? .nan : $0[0] + 10 * $0[1] }
        }
        #expect(leftOut == expected)
        #expect(s.allSatisfy { $0.firstOrder.isFinite && $0.total.isFinite && $0.totalP05.isFinite && $0.totalP95.isFinite })
        #expect(s[2].firstOrder == 0 && s[2].total == 0)
        #expect(s[1].total > 0.9 && s[0].total < 0.05)
        // Without holes nothing is left out, and `run` equals `estimate`'s indices.
        let whole = SensitivityAnalysis.estimate(inputs: 3, samples: 200, seed: seed, bootstrap: 0) { $0.map { $0[0] + 10 * $0[1] } }
        #expect(whole.rowsLeftOut == 0)
        #expect(whole.indices == SensitivityAnalysis.run(inputs: 3, samples: 200, seed: seed, bootstrap: 0) { $0.map { $0[0] + 10 * $0[1] } })
    }
}
