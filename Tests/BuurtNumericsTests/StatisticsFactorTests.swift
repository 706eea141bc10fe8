import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing

@Suite struct StatisticsFactorTests {
    /// PC1 and PC2 of the five-indicator data scaled by √λ (numpy, see StatisticsReliabilityTests).
    private let scaledLoadings = Matrix(rowMajor: [
        [0.7230210085541932, -0.2404397248243186], [0.8903796524883296, -0.22126522308947172],
        [0.8443420731661839, -0.02978951288928017], [0.11913313992436571, 0.8743100792934425],
        [0.3625438842816284, 0.8049956749848661],
    ])

    @Test func varimaxMatchesAnIndependentImplementationOfRsAlgorithm() throws {
        // numpy transcription of stats::varimax (normalize = TRUE, eps = 1e-5, np.linalg.svd)
        let expected = Matrix(rowMajor: [
            [0.7596968630504319, -0.05857743896458844], [0.9174606253316823, 0.00047484741890305675],
            [0.8265130895656794, 0.1751486921828008], [-0.0956958996568029, 0.8771847664951891],
            [0.15725102740706443, 0.8687509534692746],
        ])
        let (rotated, _) = try Varimax.rotate(scaledLoadings)
        #expect(maxAbsoluteDifference(rotated, expected) < 1e-12)
    }

    @Test func varimaxIsAnOrthogonalRotationKeepingCommunalities() throws {
        let (rotated, t) = try Varimax.rotate(scaledLoadings)
        #expect(maxAbsoluteDifference(t.multiplied(by: t, transposeSelf: true), .identity(2)) < 1e-14)
        #expect(maxAbsoluteDifference(scaledLoadings * t, rotated) < 1e-14)
        for i in 0..<5 {
            let before = scaledLoadings.row(i).reduce(0) { $0 + $1 * $1 }
            let after = rotated.row(i).reduce(0) { $0 + $1 * $1 }
            #expect(after.isApproximatelyEqual(to: before, absoluteTolerance: 1e-14))
        }
    }

    @Test func varimaxDoesNotLowerTheVarimaxCriterion() throws {
        // criterion on Kaiser-normalised loadings: Σ_f [Σᵢ zᵢf⁴/p − (Σᵢ zᵢf²/p)²]
        func criterion(_ l: Matrix) -> Double {
            let p = Double(l.rows)
            let rows = (0..<l.rows).map { i in l.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot() }
            return (0..<l.columns).reduce(0) { total, f in
                let z = (0..<l.rows).map { l[$0, f] / rows[$0] }
                let m2 = z.reduce(0) { $0 + $1 * $1 } / p, m4 = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / p
                return total + m4 - m2 * m2
            }
        }
        let (rotated, _) = try Varimax.rotate(scaledLoadings)
        // numpy: 0.3562 before, 0.4447 after
        #expect(criterion(scaledLoadings).isApproximatelyEqual(to: 0.3561992641173701, absoluteTolerance: 1e-12))
        #expect(criterion(rotated).isApproximatelyEqual(to: 0.4446909942130027, absoluteTolerance: 1e-12))
    }

    @Test func varimaxLeavesOneFactorUnchanged() throws {
        let one = Matrix(rowMajor: [[0.5], [-0.7]])
        let (rotated, t) = try Varimax.rotate(one)
        #expect(rotated == one && t == .identity(1))
    }

    @Test func handbookWeightsMatchAnIndependentComputation() throws {
        // numpy: two eigenvalues > 1 (2.174, 1.520) → varimax of √λ-scaled loadings (above);
        // SS_f = Σᵢ zᵢf², wᵢ = max_f (zᵢf²/SS_f) · SS_f*/ΣSS, normalised to sum 1
        let weights = try FactorWeights.handbook(PrincipalComponents(columns: fiveIndicatorColumns))
        let expected = [0.1591591028328177, 0.23212701440027902, 0.18838672144485452, 0.2121939406170976, 0.20813322070495113]
        for (w, e) in zip(weights, expected) { #expect(w.isApproximatelyEqual(to: e, absoluteTolerance: 1e-12)) }
        #expect(weights.reduce(0, +).isApproximatelyEqual(to: 1, absoluteTolerance: 1e-15))
    }

    @Test func withOneFactorTheWeightsAreTheSquaredFirstLoadings() throws {
        // eigenvalues of this R are 1.764, 0.846, 0.390: one factor is kept, varimax does nothing,
        // SS = λ₁·Σvᵢ² = λ₁, so wᵢ = λ₁vᵢ²/λ₁ = vᵢ² (already summing to 1)
        let r = Matrix(rowMajor: [[1, 0.6, 0.3], [0.6, 1, 0.2], [0.3, 0.2, 1]])
        let pca = try PrincipalComponents(correlation: r, observations: 30)
        #expect(pca.eigenvalues[0] > 1 && pca.eigenvalues[1] < 1)
        let weights = try FactorWeights.handbook(pca)
        for i in 0..<3 {
            #expect(weights[i].isApproximatelyEqual(to: pca.loadings[i, 0] * pca.loadings[i, 0], absoluteTolerance: 1e-15))
        }
        // equal correlations ½ among three: λ = 2, ½, ½ and v₁ = (1,1,1)/√3 → weights ⅓ each
        let equal = try FactorWeights.handbook(PrincipalComponents(
            correlation: Matrix(rowMajor: [[1, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 1]]), observations: 30))
        #expect(equal.allSatisfy { $0.isApproximatelyEqual(to: 1.0 / 3, absoluteTolerance: 1e-15) })
    }

    @Test func handbookWeightsAreNaNWhenThePCAIsUndefined() throws {
        let weights = try FactorWeights.handbook(PrincipalComponents(columns: [[1, 2, 3], [4, 4, 4]]))
        #expect(weights.count == 2 && weights.allSatisfy(\.isNaN))
    }
}
