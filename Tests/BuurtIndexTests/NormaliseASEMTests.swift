import BuurtTestSupport
import BuurtNumerics
import Foundation
import Testing
import BuurtIndex

/// The normalise stage against COINr 1.1.14 on the ASEM example (51 units, 49 indicators,
/// iMeta directions). Tolerance 1e-9 absolute; each test prints its largest difference.
@Suite(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
struct NormaliseASEMTests {
    /// Largest |ours − COINr| over every indicator cell; a cell missing on one side only counts as ∞.
    static func maxDifference(_ ours: Panel, _ reference: Fixtures.Table, indicators: [String]) -> Double {
        var worst = 0.0
        for code in indicators {
            for (a, b) in zip(ours.column(code)!, reference.numbers(code)) {
                worst = max(worst, a.isNaN && b.isNaN ? 0 : a.isNaN || b.isNaN ? .infinity : abs(a - b))
            }
        }
        return worst
    }

    static func check(_ file: String, input: String, method: NormaliseMethod) throws -> Double {
        let model = try Fixtures.asemModel()
        let out = try Normalise.apply(Fixtures.asemPanel(input), model: model, parameters: NormaliseParameters(method: method))
        let worst = maxDifference(out.panel, try Fixtures.asem(file), indicators: model.indicators)
        print("COINr \(file): max abs diff \(worst)")
        return worst
    }

    @Test(arguments: [
        ("norm_raw_n_minmax_0_100.csv", NormaliseMethod.minmax(lower: 0, upper: 100)),
        ("norm_raw_n_zscore_0_1.csv", .zscore(mean: 0, sd: 1)),
        ("norm_raw_n_rank_min.csv", .rank),
        ("norm_raw_n_borda_min.csv", .borda),
        ("norm_raw_n_prank_min.csv", .prank),
        ("norm_raw_n_dist2max.csv", .dist2max),
        ("norm_raw_n_dist2targ_iMeta.csv", .dist2targ),
    ])
    func rawNormalisationsMatchCOINr(file: String, method: NormaliseMethod) throws {
        #expect(try Self.check(file, input: "pipeline_01_Raw.csv", method: method) < 1e-9)
    }

    /// COINr divides by a zero maximum and writes Inf (or NA for 0/0) for CostImpEx, Tariff and
    /// Poverty, whose direction −1 turns a raw minimum of 0 into the maximum; those columns are
    /// refused here, every other one must match.
    @Test func fractionOfMaximumMatchesCOINrWhereDefined() throws {
        let model = try Fixtures.asemModel()
        let raw = try Fixtures.asemPanel("pipeline_01_Raw.csv")
        let reference = try Fixtures.asem("norm_raw_n_fracmax.csv")
        var worst = 0.0, refused: [String] = []
        for code in model.indicators {
            let d = model.node(code)!.direction
            let x = raw.column(code)!.map { $0 * d }
            let expected = reference.numbers(code)
            if expected.contains(where: \.isInfinite) {
                #expect(throws: BuurtError.self) { try Normalise.vector(x, method: .fracmax) }
                refused.append(code)
                continue
            }
            let ours = try Normalise.vector(x, method: .fracmax)
            for (a, b) in zip(ours, expected) {
                worst = max(worst, a.isNaN && b.isNaN ? 0 : a.isNaN || b.isNaN ? .infinity : abs(a - b))
            }
        }
        print("COINr norm_raw_n_fracmax.csv: max abs diff \(worst) (refused: \(refused.joined(separator: ", ")))")
        #expect(refused == ["CostImpEx", "Tariff", "Poverty"])
        #expect(worst < 1e-9)
    }

    @Test func minmaxOneToHundredMatchesCOINr() throws {
        #expect(try Self.check("simple_normalised_minmax_1_100.csv", input: "pipeline_01_Raw.csv",
                               method: .minmax(lower: 1, upper: 100)) < 1e-9)
    }

    @Test func treatedToNormalisedMatchesThePipeline() throws {
        #expect(try Self.check("pipeline_06_Normalised.csv", input: "pipeline_05_Treated.csv",
                               method: .minmax(lower: 0, upper: 100)) < 1e-9)
    }
}
