import BuurtNumerics
import Testing

@Suite struct RandomTests {
    // Random123 tests/kat_vectors, "philox4x32 10" lines: counter[4] key[2] → output[4].
    @Test func philoxMatchesRandom123KnownAnswers() {
        let zero = Philox4x32(key: (0, 0)).block((0, 0, 0, 0))
        #expect([zero.0, zero.1, zero.2, zero.3] == [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])

        let ones = Philox4x32(key: (.max, .max)).block((.max, .max, .max, .max))
        #expect([ones.0, ones.1, ones.2, ones.3] == [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd])

        let pi = Philox4x32(key: (0xa409_3822, 0x299f_31d0)).block((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344))
        #expect([pi.0, pi.1, pi.2, pi.3] == [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }

    @Test func seedStreamAndIndexMapOntoKeyAndCounterWords() {
        // seed = key1‖key0, index = ctr1‖ctr0, stream = ctr3‖ctr2: the "pi" vector again.
        let g = Philox4x32(seed: 0x299f_31d0_a409_3822)
        #expect(g == Philox4x32(key: (0xa409_3822, 0x299f_31d0)))
        let b = g.block(stream: 0x0370_7344_1319_8a2e, index: 0x85a3_08d3_243f_6a88)
        #expect([b.0, b.1, b.2, b.3] == [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }

    @Test func streamYieldsTwoWordsPerBlockLowWordFirst() {
        // Stream 0 of seed 0 starts with the all-zero block: 6627e8d5 e169c58d bc57ac4c 9b00dbd8.
        var s = RandomStream(seed: 0, stream: 0)
        #expect(s.next() == 0xe169_c58d_6627_e8d5)
        #expect(s.next() == 0x9b00_dbd8_bc57_ac4c)
        #expect(s.blockIndex == 1)
        let b1 = Philox4x32(seed: 0).block(stream: 0, index: 1)
        #expect(s.next() == UInt64(b1.0) | UInt64(b1.1) << 32)
    }

    @Test func streamsAreReproducibleIndependentAndResumable() {
        var a = RandomStream(seed: 42, stream: 7)
        let first = (0..<10).map { _ in a.next() }

        // Drawing from other streams in between changes nothing.
        var b = RandomStream(seed: 42, stream: 7)
        var other = RandomStream(seed: 42, stream: 8)
        var interleaved: [UInt64] = []
        for _ in 0..<10 {
            _ = other.next()
            interleaved.append(b.next())
        }
        #expect(interleaved == first)

        // Starting at block 2 skips the first four values.
        var c = RandomStream(seed: 42, stream: 7, start: 2)
        #expect((0..<6).map { _ in c.next() } == Array(first[4...]))

        var d = RandomStream(seed: 43, stream: 7)
        var e = RandomStream(seed: 42, stream: 6)
        #expect(d.next() != first[0])
        #expect(e.next() != first[0])
    }
}
