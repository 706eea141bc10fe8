import BuurtTestSupport
import BuurtNumerics
import Numerics
import Testing
import BuurtIndex

@Suite struct PCATests {
    @Test func componentsOfFiveIndicatorsMatchNumpy() throws {
        // numpy: w, V = np.linalg.eigh(np.corrcoef(X, rowvar=False)), sorted descending, each
        // column flipped so its largest |entry| is positive; prcomp's sdev² via
        // np.linalg.svd of the standardised X agrees to 1e-15
        let pca = try PrincipalComponents(columns: fiveIndicatorColumns)
        let eigenvalues = [2.1740796139527796, 1.5200931267990536, 0.6466027843963681, 0.42845849871517266, 0.2307659761366264]
        let loadings: [[Double]] = [  // one array per component
            [0.49035792062965444, 0.6038617271138484, 0.5726387178234648, 0.08079693132044724, 0.2458798058839702],
            [-0.19501639528168582, -0.1794642970899894, -0.02416174542334677, 0.7091373946082924, 0.6529177109464821],
            [0.7691890801648944, -0.17773828629735178, -0.41994810162461277, 0.3759715177189406, -0.24299438336135357],
            [0.18678208023285173, 0.1733995362782684, -0.5412014950552098, -0.49986210946939347, 0.6263256889104769],
            [-0.3081855426623243, 0.7358568359400068, -0.44971729186177034, 0.3152448268224021, -0.24882010541055374],
        ]
        #expect(pca.observations == 14)
        for k in 0..<5 {
            #expect(pca.eigenvalues[k].isApproximatelyEqual(to: eigenvalues[k], absoluteTolerance: 1e-13))
            #expect(pca.explained[k].isApproximatelyEqual(to: eigenvalues[k] / 5, absoluteTolerance: 1e-13))
            for i in 0..<5 {
                #expect(pca.loadings[i, k].isApproximatelyEqual(to: loadings[k][i], absoluteTolerance: 1e-12))
            }
        }
    }

    @Test func largestLoadingOfEachComponentIsPositive() throws {
        let pca = try PrincipalComponents(columns: fiveIndicatorColumns)
        for k in 0..<5 {
            let column = pca.loadings.column(k)
            let largest = column.max { abs($0) < abs($1) }!
            #expect(largest > 0)
        }
    }

    @Test func incompleteRowsAreDroppedAndDegenerateInputGivesNaN() throws {
        // two indicators with r = 1/2 (x = 1,2,3; y = 1,3,2; the 4th row has a gap):
        // R = [[1, ½], [½, 1]] has eigenvalues 3/2 and 1/2 with vectors (1, 1)/√2 and (1, −1)/√2
        let pca = try PrincipalComponents(columns: [[1, 2, 3, 9], [1, 3, 2, .nan]])
        #expect(pca.observations == 3)
        #expect(pca.eigenvalues[0].isApproximatelyEqual(to: 1.5, absoluteTolerance: 1e-15))
        #expect(pca.explained[1].isApproximatelyEqual(to: 0.25, absoluteTolerance: 1e-15))
        #expect(pca.loadings[0, 0].isApproximatelyEqual(to: 0.5.squareRoot(), absoluteTolerance: 1e-15))
        #expect(pca.loadings[1, 0].isApproximatelyEqual(to: 0.5.squareRoot(), absoluteTolerance: 1e-15))
        #expect(abs(pca.loadings[0, 1]).isApproximatelyEqual(to: 0.5.squareRoot(), absoluteTolerance: 1e-15))
        #expect(pca.loadings[0, 1] * pca.loadings[1, 1] < 0)
        let constant = try PrincipalComponents(columns: [[1, 2, 3], [5, 5, 5]])
        #expect(constant.eigenvalues.allSatisfy(\.isNaN) && constant.loadings.storage.allSatisfy(\.isNaN))
    }

    /// The ASEM pillars: aggregates whose children are all indicators, with their indicator columns
    /// from the normalised data.
    private func asemPillars() throws -> [(group: String, codes: [String], pca: PrincipalComponents)] {
        let model = try Fixtures.asemModel()
        let panel = try Fixtures.asemPanel("pipeline_06_Normalised.csv")
        return try model.aggregatesBottomUp.compactMap { group in
            let codes = model.children(of: group)
            guard codes.allSatisfy({ model.node($0)?.kind == .indicator }) else { return nil }
            return (group, codes, try PrincipalComponents(columns: codes.map { panel.column($0)! }))
        }
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func eigenvaluesMatchCOINrPerPillar() throws {
        let reference = try Fixtures.asem("pca_eigenvalues_normalised_bygroup.csv")
        let groups = reference.column("Group"), pcs = reference.numbers("PC")
        let values = reference.numbers("eigenvalue"), shares = reference.numbers("var_explained")
        let pillars = try asemPillars()
        #expect(pillars.count == 8)
        #expect(reference.rows.count == pillars.reduce(0) { $0 + $1.codes.count })
        var worst = 0.0
        for row in reference.rows.indices {
            let pillar = try #require(pillars.first { $0.group == groups[row] })
            let k = Int(pcs[row]) - 1
            worst = max(worst, abs(pillar.pca.eigenvalues[k] - values[row]), abs(pillar.pca.explained[k] - shares[row]))
        }
        // measured: 5.3e-15
        #expect(worst < 1e-8)
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func loadingsMatchCOINrPerPillarUpToSign() throws {
        let reference = try Fixtures.asem("pca_loadings_normalised_bygroup.csv")
        let groups = reference.column("Group"), codes = reference.column("iCode")
        let pcs = reference.numbers("PC"), loadings = reference.numbers("loading")
        var worst = 0.0, compared = 0
        for pillar in try asemPillars() {
            for k in 0..<pillar.codes.count {
                let rows = reference.rows.indices.filter { groups[$0] == pillar.group && Int(pcs[$0]) == k + 1 }
                let ours = rows.map { pillar.pca.loadings[pillar.codes.firstIndex(of: codes[$0])!, k] }
                let theirs = rows.map { loadings[$0] }
                #expect(rows.count == pillar.codes.count)
                worst = max(worst, differenceUpToSign(ours, theirs))
                compared += rows.count
            }
        }
        #expect(compared == reference.rows.count)
        // measured: 7.8e-15
        #expect(worst < 1e-8)
    }

    @Test(.enabled(if: Fixtures.asemAvailable, Fixtures.skipReason))
    func coinrPCAWeightsAreTheRawFirstComponentUpToSign() throws {
        // COINr's "PCA weights" are the raw PC1 loadings (unsquared, arbitrary sign per pillar)
        let reference = try Fixtures.asem("pca_weights_normalised_bygroup.csv")
        var worst = 0.0
        for pillar in try asemPillars() {
            let theirs = pillar.codes.map { reference.value(key: $0, keyColumn: "iCode", "Weight")! }
            worst = max(worst, differenceUpToSign(pillar.pca.loadings.column(0), theirs))
        }
        // measured: 7.8e-15
        #expect(worst < 1e-8)
    }

    /// min over s = ±1 of max |ours − s·theirs|.
    private func differenceUpToSign(_ ours: [Double], _ theirs: [Double]) -> Double {
        let same = zip(ours, theirs).reduce(0) { max($0, abs($1.0 - $1.1)) }
        let flipped = zip(ours, theirs).reduce(0) { max($0, abs($1.0 + $1.1)) }
        return min(same, flipped)
    }
}
