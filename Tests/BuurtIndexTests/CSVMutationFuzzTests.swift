import BuurtNumerics
import Testing
import BuurtIndex

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fixed-seed generator so the fuzz run is repeatable.
struct CSVFuzzRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("CSV mutation fuzzing")
struct CSVMutationFuzzTests {
    /// Valid data files for ``PanelFixture/model()``: a `,` file with BOM, quotes, CRLF and
    /// non-ASCII text, and a `;` file with decimal commas.
    static let seeds: [[UInt8]] = [
        [0xEF, 0xBB, 0xBF] + Array("unit,name,year,G,Pop,A,B\r\nX,\"Ex, \"\"één\"\"\",2020,g1,1000,1.5,NA\r\nY,\"Why\r\nnot\",2020,g2,2e3,-2.25,3\r\n".utf8),
        Array("unit;name;year;G;Pop;A;B\nX;Ex;2020;g1;1000;1,5;.\nY;Ÿ 😀;2021;g2;2000;-2,25;3\nZ;;2021;;3000;4;-\n".utf8),
    ]
    static let interesting: [UInt8] = Array(",;\"\n\r 0.-9NAe".utf8) + [0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x80, 0xFF]

    /// 2,000 mutants (1–4 bit flips, insertions, deletions or byte replacements each) of the
    /// seed files: reading never crashes and obeys ``CSVInvariants``, and loading what reads never
    /// crashes and either gives a panel of the table's shape or reports located problems.
    @Test func mutatedFilesNeverCrash() throws {
        var rng = CSVFuzzRandom(seed: 20_240_601)
        let model = try PanelFixture.model()
        var parsed = 0, rejected = 0, loaded = 0
        for _ in 0..<2_000 {
            var bytes = Self.seeds[Int.random(in: 0..<Self.seeds.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutate(&bytes, using: &rng)
            }
            guard let table = CSVInvariants.check(bytes) else { rejected += 1; continue }
            parsed += 1
            do {
                let panel = try PanelLoader.load(table, model: model, columns: DataColumns())
                loaded += 1
                #expect(panel.rowCount == table.rows.count)
                #expect(panel.values.storage.allSatisfy { $0.isNaN || $0.isFinite })
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.location?.file == "t.csv" })
            }
        }
        // The mutants cover both outcomes; some still load as panels.
        #expect(parsed > 0 && rejected > 0 && loaded > 0)
    }

    private func mutate(_ bytes: inout [UInt8], using rng: inout CSVFuzzRandom) {
        let position = Int.random(in: 0...bytes.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0 where position < bytes.count:
            bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1:
            bytes.insert(Self.interesting.randomElement(using: &rng)!, at: position)
        case 2 where position < bytes.count:
            bytes.remove(at: position)
        case 3 where position < bytes.count:
            bytes[position] = Self.interesting.randomElement(using: &rng)!
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
        }
    }
}
