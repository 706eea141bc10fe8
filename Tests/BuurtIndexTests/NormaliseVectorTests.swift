import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

/// Element-wise comparison of value vectors; NaN (missing) must match NaN.
func expectValues(_ got: [Double], _ expected: [Double], tolerance: Double = 1e-12, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(got.count == expected.count, sourceLocation: sourceLocation)
    for (g, e) in zip(got, expected) {
        if e.isNaN {
            #expect(g.isNaN, "expected missing, got \(g)", sourceLocation: sourceLocation)
        } else {
            #expect(g.isApproximatelyEqual(to: e, absoluteTolerance: tolerance), "got \(g), expected \(e)", sourceLocation: sourceLocation)
        }
    }
}

/// Every normalisation on one small vector with a tie and a missing value:
/// x = 3, 1, NA, 4, 1, 5 → available 1, 1, 3, 4, 5: n = 5, min 1, max 5, mean 14/5 = 2.8,
/// Σ(x − 2.8)² = 0.04 + 3.24 + 1.44 + 3.24 + 4.84 = 12.8, sample sd = √(12.8/4) = √3.2.
@Suite struct NormaliseVectorTests {
    let x: [Double] = [3, 1, .nan, 4, 1, 5]

    @Test func minmaxScalesOntoTheRange() throws {
        // (x − 1)/(5 − 1)·100: 3 → 50, 1 → 0, 4 → 75, 5 → 100
        expectValues(try Normalise.vector(x, method: .minmax(lower: 0, upper: 100)), [50, 0, .nan, 75, 0, 100])
        // onto [1, 100]: (x − 1)/4·99 + 1: 3 → 50.5, 4 → 75.25
        expectValues(try Normalise.vector(x, method: .minmax(lower: 1, upper: 100)), [50.5, 1, .nan, 75.25, 1, 100])
    }

    @Test func zscoreUsesSampleStandardDeviation() throws {
        let sd = 3.2.squareRoot()
        // (x − 2.8)/√3.2·2 + 10
        let expected = x.map { $0.isNaN ? .nan : ($0 - 2.8) / sd * 2 + 10 }
        expectValues(try Normalise.vector(x, method: .zscore(mean: 10, sd: 2)), expected)
        // 0.2/√3.2 = 0.1118033988749895
        #expect(try Normalise.vector([3, 1, 4, 1, 5], method: .zscore(mean: 0, sd: 1))[0]
            .isApproximatelyEqual(to: 0.1118033988749895, absoluteTolerance: 1e-15))
    }

    @Test func rankMethodsGiveTiesTheLowestRank() throws {
        // sorted 1, 1, 3, 4, 5: ranks 3 → 3, 1 → 1 (twice), 4 → 4, 5 → 5
        expectValues(try Normalise.vector(x, method: .rank), [3, 1, .nan, 4, 1, 5])
        // borda = rank − 1
        expectValues(try Normalise.vector(x, method: .borda), [2, 0, .nan, 3, 0, 4])
        // prank = (rank − 1)/(5 − 1)
        expectValues(try Normalise.vector(x, method: .prank), [0.5, 0, .nan, 0.75, 0, 1])
    }

    @Test func distanceMethods() throws {
        // fracmax x/5
        expectValues(try Normalise.vector(x, method: .fracmax), [0.6, 0.2, .nan, 0.8, 0.2, 1])
        // dist2max 1 − (5 − x)/4
        expectValues(try Normalise.vector(x, method: .dist2max), [0.5, 0, .nan, 0.75, 0, 1])
        // dist2ref with reference value 4: 1 − (4 − x)/(4 − 1); 5 → 4/3, not capped
        expectValues(try Normalise.vector(x, method: .dist2ref(unit: "D"), referenceValue: 4),
                     [2.0 / 3, 0, .nan, 1, 0, 4.0 / 3])
        // dist2targ with target 3: (x − 1)/(3 − 1); above the target exceeds 1 (no cap)
        expectValues(try Normalise.vector(x, method: .dist2targ, target: 3), [1, 0, .nan, 1.5, 0, 2])
    }

    @Test func goalpostsClipAndScale() throws {
        // COINr n_goalposts(c(1, 11, -1), c(0, 10, 1)): 1/10 = 0.1, 11 → 1.1 clipped to 1, −1 → −0.1 clipped to 0
        expectValues(try Normalise.vector([1, 11, -1, .nan], method: .goalposts(scale: 1), goalposts: (0, 10)),
                     [0.1, 1, 0, .nan])
        // scale 100, goalposts (2, 6): 3 → 25, 5 → 75
        expectValues(try Normalise.vector([3, 5], method: .goalposts(scale: 100), goalposts: (2, 6)), [25, 75])
    }

    @Test func fittedParametersApplyToOtherValues() throws {
        // basis 1, 3, 5: rank of 2 = 1 + #{< 2} = 2, of 5 = 1 + 2 = 3, of 7 = 4
        let fit = try Normalise.fit([1, 3, 5], method: .rank)
        #expect(fit.sorted == [1, 3, 5] && fit.count == 3)
        expectValues(Normalise.vector([2, 5, 7, .nan], method: .rank, fit: fit), [2, 3, 4, .nan])
        // minmax on basis 1…5 applied to 7: (7 − 1)/4·100 = 150
        let mm = try Normalise.fit([1, 5], method: .minmax(lower: 0, upper: 100))
        #expect(mm.min == 1 && mm.max == 5 && mm.mean == nil)
        expectValues(Normalise.vector([7], method: .minmax(lower: 0, upper: 100), fit: mm), [150])
    }

    @Test func unusableInputsThrowWithTheReason() throws {
        /// The message of the BuurtError `body` throws ("" when it does not throw one).
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch let error as BuurtError { return error.message } catch { return "" }
        }
        #expect(message { _ = try Normalise.vector([2, 2, .nan], method: .zscore(mean: 0, sd: 1)) }.contains("needs variation"))
        #expect(message { _ = try Normalise.vector([5, .nan], method: .minmax(lower: 0, upper: 1)) }.contains("at least 2 available values, found 1"))
        #expect(message { _ = try Normalise.vector([3, 3], method: .minmax(lower: 0, upper: 1)) }.contains("needs a range"))
        #expect(message { _ = try Normalise.vector([3, 3], method: .dist2max) }.contains("needs a range"))
        #expect(message { _ = try Normalise.vector([4], method: .prank) }.contains("at least 2"))
        #expect(message { _ = try Normalise.vector([-1, 0], method: .fracmax) }.contains("non-zero maximum"))
        #expect(message { _ = try Normalise.vector([1, 2], method: .dist2targ) }.contains("needs a target"))
        #expect(message { _ = try Normalise.vector([1, 2], method: .dist2targ, target: 1) }.contains("different from the worst"))
        #expect(message { _ = try Normalise.vector([1, 2], method: .goalposts(scale: 1)) }.contains("needs goalposts"))
        #expect(message { _ = try Normalise.vector([1, 2], method: .dist2ref(unit: "X")) }.contains("reference unit X"))
        #expect(message { _ = try Normalise.vector([1, 2], method: .dist2ref(unit: "X"), referenceValue: 1) }.contains("above the minimum"))
        // rank and borda need no minimum count: all missing stays missing
        expectValues(try Normalise.vector([.nan, .nan], method: .rank), [.nan, .nan])
    }
}
