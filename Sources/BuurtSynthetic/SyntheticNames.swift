import BuurtIndex
import BuurtNumerics

/// Unique, Dutch-sounding neighbourhood names composed from syllables ("Berkenrade",
/// "Nieuw-Molenbroek Zuid"). None is meant to be a real place.
struct SyntheticNames {
    static let heads = [
        "Berken", "Eiken", "Linden", "Molen", "Kerk", "Beek", "Heide", "Hoog", "Laar", "Roode",
        "Wolfs", "Vossen", "Hazen", "Meer", "Bronne", "Kloos", "Zonne", "Akker", "Bosch", "Dorre",
        "Ganze", "Hazel", "Hulst", "Kasteel", "Klaver", "Koren", "Lange", "Maas", "Nieuwen", "Ouden",
        "Peel", "Ravens", "Schaaps", "Steen", "Ter", "Veen", "Vlier", "Wilgen", "Zand", "Elzen",
        "Esch", "Geul", "Heer", "Kalk", "Leeuwen", "Mergel", "Rozen", "Valken",
    ]
    static let tails = [
        "rade", "veld", "broek", "berg", "dal", "hof", "heide", "hoven", "kamp", "weg", "dijk", "hout",
        "beek", "burg", "laan", "wijk", "donk", "horst", "rode", "hage", "meer", "park", "akker", "bosch",
        "weide", "hoek", "plein", "poort", "schans", "erf", "gaarde", "hei", "lo", "voort", "straat", "daal",
    ]
    static let before = ["", "Oud-", "Nieuw-", "Klein-", "Groot-"]
    static let after = ["", " Noord", " Oost", " Zuid", " West", " Centrum"]

    /// Draws from stream `namesStream + unit`, disjoint from the data streams.
    static let namesStream: UInt64 = 1 << 32

    private var taken: Set<String> = []
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
    }

    /// The name of unit `unit` (0-based). Names are handed out in unit order: a draw that is
    /// already taken is drawn again (with a qualifier such as "Oud-" or " Noord" from the third
    /// try on), so the result depends only on the seed and the names of the units before it.
    mutating func name(for unit: Int) -> String {
        var g = RandomStream(seed: seed, stream: Self.namesStream + UInt64(unit))
        var base = ""
        for attempt in 0..<64 {
            base = Self.pick(Self.heads, &g) + Self.pick(Self.tails, &g)
            let qualify = g.uniform() < 0.15 || attempt >= 2
            // 29 qualifier combinations: every (before, after) pair except ("", "").
            let q = 1 + Int(g.uniform() * Double(Self.before.count * Self.after.count - 1))
            let name = qualify ? Self.before[q / Self.after.count] + base + Self.after[q % Self.after.count] : base
            if Self.isAwkward(base) { continue }
            if taken.insert(name).inserted { return name }
        }
        let numbered = "\(base) \(unit + 1)"  // only when ~50 000 names are already in use
        taken.insert(numbered)
        return numbered
    }

    /// "Heideheide", "Beekbeek": the tail repeats the head.
    private static func isAwkward(_ name: String) -> Bool {
        let lower = name.lowercased()
        return tails.contains { lower.hasSuffix($0 + $0) }
    }

    private static func pick(_ list: [String], _ g: inout RandomStream) -> String {
        list[Int(g.uniform() * Double(list.count))]
    }
}
