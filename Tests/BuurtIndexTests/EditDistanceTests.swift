import BuurtNumerics
import Testing
import BuurtIndex

@Suite struct EditDistanceTests {
    /// kitten → sitting: k→s, e→i, +g = 3; case is ignored; an empty name is as far as the
    /// other's length; each edit of one character costs 1.
    @Test func handCases() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("Normalise", "normalize") == 1)
        #expect(EditDistance.between("", "abc") == 3 && EditDistance.between("abc", "") == 3)
        #expect(EditDistance.between("litter", "liter") == 1)
        #expect(EditDistance.between("crime", "crime") == 0)
        #expect(EditDistance.between("ab", "ba") == 2)
    }
}
